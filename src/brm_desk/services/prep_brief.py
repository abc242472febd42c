"""What a BRM reads before meeting a partner: one page of balance, history, debts and people.

Built from the services as plain values, so the on-screen brief and its printout say the same
thing and can be tested without Qt. It is the BRM's own page: built with its private side,
which :meth:`PrepBrief.shared` leaves out for a brief printed or copied without private items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING

from brm_desk.domain.assessments import Assessment, latest
from brm_desk.domain.balance import PartnerBalance, previous_period, share_trend
from brm_desk.domain.benefits import benefits_review_due_on
from brm_desk.domain.health import QuarterHealth
from brm_desk.domain.notes import parse, passages, written
from brm_desk.domain.periods import Preset, preset_period
from brm_desk.domain.records import (
    AgreedAction,
    Contact,
    Meeting,
    Partner,
    Request,
    open_follow_ups,
)
from brm_desk.domain.stakeholders import INFLUENCE_FIRST, STANCE_ORDER
from brm_desk.services import privacy
from brm_desk.services.stakeholders import StakeholderMap

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

PERIOD_DAYS = 90
RECENT_MEETINGS = 5
KEY_POINTS = 3
REVIEW_HORIZON_DAYS = 30
"""Benefits reviews falling due this soon are listed too, so the BRM can raise them now."""


@dataclass(frozen=True, slots=True)
class RecentMeeting:
    meeting: Meeting
    key_points: tuple[str, ...]
    private_points: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewDue:
    request: Request
    due_on: date
    overdue: bool


@dataclass(frozen=True, slots=True)
class PrepBrief:
    """One partner's brief as of ``today``; ``trend`` is the change in strategic share."""

    partner: Partner
    today: date
    balance: PartnerBalance
    previous: PartnerBalance
    recent_meetings: tuple[RecentMeeting, ...]
    we_owe: tuple[AgreedAction, ...]
    they_owe: tuple[AgreedAction, ...]
    open_requests: tuple[Request, ...]
    reviews_due: tuple[ReviewDue, ...]
    people: tuple[Contact, ...]
    include_private: bool = True
    stakeholders: StakeholderMap | None = None
    """The map's gaps and who moved since last quarter began (private: tells stances)."""
    health: tuple[QuarterHealth, ...] = ()
    """The last quarters' relationship health, oldest first (``domain.health``)."""
    assessment: Assessment | None = None
    """The latest maturity assessment (its note is private)."""

    @property
    def trend(self) -> float | None:
        """Strategic share now minus the previous 90 days' (``None`` when either has none)."""
        return share_trend(self.balance.strategic_share, self.previous.strategic_share)

    def shared(self, include_private: bool) -> PrepBrief:
        """The brief as it may be printed or copied: its private side only when included.

        The figures stay as they are: privacy changes words, never numbers."""
        if include_private:
            return self
        return replace(
            self,
            recent_meetings=_recent(
                privacy.shared([recent.meeting for recent in self.recent_meetings], False)
            ),
            we_owe=tuple(privacy.follow_ups(self.we_owe, False)),
            they_owe=tuple(privacy.follow_ups(self.they_owe, False)),
            open_requests=tuple(privacy.shared(self.open_requests, False)),
            reviews_due=tuple(r for r in self.reviews_due if not privacy.is_private(r.request)),
            # By influence and name: an order by stance would tell the stances.
            people=tuple(sorted(self.people, key=lambda c: (INFLUENCE_FIRST[c.influence], c.name))),
            include_private=False,
            stakeholders=None,
            assessment=self.assessment and privacy.assessment_shown(self.assessment, False),
        )


def key_points(notes: str, count: int = KEY_POINTS) -> tuple[str, ...]:
    """The first lines the BRM wrote in a note, as text: never a heading, a Markdown mark or
    a question of the agenda template left unanswered."""
    lines = (
        line.strip()
        for block in passages(written(parse(notes)))
        if block.kind != "heading"
        for line in block.text.splitlines()
    )
    return tuple(islice(filter(None, lines), count))


def build_prep_brief(journal: Journal, partner_id: str, today: date | None = None) -> PrepBrief:
    """Gather the brief for one partner (a few queries; run it off the UI thread)."""
    day = today or journal.today()
    partner = journal.partners.get(partner_id)
    start = day - timedelta(days=PERIOD_DAYS)
    balance = journal.balances.for_partner(partner_id, start, day)
    previous = journal.balances.for_partner(partner_id, *previous_period(start, day))
    meetings = journal.meetings.of_partner(partner_id)
    recent = [m for m in meetings if m.local_date <= day][:RECENT_MEETINGS]
    we_owe, they_owe = open_follow_ups(meetings)
    requests = journal.requests.of_partner(partner_id)
    open_requests = tuple(
        sorted((r for r in requests if r.status.is_open), key=lambda r: r.received)
    )
    return PrepBrief(
        partner=partner,
        today=day,
        balance=balance,
        previous=previous,
        recent_meetings=_recent(recent),
        we_owe=we_owe,
        they_owe=they_owe,
        open_requests=open_requests,
        reviews_due=_reviews_due(requests, day),
        assessment=latest(journal.assessments.of_partner(partner_id)),
        people=tuple(
            sorted(
                journal.contacts.listing(partner_id),
                key=lambda c: (INFLUENCE_FIRST[c.influence], STANCE_ORDER.index(c.stance), c.name),
            )
        ),
        stakeholders=journal.stakeholders.map(
            partner_id, preset_period(Preset.LAST_QUARTER, day)[0]
        ),
        health=tuple(journal.health.trend(partner_id)),
    )


def _recent(meetings: Iterable[Meeting]) -> tuple[RecentMeeting, ...]:
    return tuple(
        RecentMeeting(m, key_points(m.notes), key_points(m.private_notes)) for m in meetings
    )


def _reviews_due(requests: list[Request], today: date) -> tuple[ReviewDue, ...]:
    horizon = today + timedelta(days=REVIEW_HORIZON_DAYS)
    found = []
    for request in requests:
        due = benefits_review_due_on(request)
        if due is not None and due <= horizon:
            found.append(ReviewDue(request, due, due < today))
    return tuple(sorted(found, key=lambda r: r.due_on))
