"""The one output-format dispatcher every command that prints rows goes through.

A command says what it has three ways, each built only if chosen: its JSON ``payload``,
its ``rows`` (what TSV and CSV print, and a table's cells), and optionally a Rich
``view`` for people. ``Output`` holds the user's choice (``--format``, ``--json``,
``--header``, ``--color``, ``--pager``); ``emit`` writes the one format chosen.

The default is a table at a terminal and TSV when piped (one record a line, no header,
no rule), as gh does. ``--json`` is ``--format json``.
"""

# ruff: noqa: PLC0415 - the views are imported on use: json and tsv never load Rich.

from __future__ import annotations

import functools
import importlib
import inspect
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, NoReturn, TypeAlias

import typer

from cstocli.cli.options import (
    ColorOption,
    FormatOption,
    HeaderOption,
    JsonFlag,
    PagerOption,
)
from cstocli.cli.terminal import (
    print_renderable,
    warn,
    write_csv,
    write_json,
    write_jsonl,
    write_tsv,
)
from cstocli.errors import EXIT_NO_MATCH, UsageError
from cstocli.views.colour import is_terminal

if TYPE_CHECKING:
    from cstocli.views.colour import ColorChoice
    from cstocli.views.console import Renderable
    from cstocli.views.records import Rows

Format: TypeAlias = Literal["table", "tsv", "csv", "json", "jsonl"]


class Output(NamedTuple):
    """How a command prints: the format, whether a header row, colour, paging."""

    format: Format
    header: bool | None = None
    color: ColorChoice = "auto"
    page: bool = True

    @property
    def structured(self) -> bool:
        """JSON or JSON Lines: the payload, not rows."""
        return self.format in ("json", "jsonl")


def choose(
    format_: Format | None,
    json_: bool,
    header: bool | None = None,
    color: ColorChoice = "auto",
    page: bool = True,
    *,
    piped: Format = "tsv",
) -> Output:
    """The user's choice of output; the default is a table at a terminal, else ``piped``."""
    if json_ and format_ not in (None, "json"):
        raise UsageError(f"--json is --format json; it cannot go with --format {format_}")
    if json_:
        format_ = "json"
    elif format_ is None:
        format_ = "table" if is_terminal(sys.stdout) else piped
    return Output(format_, header, color, page)


def built(view: str, function: str, *args: Any, **kwargs: Any) -> Callable[[], Any]:
    """``cstocli.views.<view>.<function>(*args, **kwargs)``, imported only when called.

    Of a command's payload, rows and view only the chosen format is built, so only its
    module is imported: ``--json`` never loads Rich, a table never loads the JSON shapes.
    """

    def build() -> Any:
        module = importlib.import_module(f"cstocli.views.{view}")
        return getattr(module, function)(*args, **kwargs)

    return build


def emit(
    out: Output,
    *,
    payload: Callable[[], object],
    rows: Callable[[], Rows],
    view: Callable[[], Renderable] | None = None,
) -> None:
    """Write what a command found in the chosen format.

    ``table`` draws ``view`` if the command has one, else ``rows`` as a fitted table.
    """
    match out.format:
        case "json":
            write_json(payload())
        case "jsonl":
            write_jsonl(payload())
        case "tsv":
            write_tsv(rows(), header=bool(out.header))
        case "csv":
            write_csv(rows(), header=out.header is not False)
        case "table":
            if view is None:
                from cstocli.views.tables import table_of

                drawn: Renderable = table_of(rows())
            else:
                drawn = view()
            print_renderable(drawn, out.color, page=out.page)


_OUTPUT_PARAMS = (
    ("format_", FormatOption, None),
    ("json_", JsonFlag, False),
    ("header", HeaderOption, None),
    ("color", ColorOption, "auto"),
    ("pager", PagerOption, True),
)


def output_options(command: Callable[..., None], *, piped: Format = "tsv") -> Callable[..., None]:
    """Give a command the shared output options; it receives them as ``out: Output``.

    Typer reads a command's options from its signature, so the wrapper's signature is
    the command's with ``out`` replaced by ``--format``, ``--json``, ``--header``,
    ``--color`` and ``--pager`` (written once, in ``options``), before the source options.
    ``piped`` is the format when stdout is not a terminal and none is asked for.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "out"]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in _OUTPUT_PARAMS
    ]
    # The shared options come before --data, --article, --all, --library in --help.
    at = next((i for i, p in enumerate(own) if p.name == "data"), len(own))
    parameters = [*own[:at], *shared, *own[at:]]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        chosen = [kwargs.pop(name) for name, _, _ in _OUTPUT_PARAMS]
        return command(*args, out=choose(*chosen, piped=piped), **kwargs)

    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


def nothing_found(out: Output, hint: str, payload: Callable[[], object] = list) -> NoReturn:
    """Nothing to show: the hint on stderr and exit 1; ``--json`` still prints its shape.

    That is ``[]`` by default, so that ``| jq length`` says 0 and a script's JSON parser
    never meets an empty stdout.
    """
    if out.format == "json":
        write_json(payload())
    warn(hint)
    raise typer.Exit(EXIT_NO_MATCH)
