"""Properties of the JSON format: random journals round-trip; broken documents are refused.

A refusal must be an ImportFileError (never another exception) and must leave the journal
exactly as it was.
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.enums import (
    Focus,
    Influence,
    Maturity,
    MeetingType,
    RequestStatus,
    Side,
    Stance,
)
from brm_desk.domain.errors import ImportFileError
from brm_desk.services.interchange.json_io import (
    export_journal,
    import_journal,
    read_import_file,
    write_export,
)
from brm_desk.services.journal import Journal

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

# Valid values

SAFE = st.characters(categories=["L", "N", "P", "S", "Zs"])
LINE = st.text(SAFE, max_size=30)
WORDS = st.text(SAFE, min_size=1, max_size=30).filter(str.strip)
NOTES = st.text(st.one_of(SAFE, st.sampled_from("\n\t")), max_size=120)
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
EMAILS = st.one_of(st.just(""), st.from_regex(r"\A[a-z0-9.]{1,8}@[a-z]{1,8}\.[a-z]{2,4}\Z"))
AMOUNTS = st.one_of(
    st.none(),
    st.integers(0, 10**12 - 1),
    st.floats(0, 1e12, exclude_max=True)
    .map(lambda amount: round(amount, 2))
    .filter(lambda amount: amount < 1e12),
)


def values(kind: type[Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in kind])


def ids(prefix: str, size: int) -> st.SearchStrategy[list[str]]:
    """Ids unique within the kind; the prefix keeps them unique across kinds."""
    return st.lists(WORDS.map(lambda text: f"{prefix}{text}"), max_size=size, unique=True)


@st.composite
def starts(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 1, 1)))
    offset = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
    return moment.replace(tzinfo=offset).isoformat()


def some(draw: st.DrawFn, record: dict[str, Any], **optional: st.SearchStrategy[Any]) -> None:
    """Add each optional field or leave it out (to take its default)."""
    for name, strategy in optional.items():
        if draw(st.booleans()):
            record[name] = draw(strategy)


@st.composite
def partners(draw: st.DrawFn, partner_id: str, name: str) -> dict[str, Any]:
    record: dict[str, Any] = {"id": partner_id, "name": name}
    history = st.fixed_dictionaries({"maturity": values(Maturity), "since": DAYS.map(str)})
    some(
        draw,
        record,
        business_unit=LINE,
        sponsor=LINE,
        maturity=values(Maturity),
        maturity_history=st.lists(history, max_size=3),
        target_strategic_share=st.floats(0, 1),
        touch_cadence_days=st.integers(1, 3660),
        notes=NOTES,
        archived=st.booleans(),
    )
    return record


@st.composite
def contacts(draw: st.DrawFn, contact_id: str, partner_ids: list[str]) -> dict[str, Any]:
    record = {"id": contact_id, "partner": draw(st.sampled_from(partner_ids)), "name": draw(WORDS)}
    some(
        draw,
        record,
        role=LINE,
        email=EMAILS,
        phone=st.from_regex(r"\A[0-9 +]{0,20}\Z"),
        influence=values(Influence),
        stance=values(Stance),
        notes=NOTES,
    )
    return record


ACTIONS = st.fixed_dictionaries(
    {"text": WORDS},
    optional={
        "side": values(Side),
        "owner": LINE,
        "due": st.one_of(st.none(), DAYS.map(str)),
        "done": st.one_of(st.none(), DAYS.map(str)),
    },
)


@st.composite
def meetings(
    draw: st.DrawFn, meeting_id: str, partner_ids: list[str], contact_ids: list[str]
) -> dict[str, Any]:
    record = {
        "id": meeting_id,
        "partner": draw(st.sampled_from(partner_ids)),
        "title": draw(WORDS),
        "start": draw(starts()),
    }
    some(
        draw,
        record,
        duration_minutes=st.integers(1, 1440),
        type=values(MeetingType),
        focus=values(Focus),
        location=LINE,
        attendees=st.lists(st.sampled_from(contact_ids), max_size=3)
        if contact_ids
        else st.just([]),
        notes=NOTES,
        private_notes=NOTES,
        private=st.booleans(),
        tags=st.lists(LINE, max_size=4),
        satisfaction=st.one_of(st.none(), st.integers(1, 5)),
        actions=st.lists(ACTIONS, max_size=3),
    )
    return record


@st.composite
def requests(draw: st.DrawFn, request_id: str, ids_of: dict[str, list[str]]) -> dict[str, Any]:
    others = [other for other in ids_of["requests"] if other != request_id]
    statuses = [s.value for s in RequestStatus if others or s != RequestStatus.REFRAMED]
    status = draw(st.sampled_from(statuses))
    received = draw(DAYS)
    delivered = received + timedelta(days=draw(st.integers(0, 400)))
    record: dict[str, Any] = {
        "id": request_id,
        "partner": draw(st.sampled_from(ids_of["partners"])),
        "title": draw(WORDS),
        "received": received.isoformat(),
        "status": status,
    }
    needed = {
        "deferred": {"revisit_on": draw(DAYS).isoformat()},
        "redirected": {"routed_to": draw(WORDS)},
        "reframed": {"reframed_as": draw(st.sampled_from(others)) if others else None},
        "declined": {"outcome_note": draw(WORDS)},
        "delivered": {"delivered_on": delivered.isoformat()},
        "benefits_reviewed": {
            "delivered_on": delivered.isoformat(),
            "benefit_reviewed_on": (delivered + timedelta(days=90)).isoformat(),
        },
    }
    record.update(needed.get(status, {}))
    contact_ids, meeting_ids = ids_of["contacts"], ids_of["meetings"]
    some(
        draw,
        record,
        raised_by=st.sampled_from([None, *contact_ids]),
        focus=values(Focus),
        want=NOTES,
        need=NOTES,
        value=st.integers(1, 5),
        urgency=st.integers(1, 5),
        expected_benefit=NOTES,
        expected_value_amount=AMOUNTS,
        realized_value_amount=AMOUNTS,
        meetings=st.lists(st.sampled_from(meeting_ids), max_size=3) if meeting_ids else st.just([]),
        notes=NOTES,
        private_notes=NOTES,
        private=st.booleans(),
        tags=st.lists(LINE, max_size=3),
    )
    return record


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document: unique ids and partner names, references that resolve."""
    ids_of = {
        "partners": draw(ids("p:", 3).filter(bool)),
        "contacts": draw(ids("c:", 4)),
        "meetings": draw(ids("m:", 5)),
        "requests": draw(ids("r:", 5)),
    }
    count = len(ids_of["partners"])
    names = draw(
        st.lists(WORDS, min_size=count, max_size=count, unique_by=lambda n: n.strip().casefold())
    )
    document: dict[str, Any] = {"format": "brm-desk-journal", "version": 1}
    if draw(st.booleans()):
        document["exported_at"] = "2026-11-24T10:00:00+00:00"
    document["partners"] = [
        draw(partners(pid, name)) for pid, name in zip(ids_of["partners"], names, strict=True)
    ]
    document["contacts"] = [draw(contacts(cid, ids_of["partners"])) for cid in ids_of["contacts"]]
    document["meetings"] = [
        draw(meetings(mid, ids_of["partners"], ids_of["contacts"])) for mid in ids_of["meetings"]
    ]
    document["requests"] = [draw(requests(rid, ids_of)) for rid in ids_of["requests"]]
    return document


@pytest.fixture(scope="module")
def empty_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty journal file to copy: twenty times faster than creating one per example."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    Journal.create(path).close()
    assert not Path(f"{path}-wal").exists()
    return path


def new_journal(template: Path, folder: str, name: str) -> Journal:
    path = Path(folder) / name
    shutil.copyfile(template, path)
    return Journal.open(path, today=lambda: TODAY)


def without_stamp(text: str) -> list[str]:
    return [line for line in text.splitlines() if '"exported_at"' not in line]


@settings(FUZZ, max_examples=50)
@given(document=documents())
def test_random_journals_round_trip_losslessly(
    empty_journal: Path, document: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        first_export, second_export = Path(folder) / "one.json", Path(folder) / "two.json"
        with new_journal(empty_journal, folder, "first.db") as first:
            report = import_journal(first, read_import_file(source))
            write_export(first, first_export, include_private=True)
        assert report.added == {kind: len(document[kind]) for kind in report.added}
        with new_journal(empty_journal, folder, "second.db") as second:
            import_journal(second, read_import_file(first_export))
            write_export(second, second_export, include_private=True)
        one, two = first_export.read_text("utf-8"), second_export.read_text("utf-8")
    assert without_stamp(one) == without_stamp(two)
    exported = json.loads(one)
    for kind in ("partners", "contacts", "meetings", "requests"):
        assert [r["id"] for r in exported[kind]] == [r["id"] for r in document[kind]]
    for given_meeting, kept in zip(document["meetings"], exported["meetings"], strict=True):
        assert kept["start"] == datetime.fromisoformat(given_meeting["start"]).isoformat()


# Broken documents

SEED = {
    "format": "brm-desk-journal",
    "version": 1,
    "partners": [{"id": "seed-p", "name": "Seed partner \u2603"}],
    "contacts": [{"id": "seed-c", "partner": "seed-p", "name": "Seed contact"}],
    "meetings": [
        {"id": "seed-m", "partner": "seed-p", "title": "Seed", "start": "2026-01-05T09:00Z"}
    ],
    "requests": [{"id": "seed-r", "partner": "seed-p", "title": "Seed ask", "private": True}],
}

KIND_OF_LIST = {
    "partners": "partner",
    "contacts": "contact",
    "meetings": "meeting",
    "requests": "request",
}
KIND_OF_LIST_IN_RECORD = {"maturity_history": "maturity", "actions": "action"}
FIELDS: dict[str, dict[str, str]] = {
    "top": {
        "format": "format", "version": "version", "exported_at": "text", "partners": "objects",
        "contacts": "objects", "meetings": "objects", "requests": "objects",
    },
    "partner": {
        "id": "id", "name": "text", "business_unit": "text", "sponsor": "text",
        "maturity": "enum", "maturity_history": "objects", "target_strategic_share": "share",
        "touch_cadence_days": "int", "notes": "text", "archived": "bool",
    },
    "maturity": {"maturity": "enum", "since": "date"},
    "contact": {
        "id": "id", "partner": "id", "name": "text", "role": "text", "email": "text",
        "phone": "text", "influence": "enum", "stance": "enum", "notes": "text",
    },
    "meeting": {
        "id": "id", "partner": "id", "title": "text", "start": "moment", "duration_minutes": "int",
        "type": "enum", "focus": "enum", "location": "text", "attendees": "ids", "notes": "text",
        "private_notes": "text", "private": "bool", "tags": "texts", "satisfaction": "int",
        "actions": "objects",
    },
    "action": {"text": "text", "side": "enum", "owner": "text", "due": "date", "done": "date"},
    "request": {
        "id": "id", "partner": "id", "title": "text", "raised_by": "id", "received": "date",
        "focus": "enum", "want": "text", "need": "text", "value": "int", "urgency": "int",
        "status": "enum", "routed_to": "text", "delivered_on": "date", "revisit_on": "date",
        "reframed_as": "id", "outcome_note": "text", "expected_benefit": "text",
        "expected_value_amount": "amount", "realized_value_amount": "amount",
        "benefit_reviewed_on": "date", "meetings": "ids", "notes": "text",
        "private_notes": "text", "private": "bool", "tags": "texts",
    },
}  # fmt: skip
REQUIRED = {
    "top": ["format", "version"],
    "partner": ["id", "name"],
    "maturity": ["maturity", "since"],
    "contact": ["id", "partner", "name"],
    "meeting": ["id", "partner", "title", "start"],
    "action": ["text"],
    "request": ["id", "partner", "title"],
}
NULLABLE = {
    "satisfaction", "due", "done", "raised_by", "reframed_as", "delivered_on", "revisit_on",
    "expected_value_amount", "realized_value_amount", "benefit_reviewed_on",
}  # fmt: skip
WRONG: dict[str, list[Any]] = {
    "format": ["brm-desk", "", 5, None, True],
    "version": ["1", True, 1.0, 0, 2, -1, None, [1]],
    "text": [5, True, 1.5, [], {}],
    "id": [5, True, "", "   ", "x" * 201, [], {}],
    "enum": [5, True, "nonsense", "", [], "ROUTINE"],
    "date": [5, True, "2026-13-01", "2026-02-30", "01/02/2026", "2026-01-01T00:00:00", ""],
    "moment": [5, True, "2026-03-02T09:00:00", "2026-03-02", "soon", "", "2026-03-02T09:00+24:00"],
    "int": ["3", True, False, 3.5, 3.0, 10**9, [], {}],
    "bool": [0, 1, "true", [], {}],
    "share": ["0.5", True, -0.1, 1.5, float("inf"), [], {}],
    "amount": ["100", True, -5, 10**16, float("inf"), [], {}],
    "ids": ["x", 5, {}, True, [5], [None], [""], [[]]],
    "texts": ["x", 5, {}, True, [5], [None], ["a\nb"], ["x" * 61]],
    "objects": ["x", 5, {}, True, ["x"], [5], [None], [[]]],
}
CONTROL = [chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F]]


def objects_in(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object of a document, with the kind of object it is."""
    yield "top", document
    for list_name, kind in KIND_OF_LIST.items():
        for record in document.get(list_name, []):
            yield kind, record
            for child_list in KIND_OF_LIST_IN_RECORD:
                for child in record.get(child_list, []):
                    yield KIND_OF_LIST_IN_RECORD[child_list], child


def value_sites(document: dict[str, Any]) -> list[tuple[dict[str, Any] | list[Any], Any]]:
    """Every place a value sits: (object, field name) and (list, index)."""
    sites: list[tuple[dict[str, Any] | list[Any], Any]] = []
    for kind, obj in objects_in(document):
        sites.extend((obj, name) for name in FIELDS[kind])
        for value in obj.values():
            if isinstance(value, list):
                sites.extend((value, index) for index in range(len(value)))
    return sites


def deep(depth: int, as_list: bool) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = [value] if as_list else {"a": value}
    return value


def mutate(document: dict[str, Any], data: st.DataObject) -> str:
    """Break a valid document in one way; returns what was done, for the failure report."""
    way = data.draw(
        st.sampled_from(
            [
                "drop", "unknown", "wrong", "huge", "control", "nan", "deep", "surrogate",
                "dangling", "duplicate",
            ]
        )
    )  # fmt: skip
    objects = list(objects_in(document))
    if way == "drop":
        choices = [(kind, obj, n) for kind, obj in objects for n in REQUIRED[kind] if n in obj]
        kind, obj, name = data.draw(st.sampled_from(choices))
        del obj[name]
        return f"dropped {kind}.{name}"
    if way == "unknown":
        kind, obj = data.draw(st.sampled_from(objects))
        key = data.draw(st.text(min_size=1, max_size=20).filter(lambda k: k not in FIELDS[kind]))
        obj[key] = data.draw(st.sampled_from(["x", 1, None, [], {}]))
        return f"added {key!r} to a {kind}"
    if way == "wrong":
        kind, obj = data.draw(st.sampled_from(objects))
        name = data.draw(st.sampled_from(sorted(FIELDS[kind])))
        wrong = list(WRONG[FIELDS[kind][name]])
        if name not in NULLABLE and None not in wrong:
            wrong.append(None)
        obj[name] = data.draw(st.sampled_from(wrong))
        return f"set {kind}.{name} to {obj[name]!r:.40}"
    if way == "dangling":
        refs = [
            (obj, name)
            for kind, obj in objects
            for name in ("partner", "raised_by", "reframed_as")
            if kind in ("contact", "meeting", "request") and name in FIELDS[kind]
        ]
        if not refs:
            document["top-level typo"] = 1
            return "added an unknown top-level field"
        obj, name = data.draw(st.sampled_from(refs))
        obj[name] = "zz-nowhere"
        return f"pointed {name} nowhere"
    if way == "duplicate":
        records = [obj for kind, obj in objects if "id" in FIELDS[kind]]
        if len(records) < 2:
            del document["format"]
            return "dropped the format"
        first, second = data.draw(st.lists(st.sampled_from(records), min_size=2, max_size=2))
        if first is second:
            second = records[0] if first is not records[0] else records[1]
        second["id"] = first["id"]
        return "gave two records the same id"
    container, key = data.draw(st.sampled_from(value_sites(document)))
    current = container[key] if isinstance(container, list) or key in container else None
    if way in ("control", "surrogate") and isinstance(current, str):
        bad = data.draw(st.sampled_from(CONTROL)) if way == "control" else "\ud83d"
        at = data.draw(st.integers(0, len(current)))
        container[key] = current[:at] + bad + current[at:]
        return f"put {bad!r} into {current!r:.40}"
    replacement = {
        "huge": "x" * 500_001,
        "nan": float("nan"),
        "deep": deep(200, data.draw(st.booleans())),
        "control": "\x00",
        "surrogate": "\udc00",
    }[way]
    container[key] = replacement
    return f"{way}: replaced {key!r}"


def seeded_journal(template: Path, folder: str) -> Journal:
    journal = new_journal(template, folder, "seeded.db")
    import_journal(journal, copy.deepcopy(SEED))
    return journal


@FUZZ
@given(document=documents(), data=st.data())
def test_a_broken_document_is_refused_and_changes_nothing(
    empty_journal: Path, document: dict[str, Any], data: st.DataObject
) -> None:
    what = mutate(document, data)
    with tempfile.TemporaryDirectory() as folder, seeded_journal(empty_journal, folder) as journal:
        before = export_journal(journal, include_private=True, now=NOW)
        with pytest.raises(ImportFileError):
            import_journal(journal, document)
        assert export_journal(journal, include_private=True, now=NOW) == before, what


@st.composite
def broken_files(draw: st.DrawFn) -> bytes:
    """The text of a valid document, broken the way files get broken."""
    document = draw(documents())
    way = draw(st.sampled_from(["truncate", "nan", "duplicate", "deep", "byte"]))
    if way == "nan":
        container, key = draw(st.sampled_from(value_sites(document)))
        container[key] = draw(st.sampled_from([float("nan"), float("inf"), float("-inf")]))
    text = json.dumps(document, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    if way == "truncate":
        return text[: draw(st.integers(0, len(text) - 1))].encode()
    if way == "nan":
        return text.encode()
    if way == "duplicate":
        return text.replace('"version": 1', '"version": 1, "version": 1', 1).encode()
    if way == "deep":
        depth = draw(st.sampled_from([50, 100_000]))
        return (text[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}").encode()
    raw = text.encode()
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + b"\xff" + raw[at:]


@settings(FUZZ, max_examples=30)
@given(content=broken_files())
def test_a_broken_file_is_refused_and_changes_nothing(empty_journal: Path, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, seeded_journal(empty_journal, folder) as journal:
        before = export_journal(journal, include_private=True, now=NOW)
        path = Path(folder) / "broken.json"
        path.write_bytes(content)
        with pytest.raises(ImportFileError):
            import_journal(journal, read_import_file(path))
        assert export_journal(journal, include_private=True, now=NOW) == before
