"""Which CSV column fills which field, guessed from common export headers.

Two kinds of record come from CSV files. Requests: ServiceNow ("Short description", "Opened",
"State", "Priority", "Caller") and Jira ("Summary", "Created", "Status", "Priority",
"Reporter") exports are recognised. Pulses: a survey tool's responses (Microsoft Forms,
SurveyMonkey), one row per answer, whose question columns are found by a word they hold
("…trust…", "…recommend…"). Anything else the BRM maps by hand (in the mapping dialog, or
``--map field=column`` on the command line).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from brm_desk.domain.errors import ImportFileError


@dataclass(frozen=True)
class RequestField:
    """A field a column can fill, how a form labels it, headers that mean it, and words a
    longer header (a survey's question) holds when it means it."""

    name: str
    label: str
    headers: tuple[str, ...]
    required: bool = False
    words: tuple[str, ...] = ()


def _field(
    name: str, label: str, headers: str, required: bool = False, words: str = ""
) -> RequestField:
    """A field whose headers (and words) are written as one comma-separated line."""
    return RequestField(
        name, label, tuple(headers.split(", ")), required, tuple(filter(None, words.split(", ")))
    )


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

PULSE_FIELDS: tuple[RequestField, ...] = (
    _field(
        "partner",
        "Partner",
        "partner, business partner, business unit, department, division, team",
        required=True,
        words="business unit, department, division",
    ),
    _field(
        "taken_on",
        "Taken on",
        "taken on, date, completion time, end time, end date, submitted, submitted at, "
        "submission date, timestamp, date created, date modified, start time, start date",
    ),
    _field("trust", "Trust (1–5)", "trust", required=True, words="trust"),
    _field(
        "responsiveness",
        "Responsiveness (1–5)",
        "responsiveness, responsive",
        required=True,
        words="responsive",
    ),
    _field(
        "value_delivered",
        "Value delivered (1–5)",
        "value delivered, value",
        required=True,
        words="value",
    ),
    _field(
        "net_promoter",
        "Net promoter (0–10)",
        "net promoter, nps, recommend, likelihood to recommend",
        required=True,
        words="recommend, nps",
    ),
    _field(
        "comment",
        "Comment",
        "comment, comments, feedback, other comments, anything else",
        words="comment, feedback, anything else",
    ),
    _field(
        "answered_by",
        "Answered by",
        "answered by, respondent, email, e mail, email address, name, full name",
    ),
)


@dataclass(frozen=True)
class CsvKind:
    """A kind of record a CSV file can bring: its fields, and the field an example names."""

    noun: str
    fields: tuple[RequestField, ...]
    example: dict[str, str]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


REQUESTS = CsvKind("request", FIELDS, {"title": "Short description"})
PULSES = CsvKind("pulse", PULSE_FIELDS, {"partner": "Business unit", "trust": "Trust"})

Mapping_ = dict[str, str]
"""Field name → CSV column name (fields left out are not imported)."""

_SPACES = re.compile(r"[\s_\-.:/]+")


def normalise(header: str) -> str:
    """``Short_Description:`` and ``short description`` are the same header."""
    return _SPACES.sub(" ", header.casefold()).strip()


def guess_mapping(header: Sequence[str], kind: CsvKind = REQUESTS) -> Mapping_:
    """The columns whose names say which field they are; each column fills one field.

    A header that is exactly a field's name wins; then one that holds a field's word (a
    survey question such as "How likely are you to recommend Group IT?").
    """
    columns = {normalise(name): name for name in header}
    taken: set[str] = set()
    guessed: Mapping_ = {}
    for field in kind.fields:
        for wanted in field.headers:
            column = columns.get(wanted)
            if column is not None and column not in taken:
                guessed[field.name] = column
                taken.add(column)
                break
    for field in kind.fields:
        found = (
            column
            for word in field.words
            for key, column in columns.items()
            if re.search(rf"\b{re.escape(word)}", key) and column not in taken
        )
        column = next(found, None) if field.name not in guessed else None
        if column is not None:
            guessed[field.name] = column
            taken.add(column)
    return guessed


def parse_map_option(text: str, header: Sequence[str], kind: CsvKind = REQUESTS) -> Mapping_:
    """``title=Short description,received=Opened`` as given on the command line."""
    mapping: Mapping_ = {}
    for part in (p for p in text.split(",") if p.strip()):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field:
            raise ImportFileError(f"--map: '{part.strip()}' is not field=column")
        mapping[field] = column
    return check_mapping(mapping, header, require_title=False, kind=kind)


def check_mapping(
    mapping: Mapping[str, str],
    header: Sequence[str],
    *,
    require_title: bool = True,
    kind: CsvKind = REQUESTS,
    given: Collection[str] = (),
) -> Mapping_:
    """Known fields, existing columns (matched ignoring case), a column for each required
    field (``require_title``: the title of a request, the partner and scores of a pulse)
    unless ``given`` another way (one partner for the whole file)."""
    by_key = {name.casefold(): name for name in header}
    checked: Mapping_ = {}
    names = kind.field_names
    for field, column in mapping.items():
        if field not in names:
            raise ImportFileError(
                f"'{field}' is not a {kind.noun} field; use one of: {', '.join(names)}"
            )
        found = by_key.get(column.casefold())
        if found is None:
            raise ImportFileError(
                f"{field}: the file has no column '{column}' (its columns: {', '.join(header)})"
            )
        checked[field] = found
    missing = [f for f in kind.fields if f.required and f.name not in {*checked, *given}]
    if require_title and missing:
        name, label = missing[0].name, missing[0].label.split(" (")[0]
        raise ImportFileError(
            f"no column is mapped to the {label.lower()}; "
            f"map one (e.g. {name}={kind.example.get(name, label)})"
        )
    return checked


def mapping_key(header: Sequence[str]) -> str:
    """The same export layout gets the same key, so a mapping can be remembered for it."""
    return "|".join(sorted(normalise(name) for name in header))
