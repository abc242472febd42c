"""What of a journal may leave it: the one place its private side is filtered (SPEC §4).

Meetings and requests marked private, every ``private_notes`` field, and contacts' notes and
stances stay in the journal unless the user includes private items for one export. The JSON
export, CSV lists, review packs and the printed or copied prep brief all ask here what they
may carry; none of them decides on its own. Privacy changes words, never numbers: what is
left out is still counted in every figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from brm_desk.domain.records import AgreedAction, Contact, Meeting, Request

PRIVATE_FIELDS: dict[type, tuple[str, ...]] = {
    Meeting: ("private_notes",),
    Request: ("private_notes",),
    Contact: ("notes", "stance"),
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


def follow_ups(agreed: Iterable[AgreedAction], include_private: bool) -> list[AgreedAction]:
    """Open follow-ups as an output may list them: one agreed in a private meeting keeps its
    own text but not the meeting's title, unless private items are included (a commitment
    stands however private the meeting was)."""
    return [
        replace(a, meeting_title="") if is_private(a) and not include_private else a for a in agreed
    ]
