"""Calendar imports: which event (UID plus recurrence id) each imported meeting came from."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "calendar_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_calendar_event_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_event")),
        sa.UniqueConstraint("event_key", name=op.f("uq_calendar_event_event_key")),
        sa.UniqueConstraint("meeting_id", name=op.f("uq_calendar_event_meeting_id")),
    )


def downgrade() -> None:
    op.drop_table("calendar_event")
