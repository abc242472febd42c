"""Calendar sources: feeds and CalDAV calendars the journal follows, and what each event became.

``calendar_source`` holds each source (its URL, user name, default partner and the server's
last version tag; never a password). ``calendar_event`` learns which source keeps a meeting
current and whether the calendar has since cancelled or deleted its event.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.create_table(
        "calendar_source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("user_name", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("modified", sa.String(), nullable=False),
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("synced_at", sa.String(), nullable=True),
        sa.Column("problem", sa.String(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('feed', 'caldav')", name=op.f("ck_calendar_source_kind_known")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_calendar_source_partner_id_partner"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_source")),
    )
    op.add_column("calendar_event", sa.Column("source_id", sa.Integer(), nullable=True))
    op.add_column("calendar_event", sa.Column("flag", sa.String(), nullable=True))
    op.create_index(op.f("ix_calendar_event_source_id"), "calendar_event", ["source_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_calendar_event_source_id"), "calendar_event")
    op.drop_column("calendar_event", "flag")
    op.drop_column("calendar_event", "source_id")
    op.drop_table("calendar_source")
