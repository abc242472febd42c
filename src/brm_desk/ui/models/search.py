"""Search hits as a list model: each row knows its hit and how to draw it as rich text."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import Qt

from brm_desk.domain.search import SearchHit, render_snippet
from brm_desk.ui.models.table import RECORD_ROLE, Column, RecordTableModel

HIT_ROLE = RECORD_ROLE
HTML_ROLE = Qt.ItemDataRole.UserRole + 11
META_ROLE = Qt.ItemDataRole.UserRole + 12

KINDS = ("meeting", "request", "partner", "contact")


def meta_text(hit: SearchHit) -> str:
    """Kind · partner · date, as the line under a result's title says it."""
    parts = [hit.kind.capitalize()]
    if hit.partner and hit.kind != "partner":
        parts.append(hit.partner)
    if hit.date is not None:
        parts.append(f"{hit.date:%d %b %Y}")
    return " · ".join(parts)


_BLOCK_MARKS = re.compile(r"(?:^|(?<=\s))(?:#{1,6}|[-*+])\s+|^\s*\d+\.\s+")
"""A heading's or a list item's mark. The index keeps a note's lines joined, so a heading or
bullet mark is known by the space around it; a number only at the snippet's start ("rose 3.
Then" is text). A space replaces the mark."""
_INLINE_MARKS = re.compile(
    r"\*\*|__|`"  # bold, code
    r"|(?<!\w)[*_](?=[\w\ue000])"  # an italic's opening mark, before a word (or a hit)
    r"|(?<=[\w.,;:!?)\ue001])[*_](?!\w)"  # its closing mark, after one
)
"""Emphasis and code marks: they sit against words and simply go."""


def readable(snippet: str) -> str:
    """A snippet without Markdown's heading, list, bold, italic and code marks, which read
    as noise in a list. An underscore inside a word (``cost_centre``) stays, and so do the
    highlight markers (private-use characters).
    """
    return " ".join(_BLOCK_MARKS.sub(" ", _INLINE_MARKS.sub("", snippet)).split())


def snippet_html(hit: SearchHit) -> str:
    """The snippet with its hits in bold; the text itself is escaped (notes may hold '<')."""
    return render_snippet(readable(hit.snippet), "<b>", "</b>", escape=html.escape)


def snippet_plain(hit: SearchHit) -> str:
    return render_snippet(readable(hit.snippet), "", "")


class SearchResultsModel(RecordTableModel):
    """The hits of the latest search, best first (the order the index ranked them)."""

    columns = (Column("Result", lambda hit: hit.title, lambda hit: hit.title),)

    def extra_data(self, hit: SearchHit, column: int, role: int) -> Any:
        if role == HTML_ROLE:
            return snippet_html(hit)
        if role == META_ROLE:
            return meta_text(hit)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{hit.title} ({meta_text(hit)}): {snippet_plain(hit)}"
        return None
