"""Integrity checks: SQLite's own, and the journal's rules that SQL constraints cannot hold."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.domain.rules import STATUS_REQUIRED_FIELDS
from brm_desk.store.database import Transaction
from brm_desk.store.schema import MeetingRow, RequestRow

_REQUIRED_COLUMN = {"reframed_as": "reframed_as_id"}


def sqlite_problems(tx: Transaction) -> list[str]:
    """SQLite's integrity check and foreign-key check, as readable lines."""
    problems = [
        f"database: {row[0]}"
        for row in tx.execute(text("PRAGMA integrity_check"))
        if row[0] != "ok"
    ]
    for table, rowid, parent, _ in tx.execute(text("PRAGMA foreign_key_check")):
        problems.append(f"{table} row {rowid}: points to a missing {parent}")
    return problems


def record_problems(tx: Transaction) -> list[str]:
    """Rows that break the journal's own rules (e.g. after editing the file by hand)."""
    problems: list[str] = []
    meetings = select(
        MeetingRow.uid, MeetingRow.start, MeetingRow.local_date, MeetingRow.type, MeetingRow.focus
    )
    for uid, start, local_date, kind, focus in tx.execute(meetings):
        try:
            moment = datetime.fromisoformat(start)
        except ValueError:
            problems.append(f"meeting {uid}: start '{start}' is not a date-time")
            continue
        if moment.utcoffset() is None:
            problems.append(f"meeting {uid}: start '{start}' has no UTC offset")
        elif moment.date() != local_date:
            problems.append(f"meeting {uid}: its date {local_date} does not match start {start}")
        if kind not in MeetingType.__members__.values():
            problems.append(f"meeting {uid}: unknown type '{kind}'")
        if focus not in Focus.__members__.values():
            problems.append(f"meeting {uid}: unknown focus '{focus}'")
    # Only the columns the rules need: `check` reads journals of older formats too.
    fields = sorted({field for needed in STATUS_REQUIRED_FIELDS.values() for field in needed})
    columns = [getattr(RequestRow, _REQUIRED_COLUMN.get(field, field)) for field in fields]
    for uid, status_text, *values in tx.execute(
        select(RequestRow.uid, RequestRow.status, *columns)
    ):
        try:
            status = RequestStatus(status_text)
        except ValueError:
            problems.append(f"request {uid}: unknown status '{status_text}'")
            continue
        given = dict(zip(fields, values, strict=True))
        for field in STATUS_REQUIRED_FIELDS[status]:
            if given[field] is None or given[field] == "":
                problems.append(f"request {uid}: status '{status}' but no {field}")
    return problems
