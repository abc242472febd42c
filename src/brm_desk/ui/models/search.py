"""Search hits as a list model: each row knows its hit and how to draw it as rich text."""

from __future__ import annotations

import html
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


def snippet_html(hit: SearchHit) -> str:
    """The snippet with its hits in bold; the text itself is escaped (notes may hold '<').

    The index holds notes as plain text (``domain.notes``), so a snippet has no Markdown."""
    return render_snippet(hit.snippet, "<b>", "</b>", escape=html.escape)


class SearchResultsModel(RecordTableModel):
    """The hits of the latest search, best first (the order the index ranked them)."""

    columns = (Column("Result", lambda hit: hit.title, lambda hit: hit.title),)

    def extra_data(self, hit: SearchHit, column: int, role: int) -> Any:
        if role == HTML_ROLE:
            return snippet_html(hit)
        if role == META_ROLE:
            return meta_text(hit)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{hit.title} ({meta_text(hit)}): {render_snippet(hit.snippet, '', '')}"
        return None
