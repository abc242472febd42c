"""Private notes: a second Markdown field on meetings and requests, searchable like the notes.

``private_notes`` holds the BRM's own thinking, which never leaves the journal unless the user
includes private items (SPEC §4). The search index reads it too: the meeting and request
triggers are made again with it in their body. An empty private note adds nothing to a body,
so the documents of a journal being upgraded are already right and nothing is reindexed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"

_PRIVATE = "iif(new.private_notes = '', '', char(10) || new.private_notes)"
_INDEXED = {
    # table: (its day, the body before this revision, the columns the body is made of)
    "meeting": ("local_date", "new.notes", "notes"),
    "request": (
        "received",
        "trim(new.want || char(10) || new.need || char(10) || new.notes)",
        "want, need, notes",
    ),
}


def _remake_triggers(table: str, body: str, watched: str) -> None:
    """The insert and update triggers that keep ``search_document`` in step with ``table``."""
    day = _INDEXED[table][0]
    insert = (
        "INSERT INTO search_document (kind, source_id, partner_id, focus, day, title, body) "
        f"SELECT '{table}', new.id, new.partner_id, new.focus, new.{day}, new.title, {body} "
        "WHERE new.deleted_at IS NULL;"
    )
    forget = f"DELETE FROM search_document WHERE kind = '{table}' AND source_id = old.id;"
    op.execute(f"DROP TRIGGER {table}_search_insert")
    op.execute(f"DROP TRIGGER {table}_search_update")
    op.execute(f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END")
    op.execute(
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF "
        f"title, {watched}, focus, {day}, partner_id, deleted_at ON {table} "
        f"BEGIN {forget} {insert} END"
    )


def upgrade() -> None:
    for table, (_day, body, watched) in _INDEXED.items():
        op.add_column(
            table, sa.Column("private_notes", sa.Text(), nullable=False, server_default="")
        )
        _remake_triggers(table, f"{body} || {_PRIVATE}", f"{watched}, private_notes")


def downgrade() -> None:
    for table, (_day, body, watched) in _INDEXED.items():
        # Emptied first, so that the index forgets them; the column goes once no trigger names it.
        op.execute(f"UPDATE {table} SET private_notes = '' WHERE private_notes != ''")
        _remake_triggers(table, body, watched)
        op.execute(f"ALTER TABLE {table} DROP COLUMN private_notes")
