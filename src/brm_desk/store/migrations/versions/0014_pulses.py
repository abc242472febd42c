"""Partners' quarterly pulses (trust, responsiveness, value delivered, net promoter).

A new table only: a journal being upgraded has no pulses yet, and nothing else changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    op.create_table(
        "pulse",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("trust", sa.Integer(), nullable=False),
        sa.Column("responsiveness", sa.Integer(), nullable=False),
        sa.Column("value_delivered", sa.Integer(), nullable=False),
        sa.Column("net_promoter", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "trust BETWEEN 1 AND 5 AND responsiveness BETWEEN 1 AND 5 "
            "AND value_delivered BETWEEN 1 AND 5",
            name=op.f("ck_pulse_scores_range"),
        ),
        sa.CheckConstraint(
            "net_promoter BETWEEN 0 AND 10", name=op.f("ck_pulse_net_promoter_range")
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_id"],
            ["contact.id"],
            name=op.f("fk_pulse_answered_by_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_pulse_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pulse")),
        sa.UniqueConstraint("uid", name=op.f("uq_pulse_uid")),
    )
    op.create_index("ix_pulse_partner_taken", "pulse", ["partner_id", "taken_on"])


def downgrade() -> None:
    op.drop_table("pulse")
