"""Whether output is coloured: the one rule, without Rich."""

from __future__ import annotations

import io

import pytest

from cstocli.views.colour import ColorChoice, color_enabled, is_terminal


@pytest.mark.parametrize(
    ("choice", "isatty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", True, {"TERM": "dumb", "FORCE_COLOR": "1"}, True),
        ("auto", False, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_enabled_follows_the_conventions(
    choice: ColorChoice, isatty: bool, environ: dict[str, str], expected: bool
) -> None:
    """--color wins; else NO_COLOR, then FORCE_COLOR, then TERM=dumb, then the TTY decide."""
    assert color_enabled(choice, isatty=isatty, environ=environ) is expected


def test_a_closed_or_plain_stream_is_no_terminal() -> None:
    """A StringIO is no terminal, and a closed stream is none either (no ValueError)."""
    stream = io.StringIO()
    assert is_terminal(stream) is False
    stream.close()
    assert is_terminal(stream) is False
