"""What a review pack reads besides whole records: a partner's open actions with the meeting
each was agreed in, without loading every meeting of the partner's years to find them, and the
few facts of each meeting and request the pack's figures count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, select

from brm_desk.domain.enums import RequestStatus, Side
from brm_desk.domain.records import Action, AgreedAction
from brm_desk.store.database import Transaction
from brm_desk.store.rows import live
from brm_desk.store.schema import ActionRow, MeetingRow, PartnerRow, RequestRow


def open_actions() -> Select[str, str, str, date | None]:
    """Text, side, owner and due date of the open actions (``Action.is_open``: not done) of
    live partners' live meetings; a caller adds the columns and conditions it needs."""
    return (
        select(ActionRow.text, ActionRow.side, ActionRow.owner, ActionRow.due)
        .join(MeetingRow, MeetingRow.id == ActionRow.meeting_id)
        .join(PartnerRow, PartnerRow.id == MeetingRow.partner_id)
        .where(*live(MeetingRow), ActionRow.done.is_(None))
    )


def open_actions_of_partner(tx: Transaction, partner_id: str, until: date) -> list[AgreedAction]:
    """The open actions of a live partner's live meetings dated (local date) on or before
    ``until``: the latest meeting first, as the partner's meetings are listed, and each
    meeting's actions in their order."""
    statement = (
        open_actions()
        .add_columns(MeetingRow.title, MeetingRow.local_date, MeetingRow.private)
        .where(PartnerRow.uid == partner_id, MeetingRow.local_date <= until)
        .order_by(MeetingRow.start_utc.desc(), MeetingRow.id, ActionRow.position)
    )
    return [
        AgreedAction(Action(text, Side(side), owner, due, None), title, day, bool(private))
        for text, side, owner, due, title, day, private in tx.execute(statement)
    ]


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the pack's figures need of a meeting: no title, notes, attendees or actions."""

    local_date: date
    satisfaction: int | None
    private: bool
    private_notes: bool
    """Whether it has any."""


def meeting_facts(tx: Transaction, partner_id: str, first: date, last: date) -> list[MeetingFacts]:
    """The facts of a live partner's live meetings dated (local date) ``first`` to ``last``."""
    statement = (
        select(
            MeetingRow.local_date,
            MeetingRow.satisfaction,
            MeetingRow.private,
            MeetingRow.private_notes != "",
        )
        .join(PartnerRow, PartnerRow.id == MeetingRow.partner_id)
        .where(
            PartnerRow.uid == partner_id,
            *live(MeetingRow),
            MeetingRow.local_date.between(first, last),
        )
    )
    return [
        MeetingFacts(day, satisfaction, bool(private), bool(noted))
        for day, satisfaction, private, noted in tx.execute(statement)
    ]


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the pack's figures need of a request: when, where it stands, its business case."""

    received: date
    status: RequestStatus
    delivered_on: date | None
    expected_benefit: str
    expected_value_amount: Decimal | None
    realized_value_amount: Decimal | None
    private: bool
    private_notes: bool
    """Whether it has any."""


def request_facts(tx: Transaction, partner_id: str) -> list[RequestFacts]:
    """The facts of every live request of a live partner."""
    statement = (
        select(
            RequestRow.received,
            RequestRow.status,
            RequestRow.delivered_on,
            RequestRow.expected_benefit,
            RequestRow.expected_value_amount,
            RequestRow.realized_value_amount,
            RequestRow.private,
            RequestRow.private_notes != "",
        )
        .join(PartnerRow, PartnerRow.id == RequestRow.partner_id)
        .where(PartnerRow.uid == partner_id, *live(RequestRow))
    )
    return [
        RequestFacts(row[0], RequestStatus(row[1]), *row[2:6], bool(row[6]), bool(row[7]))
        for row in tx.execute(statement)
    ]
