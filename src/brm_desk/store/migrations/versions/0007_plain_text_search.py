"""The search index holds notes as plain text, so a snippet reads as text.

What a note says without Markdown's marks and the agenda template's unfilled prompts is
``plain_text()``, the SQL function every journal connection has (``domain.notes``). The
triggers that write meeting, request and partner documents now store it, and those
documents are written again.
"""

from alembic import op
from sqlalchemy import text

revision = "0007_plain_text_search"
down_revision = "0006"  # private notes (0006_private_notes.py)

_TABLES = ("meeting", "request", "partner")  # contacts' notes are not Markdown
_NOTES = ("new.notes", "new.private_notes")


def _rewrite(plain: bool) -> None:
    """The insert and update triggers again, with notes in ``plain_text()`` or as written."""
    names = ", ".join(f"'{t}_search_{w}'" for t in _TABLES for w in ("insert", "update"))
    found = op.get_bind().execute(
        text(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})")
    )
    for name, sql in found.all():
        for column in _NOTES:
            wrapped = f"plain_text({column})"
            sql = sql.replace(column, wrapped) if plain else sql.replace(wrapped, column)
        op.execute(f"DROP TRIGGER {name}")
        op.execute(sql)
    for table in _TABLES:  # the update triggers write each document again
        op.execute(f"UPDATE {table} SET notes = notes WHERE deleted_at IS NULL")


def upgrade() -> None:
    _rewrite(plain=True)


def downgrade() -> None:
    _rewrite(plain=False)
