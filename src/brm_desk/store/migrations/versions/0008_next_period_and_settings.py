"""The "next period" a BRM writes for a partner's review pack, and the journal's settings.

``partner.next_period`` is kept with the partner so the next pack starts from it;
``journal_setting`` holds the few choices that belong to a journal rather than to one machine
(the currency its amounts are in). An older journal gets an empty text and no settings.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007_plain_text_search"


def upgrade() -> None:
    op.add_column("partner", sa.Column("next_period", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "journal_setting",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_journal_setting")),
    )


def downgrade() -> None:
    op.drop_table("journal_setting")
    op.execute("ALTER TABLE partner DROP COLUMN next_period")
