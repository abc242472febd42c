"""Maturity assessments, their goals and evidence, between rows and records.

Assessments in the trash are left out of every read here; ``trash_rows`` moves them.
Evidence keeps meetings and requests that are in the trash (a restore brings the link back);
emptying the trash removes the link with the record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from brm_desk.domain.assessments import Assessment, MaturityGoal, latest
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import NotFoundError
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import (
    AssessmentEvidenceRow,
    AssessmentGoalRow,
    AssessmentRow,
    MeetingRow,
    PartnerRow,
    RequestRow,
)

_Evidence = AssessmentEvidenceRow


def insert_many(tx: Transaction, assessments: Sequence[Assessment]) -> None:
    """Store new assessments (their partner, meetings and requests must be in the journal)."""
    if not assessments:
        return
    partners = rows.pk_map(tx, PartnerRow, (a.partner_id for a in assessments))
    tx.execute(
        insert(rows.table_of(AssessmentRow)),
        [
            {
                "uid": a.id,
                "partner_id": partners[a.partner_id],
                "assessed_on": a.assessed_on,
                "brm_view": a.brm_view.value,
                "partner_view": a.partner_view.value if a.partner_view else None,
                "note": a.note,
            }
            for a in assessments
        ],
    )
    pks = rows.pk_map(tx, AssessmentRow, (a.id for a in assessments))
    goals = [
        {"assessment_id": pks[a.id], "position": i, "text": g.text, "met": g.met}
        for a in assessments
        for i, g in enumerate(a.goals)
    ]
    if goals:
        tx.execute(insert(rows.table_of(AssessmentGoalRow)), goals)
    meetings = rows.pk_map(tx, MeetingRow, (m for a in assessments for m in a.meeting_ids))
    requests = rows.pk_map(tx, RequestRow, (r for a in assessments for r in a.request_ids))
    evidence = [
        {"assessment_id": pks[a.id], "position": i, "meeting_id": pk, "request_id": None}
        for a in assessments
        for i, pk in enumerate(meetings[m] for m in a.meeting_ids)
    ] + [
        {"assessment_id": pks[a.id], "position": i, "meeting_id": None, "request_id": pk}
        for a in assessments
        for i, pk in enumerate(requests[r] for r in a.request_ids)
    ]
    if evidence:
        tx.execute(insert(rows.table_of(_Evidence)), evidence)


def remove(tx: Transaction, uid: str) -> Assessment:
    """Delete an assessment for good (its goals and evidence go with it) to write it anew;
    returns it. A delete by the BRM goes to the trash instead (``trash_rows``)."""
    found = get(tx, uid)
    tx.execute(delete(AssessmentRow).where(AssessmentRow.uid == uid))
    return found


def get(tx: Transaction, uid: str) -> Assessment:
    pk = tx.execute(
        select(AssessmentRow.partner_id).where(
            AssessmentRow.uid == uid, AssessmentRow.deleted_at.is_(None)
        )
    ).scalar()
    if pk is None:
        raise NotFoundError(f"no assessment with id '{uid}' in this journal")
    return next(a for a in of_partners(tx, [pk]).get(_partner_uid(tx, pk), []) if a.id == uid)


def _partner_uid(tx: Transaction, pk: int) -> str:
    return str(tx.execute(select(PartnerRow.uid).where(PartnerRow.id == pk)).scalar_one())


def of_partner(tx: Transaction, partner_uid: str) -> list[Assessment]:
    """A partner's assessments not in the trash, oldest first (a partner in the trash too)."""
    pk = rows.pk_map(tx, PartnerRow, [partner_uid]).get(partner_uid)
    if pk is None:
        raise NotFoundError(f"no partner with id '{partner_uid}' in this journal")
    return of_partners(tx, [pk]).get(partner_uid, [])


def of_partners(tx: Transaction, pks: Sequence[int] | None = None) -> dict[str, list[Assessment]]:
    """Assessments not in the trash by partner id, oldest first (of every partner when
    ``pks`` is None)."""
    statement = (
        select(AssessmentRow, PartnerRow.uid)
        .join(PartnerRow, PartnerRow.id == AssessmentRow.partner_id)
        .where(AssessmentRow.deleted_at.is_(None))
        .order_by(AssessmentRow.assessed_on, AssessmentRow.id)
    )
    selected = [
        (row, uid) for row, uid in rows.for_parents(tx, statement, AssessmentRow.partner_id, pks)
    ]
    ids = [row.id for row, _uid in selected]
    goals = _goals(tx, ids)
    meetings = _evidence(tx, ids, _Evidence.meeting_id, MeetingRow)
    requests = _evidence(tx, ids, _Evidence.request_id, RequestRow)
    found: dict[str, list[Assessment]] = defaultdict(list)
    for row, partner_uid in sorted(selected, key=lambda pair: (pair[0].assessed_on, pair[0].id)):
        found[partner_uid].append(
            Assessment(
                id=row.uid,
                partner_id=partner_uid,
                assessed_on=row.assessed_on,
                brm_view=Maturity(row.brm_view),
                partner_view=Maturity(row.partner_view) if row.partner_view else None,
                meeting_ids=tuple(meetings.get(row.id, ())),
                request_ids=tuple(requests.get(row.id, ())),
                note=row.note,
                goals=tuple(goals.get(row.id, ())),
            )
        )
    return found


def _goals(tx: Transaction, ids: Sequence[int]) -> dict[int, list[MaturityGoal]]:
    statement = select(
        AssessmentGoalRow.assessment_id, AssessmentGoalRow.text, AssessmentGoalRow.met
    ).order_by(AssessmentGoalRow.assessment_id, AssessmentGoalRow.position)
    found: dict[int, list[MaturityGoal]] = defaultdict(list)
    for pk, text, met in rows.for_parents(tx, statement, AssessmentGoalRow.assessment_id, ids):
        found[pk].append(MaturityGoal(text, bool(met)))
    return found


def _evidence(tx: Transaction, ids: Sequence[int], column: Any, kind: Any) -> dict[int, list[str]]:
    """Public ids of the meetings (or requests) behind each assessment, trashed ones too."""
    statement = (
        select(_Evidence.assessment_id, kind.uid)
        .join(kind, kind.id == column)
        .order_by(_Evidence.assessment_id, _Evidence.position)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for pk, uid in rows.for_parents(tx, statement, _Evidence.assessment_id, ids):
        found[pk].append(uid)
    return found


def sync_maturity(tx: Transaction, partner_uid: str) -> None:
    """The partner's maturity becomes the BRM's view in their latest assessment (kept as it
    is when they have none)."""
    last = latest(of_partner(tx, partner_uid))
    if last is not None:
        tx.execute(
            update(PartnerRow)
            .where(PartnerRow.uid == partner_uid)
            .values(maturity=last.brm_view.value)
        )


def last_assessed(tx: Transaction) -> dict[str, date]:
    """The day of each partner's latest assessment (the trash left out), by partner id (none:
    never assessed)."""
    statement = (
        select(PartnerRow.uid, func.max(AssessmentRow.assessed_on))
        .join(AssessmentRow, AssessmentRow.partner_id == PartnerRow.id)
        .where(AssessmentRow.deleted_at.is_(None))
        .group_by(PartnerRow.uid)
    )
    return {uid: day for uid, day in tx.execute(statement) if day is not None}


def evidence_records(
    tx: Transaction, meeting_uids: Sequence[str], request_uids: Sequence[str]
) -> list[tuple[str, str, str, str, date, bool, bool]]:
    """(kind, id, partner id, title, day, private, in the trash) of meetings and requests."""
    found = []
    for kind, row_class, day_column, uids in (
        ("meeting", MeetingRow, MeetingRow.local_date, meeting_uids),
        ("request", RequestRow, RequestRow.received, request_uids),
    ):
        statement = select(
            row_class.uid,
            PartnerRow.uid,
            row_class.title,
            day_column,
            row_class.private,
            row_class.deleted_at,
        ).join(PartnerRow, PartnerRow.id == row_class.partner_id)
        for chunk in rows.chunked(list(uids)):
            for uid, partner, title, day, private, deleted in tx.execute(
                statement.where(row_class.uid.in_(chunk))
            ):
                found.append((kind, uid, partner, title, day, bool(private), deleted is not None))
    return found
