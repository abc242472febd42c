"""A partner's maturity history becomes dated assessments, scored in two views.

Every ``maturity_change`` row becomes an assessment: the BRM's view is that maturity, dated
``since``, the partner's view unknown, no evidence, no goals; rows of one partner keep their
order. The partner's current maturity stays as it was. A downgrade keeps each assessment's date
and BRM view as the history (the partner's view, evidence, notes and goals are lost).
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("brm_view", sa.String(), nullable=False),
        sa.Column("partner_view", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_assessment_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("uid", name=op.f("uq_assessment_uid")),
    )
    op.create_index(op.f("ix_assessment_partner_id"), "assessment", ["partner_id"])
    op.create_table(
        "assessment_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_goal_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_goal")),
    )
    op.create_index(op.f("ix_assessment_goal_assessment_id"), "assessment_goal", ["assessment_id"])
    op.create_table(
        "assessment_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(meeting_id IS NULL) != (request_id IS NULL)",
            name=op.f("ck_assessment_evidence_one_meeting_or_request"),
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_evidence_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_assessment_evidence_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["request.id"],
            name=op.f("fk_assessment_evidence_request_id_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_evidence")),
    )
    for column in ("assessment_id", "meeting_id", "request_id"):
        op.create_index(op.f(f"ix_assessment_evidence_{column}"), "assessment_evidence", [column])
    # The id of each row made from a history step: its own, lower-case hex like new_id's.
    op.execute(
        "INSERT INTO assessment (uid, partner_id, assessed_on, brm_view, partner_view, note) "
        "SELECT lower(hex(randomblob(16))), partner_id, since, maturity, NULL, '' "
        "FROM maturity_change ORDER BY partner_id, position"
    )
    op.drop_table("maturity_change")


def downgrade() -> None:
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
    op.create_index(op.f("ix_maturity_change_partner_id"), "maturity_change", ["partner_id"])
    op.execute(
        "INSERT INTO maturity_change (partner_id, position, maturity, since) "
        "SELECT partner_id, id, brm_view, assessed_on FROM assessment ORDER BY partner_id, id"
    )
    op.drop_table("assessment_evidence")
    op.drop_table("assessment_goal")
    op.drop_table("assessment")
