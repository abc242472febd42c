"""The full-text index keeps a prefix index for three letters only (it kept two and three).

A word being typed completes from its third letter (``search_index.PREFIX_LETTERS``), so
the two-letter prefix index was never read. At 100,000 meetings it was 47 MB of the 168 MB
index and 1.6 s of building it. FTS5 cannot change its options in place: the table is made
again and rebuilt from ``search_document`` (about 6 s at 100,000 meetings, once).
"""

from alembic import op

revision = "0005"
down_revision = "0004"

_FULL_TEXT = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_document', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
)


def _remake(prefix: str) -> None:
    # The triggers on search_document name search_fts in their bodies and stay as they are.
    op.execute("DROP TABLE search_fts")
    op.execute(_FULL_TEXT.format(prefix=prefix))
    op.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _remake("3")


def downgrade() -> None:
    _remake("2 3")
