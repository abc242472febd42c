"""Search hits and filters as plain values, and how a snippet's highlights are drawn.

The index marks each hit in a snippet with two private-use characters, so the snippet stays
plain text until a view decides how to show a highlight (bold in a terminal, ``<b>`` in HTML).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from brm_desk.domain.enums import Focus
from brm_desk.domain.errors import ValidationError

MARK_START = "\ue000"
MARK_END = "\ue001"

_MARKERS = re.compile(f"([{MARK_START}{MARK_END}])")

SEARCH_KINDS = frozenset({"meeting", "request", "partner", "contact"})


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record that matches a search.

    ``snippet`` is a short excerpt with each matched word between ``MARK_START`` and
    ``MARK_END``; ``rank`` is FTS5's bm25 score, where lower (more negative) is better.
    """

    kind: str
    id: str
    title: str
    partner_id: str | None
    partner: str
    date: date | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What narrows a search; an empty ``kinds`` means every kind.

    Partners and contacts have no focus and no date, so a focus or date filter leaves them out.
    """

    partner_id: str | None = None
    kinds: frozenset[str] = field(default_factory=frozenset)
    focus: Focus | None = None
    date_from: date | None = None
    date_to: date | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.kinds) - SEARCH_KINDS)
        if unknown:
            known = ", ".join(sorted(SEARCH_KINDS))
            raise ValidationError("kinds", f"unknown kind '{unknown[0]}' (one of: {known})")


def render_snippet(
    snippet: str, start: str, end: str, escape: Callable[[str], str] | None = None
) -> str:
    """Draw a snippet's highlights with ``start``/``end`` (``**``, ``<b>``/``</b>``, …).

    ``escape`` (``html.escape`` for HTML) is applied to the text, never to the markers.
    Stray markers (a note may hold those characters itself) never leave a highlight open.
    """
    escape = escape or _unchanged
    pieces: list[str] = []
    inside = False
    for piece in _MARKERS.split(snippet):
        if piece == MARK_START:
            if not inside:
                pieces.append(start)
            inside = True
        elif piece == MARK_END:
            if inside:
                pieces.append(end)
            inside = False
        elif piece:
            pieces.append(escape(piece))
    if inside:
        pieces.append(end)
    return "".join(pieces)


def _unchanged(text: str) -> str:
    return text
