"""The full-text index: safe queries from anything typed, ranked hits, rebuild and checks.

``search_fts`` (FTS5) indexes ``search_document``, one row per live record, which triggers
keep in step with the records (see migration 0001). A search is one statement: rank every
match with weighted ``bm25`` keeping only the best rows, then make snippets and join the
records for those rows alone (benchmarks/README.md has its figures against FTS5's own
``ORDER BY rank``).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from brm_desk.domain.search import MARK_END, MARK_START, SearchFilters, SearchHit
from brm_desk.store.database import Database, Transaction

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
SNIPPET_TOKENS = 12
MAX_TOKENS = 32
"""A query longer than this is cut: more words only slow the search down."""
PREFIX_LETTERS = 3
"""Letters a word being typed needs before it also finds longer words.

Two letters ("re", "no") complete to words found in nearly every document of a large journal,
and bm25 must then score them all (over 100 ms at 100,000 meetings), for results nobody reads:
until its third letter, the word is looked up whole."""

# SQLite's sorter keeps only the best rows, where FTS5's ORDER BY rank sorts every match with
# its position lists; a snippet is made for those rows alone. The snippets' pass over the index
# is kept to the rowid range of the best rows, with a unary plus that keeps their list out of
# FTS5's hands (it would run the whole query once per row). The limit is written into the
# statement: bound, SQLite would prepare the statement again at every run.
_SEARCH = """
WITH best AS MATERIALIZED (
    SELECT search_fts.rowid AS document,
        bm25(search_fts, {title_weight}, {body_weight}) AS score
    FROM search_fts {join}
    WHERE search_fts MATCH :query {conditions}
    ORDER BY score, search_fts.rowid
    LIMIT {limit}
)
SELECT
    (SELECT score FROM best WHERE best.document = search_fts.rowid) AS score,
    snippet(search_fts, 1, :mark_start, :mark_end, '…', {snippet_tokens}),
    d.kind,
    CASE d.kind
        WHEN 'meeting' THEN (SELECT uid FROM meeting WHERE id = d.source_id)
        WHEN 'request' THEN (SELECT uid FROM request WHERE id = d.source_id)
        WHEN 'contact' THEN (SELECT uid FROM contact WHERE id = d.source_id)
        ELSE p.uid
    END,
    d.title,
    d.day,
    p.uid,
    p.name
FROM search_fts CROSS JOIN search_document AS d ON d.id = search_fts.rowid
LEFT JOIN partner AS p ON p.id = d.partner_id
WHERE search_fts MATCH :query
    AND search_fts.rowid BETWEEN (SELECT min(document) FROM best)
        AND (SELECT max(document) FROM best)
    AND +search_fts.rowid IN (SELECT document FROM best)
ORDER BY 1, search_fts.rowid
"""

_FILTERS = {
    "partner_id": "d.partner_id = (SELECT id FROM partner WHERE uid = :partner_id)",
    "kinds": "d.kind IN (SELECT value FROM json_each(:kinds))",
    "focus": "d.focus = :focus",
    "date_from": "d.day >= :date_from",
    "date_to": "d.day <= :date_to",
}

_PRIVATE_NOTES = "iif(plain_text(private_notes) = '', '', char(10) || plain_text(private_notes))"
SOURCE_DOCUMENTS = (
    "SELECT 'meeting' AS kind, id AS source_id, partner_id, focus, local_date AS day, "
    f"title, plain_text(notes) || {_PRIVATE_NOTES} AS body FROM meeting WHERE deleted_at IS NULL "
    "UNION ALL SELECT 'request', id, partner_id, focus, received, title, "
    f"trim(want || char(10) || need || char(10) || plain_text(notes)) || {_PRIVATE_NOTES} "
    "FROM request WHERE deleted_at IS NULL "
    "UNION ALL SELECT 'partner', id, id, NULL, NULL, name COLLATE BINARY, "
    "trim(business_unit || char(10) || sponsor || char(10) || plain_text(notes)) "
    "FROM partner WHERE deleted_at IS NULL "
    "UNION ALL SELECT 'contact', id, partner_id, NULL, NULL, name COLLATE BINARY, "
    "trim(role || char(10) || email || char(10) || notes) FROM contact WHERE deleted_at IS NULL"
)
"""What ``search_document`` should hold: the same texts the triggers of migrations 0001, 0006
and 0007 write (private notes follow the notes); notes as ``plain_text()``, which every
connection has (``journal_file``)."""

_SAME_RECORD = "d.kind = e.kind AND d.source_id = e.source_id"
_SAME_TEXT = (
    "d.partner_id IS e.partner_id AND d.focus IS e.focus AND d.day IS e.day "
    "AND d.title IS e.title AND d.body IS e.body"
)
_CHECKS = (
    (
        f"expected AS e LEFT JOIN search_document AS d ON {_SAME_RECORD} WHERE d.id IS NULL",
        "e",
        "{n} {kinds} missing from the search index",
    ),
    (
        f"search_document AS d LEFT JOIN expected AS e ON {_SAME_RECORD} WHERE e.source_id IS NULL",
        "d",
        "{n} search {documents} for no live {kind}",
    ),
    (
        f"expected AS e JOIN search_document AS d ON {_SAME_RECORD} WHERE NOT ({_SAME_TEXT})",
        "e",
        "{n} {kinds} out of date in the search index",
    ),
)
"""What :func:`integrity_problems` counts by kind: which rows (``d`` a document, ``e`` what
it should be), counted on which side, and how to say it."""


def words(typed: str) -> list[str]:
    """What a user typed, cut where FTS5's unicode61 tokenizer surely ends a word.

    Spaces, control characters and ASCII punctuation (quotes, ``*``, ``(``, ``:``, ``^``,
    ``-``, …) separate words. Anything else stays in the word and FTS5 tokenizes it inside
    the quotes exactly as it did the notes: its Unicode tables are older than Python's, so
    only it knows whether, say, "🙂" is part of a word.
    """
    found: list[str] = []
    current: list[str] = []
    for character in typed:
        if not _ends_word(character):
            current.append(character)
            continue
        if current:
            found.append("".join(current))
            current = []
            if len(found) > MAX_TOKENS:
                break
    if current:
        found.append("".join(current))
    return found


def _ends_word(character: str) -> bool:
    if character.isascii():
        return not character.isalnum()
    category = unicodedata.category(character)
    return category[0] == "Z" or category in ("Cc", "Cs")


def match_expression(typed: str) -> str | None:
    """An FTS5 query for what a user typed, or None when there is no word to look for.

    Every word is quoted, so nothing typed is ever FTS5 syntax (``AND``, ``NEAR(``, ``*``,
    ``col:`` are plain words or separators) and all words must match; a word typed twice is
    looked up once. The last word is a prefix while it is still being typed, i.e. when no
    space follows it, once it has ``PREFIX_LETTERS`` letters.
    """
    tokens = words(typed)
    if not tokens:
        return None
    still_typing = _being_typed(typed, tokens)
    tokens = tokens[:MAX_TOKENS]
    quoted = ['"' + token.replace('"', '""') + '"' for token in tokens]
    if still_typing and _last_letters(tokens[-1]) >= PREFIX_LETTERS:
        quoted[-1] += "*"
    return " ".join(dict.fromkeys(quoted))


def too_short_to_complete(typed: str) -> str | None:
    """The word being typed while it is too short to find longer words, else None.

    A view says so, so that a user knows why "re" does not find "review" yet.
    """
    tokens = words(typed)
    if not tokens or not _being_typed(typed, tokens):
        return None
    return tokens[-1] if 0 < _last_letters(tokens[-1]) < PREFIX_LETTERS else None


def _being_typed(typed: str, tokens: list[str]) -> bool:
    """No space after the last word, and the text was not cut at ``MAX_TOKENS`` words."""
    return len(tokens) <= MAX_TOKENS and not typed[-1].isspace()


def _last_letters(word: str) -> int:
    """Letters and digits at the end of ``word``: the part a prefix would complete."""
    count = 0
    for character in reversed(word):
        category = unicodedata.category(character)
        if category[0] in "LN" or category == "Co":
            count += 1
        elif category[0] != "M":
            break
    return count


def search(
    database: Database,
    typed: str,
    *,
    limit: int = 50,
    filters: SearchFilters | None = None,
) -> list[SearchHit]:
    """The best ``limit`` records for what a user typed, best first (none for no words)."""
    expression = match_expression(typed)
    if expression is None or limit < 1:
        return []
    params = _filter_params(filters or SearchFilters())
    statement = _statement(tuple(sorted(params)), limit)
    params.update(query=expression, mark_start=MARK_START, mark_end=MARK_END)
    # The DB-API connection rather than a Session: a third of a rare word's time.
    with database.reading() as connection:
        rows = connection.execute(statement, params).fetchall()
    return [
        SearchHit(
            kind,
            uid,
            title,
            partner_uid,
            partner_name or "",
            date.fromisoformat(day) if day else None,
            " ".join(snippet.split()),
            score,
        )
        for score, snippet, kind, uid, title, day, partner_uid, partner_name in rows
    ]


def _filter_params(filters: SearchFilters) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if filters.partner_id is not None:
        params["partner_id"] = filters.partner_id
    if filters.kinds:
        params["kinds"] = json.dumps(sorted(filters.kinds))
    if filters.focus is not None:
        params["focus"] = filters.focus.value
    if filters.date_from is not None:
        params["date_from"] = filters.date_from.isoformat()
    if filters.date_to is not None:
        params["date_to"] = filters.date_to.isoformat()
    return params


@lru_cache(maxsize=64)
def _statement(active: tuple[str, ...], limit: int) -> str:
    """The search for one set of filters (search_document is joined only to filter)."""
    return _SEARCH.format(
        join="CROSS JOIN search_document AS d ON d.id = search_fts.rowid" if active else "",
        conditions="".join(f"AND {_FILTERS[name]} " for name in active),
        title_weight=TITLE_WEIGHT,
        body_weight=BODY_WEIGHT,
        limit=int(limit),
        snippet_tokens=SNIPPET_TOKENS,
    )


def rebuild(tx: Transaction) -> None:
    """Repair the index: FTS5 rebuilt from the documents, then the documents put right.

    FTS5 first, because deleting a document through the triggers needs an index that agrees
    with it (else SQLite reports the file as malformed); after that the triggers carry each
    corrected document into the index.
    """
    tx.execute(text("INSERT INTO search_fts (search_fts) VALUES ('rebuild')"))
    tx.execute(
        text(
            f"WITH expected AS ({SOURCE_DOCUMENTS}) "
            "DELETE FROM search_document WHERE id NOT IN ("
            "SELECT d.id FROM search_document AS d JOIN expected AS e "
            f"ON {_SAME_RECORD} AND {_SAME_TEXT})"
        )
    )
    tx.execute(
        text(
            "INSERT INTO search_document (kind, source_id, partner_id, focus, day, title, body) "
            f"SELECT * FROM ({SOURCE_DOCUMENTS}) AS e WHERE NOT EXISTS ("
            "SELECT 1 FROM search_document AS d "
            "WHERE d.kind = e.kind AND d.source_id = e.source_id)"
        )
    )


def integrity_problems(tx: Transaction) -> list[str]:
    """What is wrong with the index, in words; empty when search finds exactly the records.

    Checks FTS5's own structure against ``search_document``, and that document against the
    live records: one document per record, none for anything else, none out of date. The
    records' texts are worked out once (``MATERIALIZED``): ``plain_text()`` parses Markdown.
    """
    problems = [] if (damage := _index_damage(tx)) is None else [damage]
    counts = " UNION ALL ".join(
        f"SELECT {number} AS check_number, {side}.kind AS kind, count(*) AS n "
        f"FROM {source} GROUP BY {side}.kind"
        for number, (source, side, _) in enumerate(_CHECKS)
    )
    found = tx.execute(
        text(
            f"WITH expected AS MATERIALIZED ({SOURCE_DOCUMENTS}) {counts} "
            "ORDER BY check_number, kind"
        )
    )
    return problems + [
        _CHECKS[number][2].format(
            n=n, kind=kind, kinds=_plural(kind, n), documents=_plural("document", n)
        )
        for number, kind, n in found
    ]


def _index_damage(tx: Transaction) -> str | None:
    """FTS5's own check of its index against the documents, in words; ``None`` when sound.

    The check is an INSERT, which a journal opened read-only (``brm-desk check``) refuses, so
    it runs on a copy of the index in the connection's temp schema (in memory), undone after.
    """
    definition = tx.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_fts'")
    ).scalar_one()
    copy = tx.begin_nested()
    try:
        tx.execute(text("CREATE TEMP VIEW search_document AS SELECT * FROM main.search_document"))
        tx.execute(text(definition.replace("TABLE search_fts", "TABLE temp.search_fts", 1)))
        for part in ("data", "idx", "docsize", "config"):
            shadow = f"search_fts_{part}"
            tx.execute(text(f"DELETE FROM temp.{shadow}"))
            tx.execute(text(f"INSERT INTO temp.{shadow} SELECT * FROM main.{shadow}"))
        tx.execute(
            text("INSERT INTO temp.search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        )
    except DBAPIError as error:
        return f"the search index is damaged ({error.orig})"
    finally:
        copy.rollback()
    return None


def _plural(noun: str, n: int) -> str:
    return noun if n == 1 else noun + "s"


BULK_THRESHOLD = 2000


@contextmanager
def indexing_in_bulk(tx: Transaction, table: str, rows: int) -> Iterator[None]:
    """Index a large batch of new ``table`` rows in one statement instead of row by row.

    The table's insert trigger is set aside for the batch (inside the caller's transaction,
    so a failure puts it back untouched) and the new rows are indexed afterwards with the
    same text the trigger writes. Small batches keep the trigger: it is simpler and as fast.
    """
    if rows < BULK_THRESHOLD:
        yield
        return
    trigger = f"{table}_search_insert"
    definition = tx.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": trigger},
    ).scalar_one()
    first_new = int(tx.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one())
    tx.execute(text(f"DROP TRIGGER {trigger}"))
    yield
    tx.execute(
        text(
            "INSERT INTO search_document (kind, source_id, partner_id, focus, day, title, body) "
            f"SELECT * FROM ({SOURCE_DOCUMENTS}) AS e "
            "WHERE e.kind = :kind AND e.source_id >= :first_new"
        ),
        {"kind": table, "first_new": first_new},
    )
    tx.execute(text(definition))
