"""The trash list: what was deleted, and what went with it."""

from __future__ import annotations

from brm_desk.domain.records import TrashItem
from brm_desk.ui.models.table import Column, RecordTableModel

_KIND_LABELS = {"assessment": "Maturity assessment"}
"""How the list names a kind whose one word would be unclear (others: the word itself)."""


def _what(item: TrashItem) -> str:
    extra = item.items - 1
    kind = _KIND_LABELS.get(item.kind, item.kind.capitalize())
    return kind + (f" (+{extra} more)" if extra > 0 else "")


class TrashModel(RecordTableModel):
    DELETED, KIND, TITLE, PARTNER = range(4)
    name_column = TITLE
    columns = (
        Column(
            "Deleted",
            lambda t: t.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            lambda t: t.deleted_at,
        ),
        Column("What", _what, lambda t: t.kind),
        Column("Title", lambda t: t.title, lambda t: t.title.casefold()),
        Column("Partner", lambda t: t.partner_name, lambda t: t.partner_name.casefold()),
    )
