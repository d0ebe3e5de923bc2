"""The Typer app: parse -> load -> query -> view -> terminal."""
