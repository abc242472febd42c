"""Indexes for the meetings list: sorted by title, and filtered by title, without the notes.

A meeting row carries its notes, so scanning 100,000 of them reads the whole file; these
partial indexes hold only what the list sorts and filters on.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_index(
        "ix_meeting_list_title",
        "meeting",
        ["title", "partner_id"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_meeting_list_start",
        "meeting",
        ["start_utc", "title", "partner_id"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_meeting_list_start", table_name="meeting")
    op.drop_index("ix_meeting_list_title", table_name="meeting")
