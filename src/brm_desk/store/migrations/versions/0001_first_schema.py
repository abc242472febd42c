"""The first journal schema: records, trash, and the full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 14:22:17.121741
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner",
        sa.Column("name", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("business_unit", sa.String(), nullable=False),
        sa.Column("sponsor", sa.String(), nullable=False),
        sa.Column("maturity", sa.String(), nullable=False),
        sa.Column("target_strategic_share", sa.Double(), nullable=False),
        sa.Column("touch_cadence_days", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_batch", sa.String(), nullable=True),
        sa.CheckConstraint(
            "target_strategic_share BETWEEN 0 AND 1",
            name=op.f("ck_partner_target_strategic_share_range"),
        ),
        sa.CheckConstraint(
            "touch_cadence_days >= 1", name=op.f("ck_partner_touch_cadence_days_positive")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
        sa.UniqueConstraint("uid", name=op.f("uq_partner_uid")),
    )
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_deleted_batch"), ["deleted_batch"], unique=False
        )
        batch_op.create_index(
            "uq_partner_active_name",
            ["name"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("focus", sa.String(), nullable=True),
        sa.Column("day", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
    )
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.create_index("uq_search_document_source", ["kind", "source_id"], unique=True)

    op.create_table(
        "contact",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("influence", sa.String(), nullable=False),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_batch", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_contact_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_uid")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_deleted_batch"), ["deleted_batch"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_partner_id"), ["partner_id"], unique=False)

    op.create_table(
        "maturity_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("maturity", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_maturity_change_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maturity_change")),
    )
    with op.batch_alter_table("maturity_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maturity_change_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("start", sa.String(), nullable=False),
        sa.Column("start_utc", sa.String(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("focus", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_batch", sa.String(), nullable=True),
        sa.CheckConstraint(
            "focus IN ('reactive', 'routine', 'strategic')", name=op.f("ck_meeting_focus_known")
        ),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 1 AND 1440", name=op.f("ck_meeting_duration_range")
        ),
        sa.CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
            name=op.f("ck_meeting_satisfaction_range"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_meeting_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_uid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meeting_balance",
            ["local_date", "partner_id", "focus", "duration_minutes"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_meeting_deleted_batch"), ["deleted_batch"], unique=False
        )
        batch_op.create_index(
            "ix_meeting_partner_focus_date",
            ["partner_id", "focus", "local_date"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index("ix_meeting_start_utc", ["start_utc"], unique=False)

    op.create_table(
        "meeting_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("side", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "side IN ('mine', 'partner', 'provider')", name=op.f("ck_meeting_action_side_known")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_action_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_action")),
    )
    with op.batch_alter_table("meeting_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_action_meeting_id"), ["meeting_id"], unique=False
        )
        batch_op.create_index(
            "ix_meeting_action_open", ["due"], unique=False, sqlite_where=sa.text("done IS NULL")
        )

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_meeting_attendee_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendee_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "contact_id", name=op.f("pk_meeting_attendee")),
    )
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_attendee_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "request",
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("raised_by_id", sa.Integer(), nullable=True),
        sa.Column("received", sa.Date(), nullable=False),
        sa.Column("focus", sa.String(), nullable=False),
        sa.Column("want", sa.Text(), nullable=False),
        sa.Column("need", sa.Text(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("routed_to", sa.String(), nullable=False),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("revisit_on", sa.Date(), nullable=True),
        sa.Column("reframed_as_id", sa.Integer(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("expected_benefit", sa.Text(), nullable=False),
        sa.Column("expected_value_amount", sa.String(), nullable=True),
        sa.Column("realized_value_amount", sa.String(), nullable=True),
        sa.Column("benefit_reviewed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_batch", sa.String(), nullable=True),
        sa.CheckConstraint(
            "focus IN ('reactive', 'routine', 'strategic')", name=op.f("ck_request_focus_known")
        ),
        sa.CheckConstraint("urgency BETWEEN 1 AND 5", name=op.f("ck_request_urgency_range")),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name=op.f("ck_request_value_range")),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_request_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"],
            ["contact.id"],
            name=op.f("fk_request_raised_by_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reframed_as_id"],
            ["request.id"],
            name=op.f("fk_request_reframed_as_id_request"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request")),
        sa.UniqueConstraint("uid", name=op.f("uq_request_uid")),
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.create_index(
            "ix_request_balance",
            ["received", "partner_id", "focus"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_request_deleted_batch"), ["deleted_batch"], unique=False
        )
        batch_op.create_index(
            "ix_request_partner_focus_received",
            ["partner_id", "focus", "received"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_request_raised_by_id"), ["raised_by_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_request_reframed_as_id"), ["reframed_as_id"], unique=False
        )

    op.create_table(
        "request_meeting",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_request_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["request.id"],
            name=op.f("fk_request_meeting_request_id_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", "meeting_id", name=op.f("pk_request_meeting")),
    )
    with op.batch_alter_table("request_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_request_meeting_meeting_id"), ["meeting_id"], unique=False
        )

    for statement in SEARCH_DDL:
        op.execute(statement)


def downgrade() -> None:
    for name in SEARCH_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("request_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_meeting_meeting_id"))

    op.drop_table("request_meeting")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_reframed_as_id"))
        batch_op.drop_index(batch_op.f("ix_request_raised_by_id"))
        batch_op.drop_index(
            "ix_request_partner_focus_received", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index(batch_op.f("ix_request_deleted_batch"))
        batch_op.drop_index("ix_request_balance", sqlite_where=sa.text("deleted_at IS NULL"))

    op.drop_table("request")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendee_contact_id"))

    op.drop_table("meeting_attendee")
    with op.batch_alter_table("meeting_action", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_action_open", sqlite_where=sa.text("done IS NULL"))
        batch_op.drop_index(batch_op.f("ix_meeting_action_meeting_id"))

    op.drop_table("meeting_action")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_start_utc")
        batch_op.drop_index(
            "ix_meeting_partner_focus_date", sqlite_where=sa.text("deleted_at IS NULL")
        )
        batch_op.drop_index(batch_op.f("ix_meeting_deleted_batch"))
        batch_op.drop_index("ix_meeting_balance", sqlite_where=sa.text("deleted_at IS NULL"))

    op.drop_table("meeting")
    with op.batch_alter_table("maturity_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maturity_change_partner_id"))

    op.drop_table("maturity_change")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_partner_id"))
        batch_op.drop_index(batch_op.f("ix_contact_deleted_batch"))

    op.drop_table("contact")
    with op.batch_alter_table("search_document", schema=None) as batch_op:
        batch_op.drop_index("uq_search_document_source")

    op.drop_table("search_document")
    with op.batch_alter_table("partner", schema=None) as batch_op:
        batch_op.drop_index("uq_partner_active_name", sqlite_where=sa.text("deleted_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_partner_deleted_batch"))

    op.drop_table("partner")


def _source_triggers(
    table: str, kind: str, partner: str, focus: str, day: str, title: str, body: str, watched: str
) -> list[str]:
    """Triggers that keep ``search_document`` in step with one source table."""
    insert = (
        "INSERT INTO search_document (kind, source_id, partner_id, focus, day, title, body) "
        f"SELECT '{kind}', new.id, {partner}, {focus}, {day}, {title}, {body} "
        "WHERE new.deleted_at IS NULL;"
    )
    forget = f"DELETE FROM search_document WHERE kind = '{kind}' AND source_id = old.id;"
    return [
        f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {watched} ON {table} "
        f"BEGIN {forget} {insert} END",
        f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {forget} END",
    ]


SEARCH_DDL = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE TRIGGER search_document_insert AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_document_delete AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_fts (search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_document_update AFTER UPDATE ON search_document BEGIN "
    "INSERT INTO search_fts (search_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END",
    *_source_triggers(
        "meeting",
        "meeting",
        "new.partner_id",
        "new.focus",
        "new.local_date",
        "new.title",
        "new.notes",
        "title, notes, focus, local_date, partner_id, deleted_at",
    ),
    *_source_triggers(
        "request",
        "request",
        "new.partner_id",
        "new.focus",
        "new.received",
        "new.title",
        "trim(new.want || char(10) || new.need || char(10) || new.notes)",
        "title, want, need, notes, focus, received, partner_id, deleted_at",
    ),
    *_source_triggers(
        "partner",
        "partner",
        "new.id",
        "NULL",
        "NULL",
        "new.name",
        "trim(new.business_unit || char(10) || new.sponsor || char(10) || new.notes)",
        "name, business_unit, sponsor, notes, deleted_at",
    ),
    *_source_triggers(
        "contact",
        "contact",
        "new.partner_id",
        "NULL",
        "NULL",
        "new.name",
        "trim(new.role || char(10) || new.email || char(10) || new.notes)",
        "name, role, email, notes, partner_id, deleted_at",
    ),
]

SEARCH_TRIGGERS = [
    "search_document_insert",
    "search_document_delete",
    "search_document_update",
    *(
        f"{t}_search_{w}"
        for t in ("meeting", "request", "partner", "contact")
        for w in ("insert", "update", "delete")
    ),
]
