"""Maturity assessments: record, change and delete them (to the trash); the partner's
maturity follows.

Every change of a partner's maturity goes through here (the partner editor's maturity field
too), so the partner's current maturity is always the BRM's view in the latest assessment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from brm_desk.domain.assessments import Assessment, check_assessment
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import new_id
from brm_desk.store import assessment_rows, partner_rows, trash_rows
from brm_desk.store.database import Database, Transaction


@dataclass(frozen=True, slots=True)
class Evidence:
    """A meeting or request behind an assessment's score, as the assessment shows it."""

    kind: str
    id: str
    title: str
    day: date
    private: bool = False
    in_trash: bool = False

    @property
    def label(self) -> str:
        trash = " (in the trash)" if self.in_trash else ""
        return f"{self.day:%d %b %Y} · {self.kind.capitalize()}: {self.title}{trash}"


class Assessments:
    """The maturity assessments of a journal's partners; each call is one transaction."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._db = database
        self._today = today

    def of_partner(self, partner_id: str) -> tuple[Assessment, ...]:
        """Oldest first; the last is the latest."""
        with self._db.snapshot() as tx:
            return tuple(assessment_rows.of_partner(tx, partner_id))

    def get(self, assessment_id: str) -> Assessment:
        with self._db.snapshot() as tx:
            return assessment_rows.get(tx, assessment_id)

    def add(self, assessment: Assessment) -> Assessment:
        """Record an assessment (with a fresh id unless it brings one)."""
        assessment = check_assessment(replace(assessment, id=assessment.id or new_id()))
        with self._db.transaction() as tx:
            return self._write(tx, assessment)

    def update(self, assessment: Assessment) -> Assessment:
        assessment = check_assessment(assessment)
        with self._db.transaction() as tx:
            assessment_rows.remove(tx, assessment.id)
            return self._write(tx, assessment)

    def delete(self, assessment_id: str) -> str:
        """Move an assessment to the trash; returns its trash batch. The partner's maturity
        follows the latest assessment left (and the restored one, when it comes back)."""
        with self._db.transaction() as tx:
            partner_id = assessment_rows.get(tx, assessment_id).partner_id
            batch = trash_rows.soft_delete(tx, "assessment", assessment_id)
            assessment_rows.sync_maturity(tx, partner_id)
            return batch

    def set_maturity(self, partner_id: str, level: Maturity) -> Assessment:
        """The BRM's view today: today's latest assessment takes it, else a new one is added
        (the partner's view unknown). The partner editor's maturity field does this."""
        today = self._today()
        ordered = self.of_partner(partner_id)
        if ordered and ordered[-1].assessed_on == today:
            return self.update(replace(ordered[-1], brm_view=level))
        return self.add(Assessment("", partner_id, today, level))

    def last_assessed(self) -> dict[str, date]:
        """Each assessed partner's latest assessment day, by partner id."""
        with self._db.snapshot() as tx:
            return assessment_rows.last_assessed(tx)

    def evidence(self, assessment: Assessment) -> list[Evidence]:
        """What an assessment's evidence ids stand for, meetings first, in the order given."""
        return self.evidence_of(assessment.meeting_ids, assessment.request_ids)

    def evidence_of(self, meeting_ids: Sequence[str], request_ids: Sequence[str]) -> list[Evidence]:
        with self._db.snapshot() as tx:
            found = assessment_rows.evidence_records(tx, meeting_ids, request_ids)
        by_id = {
            uid: Evidence(kind, uid, title, day, private, trash)
            for kind, uid, _partner, title, day, private, trash in found
        }
        return [by_id[uid] for uid in (*meeting_ids, *request_ids) if uid in by_id]

    def _write(self, tx: Transaction, assessment: Assessment) -> Assessment:
        partner_rows.get(tx, assessment.partner_id)
        check_evidence(tx, [assessment])
        assessment_rows.insert_many(tx, [assessment])
        assessment_rows.sync_maturity(tx, assessment.partner_id)
        return assessment_rows.get(tx, assessment.id)


def check_evidence(tx: Transaction, assessments: Sequence[Assessment]) -> None:
    """Evidence must be meetings and requests of the assessed partner (in the trash too)."""
    meetings = [m for a in assessments for m in a.meeting_ids]
    requests = [r for a in assessments for r in a.request_ids]
    found = {
        (kind, uid): partner
        for kind, uid, partner, *_rest in assessment_rows.evidence_records(tx, meetings, requests)
    }
    for assessment in assessments:
        for kind, field, ids in (
            ("meeting", "meetings", assessment.meeting_ids),
            ("request", "requests", assessment.request_ids),
        ):
            for uid in ids:
                partner = found.get((kind, uid))
                if partner is None:
                    raise ValidationError(field, f"no {kind} with id '{uid}' in this journal")
                if partner != assessment.partner_id:
                    raise ValidationError(field, f"the {kind} '{uid}' is another partner's")


def first_assessment(partner_id: str, level: Maturity, today: date) -> Assessment:
    """A new partner's maturity, as its first assessment."""
    return Assessment(new_id(), partner_id, today, level)
