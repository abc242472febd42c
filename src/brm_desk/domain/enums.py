"""The closed vocabularies of the journal, each with the label a BRM reads."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members know how to present themselves."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())


class Focus(LabelledEnum):
    """Where an engagement sits between firefighting and strategic partnership."""

    REACTIVE = "reactive"
    ROUTINE = "routine"
    STRATEGIC = "strategic"


FOCUS_ORDER = (Focus.REACTIVE, Focus.ROUTINE, Focus.STRATEGIC)
"""From firefighting to strategy: the order charts stack and tables list the three."""


class MeetingType(LabelledEnum):
    """What kind of meeting it was; each type has a default focus."""

    ESCALATION = "escalation"
    INCIDENT_REVIEW = "incident_review"
    SERVICE_REVIEW = "service_review"
    STATUS_CHECKIN = "status_checkin"
    ONE_TO_ONE = "one_to_one"
    PLANNING = "planning"
    ROADMAP = "roadmap"
    BUSINESS_CASE = "business_case"
    VALUE_REVIEW = "value_review"
    INNOVATION = "innovation"
    OTHER = "other"

    @property
    def default_focus(self) -> Focus:
        """The focus a meeting of this type has unless the BRM overrides it."""
        return DEFAULT_FOCUS[self]


DEFAULT_FOCUS: dict[MeetingType, Focus] = {
    MeetingType.ESCALATION: Focus.REACTIVE,
    MeetingType.INCIDENT_REVIEW: Focus.REACTIVE,
    MeetingType.SERVICE_REVIEW: Focus.REACTIVE,
    MeetingType.STATUS_CHECKIN: Focus.ROUTINE,
    MeetingType.ONE_TO_ONE: Focus.ROUTINE,
    MeetingType.OTHER: Focus.ROUTINE,
    MeetingType.PLANNING: Focus.STRATEGIC,
    MeetingType.ROADMAP: Focus.STRATEGIC,
    MeetingType.BUSINESS_CASE: Focus.STRATEGIC,
    MeetingType.VALUE_REVIEW: Focus.STRATEGIC,
    MeetingType.INNOVATION: Focus.STRATEGIC,
}


class Maturity(LabelledEnum):
    """Where the relationship stands, from ad hoc to strategic partner (in order)."""

    AD_HOC = "ad_hoc"
    ORDER_TAKER = "order_taker"
    SERVICE_PROVIDER = "service_provider"
    TRUSTED_ADVISOR = "trusted_advisor"
    STRATEGIC_PARTNER = "strategic_partner"


class Influence(LabelledEnum):
    """How much weight a contact carries on the partner side."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Interest(LabelledEnum):
    """How much a contact cares about what the provider does for the partner."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Stance(LabelledEnum):
    """How a contact stands towards the provider."""

    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SKEPTIC = "skeptic"
    BLOCKER = "blocker"


class Side(LabelledEnum):
    """Who owes a follow-up: me (the BRM), the partner, or the provider."""

    MINE = "mine"
    PARTNER = "partner"
    PROVIDER = "provider"


class RequestStatus(LabelledEnum):
    """Where a request stands in its workflow."""

    NEW = "new"
    DEFERRED = "deferred"
    REDIRECTED = "redirected"
    REFRAMED = "reframed"
    DECLINED = "declined"
    ACCEPTED = "accepted"
    DELIVERED = "delivered"
    BENEFITS_REVIEWED = "benefits_reviewed"

    @property
    def is_open(self) -> bool:
        """Still waiting on the BRM or the provider (not closed one way or another)."""
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset({RequestStatus.NEW, RequestStatus.DEFERRED, RequestStatus.ACCEPTED})

# Only the labels that are not the value spaced and capitalized ("ad_hoc" reads "Ad hoc").
_LABELS = {
    "status_checkin": "Status check-in",
    "one_to_one": "One-to-one",
    "mine": "I owe",
    "partner": "Partner owes",
    "provider": "Provider owes",
    "custom": "Custom…",
}
