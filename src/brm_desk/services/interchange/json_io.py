"""The JSON format of SPEC §6: export a journal losslessly, import a file all-or-nothing.

An import reads and checks the whole document first (no database involved), then, in one
transaction, checks ids and references against the journal and writes everything in bulk.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from brm_desk.domain.enums import Interest
from brm_desk.domain.errors import ImportFileError, ValidationError
from brm_desk.domain.files import unreadable, write_text
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.services import privacy
from brm_desk.services.assessments import check_evidence
from brm_desk.services.interchange import json_stakeholders
from brm_desk.services.interchange.json_schema import (
    FORMAT,
    VERSION,
    Document,
    meeting_document,
    partner_document,
    pulse_document,
    read_document,
    record_document,
    request_document,
)
from brm_desk.services.interchange.json_values import id_note, quote
from brm_desk.services.journal import Journal
from brm_desk.store import (
    assessment_rows,
    contact_rows,
    interchange_rows,
    meeting_rows,
    partner_rows,
    pulse_rows,
    request_rows,
    stakeholder_rows,
)
from brm_desk.store.database import Transaction
from brm_desk.store.interchange_rows import StoredRecord

KINDS = ("partners", "contacts", "meetings", "requests")
OPTIONAL_KINDS = ("pulses",)
"""Kinds a file may leave out; a report names them only when the file has some."""

_NEEDS_LIVE = frozenset({"partner", "reframed_as"})


@dataclass(frozen=True)
class ImportReport:
    """What an import added, per kind, and the ids it skipped because the journal had them."""

    added: dict[str, int]
    skipped: dict[str, list[str]]

    def summary(self) -> str:
        kinds = KINDS + tuple(kind for kind in OPTIONAL_KINDS if kind in self.added)
        added = ", ".join(_count(self.added[kind], kind) for kind in kinds)
        skipped = sum(len(ids) for ids in self.skipped.values())
        if not skipped:
            return f"Added {added}. Skipped 0."
        which = ", ".join(_count(len(self.skipped[k]), k) for k in kinds if self.skipped[k])
        return f"Added {added}. Skipped {skipped} already in the journal: {which}."


@dataclass(frozen=True)
class ExportReport:
    """Where an export went, what it holds, and how many private records it left out."""

    path: Path
    counts: dict[str, int]
    private_left_out: int


def _count(n: int, kind: str) -> str:
    return f"{n} {kind if n != 1 else kind.removesuffix('s')}"


# Export


def export_journal(
    journal: Journal, *, include_private: bool = False, now: datetime | None = None
) -> dict[str, Any]:
    """The whole journal (its live records) as a JSON-ready document."""
    document, _left_out = _export(journal, include_private, now)
    return document


def write_export(journal: Journal, path: Path, *, include_private: bool = False) -> ExportReport:
    """Write the export to ``path`` atomically: a crash never leaves half a file there."""
    document, left_out = _export(journal, include_private, None)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_text(path, text)
    counts = {kind: len(document[kind]) for kind in KINDS + OPTIONAL_KINDS if kind in document}
    return ExportReport(path=path, counts=counts, private_left_out=left_out)


def _export(
    journal: Journal, include_private: bool, now: datetime | None
) -> tuple[dict[str, Any], int]:
    with journal.database.snapshot() as tx:
        partners = interchange_rows.partners_in_journal_order(tx)
        assessments = assessment_rows.of_partners(tx)
        contacts = contact_rows.in_journal_order(tx)
        every_meeting = meeting_rows.in_journal_order(tx)
        every_request = request_rows.in_journal_order(tx)
        plans = stakeholder_rows.listing(tx)
        histories = contact_rows.histories(tx)
        pulses = pulse_rows.in_journal_order(tx)
    meetings = privacy.shown(every_meeting, include_private)
    requests = privacy.shown(every_request, include_private)
    left_out = len(every_meeting) - len(meetings) + len(every_request) - len(requests)
    contact_ids = {c.id for c in contacts}
    meeting_ids = {m.id for m in meetings}
    request_ids = {r.id for r in requests}
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": stamp,
        "partners": [
            partner_document(
                p, assessments.get(p.id, []), (meeting_ids, request_ids), include_private
            )
            for p in partners
        ],
        "contacts": [record_document(c) for c in contacts],
        "meetings": [meeting_document(m, contact_ids) for m in meetings],
        "requests": [request_document(r, contact_ids, meeting_ids, request_ids) for r in requests],
    }
    if pulses:  # written only when there are some: SPEC §6 stays as it is
        document["pulses"] = [pulse_document(p, contact_ids) for p in pulses]
    for partner in document["partners"]:
        plan = (e for e in plans if e.partner_id == partner["id"])
        if found := json_stakeholders.plan_documents(plan, contact_ids):  # only when there is one
            partner[json_stakeholders.FIELD] = found
    for contact in document["contacts"]:
        if contact["interest"] == Interest.MEDIUM:  # the default, as in files before it
            del contact["interest"]
        if steps := json_stakeholders.history_document(histories.get(contact["id"], ())):
            contact[json_stakeholders.HISTORY_FIELD] = steps
    for kind, record_type in (("contacts", Contact), ("meetings", Meeting), ("requests", Request)):
        for name in privacy.withheld(record_type, include_private):
            for record in document[kind]:
                record.pop(name, None)  # a contact's history is written only when it has steps
    return document, left_out


# Reading a file


def read_import_file(path: Path) -> Any:
    """The JSON value in a file, refusing anything a strict JSON reader would not take."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise unreadable(path, error, ImportFileError) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path}: is not UTF-8 text (byte {error.start + 1} cannot be read); "
            "save it as UTF-8 and try again."
        ) from None
    try:
        document = json.loads(
            text,
            parse_float=Decimal,
            parse_int=_whole_number,
            parse_constant=_refuse_constant,
            object_pairs_hook=_object,
        )
        if isinstance(document, _LongNumber):
            raise ImportFileError(f"is one number of {document.digits:,} digits, not a journal.")
        return document
    except ImportFileError as error:
        raise ImportFileError(f"{path}: {error}") from None
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}: is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise ImportFileError(f"{path}: is nested too deeply to be a BRM Desk file.") from None


def _refuse_constant(name: str) -> NoReturn:
    raise ImportFileError(f"{name} is not a number JSON allows; write a number or null.")


@dataclass(frozen=True)
class _LongNumber:
    """A whole number longer than any field takes, kept until its field is known."""

    digits: int


MAX_DIGITS = 100
"""No field takes a whole number this long (Python would refuse one of 4,300 digits)."""


def _whole_number(text: str) -> int | _LongNumber:
    digits = len(text.lstrip("-"))
    return _LongNumber(digits) if digits > MAX_DIGITS else int(text)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object, unless a key repeats (JSON readers differ on which value wins) or a field
    holds a number longer than any field takes."""
    found = dict(pairs)
    if len(found) < len(pairs):
        keys = [key for key, _value in pairs]
        repeated = next(key for i, key in enumerate(keys) if key in keys[:i])
        where = id_note(found)
        raise ImportFileError(f"the key {quote(repeated)} appears twice in one object{where}.")
    for key, value in pairs:
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, _LongNumber):
                raise ImportFileError(
                    f"{quote(key)}{id_note(found)}: a number of {item.digits:,} digits is "
                    "longer than any field takes."
                )
    return found


# Import


def import_journal(journal: Journal, data: Any) -> ImportReport:
    """Add the records of a document; all or nothing, in one transaction.

    Records whose id the journal already holds (in the trash too) are skipped, not updated;
    records of the file that refer to them link to the journal's.
    """
    document = read_document(data, today=journal.today())
    with journal.database.transaction() as tx:
        targets = [target for reference in document.references for target in reference.targets]
        stored = interchange_rows.stored_records(tx, [*document.kinds, *targets])
        skipped = _skipped_ids(document, stored)
        _check_references(document, stored, skipped)
        skipped |= pulse_rows.existing_uids(tx, [p.id for p in document.pulses])
        every = KINDS + tuple(kind for kind in OPTIONAL_KINDS if getattr(document, kind))
        new = {kind: [r for r in getattr(document, kind) if r.id not in skipped] for kind in every}
        _check_partner_names(document, new["partners"], interchange_rows.live_partner_names(tx))
        # Parents before children.
        partner_rows.insert_many(tx, new["partners"])
        contact_rows.insert_many(tx, new["contacts"], document.histories)
        meeting_rows.insert_many(tx, new["meetings"])
        request_rows.insert_many(tx, new["requests"])
        stakeholder_rows.insert_many(
            tx, [e for e in document.communications if e.partner_id not in skipped]
        )
        pulse_rows.insert_many(tx, new.get("pulses", []))
        _insert_assessments(tx, document, skipped)
    by_kind = {kind: [r.id for r in getattr(document, kind) if r.id in skipped] for kind in every}
    added = {kind: len(records) for kind, records in new.items()}
    return ImportReport(added=added, skipped=by_kind)


def _insert_assessments(tx: Transaction, document: Document, skipped: set[str]) -> None:
    """The new partners' assessments, once the meetings and requests they cite are in."""
    for partner in document.partners:
        if partner.id in skipped:
            continue
        assessments = [a for a in document.assessments if a.partner_id == partner.id]
        try:
            check_evidence(tx, assessments)
        except ValidationError as error:
            where = f"{document.places[partner.id]}.assessments"
            raise ImportFileError(f"{where}: {error.field} {error.reason}") from None
        assessment_rows.insert_many(tx, assessments)


def _skipped_ids(document: Document, stored: dict[str, StoredRecord]) -> set[str]:
    """Ids the journal already holds; one held by another kind of record is an error."""
    skipped = set()
    for record_id, kind in document.kinds.items():
        held = stored.get(record_id)
        if held is None:
            continue
        if held.kind != kind:
            raise ImportFileError(
                f"{document.places[record_id]}: the id {quote(record_id)} belongs to a "
                f"{held.kind} in this journal, not to a {kind}"
            )
        skipped.add(record_id)
    return skipped


def _check_references(
    document: Document, stored: dict[str, StoredRecord], skipped: set[str]
) -> None:
    """Every reference must reach a record of the right kind, in the file or the journal.

    A new record may link to records in the trash (the links show again on restore), but not
    depend on one: it would be hidden with its partner, or reframed into nothing.
    """
    for reference in document.references:
        place = f"{document.places[reference.owner]}.{reference.name}"
        for target in reference.targets:
            held = stored.get(target)
            kind = document.kinds.get(target) or (held.kind if held else None)
            if kind is None:
                raise ImportFileError(
                    f"{place}: dangling reference: no {reference.kind} with the id "
                    f"{quote(target)} in the file or in the journal"
                )
            if kind != reference.kind:
                raise ImportFileError(
                    f"{place}: {quote(target)} is a {kind}, not a {reference.kind}"
                )
            if (
                held
                and not held.live
                and reference.name in _NEEDS_LIVE
                and reference.owner not in skipped
            ):
                raise ImportFileError(
                    f"{place}: the {kind} {quote(target)} is in the trash of this journal; "
                    "restore it first, then import again"
                )


def _check_partner_names(
    document: Document, new_partners: Sequence[Partner], live_names: dict[str, str]
) -> None:
    """Partner names are unique in the file and against the journal's live partners."""
    seen: dict[str, str] = {}
    for partner in document.partners:
        key = partner.name.casefold()
        if key in seen:
            raise ImportFileError(
                f"{document.places[partner.id]}.name: {quote(partner.name)} is also the name "
                f"of {seen[key]} (partner names must be unique)"
            )
        seen[key] = document.places[partner.id]
    taken = {name.casefold(): uid for name, uid in live_names.items()}
    for partner in new_partners:
        other = taken.get(partner.name.casefold())
        if other is not None and other != partner.id:
            raise ImportFileError(
                f"{document.places[partner.id]}.name: the journal already has a partner named "
                f"{quote(partner.name)} (id {quote(other)})"
            )
