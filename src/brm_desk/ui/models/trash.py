"""The trash list: what was deleted, and what went with it."""

from __future__ import annotations

from brm_desk.domain.records import TrashItem
from brm_desk.ui.models.table import Column, RecordTableModel

_KIND_NAMES = {"assessment": "maturity assessment"}


def kind_name(kind: str) -> str:
    """How the trash names a kind of record to the BRM: the word itself, unless it alone would
    be unclear ("maturity assessment")."""
    return _KIND_NAMES.get(kind, kind)


def _what(item: TrashItem) -> str:
    extra = item.items - 1
    return kind_name(item.kind).capitalize() + (f" (+{extra} more)" if extra > 0 else "")


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
