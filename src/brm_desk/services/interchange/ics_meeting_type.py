"""Guess a meeting's type from its calendar title; its focus then follows the type's default.

The BRM can change both in the editor; a guess only saves retyping what the title says.
Words are matched whole (``QBR`` but not ``squabble``), the first rule that matches wins,
so the more telling words (an escalation) come before the general ones (a review).
"""

from __future__ import annotations

import re

from brm_desk.domain.enums import MeetingType

_RULES: tuple[tuple[MeetingType, tuple[str, ...]], ...] = (
    (MeetingType.ESCALATION, ("escalation", "escalate", "escalated", "sev1", "p1", "urgent")),
    (
        MeetingType.INCIDENT_REVIEW,
        ("incident", "outage", "post-mortem", "postmortem", "post mortem", "rca", "root cause"),
    ),
    (MeetingType.BUSINESS_CASE, ("business case", "investment case", "cost-benefit")),
    (MeetingType.VALUE_REVIEW, ("value review", "benefits review", "benefit review", "roi")),
    (MeetingType.ROADMAP, ("roadmap", "road map")),
    (MeetingType.INNOVATION, ("innovation", "ideation", "hackathon", "brainstorm", "workshop")),
    (
        MeetingType.PLANNING,
        ("planning", "strategy", "strategic", "budget", "portfolio", "demand review", "okr"),
    ),
    (
        MeetingType.SERVICE_REVIEW,
        ("service review", "sla", "qbr", "operations review", "ops review"),
    ),
    (
        MeetingType.ONE_TO_ONE,
        ("1:1", "1-1", "1on1", "one-to-one", "one to one", "catch-up", "catch up", "coffee"),
    ),
    (
        MeetingType.STATUS_CHECKIN,
        ("status", "check-in", "checkin", "check in", "sync", "stand-up", "standup", "weekly"),
    ),
)

_PATTERNS = tuple(
    (kind, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I))
    for kind, words in _RULES
)


def guess_meeting_type(title: str) -> MeetingType:
    """The type a title suggests, or ``other`` when it says nothing we know."""
    for kind, pattern in _PATTERNS:
        if pattern.search(title):
            return kind
    return MeetingType.OTHER
