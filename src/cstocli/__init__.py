"""cstocli: browse, search and fact-check transcript-style news articles from the terminal."""

# The single source of the version: pyproject.toml reads it from here (hatch), and
# --version prints it without importing importlib.metadata at start-up.
__version__ = "0.1.0"
