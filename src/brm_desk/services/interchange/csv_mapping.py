"""Which CSV column fills which request field, guessed from common export headers.

ServiceNow ("Short description", "Opened", "State", "Priority", "Caller") and Jira
("Summary", "Created", "Status", "Priority", "Reporter") exports are recognised; anything else
the BRM maps by hand (in the mapping dialog, or ``--map field=column`` on the command line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from brm_desk.domain.errors import ImportFileError


@dataclass(frozen=True)
class RequestField:
    """A request field a column can fill, how a form labels it, and headers that mean it."""

    name: str
    label: str
    headers: tuple[str, ...]
    required: bool = False


def _field(name: str, label: str, headers: str, required: bool = False) -> RequestField:
    """A field whose headers are written as one comma-separated line."""
    return RequestField(name, label, tuple(headers.split(", ")), required)


FIELDS: tuple[RequestField, ...] = (
    _field("title", "Title", "title, short description, summary, subject, name", required=True),
    _field(
        "received",
        "Received",
        "received, opened, opened at, created, created at, created on, created date, "
        "date created, submitted, date",
    ),
    _field("want", "Want", "want, description, details, request, issue description"),
    _field("need", "Need", "need, business need, justification, business value"),
    _field("notes", "Notes", "notes, comments, work notes, comments and work notes"),
    _field("focus", "Focus", "focus"),
    _field("status", "Status", "status, state"),
    _field("value", "Value (1–5)", "value, impact"),
    _field("urgency", "Urgency (1–5)", "urgency, priority"),
    _field(
        "raised_by", "Raised by", "raised by, caller, requested by, requester, reporter, opened by"
    ),
    _field("routed_to", "Routed to", "routed to, assignment group, assigned team"),
    _field(
        "delivered_on",
        "Delivered on",
        "delivered on, delivered, resolved, resolved at, resolution date, closed",
    ),
    _field("revisit_on", "Revisit on", "revisit on, revisit, follow up date"),
    _field(
        "outcome_note",
        "Outcome note",
        "outcome note, outcome, close notes, resolution notes, resolution",
    ),
    _field("tags", "Tags", "tags, labels, label"),
)

FIELD_NAMES = tuple(field.name for field in FIELDS)

Mapping_ = dict[str, str]
"""Request field name → CSV column name (fields left out are not imported)."""

_SPACES = re.compile(r"[\s_\-.:/]+")


def normalise(header: str) -> str:
    """``Short_Description:`` and ``short description`` are the same header."""
    return _SPACES.sub(" ", header.casefold()).strip()


def guess_mapping(header: Sequence[str]) -> Mapping_:
    """The columns whose names say which field they are; each column fills one field."""
    columns = {normalise(name): name for name in header}
    taken: set[str] = set()
    guessed: Mapping_ = {}
    for field in FIELDS:
        for wanted in field.headers:
            column = columns.get(wanted)
            if column is not None and column not in taken:
                guessed[field.name] = column
                taken.add(column)
                break
    return guessed


def parse_map_option(text: str, header: Sequence[str]) -> Mapping_:
    """``title=Short description,received=Opened`` as given on the command line."""
    mapping: Mapping_ = {}
    for part in (p for p in text.split(",") if p.strip()):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field:
            raise ImportFileError(f"--map: '{part.strip()}' is not field=column")
        mapping[field] = column
    return check_mapping(mapping, header, require_title=False)


def check_mapping(
    mapping: Mapping[str, str], header: Sequence[str], *, require_title: bool = True
) -> Mapping_:
    """Known fields, existing columns (matched ignoring case), a column for the title."""
    by_key = {name.casefold(): name for name in header}
    checked: Mapping_ = {}
    for field, column in mapping.items():
        if field not in FIELD_NAMES:
            raise ImportFileError(
                f"'{field}' is not a request field; use one of: {', '.join(FIELD_NAMES)}"
            )
        found = by_key.get(column.casefold())
        if found is None:
            raise ImportFileError(
                f"{field}: the file has no column '{column}' (its columns: {', '.join(header)})"
            )
        checked[field] = found
    if require_title and "title" not in checked:
        raise ImportFileError(
            "no column is mapped to the title; map one (e.g. title=Short description)"
        )
    return checked


def mapping_key(header: Sequence[str]) -> str:
    """The same export layout gets the same key, so a mapping can be remembered for it."""
    return "|".join(sorted(normalise(name) for name in header))
