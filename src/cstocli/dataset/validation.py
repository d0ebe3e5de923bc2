"""Checking untrusted JSON one field at a time, with one wording for every file cstocli reads.

Datasets (``dataset.reader``) and corrections files (``importer.corrections``) both check
their JSON through ``JsonChecker``: each problem is a ``DatasetError`` naming the file and
the JSON path (``$.speakers[0].name``), worded the same way whichever file it is in:
"missing required field", "unknown field", "expected a string, got a number", "must not be
empty", "control character U+001B at offset 3", "integer does not fit in 64 bits".
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any, TypeVar

from cstocli.errors import DatasetError

_T = TypeVar("_T")

LARGEST_INTEGER = 2**63 - 1
"""The largest integer a figure may hold: SQLite's INTEGER, and every JSON tool's int64."""

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""C0 controls (tab and newline included), DEL and C1 controls: none belongs in a name, an
id or a role, and each could drive the terminal the name is printed on."""


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is an ISO 8601 date or date-time, as citations print it.

    ``2017``, ``2017-12``, ``2017-12-01`` and ``2017-12-01T10:27:43+00:00`` are.
    """
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value[5:] == "" or 1 <= int(value[5:]) <= 12
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return re.match(r"\d{4}-\d{2}-\d{2}", value) is not None


def kind_of(value: Any) -> str:
    """Name a JSON value's type the way JSON does, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


class JsonChecker:
    """Checks parsed JSON field by field; every failure is a ``DatasetError`` at its path."""

    quoted: frozenset[str] = frozenset()
    """Fields whose strings quote the article: verbatim, control characters and all."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, problem: str) -> DatasetError:
        """The error for ``problem`` at JSON path ``where`` of this file."""
        return DatasetError(self.file, where, problem)

    def object(
        self,
        value: Any,
        where: str,
        fields: tuple[str, ...] | None = None,
        *,
        ignored: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """An object holding only ``fields`` (any keys when None; ``ignored`` keys allowed)."""
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {kind_of(value)}")
        if fields is not None:
            unknown = sorted(set(value) - set(fields) - set(ignored))
            if unknown:
                raise self.fail(f"{where}.{unknown[0]}", "unknown field")
        return value

    def field(self, obj: dict[str, Any], where: str, name: str) -> Any:
        """The value of a required field."""
        if name not in obj:
            raise self.fail(f"{where}.{name}", "missing required field")
        return obj[name]

    def typed(self, value: Any, where: str, kind: type[_T], noun: str) -> _T:
        """``value`` if it is of ``kind`` (``noun`` names it in the message)."""
        # bool is an int in Python but never a valid count or offset in our files.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(where, f"expected {noun}, got {kind_of(value)}")
        return value

    def string(self, value: Any, where: str, *, verbatim: bool = False) -> str:
        """A string with something in it; unless quoted from the source, free of controls."""
        text = self.typed(value, where, str, "a string")
        if not (text if verbatim else text.strip()):
            raise self.fail(where, "must not be empty")
        found = None if verbatim else CONTROL.search(text)
        if found is not None:
            code = ord(found.group())
            raise self.fail(where, f"control character U+{code:04X} at offset {found.start()}")
        return text

    def optional_string(
        self, obj: dict[str, Any], where: str, name: str, *, verbatim: bool = False
    ) -> str | None:
        """An optional string field: absent or null is None."""
        value = obj.get(name)
        return None if value is None else self.string(value, f"{where}.{name}", verbatim=verbatim)

    def array(
        self, obj: dict[str, Any], where: str, name: str, *, required: bool = True
    ) -> list[Any]:
        """An array field; an optional one that is absent is empty."""
        value = self.field(obj, where, name) if required else obj.get(name, [])
        return self.typed(value, f"{where}.{name}", list, "an array")

    def strings(
        self,
        obj: dict[str, Any],
        where: str,
        name: str,
        *,
        required: bool = False,
        verbatim: bool = False,
    ) -> tuple[str, ...]:
        """An array of strings (absent is empty unless ``required``)."""
        values = self.array(obj, where, name, required=required)
        verbatim = verbatim or name in self.quoted
        return tuple(
            self.string(v, f"{where}.{name}[{i}]", verbatim=verbatim) for i, v in enumerate(values)
        )

    def number(self, value: Any, where: str, *, nullable: bool = False) -> float | None:
        """A number that fits a 64-bit integer or a finite double (null when ``nullable``)."""
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            noun = "a number or null" if nullable else "a number"
            raise self.fail(where, f"expected {noun}, got {kind_of(value)}")
        if isinstance(value, int) and not -LARGEST_INTEGER - 1 <= value <= LARGEST_INTEGER:
            raise self.fail(where, "integer does not fit in 64 bits")
        if not math.isfinite(value):  # 1e999 parses as inf, which --json cannot print
            raise self.fail(where, "must be a finite number")
        return value

    def date(self, obj: dict[str, Any], where: str, name: str) -> str | None:
        """An optional ISO 8601 date (or date-time) field."""
        value = self.optional_string(obj, where, name)
        if value is not None and not is_iso_date(value):
            raise self.fail(f"{where}.{name}", f"expected an ISO 8601 date, got {value!r}")
        return value
