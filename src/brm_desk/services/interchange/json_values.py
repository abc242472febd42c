"""Typed reading of JSON values: each reader names the place of a fault in its message.

Types are strict on purpose (a number is not text, 0 is not false, 3.0 is not a whole
number): a file that bends them was not made by BRM Desk and may not mean what it seems.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from brm_desk.domain.errors import ImportFileError, ValidationError

MAX_ID = 200
MISSING: Any = object()
"""Stands for a field left out, where ``None`` would mean JSON's null."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)?"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

E = TypeVar("E", bound=StrEnum)
R = TypeVar("R")


def quote(text: object, limit: int = 80) -> str:
    """A value as it can sit in a message: JSON-quoted, escaped, and cut when long."""
    shown = json.dumps(str(text), ensure_ascii=False)
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
    return shown if len(shown) <= limit else shown[: limit - 2] + '…"'


def describe(value: object) -> str:
    """What a JSON value is, in words."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float | Decimal):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def shown(value: object) -> str:
    """A value as a message shows it: text quoted, anything else described."""
    return quote(value) if isinstance(value, str) else describe(value)


class JsonObject:
    """One JSON object being read: its field names are checked, then typed values handed out."""

    def __init__(
        self,
        value: Any,
        place: str,
        fields: Collection[str],
        within: tuple[str, str] | None = None,
    ) -> None:
        """``within`` names the record an object nested in a record belongs to, for messages."""
        if not isinstance(value, dict):
            raise ImportFileError(f"{place}: must be an object {{…}}, not {describe(value)}")
        self.values: dict[Any, Any] = value
        self.place = place
        for key in value:
            if key not in fields:
                raise self._unknown(key, fields, within)

    def _unknown(
        self, key: object, fields: Collection[str], within: tuple[str, str] | None
    ) -> ImportFileError:
        close = difflib.get_close_matches(str(key), sorted(fields), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        note = f" (in {within[0]} {quote(within[1])})" if within else id_note(self.values)
        where = f"{self.place}{note}" if self.place else "the file"
        return ImportFileError(f"{where}: unknown field {quote(key)}{hint}")

    def fail(self, name: str, message: str) -> ImportFileError:
        return ImportFileError(
            f"{self.place}.{name}: {message}" if self.place else f"{name}: {message}"
        )

    def get(self, name: str, default: Any = MISSING) -> Any:
        value = self.values.get(name, default)
        if value is MISSING:
            raise self.fail(name, "is required")
        return value

    def text(self, name: str, default: Any = "") -> str:
        return self._text(name, self.get(name, default))

    def required_text(self, name: str) -> str:
        return self.text(name, MISSING)

    def texts(self, name: str) -> tuple[str, ...]:
        return tuple(self._text(f"{name}[{i}]", item) for i, item in enumerate(self.items(name)))

    def _text(self, name: str, value: object, what: str = "text") -> str:
        if not isinstance(value, str):
            raise self.fail(name, f"must be {what}, not {describe(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(name, "contains an invalid character (a lone surrogate)") from None
        return value

    def identifier(self, name: str = "id") -> str:
        """An id or a reference: non-empty text on one line of at most 200 characters."""
        return self._id(name, self.get(name))

    def identifiers(self, name: str) -> tuple[str, ...]:
        return tuple(self._id(f"{name}[{i}]", item) for i, item in enumerate(self.items(name)))

    def reference(self, name: str) -> str | None:
        return None if self.values.get(name) is None else self.identifier(name)

    def _id(self, name: str, value: object) -> str:
        found = self._text(name, value, "an id (text)")
        if not found.strip():
            raise self.fail(name, "must be a non-empty id")
        if len(found) > MAX_ID or _CONTROL.search(found):
            raise self.fail(name, f"must be an id of at most {MAX_ID} characters on one line")
        return found

    def items(self, name: str, default: Any = ()) -> list[Any]:
        value = self.get(name, list(default))
        if not isinstance(value, list):
            raise self.fail(name, f"must be a list […], not {describe(value)}")
        return value

    def integer(self, name: str, default: Any) -> int:
        value = self.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"must be a whole number, not {describe(value)}")
        return value

    def optional_integer(self, name: str) -> int | None:
        return None if self.values.get(name) is None else self.integer(name, None)

    def boolean(self, name: str, default: bool) -> bool:
        value = self.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, not {describe(value)}")
        return value

    def share(self, name: str, default: float) -> float:
        """A number from 0 to 1 (the range itself is the domain rule's to check)."""
        value = self.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise self.fail(name, f"must be a number from 0 to 1, not {describe(value)}")
        if isinstance(value, Decimal) and not value.is_finite():
            raise self.fail(name, "must be a finite number from 0 to 1")
        return float(value)

    def amount(self, name: str) -> Decimal | None:
        value = self.values.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise self.fail(name, f"must be a number or null, not {describe(value)}")
        return value if isinstance(value, Decimal) else Decimal(repr(value))

    def day(self, name: str) -> date | None:
        """A date or null."""
        value = self.values.get(name)
        return None if value is None else self._date(name, value)

    def required_day(self, name: str, default: date) -> date:
        """A date that may be left out (to take ``default``), but not null."""
        value = self.get(name, default)
        return default if value is default else self._date(name, value)

    def _date(self, name: str, value: object) -> date:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise self.fail(name, f"must be a date written YYYY-MM-DD, not {shown(value)}")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(name, f"{quote(value)} is not a real date") from None

    def moment(self, name: str) -> datetime:
        """A date and time; one without a UTC offset is left for the domain rule to refuse."""
        value = self.required_text(name)
        if not _MOMENT.fullmatch(value):
            raise self.fail(
                name, f"must be a date and time like 2026-03-02T09:00:00+01:00, not {quote(value)}"
            )
        try:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment.astimezone(UTC)
        except (ValueError, OverflowError):
            raise self.fail(name, f"{quote(value)} is not a real date and time") from None
        return moment

    def choice(self, name: str, kind: type[E], default: E) -> E:
        value = self.get(name, default)
        if value is default:
            return default
        if not isinstance(value, str) or value not in kind._value2member_map_:
            allowed = ", ".join(member.value for member in kind)
            raise self.fail(name, f"must be one of {allowed}; not {shown(value)}")
        return kind(value)


def checked(rule: Callable[[R], R], record: R, place: str) -> R:
    """Apply a domain rule, placing its message at the record's place in the file."""
    try:
        return rule(record)
    except ValidationError as error:
        where = f"{place}.{error.field}" if error.field else place
        raise ImportFileError(f"{where}: {error.reason}") from None


def id_note(value: Any) -> str:
    found = value.get("id") if isinstance(value, dict) else None
    return f" (id {quote(found)})" if isinstance(found, str) else ""
