"""Indexes by partner and month, so the balance of a long period sums without a sort."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_index(
        "ix_meeting_partner_month",
        "meeting",
        [
            "partner_id",
            sa.text("substr(local_date, 1, 7)"),
            "local_date",
            "focus",
            "duration_minutes",
        ],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index(
        "ix_request_partner_month",
        "request",
        ["partner_id", sa.text("substr(received, 1, 7)"), "received", "focus"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_request_partner_month", table_name="request")
    op.drop_index("ix_meeting_partner_month", table_name="meeting")
