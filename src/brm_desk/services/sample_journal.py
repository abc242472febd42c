"""The sample journal the first run offers, moved in time so it ends about today.

The sample was written to end on a fixed day; a BRM exploring it on another day should still
see a live picture (recent meetings, actions just overdue, a drifting partner). Every date is
moved by the same whole number of weeks, so a Monday meeting stays on a Monday and the story's
rhythm (weekly check-ins, no weekend meetings) survives the move.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from brm_desk.resource_files import resource
from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.journal import Journal

SAMPLE_FILE_NAME = "sample.brmdesk"

_CHANGE_DAYS = ("since",)
_ASSESSMENT_DAYS = ("on",)
_ACTION_DAYS = ("due", "done")
_REQUEST_DAYS = ("received", "delivered_on", "revisit_on", "benefit_reviewed_on")


def sample_document_path() -> Path:
    return resource("sample", "sample_journal.json")


def read_sample() -> dict[str, Any]:
    """The bundled sample as parsed JSON (floats as ``Decimal``, as the importer expects)."""
    text = sample_document_path().read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text, parse_float=Decimal)
    return document


def sample_end(document: dict[str, Any]) -> date:
    """The sample's last day: the day it was exported."""
    return datetime.fromisoformat(document["exported_at"]).date()


def whole_weeks_to(end: date, today: date) -> timedelta:
    """The largest shift in whole weeks that does not carry ``end`` past ``today``.

    Rounding down keeps every meeting in the past: the sample ends today or up to six days
    before, never with meetings that have not happened yet.
    """
    return timedelta(weeks=(today - end).days // 7)


def shift_dates(document: dict[str, Any], shift: timedelta) -> dict[str, Any]:
    """A copy of a JSON journal document with every date and start moved by ``shift``."""
    shifted = copy.deepcopy(document)
    shifted["exported_at"] = _moved_time(shifted["exported_at"], shift)
    for partner in shifted.get("partners", []):
        for change in partner.get("maturity_history", []):
            _move_days(change, _CHANGE_DAYS, shift)
        for entry in partner.get("communications", []):
            _move_days(entry, ("next_date",), shift)
        for assessment in partner.get("assessments", []):
            _move_days(assessment, _ASSESSMENT_DAYS, shift)
    for contact in shifted.get("contacts", []):
        for change in contact.get("history", []):
            _move_days(change, _CHANGE_DAYS, shift)
    for meeting in shifted.get("meetings", []):
        meeting["start"] = _moved_time(meeting["start"], shift)
        for action in meeting.get("actions", []):
            _move_days(action, _ACTION_DAYS, shift)
    for request in shifted.get("requests", []):
        _move_days(request, _REQUEST_DAYS, shift)
    for pulse in shifted.get("pulses", []):
        _move_days(pulse, ("taken_on",), shift)
    return shifted


def load_sample(target: Path, today: date) -> Journal:
    """Create a new journal at ``target`` holding the sample, its last day moved near ``today``.

    The caller picks ``target`` (the data folder's ``sample.brmdesk``), never the user's own
    journal; an existing file there is refused by :meth:`Journal.create`, not overwritten.
    """
    document = read_sample()
    shifted = shift_dates(document, whole_weeks_to(sample_end(document), today))
    target.parent.mkdir(parents=True, exist_ok=True)
    journal = Journal.create(target)
    try:
        import_journal(journal, shifted)
    except BaseException:
        journal.close()
        target.unlink(missing_ok=True)
        raise
    return journal


def _move_days(record: dict[str, Any], fields: tuple[str, ...], shift: timedelta) -> None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value:
            record[name] = (date.fromisoformat(value) + shift).isoformat()


def _moved_time(value: str, shift: timedelta) -> str:
    """A date-time moved with its own UTC offset kept (the wall-clock time stays the same)."""
    return (datetime.fromisoformat(value) + shift).isoformat()
