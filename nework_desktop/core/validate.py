"""The one validation kit for JSON, from disk and from the network.

Two pieces:

* :func:`parse_json` -- strict JSON: UTF-8 only, no duplicate keys, no ``NaN``/``Infinity``, no
  number longer than Python accepts, and at most :data:`MAX_DEPTH` levels of nesting (deeper
  input, up to the 100,000 levels a hostile file may hold, is refused, never a
  ``RecursionError``).  Every failure is an :class:`Invalid` with a one-line ``detail``.
* :class:`At` -- a location in a document (``modules[2].hosts[0]``) that checks one value and
  returns it typed: :meth:`At.obj`, :meth:`At.array`, :meth:`At.text`, :meth:`At.integer`,
  :meth:`At.flag`, :meth:`At.choice` …  A wrong value fails with the location and what was
  expected (``expected a string, got an array``), through the error factory the caller chose,
  so each reader raises its own documented error (``PolicyError``, ``LedgerCorrupt``,
  ``BadReplyError``) from the same checks.

Checks never trust a type: a list where a string belongs is reported, never hashed, compared or
iterated as if it were one.  No Qt here.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final, NoReturn, TypeVar

__all__ = [
    "MAX_DEPTH",
    "At",
    "ErrorFactory",
    "Invalid",
    "ascii_int",
    "describe",
    "located",
    "parse_json",
    "parse_utc",
    "raising",
]

#: Nesting deeper than this is refused (our own files and the service's replies need < 10).
MAX_DEPTH: Final = 64
#: A SHA-256 as the app writes it (lowercase hex) and a UTC moment as it writes it (ISO 8601,
#: seconds or microseconds, ending in "Z"): :meth:`At.sha256`, :meth:`At.utc_stamp`.
SHA256_HEX: Final = re.compile(r"[0-9a-f]{64}", re.ASCII)
UTC_STAMP: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z", re.ASCII)

_T = TypeVar("_T")


class Invalid(ValueError):
    """A value is not what it must be.  ``location`` is ``""`` for the whole document."""

    def __init__(self, location: str, detail: str) -> None:
        self.location = location
        self.detail = detail
        super().__init__(located(location, detail))

    def __reduce__(self) -> tuple[type[Invalid], tuple[str, str]]:
        return (type(self), (self.location, self.detail))


#: Builds the exception a failed check raises, from ``(location, detail)``.
ErrorFactory = Callable[[str, str], Exception]


def located(location: str, detail: str) -> str:
    """A failed check in one line: ``modules[2].id: expected a string`` (``detail`` alone for
    the whole document, ``location`` "")."""
    return f"{location}: {detail}" if location else detail


def raising(error: Callable[[str], Exception]) -> ErrorFactory:
    """The :data:`ErrorFactory` of an error that takes the one line of :func:`located`."""
    return lambda location, detail: error(located(location, detail))


def describe(value: object) -> str:
    """A short JSON-ish rendering of ``value`` for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# -- parsing ------------------------------------------------------------------------------------


class _Duplicate(ValueError):
    pass


class _Constant(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _no_constant(name: str) -> object:
    raise _Constant(name)


def _depth(doc: object, limit: int) -> bool:
    """True if ``doc`` nests at most ``limit`` levels (iterative: no recursion)."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Iterable[object] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if level > limit:
            return False
        stack.extend((child, level + 1) for child in children)
    return True


def parse_json(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """Parse strict JSON (see the module docstring); raise :class:`Invalid` on any problem."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Invalid("", f"not valid UTF-8 (bad byte at offset {exc.start})") from None
    else:
        text = data
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise Invalid("", f"invalid JSON at {where}: {exc.msg}") from None
    except _Duplicate as exc:
        raise Invalid("", f"invalid JSON: duplicate key {exc.args[0]!r}") from None
    except _Constant as exc:
        raise Invalid("", f"invalid JSON: {exc.args[0]} is not allowed") from None
    except RecursionError:
        raise Invalid("", f"invalid JSON: nested more than {max_depth} levels deep") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise Invalid("", f"invalid JSON: {exc}") from None
    if not _depth(doc, max_depth):
        raise Invalid("", f"invalid JSON: nested more than {max_depth} levels deep")
    return doc


def ascii_int(text: str | None, *, max_digits: int = 18) -> int | None:
    """A non-negative decimal integer written in ASCII digits only (HTTP headers, ports, PIDs),
    or None.  ``str.isdigit`` and ``int`` also take "²" or "٣"; a header never means those."""
    value = (text or "").strip()
    if not value or len(value) > max_digits or not all("0" <= c <= "9" for c in value):
        return None
    return int(value)


def parse_utc(stamp: str | None) -> datetime | None:
    """An ISO 8601 time from a record ("…Z" or with an offset) as an aware datetime, or None."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# -- checks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class At:
    """A location in a document; its methods check one value found there."""

    path: str = ""
    error: ErrorFactory = Invalid

    def key(self, name: str) -> At:
        return At(f"{self.path}.{name}" if self.path else name, self.error)

    def index(self, position: int) -> At:
        return At(f"{self.path}[{position}]", self.error)

    def fail(self, detail: str) -> NoReturn:
        raise self.error(self.path, detail)

    # -- containers ----------------------------------------------------------------------------

    def obj(
        self,
        value: object,
        required: Sequence[str] = (),
        optional: Sequence[str] = (),
        *,
        extra: bool = False,
    ) -> dict[str, object]:
        """A JSON object with these keys (others refused unless ``extra``)."""
        if not isinstance(value, dict):
            self.fail(f"expected an object, got {describe(value)}")
        for name in required:
            if name not in value:
                self.key(name).fail("required key is missing")
        if not extra:
            allowed = (*required, *optional)
            for name in value:
                if name not in allowed:
                    self.key(str(name)).fail(f"unknown key (expected one of {', '.join(allowed)})")
        return value

    def array(
        self, value: object, *, min_items: int = 0, max_items: int | None = None
    ) -> list[object]:
        if not isinstance(value, list):
            self.fail(f"expected an array, got {describe(value)}")
        if len(value) < min_items:
            got = "none" if not value else str(len(value))
            entries = "entry" if min_items == 1 else "entries"
            self.fail(f"expected at least {min_items} {entries}, got {got}")
        if max_items is not None and len(value) > max_items:
            self.fail(f"expected at most {max_items} entries, got {len(value)}")
        return value

    def mapping(
        self,
        value: object,
        check_value: Callable[[At, object], _T],
        *,
        max_items: int | None = None,
    ) -> dict[str, _T]:
        """An object whose keys are non-empty strings and whose values pass ``check_value``."""
        obj = self.obj(value, extra=True)
        if max_items is not None and len(obj) > max_items:
            self.fail(f"expected at most {max_items} entries, got {len(obj)}")
        out: dict[str, _T] = {}
        for name, item in obj.items():
            if not isinstance(name, str) or not name.strip():
                self.fail(f"keys must be non-empty strings, got {describe(name)}")
            out[name] = check_value(self.key(name), item)
        return out

    # -- scalars -------------------------------------------------------------------------------

    def text(self, value: object, *, max_len: int | None = None, empty: bool = False) -> str:
        """A string (non-blank unless ``empty``), at most ``max_len`` characters."""
        if not isinstance(value, str):
            self.fail(f"expected a string, got {describe(value)}")
        if not empty and not value.strip():
            self.fail(f"expected a non-empty string, got {value!r}")
        if max_len is not None and len(value) > max_len:
            self.fail(f"expected at most {max_len:,} characters, got {len(value):,}")
        return value

    def flag(self, value: object) -> bool:
        if not isinstance(value, bool):
            self.fail(f"expected true or false, got {describe(value)}")
        return value

    def integer(
        self,
        value: object,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
        integral_floats: bool = False,
    ) -> int:
        """An integer (never a bool) in ``minimum..maximum``; ``integral_floats`` takes 3.0."""
        if integral_floats and isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(f"expected an integer, got {describe(value)}")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            low = "" if minimum is None else f" from {minimum}"
            high = "" if maximum is None else f" to {maximum}"
            self.fail(f"expected an integer{low}{high}, got {value}")
        return value

    def number(self, value: object) -> float:
        """A finite number (never a bool)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"expected a number, got {describe(value)}")
        try:
            number = float(value)
        except OverflowError:
            self.fail("expected a finite number")
        if not math.isfinite(number):
            self.fail("expected a finite number")
        return number

    def choice(self, value: object, allowed: Mapping[str, _T]) -> _T:
        """One of ``allowed``'s keys (a string); returns the mapped value."""
        if not isinstance(value, str) or value not in allowed:
            expected = ", ".join(repr(name) for name in allowed)
            self.fail(f"expected one of {expected}, got {describe(value)}")
        return allowed[value]

    def matching(self, value: object, pattern: re.Pattern[str], expected: str) -> str:
        """A string that ``pattern`` matches in full; ``expected`` says what that is."""
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            self.fail(f"expected {expected}, got {describe(value)}")
        return value

    def sha256(self, value: object) -> str:
        """A SHA-256 in lowercase hex (64 digits)."""
        return self.matching(value, SHA256_HEX, "a SHA-256 (64 lowercase hex digits)")

    def utc_stamp(self, value: object) -> tuple[str, datetime]:
        """A UTC time written like ``2025-04-01T00:00:00Z`` that is a real moment; the text and
        the aware datetime."""
        stamp = self.matching(value, UTC_STAMP, "a UTC time like 2025-04-01T00:00:00Z")
        moment = parse_utc(stamp)
        if moment is None:
            self.fail(f"not a valid time: {stamp!r}")
        return stamp, moment

    def unique(self, values: Sequence[str], what: str, field: str | None = "id") -> None:
        """Fail at ``[i].<field>`` (or ``[i]``) of the first repeated value."""
        first_seen: dict[str, int] = {}
        for position, value in enumerate(values):
            if value in first_seen:
                where = self.index(position)
                if field is not None:
                    where = where.key(field)
                where.fail(f"duplicate {what} {value!r} (already at index {first_seen[value]})")
            first_seen[value] = position
