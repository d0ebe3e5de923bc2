"""How every command fails and reads: the Click group and command classes of cstocli.

``Group`` is the one place where an error becomes a stderr line and an exit code;
``Command`` writes usage lines as ``TERM...`` and ``ID``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

import typer
from typer import _click as click  # Typer 0.28 vendors Click; the pin keeps this stable
from typer._click.exceptions import MissingParameter, NoArgsIsHelpError, NoSuchOption
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup

from cstocli.cli.streams import OutputError
from cstocli.cli.terminal import silence_stdout, warn
from cstocli.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, CstocliError


class HelpContext(click.Context):
    """A Click context whose help uses ``help.HelpFormatter`` at the terminal's real width."""

    def make_formatter(self) -> click.HelpFormatter:
        """The help formatter, imported only when help is printed (not on every run)."""
        from cstocli.cli.help import formatter  # noqa: PLC0415 - keeps it off start-up

        return formatter()


class Group(TyperGroup):
    """The one place where errors become a stderr line and an exit code."""

    context_class = HelpContext

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the root's arguments; a usage error becomes one line and exit 2."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except NoArgsIsHelpError as asked:
            _print_help(asked)
        except ClickUsageError as error:
            warn(usage_line(error))
            raise typer.Exit(EXIT_USAGE) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; its errors become one stderr line and their exit code."""
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError as asked:
            _print_help(asked)
        except ClickUsageError as error:  # from a subcommand's parsing, or an unknown command
            warn(usage_line(error))
            raise typer.Exit(EXIT_USAGE) from None
        except CstocliError as error:
            warn(str(error))
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            # The reader (``| head -1``) has all it wants: stop quietly, like ripgrep.
            silence_stdout()
            raise typer.Exit(EXIT_OK) from None
        except OutputError as error:
            silence_stdout()  # what is still buffered must not fail again at exit
            warn(str(error))
            raise typer.Exit(EXIT_USAGE) from None
        except KeyboardInterrupt:
            # Any write in progress was rolled back on the way here (``with`` blocks).
            warn("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None


class Command(TyperCommand):
    """A command whose usage line reads ``TERM...``, ``ID`` (Typer writes ``{TERM}``)."""

    context_class = HelpContext

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence whole: the help formatter wraps it, never cuts it with "..."."""
        return super().get_short_help_str(limit=1000)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """The options placeholder, then each argument: ``NAME``, ``NAME...``, ``[NAME]``."""
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                if param.nargs != 1 and not name.endswith("..."):
                    name += "..."
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def _print_help(asked: NoArgsIsHelpError) -> NoReturn:
    """A bare group (``cstocli``, ``cstocli library``): its help on stdout, exit 2."""
    typer.echo(asked.ctx.get_help())
    raise typer.Exit(EXIT_USAGE)


def usage_line(error: ClickUsageError) -> str:
    """A Click usage error as one line: the command, then what is wrong, lower case.

    ``search: no such option '--foo' (did you mean '--json'?)``,
    ``no such command 'serch' (did you mean 'search'?)``, ``search: missing argument TERM``.
    """
    where = ""
    if error.ctx is not None:
        root = error.ctx.find_root().command_path
        where = error.ctx.command_path[len(root) :].strip()
    if isinstance(error, NoSuchOption):
        message = f"no such option {error.option_name!r}" + _did_you_mean(error.possibilities)
    elif isinstance(error, MissingParameter) and isinstance(error.param, TyperArgument):
        param = error.param
        message = f"missing argument {param.metavar or (param.name or '').upper()}"
    else:
        message = error.format_message()
        if message.startswith("No such command"):
            # Typer appends ". Did you mean 'search'?"; put it in the one-line form.
            message, _, close = message.partition(". Did you mean ")
            message += f" (did you mean {close}" if close else ""
            message = message[:-1] + "?)" if close else message
    message = message[:1].lower() + message[1:]
    return f"{where}: {message.rstrip('.')}" if where else message.rstrip(".")


def _did_you_mean(possibilities: Sequence[str] | None) -> str:
    if not possibilities:
        return ""
    return f" (did you mean {', '.join(repr(p) for p in sorted(possibilities))}?)"


def new_app() -> typer.Typer:
    """An empty cstocli app: its group, its name, ``-h`` as ``--help``."""
    return typer.Typer(
        cls=Group,
        name="cstocli",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # Click's plain help: rewrapped to any width, never cut
        context_settings={"help_option_names": ["-h", "--help"]},
    )
