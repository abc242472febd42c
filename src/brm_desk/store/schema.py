"""The journal's tables, as SQLAlchemy 2 typed declarative mappings.

Every record has an integer primary key for joins and the full-text index, and a ``uid``:
the public string id the JSON format carries and the rest of the app passes around.
Soft-deleted rows (the trash) keep ``deleted_at`` and the ``deleted_batch`` they went with.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TextClause,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

FOCUS_VALUES = "('reactive', 'routine', 'strategic')"
NOCASE = "NOCASE"


MEETING_MONTH_SQL = "substr(local_date, 1, 7)"
REQUEST_MONTH_SQL = "substr(received, 1, 7)"
"""The month ("YYYY-MM") a balance groups by: indexed, so a long period sums without sorting."""


class Money(TypeDecorator[Decimal]):
    """A Decimal kept as its exact text (SQLite has no decimal type)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _live_index(name: str, *columns: str | TextClause, **options: Any) -> Index:
    """An index of the rows not in the trash."""
    return Index(name, *columns, sqlite_where=text("deleted_at IS NULL"), **options)


def _belongs_to(table: str, **options: Any) -> MappedColumn[Any]:
    """The id of the ``table`` row this row belongs to, deleted with it."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), **options)


class _InTrash:
    """When a record went to the trash and the batch it went with (NULL: not in the trash)."""

    deleted_at: Mapped[str | None] = mapped_column(String, default=None)
    deleted_batch: Mapped[str | None] = mapped_column(String, default=None, index=True)


class _Trashable(_InTrash):
    """Columns every user-visible record shares: its public id, timestamps, trash state."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    created_at: Mapped[str] = mapped_column(String)
    updated_at: Mapped[str] = mapped_column(String)


class PartnerRow(Base, _Trashable):
    __tablename__ = "partner"
    __table_args__ = (
        _live_index("uq_partner_active_name", "name", unique=True),
        CheckConstraint(
            "target_strategic_share BETWEEN 0 AND 1", name="target_strategic_share_range"
        ),
        CheckConstraint("touch_cadence_days >= 1", name="touch_cadence_days_positive"),
    )

    name: Mapped[str] = mapped_column(String(collation=NOCASE))
    business_unit: Mapped[str] = mapped_column(String, default="")
    sponsor: Mapped[str] = mapped_column(String, default="")
    maturity: Mapped[str] = mapped_column(String)
    target_strategic_share: Mapped[float]
    touch_cadence_days: Mapped[int]
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)
    next_period: Mapped[str] = mapped_column(Text, default="")


class JournalSettingRow(Base):
    """A choice that belongs to the journal, not to one machine (e.g. its currency)."""

    __tablename__ = "journal_setting"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str]


class ReminderStateRow(Base):
    """A reminder the BRM snoozed (until an aware ISO moment) or dismissed, by its key."""

    __tablename__ = "reminder_state"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    snoozed_until: Mapped[str | None]
    dismissed: Mapped[bool]


class AssessmentRow(Base, _InTrash):
    """A partner's maturity on a day: the BRM's view and the partner's (NULL: unknown); goes
    to the trash on its own or with its partner."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    partner_id: Mapped[int] = _belongs_to("partner", index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    brm_view: Mapped[str]
    partner_view: Mapped[str | None]
    note: Mapped[str] = mapped_column(Text, default="")


class AssessmentGoalRow(Base):
    """A criterion to reach the next level, in the order the BRM wrote them."""

    __tablename__ = "assessment_goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = _belongs_to("assessment", index=True)
    position: Mapped[int]
    text: Mapped[str]
    met: Mapped[bool] = mapped_column(default=False)


class AssessmentEvidenceRow(Base):
    """A meeting or a request that shows an assessment's score (kept while either is in the
    trash, gone with it when the trash is emptied)."""

    __tablename__ = "assessment_evidence"
    __table_args__ = (
        CheckConstraint(
            "(meeting_id IS NULL) != (request_id IS NULL)", name="one_meeting_or_request"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = _belongs_to("assessment", index=True)
    position: Mapped[int]
    meeting_id: Mapped[int | None] = _belongs_to("meeting", index=True)
    request_id: Mapped[int | None] = _belongs_to("request", index=True)


class ContactRow(Base, _Trashable):
    __tablename__ = "contact"

    partner_id: Mapped[int] = _belongs_to("partner", index=True)
    name: Mapped[str] = mapped_column(String(collation=NOCASE))
    role: Mapped[str] = mapped_column(default="")
    email: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(default="")
    influence: Mapped[str]
    stance: Mapped[str]
    notes: Mapped[str] = mapped_column(Text, default="")
    interest: Mapped[str] = mapped_column(default="medium")


class ContactChangeRow(Base):
    """A contact's influence, stance and interest from ``since`` on; one row a day at most."""

    __tablename__ = "contact_change"
    __table_args__ = (Index("uq_contact_change_day", "contact_id", "since", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = _belongs_to("contact")
    since: Mapped[date] = mapped_column(Date)
    influence: Mapped[str]
    stance: Mapped[str]
    interest: Mapped[str] = mapped_column(default="medium")


class CommunicationRow(Base):
    """An entry of a partner's communications plan: to one contact or to a quadrant."""

    __tablename__ = "communication"
    __table_args__ = (
        CheckConstraint("(contact_id IS NULL) <> (quadrant IS NULL)", name="one_audience"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    partner_id: Mapped[int] = _belongs_to("partner", index=True)
    position: Mapped[int]
    contact_id: Mapped[int | None] = _belongs_to("contact", nullable=True)
    quadrant: Mapped[str | None] = mapped_column(String, nullable=True)
    message: Mapped[str] = mapped_column(Text)
    channel: Mapped[str]
    frequency_days: Mapped[int]
    next_date: Mapped[date] = mapped_column(Date, index=True)


class MeetingRow(Base, _Trashable):
    """A meeting; ``start`` keeps the ISO text with its own offset, ``start_utc`` sorts, and
    ``local_date`` is the date in that offset, the one the balance counts."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="duration_range"),
        CheckConstraint(f"focus IN {FOCUS_VALUES}", name="focus_known"),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction_range"
        ),
        _live_index("ix_meeting_balance", "local_date", "partner_id", "focus", "duration_minutes"),
        _live_index("ix_meeting_partner_focus_date", "partner_id", "focus", "local_date"),
        Index("ix_meeting_start_utc", "start_utc"),
        # The meetings list: its order by title, and its filters on title and partner, read
        # these small indexes instead of rows that carry the notes.
        _live_index("ix_meeting_list_title", "title", "partner_id"),
        _live_index("ix_meeting_list_start", "start_utc", "title", "partner_id"),
        _live_index(
            "ix_meeting_partner_month",
            "partner_id",
            text(MEETING_MONTH_SQL),
            "local_date",
            "focus",
            "duration_minutes",
        ),
    )

    partner_id: Mapped[int] = _belongs_to("partner")
    title: Mapped[str]
    start: Mapped[str]
    start_utc: Mapped[str]
    local_date: Mapped[date] = mapped_column(Date)
    duration_minutes: Mapped[int]
    type: Mapped[str]
    focus: Mapped[str]
    location: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(default=False)
    tags: Mapped[str] = mapped_column(default="[]")
    satisfaction: Mapped[int | None]


class MeetingAttendeeRow(Base):
    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[int] = _belongs_to("meeting", primary_key=True)
    contact_id: Mapped[int] = _belongs_to("contact", primary_key=True, index=True)
    position: Mapped[int]


class CalendarEventRow(Base):
    """Where an imported meeting came from: its calendar event (UID plus recurrence id).

    ``fingerprint`` is the meeting as the import wrote it; a meeting that no longer matches
    it was edited by the BRM, and a re-import leaves it alone.
    """

    __tablename__ = "calendar_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _belongs_to("meeting", unique=True)
    event_key: Mapped[str] = mapped_column(String, unique=True)
    fingerprint: Mapped[str]
    source_id: Mapped[int | None] = mapped_column(default=None, index=True)
    """The calendar source that keeps this meeting current (None: imported from a file, or
    its source removed). A plain column: SQLite cannot add a named foreign key in place."""
    flag: Mapped[str | None] = mapped_column(String, default=None)
    """'cancelled' or 'deleted' once the calendar says so; the meeting and its notes stay."""


class CalendarSourceRow(Base):
    """A calendar the journal follows: an ICS feed, or a CalDAV calendar with its user name.

    ``version`` is what the server last called the calendar's state (a feed's ETag, a CalDAV
    sync-token or ctag), so an unchanged calendar costs one small request. The password of a
    CalDAV calendar is in the system keyring, never here.
    """

    __tablename__ = "calendar_source"
    __table_args__ = (CheckConstraint("kind IN ('feed', 'caldav')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    url: Mapped[str]
    user_name: Mapped[str] = mapped_column(String, default="")
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id", ondelete="SET NULL"), default=None
    )
    version: Mapped[str] = mapped_column(String, default="")
    modified: Mapped[str] = mapped_column(String, default="")
    """A feed's Last-Modified, sent back as If-Modified-Since when it gives no ETag."""
    digest: Mapped[str] = mapped_column(String, default="")
    """A hash of the calendar text last applied (and the day): the same text is not read again."""
    synced_at: Mapped[str | None] = mapped_column(String, default=None)
    problem: Mapped[str] = mapped_column(String, default="")
    """Why the last refresh failed ('' once one succeeds)."""


class InboxEventRow(Base):
    """A new event from a calendar source, waiting for the BRM to file or ignore it.

    It holds the event as the calendar gives it (the meeting it would become); an ignored one
    stays, so the calendar never brings it back.
    """

    __tablename__ = "inbox_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_key: Mapped[str] = mapped_column(String, unique=True)
    source_id: Mapped[int | None] = mapped_column(default=None, index=True)
    title: Mapped[str]
    start: Mapped[str]
    start_utc: Mapped[str]
    duration_minutes: Mapped[int]
    location: Mapped[str] = mapped_column(String, default="")
    description: Mapped[str] = mapped_column(String, default="")
    emails: Mapped[str] = mapped_column(String, default="")
    """The attendees' e-mail addresses, one a line."""
    recurring: Mapped[bool] = mapped_column(default=False)
    ignored: Mapped[bool] = mapped_column(default=False)


class FilingRuleRow(Base):
    """What the BRM chose when last filing an event whose title has this key."""

    __tablename__ = "filing_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    title_key: Mapped[str] = mapped_column(String, unique=True)
    partner_id: Mapped[int] = _belongs_to("partner")
    type: Mapped[str]
    focus: Mapped[str]


class ActionRow(Base):
    __tablename__ = "meeting_action"
    __table_args__ = (
        CheckConstraint("side IN ('mine', 'partner', 'provider')", name="side_known"),
        Index("ix_meeting_action_open", "due", sqlite_where=text("done IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = _belongs_to("meeting", index=True)
    position: Mapped[int]
    text: Mapped[str]
    side: Mapped[str]
    owner: Mapped[str] = mapped_column(default="")
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[date | None] = mapped_column(Date)


class PulseRow(Base, _InTrash):
    """One answer to a partner's quarterly pulse (domain.pulses); goes to the trash on its own
    or with its partner."""

    __tablename__ = "pulse"
    __table_args__ = (
        CheckConstraint(
            "trust BETWEEN 1 AND 5 AND responsiveness BETWEEN 1 AND 5 "
            "AND value_delivered BETWEEN 1 AND 5",
            name="scores_range",
        ),
        CheckConstraint("net_promoter BETWEEN 0 AND 10", name="net_promoter_range"),
        _live_index("ix_pulse_partner_taken", "partner_id", "taken_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    partner_id: Mapped[int] = _belongs_to("partner")
    answered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL")
    )
    taken_on: Mapped[date] = mapped_column(Date)
    trust: Mapped[int]
    responsiveness: Mapped[int]
    value_delivered: Mapped[int]
    net_promoter: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")


class RequestRow(Base, _Trashable):
    __tablename__ = "request"
    __table_args__ = (
        CheckConstraint(f"focus IN {FOCUS_VALUES}", name="focus_known"),
        CheckConstraint("value BETWEEN 1 AND 5", name="value_range"),
        CheckConstraint("urgency BETWEEN 1 AND 5", name="urgency_range"),
        _live_index("ix_request_balance", "received", "partner_id", "focus"),
        _live_index(
            "ix_request_partner_month", "partner_id", text(REQUEST_MONTH_SQL), "received", "focus"
        ),
        _live_index("ix_request_partner_focus_received", "partner_id", "focus", "received"),
    )

    partner_id: Mapped[int] = _belongs_to("partner")
    title: Mapped[str]
    raised_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    received: Mapped[date] = mapped_column(Date)
    focus: Mapped[str]
    want: Mapped[str] = mapped_column(Text, default="")
    need: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[int]
    urgency: Mapped[int]
    status: Mapped[str]
    routed_to: Mapped[str] = mapped_column(default="")
    delivered_on: Mapped[date | None] = mapped_column(Date)
    revisit_on: Mapped[date | None] = mapped_column(Date)
    reframed_as_id: Mapped[int | None] = mapped_column(
        ForeignKey("request.id", ondelete="SET NULL"), index=True
    )
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    expected_benefit: Mapped[str] = mapped_column(Text, default="")
    expected_value_amount: Mapped[Decimal | None] = mapped_column(Money)
    realized_value_amount: Mapped[Decimal | None] = mapped_column(Money)
    benefit_reviewed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(default=False)
    tags: Mapped[str] = mapped_column(default="[]")


class RequestMeetingRow(Base):
    __tablename__ = "request_meeting"

    request_id: Mapped[int] = _belongs_to("request", primary_key=True)
    meeting_id: Mapped[int] = _belongs_to("meeting", primary_key=True, index=True)
    position: Mapped[int]


RECORD_ROWS: dict[str, Any] = {
    "partner": PartnerRow,
    "contact": ContactRow,
    "meeting": MeetingRow,
    "request": RequestRow,
}
"""The row class of each kind of record a user sees, in this order."""


class SearchDocumentRow(Base):
    """One searchable text per record, kept by triggers; ``search_fts`` indexes it."""

    __tablename__ = "search_document"
    __table_args__ = (Index("uq_search_document_source", "kind", "source_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    source_id: Mapped[int]
    partner_id: Mapped[int | None]
    focus: Mapped[str | None]
    day: Mapped[str | None]
    title: Mapped[str]
    body: Mapped[str]
