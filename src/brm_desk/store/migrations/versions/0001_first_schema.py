"""The first journal schema: records, trash, and the full-text index."""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


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
        *_record_columns(),
        sa.CheckConstraint(
            "target_strategic_share BETWEEN 0 AND 1",
            name=op.f("ck_partner_target_strategic_share_range"),
        ),
        sa.CheckConstraint(
            "touch_cadence_days >= 1", name=op.f("ck_partner_touch_cadence_days_positive")
        ),
        *_record_keys("partner"),
    )
    _index("partner", "deleted_batch")
    _live_index("partner", "uq_partner_active_name", "name", unique=True)

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
    op.create_index(
        "uq_search_document_source", "search_document", ["kind", "source_id"], unique=True
    )

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
        *_record_columns(),
        _belongs_to("contact", "partner_id", "partner"),
        *_record_keys("contact"),
    )
    _index("contact", "deleted_batch")
    _index("contact", "partner_id")

    op.create_table(
        "maturity_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("maturity", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        _belongs_to("maturity_change", "partner_id", "partner"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maturity_change")),
    )
    _index("maturity_change", "partner_id")

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
        *_record_columns(),
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
        _belongs_to("meeting", "partner_id", "partner"),
        *_record_keys("meeting"),
    )
    _live_index(
        "meeting", "ix_meeting_balance", "local_date", "partner_id", "focus", "duration_minutes"
    )
    _index("meeting", "deleted_batch")
    _live_index("meeting", "ix_meeting_partner_focus_date", "partner_id", "focus", "local_date")
    op.create_index("ix_meeting_start_utc", "meeting", ["start_utc"], unique=False)

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
        _belongs_to("meeting_action", "meeting_id", "meeting"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_action")),
    )
    _index("meeting_action", "meeting_id")
    op.create_index(
        "ix_meeting_action_open",
        "meeting_action",
        ["due"],
        unique=False,
        sqlite_where=sa.text("done IS NULL"),
    )

    op.create_table(
        "meeting_attendee",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _belongs_to("meeting_attendee", "contact_id", "contact"),
        _belongs_to("meeting_attendee", "meeting_id", "meeting"),
        sa.PrimaryKeyConstraint("meeting_id", "contact_id", name=op.f("pk_meeting_attendee")),
    )
    _index("meeting_attendee", "contact_id")

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
        *_record_columns(),
        sa.CheckConstraint(
            "focus IN ('reactive', 'routine', 'strategic')", name=op.f("ck_request_focus_known")
        ),
        sa.CheckConstraint("urgency BETWEEN 1 AND 5", name=op.f("ck_request_urgency_range")),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name=op.f("ck_request_value_range")),
        _belongs_to("request", "partner_id", "partner"),
        _belongs_to("request", "raised_by_id", "contact", ondelete="SET NULL"),
        _belongs_to("request", "reframed_as_id", "request", ondelete="SET NULL"),
        *_record_keys("request"),
    )
    _live_index("request", "ix_request_balance", "received", "partner_id", "focus")
    _index("request", "deleted_batch")
    _live_index("request", "ix_request_partner_focus_received", "partner_id", "focus", "received")
    _index("request", "raised_by_id")
    _index("request", "reframed_as_id")

    op.create_table(
        "request_meeting",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _belongs_to("request_meeting", "meeting_id", "meeting"),
        _belongs_to("request_meeting", "request_id", "request"),
        sa.PrimaryKeyConstraint("request_id", "meeting_id", name=op.f("pk_request_meeting")),
    )
    _index("request_meeting", "meeting_id")

    for statement in SEARCH_DDL:
        op.execute(statement)


def downgrade() -> None:
    for name in SEARCH_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    # Dropping a table drops its indexes.
    for table in (
        "request_meeting",
        "request",
        "meeting_attendee",
        "meeting_action",
        "meeting",
        "maturity_change",
        "contact",
        "search_document",
        "partner",
    ):
        op.drop_table(table)


def _record_columns() -> list[sa.Column[Any]]:
    """The columns every record's table ends with: ids, timestamps, trash state."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
        sa.Column("deleted_batch", sa.String(), nullable=True),
    ]


def _record_keys(table: str) -> list[sa.Constraint]:
    """A record's primary key and its unique public id."""
    return [
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")),
    ]


def _belongs_to(
    table: str, column: str, referred: str, ondelete: str = "CASCADE"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{referred}.id"],
        name=op.f(f"fk_{table}_{column}_{referred}"),
        ondelete=ondelete,
    )


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def _live_index(table: str, name: str, *columns: str, unique: bool = False) -> None:
    """An index of the rows not in the trash."""
    op.create_index(
        name, table, list(columns), unique=unique, sqlite_where=sa.text("deleted_at IS NULL")
    )


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
