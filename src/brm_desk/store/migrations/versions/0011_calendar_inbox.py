"""The calendar inbox: new events wait to be filed, and filing teaches rules.

``inbox_event`` holds each new event of a calendar source until the BRM files it (it becomes
a meeting) or ignores it (it stays, marked, so it never returns). ``filing_rule`` keeps, per
normalised title, the partner, type and focus the BRM last filed such an event with.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "inbox_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("start", sa.String(), nullable=False),
        sa.Column("start_utc", sa.String(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("emails", sa.String(), nullable=False),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.Column("ignored", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_event")),
        sa.UniqueConstraint("event_key", name=op.f("uq_inbox_event_event_key")),
    )
    op.create_index(op.f("ix_inbox_event_source_id"), "inbox_event", ["source_id"])
    op.create_table(
        "filing_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title_key", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("focus", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_filing_rule_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filing_rule")),
        sa.UniqueConstraint("title_key", name=op.f("uq_filing_rule_title_key")),
    )


def downgrade() -> None:
    op.drop_table("filing_rule")
    op.drop_index(op.f("ix_inbox_event_source_id"), "inbox_event")
    op.drop_table("inbox_event")
