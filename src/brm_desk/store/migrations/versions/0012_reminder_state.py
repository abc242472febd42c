"""What the BRM did with a reminder: snoozed it until a moment, or dismissed it.

``reminder_state`` holds a row per reminder key (kind, record and the date it is about), so a
snooze or a dismissal outlives a restart and a reminder whose date moved comes back. An older
journal starts with none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_table(
        "reminder_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("snoozed_until", sa.String(), nullable=True),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_reminder_state")),
    )


def downgrade() -> None:
    op.drop_table("reminder_state")
