"""The cstocli app: the root command, its commands, and the entry points.

parse -> load -> query -> view -> terminal: the commands live in ``reading`` (speakers,
search, stats, show, facts) and ``library_commands`` (import, library ...); errors
become exit codes in ``command.Group``.
"""

# ruff: noqa: PLC0415 - imports are deferred on purpose: each command loads only what it uses.
# ruff: noqa: D412 - Typer needs the blank line after "Example:" to keep the example on its own line.

from __future__ import annotations

import importlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Annotated, NoReturn

import typer
from typer import _click as click  # Typer 0.28 vendors Click; the pin keeps this stable

from cstocli import __version__
from cstocli.cli.command import new_app
from cstocli.cli.streams import OutputError, guard_streams
from cstocli.cli.terminal import clamp_widths, silence_stdout, warn
from cstocli.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

app = new_app()


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cstocli {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Browse, search and fact-check the quotes and figures of a news article.

    Without --data it reads the bundled article: the CSTO summit in Minsk, 30 November 2017.

    Example:

        cstocli search impetus
    """


_ORDER = ("speakers", "search", "stats", "show", "facts", "random", "cite", "browse", "import")
"""The commands in the order ``--help`` lists them (the ``library`` group after them)."""
_ON_DEMAND = {
    "speakers": "reading",
    "stats": "reading",
    "show": "reading",
    "facts": "reading",
    "search": "search_command",
    "random": "fortune",
    "cite": "cite_command",
    "browse": "browse_command",
}
"""Commands whose module is imported only when they run or the whole app is listed, so
that no command pays for the others' modules at start-up (``reading`` registers its four)."""


def _register(name: str) -> None:
    if not any(c.name == name for c in app.registered_commands):
        importlib.import_module(f"cstocli.cli.{_ON_DEMAND[name]}").register(app)


def full_app() -> typer.Typer:
    """The app with every command, the library ones (import, library ...) included.

    They are registered on first need, so that ``speakers`` and friends do not pay for
    importing their module (~1 ms of start-up).
    """
    for name in _ON_DEMAND:
        _register(name)
    if not any(c.name == "import" for c in app.registered_commands):
        from cstocli.cli import library_commands

        library_commands.register(app)
    app.registered_commands.sort(key=lambda c: _ORDER.index(c.name or ""))
    return app


# -- entry points ------------------------------------------------------------------------------


def run(argv: Sequence[str] | None = None) -> int:
    """Run cstocli with ``argv`` (default: the process arguments) and return the exit code."""
    clamp_widths(os.environ)  # before Rich or Typer's help reads COLUMNS
    command = _command_for(sys.argv[1:] if argv is None else argv)
    try:
        command.main(args=argv, prog_name="cstocli", standalone_mode=True)
    except SystemExit as done:
        return _exit_code(done.code)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``cstocli`` console script and ``python -m cstocli``: run, then exit."""
    for stream in (sys.stdout, sys.stderr):
        # Text the terminal's encoding cannot show becomes "?" rather than a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    guard_streams()
    # SIGTERM unwinds like Ctrl-C: open transactions roll back, worker pools shut down.
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        code = EXIT_OK
    except OutputError as error:  # from help or a message printed outside a command
        silence_stdout()
        warn(str(error))
        code = EXIT_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        code = EXIT_INTERRUPTED
    raise SystemExit(code)


def _terminate(signum: int, frame: object) -> NoReturn:
    warn("terminated")
    raise SystemExit(128 + signum)


def _command_for(argv: Sequence[str]) -> click.Command:
    """The Click command for ``argv``, building only the subcommand it invokes.

    Typer inspects every command's signature to build the group (~2 ms of a ~90 ms run);
    when argv names a command, an app holding just that one behaves the same. Anything
    else (no command, a typo that needs "did you mean", shell completion) gets them all.
    """
    # Only a leading command name: "cstocli -h speakers" must still list every command.
    name = argv[0] if argv else None
    if name in _ON_DEMAND:
        _register(name)
    chosen = [c for c in app.registered_commands if c.name == name]
    if not chosen or any(key.startswith("_CSTOCLI_COMPLETE") for key in os.environ):
        return typer.main.get_command(full_app())
    lean = new_app()
    lean.registered_callback = app.registered_callback
    lean.registered_commands = chosen
    return typer.main.get_command(lean)


def _exit_code(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE
