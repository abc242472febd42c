"""A contact's stance and influence are kept with their date, as a partner's maturity is.

``contact_change`` holds one row per day a contact's influence or stance changed. A journal
being upgraded knows only today's values: each contact's history starts with them, dated the
day the contact was last changed (the latest day those values are known to have held).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.create_table(
        "contact_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("influence", sa.String(), nullable=False),
        sa.Column("stance", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_change_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_change")),
    )
    op.create_index("uq_contact_change_day", "contact_change", ["contact_id", "since"], unique=True)
    op.execute(
        "INSERT INTO contact_change (contact_id, since, influence, stance) "
        "SELECT id, substr(updated_at, 1, 10), influence, stance FROM contact"
    )


def downgrade() -> None:
    op.drop_table("contact_change")
