"""The app's screen as plain text: what tests compare and the README shows.

Textual's own ``export_screenshot`` gives SVG; a text capture diffs line by line and
reads in a README. It renders the same compositor output that the terminal gets.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from cstocli.views.console import recording_console


def screen_text(app: App[Any]) -> str:
    """The current screen, one line per terminal row, trailing spaces trimmed."""
    width, height = app.size
    console = recording_console(width, height)
    # The compositor is what App.export_screenshot renders too; no public text export exists.
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    lines = console.export_text(styles=False).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"
