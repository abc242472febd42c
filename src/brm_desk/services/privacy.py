"""What of a journal may leave it: the one place its private side is filtered (SPEC §4).

Meetings and requests marked private, every ``private_notes`` field, contacts' notes and
stances, and the BRM's notes on maturity assessments stay in the journal unless the user
includes private items for one export. The JSON export, CSV lists, review packs and the
printed or copied prep brief all ask here what they may carry; none of them decides on its own.
Privacy changes words, never numbers: what is left out is still counted in every figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, replace
from enum import StrEnum
from typing import TypeVar

from brm_desk.domain.assessments import Assessment
from brm_desk.domain.records import AgreedAction, Contact, Meeting, Request
from brm_desk.domain.words import plural
from brm_desk.store.pack_queries import MeetingFacts, RequestFacts

PRIVATE_FIELDS: dict[type, tuple[str, ...]] = {
    Meeting: ("private_notes",),
    Request: ("private_notes",),
    Contact: ("notes", "stance", "history"),
    Assessment: ("note",),
}
"""The fields of each kind of record that stay in the journal (record and JSON names alike)."""

_Item = TypeVar("_Item")
_Noted = TypeVar("_Noted", Meeting, Request)


def is_private(item: object) -> bool:
    """Whether an item is private as a whole: a meeting or request (or a line, figure or
    follow-up of one) marked so. Partners and contacts never are."""
    return bool(getattr(item, "private", False))


def withheld(record_type: type, include_private: bool) -> tuple[str, ...]:
    """The fields of ``record_type`` an output leaves out: none when private items are in."""
    return () if include_private else PRIVATE_FIELDS.get(record_type, ())


def shown(items: Iterable[_Item], include_private: bool) -> list[_Item]:
    """The items an output may show: private ones only when private items are included."""
    return [item for item in items if include_private or not is_private(item)]


def shared(records: Iterable[_Noted], include_private: bool) -> list[_Noted]:
    """Meetings or requests as an output may carry them: the private ones left out and the
    others without their private notes, unless private items are included."""
    if include_private:
        return list(records)
    return [replace(record, private_notes="") for record in shown(records, False)]


def assessment_shown(assessment: Assessment, include_private: bool) -> Assessment:
    """An assessment as an output may carry it: without the BRM's note unless private items
    are included."""
    return assessment if include_private else replace(assessment, note="")


def follow_ups(agreed: Iterable[AgreedAction], include_private: bool) -> list[AgreedAction]:
    """Open follow-ups as an output may list them: one agreed in a private meeting keeps its
    own text but not the meeting's title, unless private items are included (a commitment
    stands however private the meeting was)."""
    return [
        replace(a, meeting_title="") if is_private(a) and not include_private else a for a in agreed
    ]


class Audience(StrEnum):
    """Who a review pack is written for."""

    PARTNER = "partner"
    """The partner's executive: nothing private, and no judgement of people."""
    INTERNAL = "internal"
    """The BRM's own manager: adds the stakeholder map with stances and the satisfaction trend."""

    @property
    def sees_judgements(self) -> bool:
        """Whether contacts' stances and meetings' satisfaction scores are shown."""
        return self is Audience.INTERNAL


@dataclass(frozen=True, slots=True)
class LeftOut:
    """What an output leaves out for its audience, told to the BRM before it is written."""

    private_notes: int = 0
    private_meetings: int = 0
    private_requests: int = 0
    stances: int = 0
    satisfaction_scores: int = 0

    def __add__(self, other: LeftOut) -> LeftOut:
        return LeftOut(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def describe(self, audience: Audience) -> str:
        """E.g. "Left out for the partner: 12 private notes, 3 private meetings (counted in the
        figures), stances of 9 people, 41 satisfaction scores"."""
        counted = " (counted in the figures)"
        parts = [
            (self.private_notes, plural(self.private_notes, "private note")),
            (self.private_meetings, plural(self.private_meetings, "private meeting") + counted),
            (self.private_requests, plural(self.private_requests, "private request") + counted),
            (self.stances, f"stances of {plural(self.stances, 'person', 'people')}"),
            (self.satisfaction_scores, plural(self.satisfaction_scores, "satisfaction score")),
        ]
        said = [text for count, text in parts if count]
        if not said:
            return "Nothing is left out."
        who = "for the partner" if audience is Audience.PARTNER else "of the internal pack"
        return f"Left out {who}: {', '.join(said)}."


def left_out(
    meetings: Sequence[MeetingFacts],
    requests: Sequence[RequestFacts],
    people: int,
    audience: Audience,
    include_private: bool,
) -> LeftOut:
    """What a pack of these meetings and requests leaves out, and of ``people`` contacts
    whose stances a stakeholder map would show (0 when the pack has no such map)."""
    if include_private:
        private_notes = private_meetings = private_requests = 0
    else:
        private_notes = sum(m.private_notes for m in shown(meetings, False)) + sum(
            r.private_notes for r in shown(requests, False)
        )
        private_meetings = sum(m.private for m in meetings)
        private_requests = sum(r.private for r in requests)
    scores = sum(m.satisfaction is not None for m in meetings)
    unseen = not audience.sees_judgements
    return LeftOut(
        private_notes=private_notes,
        private_meetings=private_meetings,
        private_requests=private_requests,
        stances=people if unseen else 0,
        satisfaction_scores=scores if unseen else 0,
    )
