"""Pulses and maturity assessments go to the trash like every other record.

``pulse`` and ``assessment`` get the ``deleted_at`` and ``deleted_batch`` columns the other
records have (NULL: not in the trash, which every row of an upgraded journal is), the index on
``deleted_batch``, and the pulse index covers live rows only, as the other records' do. A
downgrade empties the trash of them first (the older format has no trash for them; the BRM had
deleted them) and keeps every live row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"

_TABLES = ("pulse", "assessment")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("deleted_at", sa.String(), nullable=True))
        op.add_column(table, sa.Column("deleted_batch", sa.String(), nullable=True))
        op.create_index(op.f(f"ix_{table}_deleted_batch"), table, ["deleted_batch"])
    op.drop_index("ix_pulse_partner_taken", table_name="pulse")
    op.create_index(
        "ix_pulse_partner_taken",
        "pulse",
        ["partner_id", "taken_on"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_pulse_partner_taken", table_name="pulse")
    for table in _TABLES:
        op.execute(f"DELETE FROM {table} WHERE deleted_at IS NOT NULL")
        op.drop_index(op.f(f"ix_{table}_deleted_batch"), table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN deleted_batch")
        op.execute(f"ALTER TABLE {table} DROP COLUMN deleted_at")
    op.create_index("ix_pulse_partner_taken", "pulse", ["partner_id", "taken_on"])
