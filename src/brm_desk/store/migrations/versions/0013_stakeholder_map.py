"""A contact's interest beside their influence, and each partner's communications plan.

``contact.interest`` and ``contact_change.interest`` keep the interest with the same dated
history as influence and stance; a journal being upgraded knows no interest, so every contact
and every step of their history gets "medium" (the level a new contact starts at).
``communication`` holds the plan's entries: to one contact or to a quadrant of the map.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    for table in ("contact", "contact_change"):
        op.add_column(
            table, sa.Column("interest", sa.String(), nullable=False, server_default="medium")
        )
    op.create_table(
        "communication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("quadrant", sa.String(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("frequency_days", sa.Integer(), nullable=False),
        sa.Column("next_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "(contact_id IS NULL) <> (quadrant IS NULL)", name=op.f("ck_communication_one_audience")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_communication_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_communication_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communication")),
        sa.UniqueConstraint("uid", name=op.f("uq_communication_uid")),
    )
    op.create_index("ix_communication_partner_id", "communication", ["partner_id"])
    op.create_index("ix_communication_next_date", "communication", ["next_date"])


def downgrade() -> None:
    op.drop_table("communication")
    for table in ("contact_change", "contact"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN interest")
