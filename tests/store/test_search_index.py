"""The full-text index in the store: query escaping, ranking against FTS5, rebuild and checks."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from brm_desk.domain.enums import Focus
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.domain.search import MARK_END, MARK_START, SearchFilters
from brm_desk.services.journal import Journal
from brm_desk.store import search_index
from brm_desk.store.search_index import match_expression, words
from empty_journal import built_once

# Escaping


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("roadm", '"roadm"*'),
        ("roadmap ", '"roadmap"'),
        ("cloud roadm", '"cloud" "roadm"*'),
        ("  cloud\troadmap\n", '"cloud" "roadmap"'),
        ("r", '"r"'),
        ("ro", '"ro"'),
        ("roa", '"roa"*'),
        ("cloud ro", '"cloud" "ro"'),
        ("AND", '"AND"*'),
        ("a OR b NOT c ", '"a" "OR" "b" "NOT" "c"'),
        ('NEAR(a b, 3) "quoted phrase"', '"NEAR" "a" "b" "3" "quoted" "phrase"*'),
        ("title:budget ^start -not +plus", '"title" "budget" "start" "not" "plus"*'),
        ("road*", '"road"*'),
        ("café crème", '"café" "crème"*'),
        ("ада@пример.рф", '"ада" "пример" "рф"'),
        ("ада@пример.рфx", '"ада" "пример" "рфx"*'),
        ("日本語", '"日本語"*'),
        ("x² ½ Ⅻ", '"x²" "½" "Ⅻ"'),
        ("e\u0301 ", '"e\u0301"'),
        ("a\u0301", '"a\u0301"'),
        ("budget budget budg", '"budget" "budg"*'),
        ("budget budget", '"budget" "budget"*'),
        ("😀 budget 😀", '"😀" "budget"'),
        ("😀", '"😀"'),
        ("ab😀cd", '"ab😀cd"'),
        ("ab😀cde", '"ab😀cde"*'),
        ("thanks🙂 ", '"thanks🙂"'),
        ("don’t", '"don’t"'),
        ("«budget» ", '"«budget»"'),
        ("\ud800budget", '"budget"*'),
        ("", None),
        ("   ", None),
        ("*", None),
        ('"" () : ^ - \x00 \t\u3000\u2028', None),
    ],
)
def test_match_expression(typed: str, expression: str | None) -> None:
    assert match_expression(typed) == expression


@pytest.mark.parametrize(
    ("typed", "short"),
    [
        ("r", "r"),
        ("cloud ro", "ro"),
        ("日本", "日本"),
        ("ab😀cd", "ab😀cd"),
        ("roa", None),
        ("ro ", None),
        ("ro.", "ro"),
        ("😀", None),
        ("", None),
        ("  ", None),
    ],
)
def test_a_word_too_short_to_complete_is_named(typed: str, short: str | None) -> None:
    assert search_index.too_short_to_complete(typed) == short


@settings(max_examples=300, deadline=None)
@given(typed=st.text(max_size=40))
def test_a_word_is_completed_exactly_when_it_is_not_too_short(typed: str) -> None:
    """The view's hint and the query agree: a word being typed is either short or a prefix."""
    expression = match_expression(typed)
    short = search_index.too_short_to_complete(typed)
    if short is not None:
        assert expression is not None
        assert not expression.endswith("*")
        # looked up whole (a word typed twice is looked up once: "0 1 0" is '"0" "1"')
        assert '"' + short.replace('"', '""') + '"' in expression.split(" ")


def test_a_very_long_text_is_cut_to_its_first_words() -> None:
    typed = " ".join(f"w{n}" for n in range(10_000))

    expression = match_expression(typed)

    assert expression is not None
    assert expression.split() == [f'"w{n}"' for n in range(search_index.MAX_TOKENS)]


def unicode61_tokens(connection: sqlite3.Connection, value: str) -> list[str]:
    """The tokens FTS5 makes of ``value`` with the journal's tokenizer."""
    connection.execute("DELETE FROM probe")
    connection.execute("INSERT INTO probe (rowid, x) VALUES (1, ?)", (value,))
    return [term for (term,) in connection.execute("SELECT term FROM probe_terms ORDER BY offset")]


@pytest.fixture(scope="module")
def probe() -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(
            "CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
        )
        connection.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance')")
        yield connection


@settings(max_examples=300, deadline=None)
@given(typed=st.text(max_size=60))
def test_words_never_split_what_fts5_keeps_together(probe: sqlite3.Connection, typed: str) -> None:
    """Each word becomes a quoted phrase, so quoting word by word must give FTS5's own tokens."""
    assert [t for word in words(typed) for t in unicode61_tokens(probe, word)] == (
        unicode61_tokens(probe, typed)
    )


# Searching against FTS5 itself

VOCABULARY = [
    *("budget", "roadmap", "cloud", "migration", "outage", "escalation", "value", "benefit"),
    *("licence", "vendor", "audit", "sponsor", "portfolio", "intake", "backlog", "release"),
    *("capacity", "training", "adoption", "dashboard", "payroll", "analytics", "platform"),
    *("integration", "network", "security", "pilot", "architecture", "estimate", "saving"),
]


TODAY = date(2026, 11, 24)  # as the `journal` fixture's


@pytest.fixture(scope="module")
def busy_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred records of random text (seeded), written once for this module."""
    return built_once(tmp_path_factory, fill_busy, today=lambda: TODAY)


@pytest.fixture
def busy(busy_journal: Path, journal_path: Path) -> Iterator[Journal]:
    """A copy of :func:`busy_journal` for this test alone, so ranking and filters have work
    to do (and a test may change it)."""
    shutil.copy(busy_journal, journal_path)
    opened = Journal.open(journal_path, today=lambda: TODAY)
    yield opened
    opened.close()


def fill_busy(journal: Journal) -> None:
    """Four partners with a contact each, 300 meetings and 40 requests."""
    rng = random.Random(20261124)
    partners = [journal.partners.add(Partner(id="", name=f"Partner {n}")) for n in range(4)]

    def prose(n: int) -> str:
        return " ".join(rng.choices(VOCABULARY, k=n))

    for partner in partners:
        journal.contacts.add(
            Contact(id="", partner_id=partner.id, name=prose(2).title(), notes=prose(5))
        )
    for n in range(300):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=rng.choice(partners).id,
                title=prose(rng.randint(1, 4)),
                start=datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=n),
                focus=rng.choice(list(Focus)),
                notes=prose(rng.randint(0, 40)),
            )
        )
    for n in range(40):
        journal.requests.add(
            Request(
                id="",
                partner_id=rng.choice(partners).id,
                title=prose(3),
                received=date(2026, 1, 1) + timedelta(days=7 * n),
                focus=rng.choice(list(Focus)),
                want=prose(8),
                need=prose(8),
            )
        )


REFERENCE = """
SELECT d.kind, d.source_id, snippet(search_fts, 1, :mark_start, :mark_end, '…', 12)
FROM search_fts JOIN search_document AS d ON d.id = search_fts.rowid
WHERE search_fts MATCH :query {conditions}
ORDER BY bm25(search_fts, 4.0, 1.0), search_fts.rowid
LIMIT :limit
"""
UID_OF = {
    "meeting": "SELECT uid FROM meeting WHERE id = :id",
    "request": "SELECT uid FROM request WHERE id = :id",
    "partner": "SELECT uid FROM partner WHERE id = :id",
    "contact": "SELECT uid FROM contact WHERE id = :id",
}


def reference(
    journal: Journal, typed: str, limit: int, conditions: str = "", **params: object
) -> list[tuple[str, str, str]]:
    """The plain way to ask FTS5 the same question: kind, public id and snippet of each hit."""
    with journal.database.transaction() as tx:
        rows = tx.execute(
            text(REFERENCE.format(conditions=conditions)),
            {
                "query": match_expression(typed),
                "limit": limit,
                "mark_start": MARK_START,
                "mark_end": MARK_END,
                **params,
            },
        ).all()
        return [
            (
                kind,
                tx.execute(text(UID_OF[kind]), {"id": source_id}).scalar_one(),
                " ".join(snippet.split()),
            )
            for kind, source_id, snippet in rows
        ]


def ours(
    journal: Journal, typed: str, limit: int, filters: SearchFilters | None = None
) -> list[tuple[str, str, str]]:
    """Kind, public id and snippet of our hits."""
    hits = search_index.search(journal.database, typed, limit=limit, filters=filters)
    return [(hit.kind, hit.id, hit.snippet) for hit in hits]


@pytest.mark.parametrize(
    "typed",
    ["budget", "budget ", "cloud migration", "roa", "pay", "audit secu", "value benefit val"],
)
@pytest.mark.parametrize("limit", [1, 7, 50, 1000])
def test_same_hits_and_snippets_as_fts5_ranks_them(busy: Journal, typed: str, limit: int) -> None:
    expected = reference(busy, typed, limit)

    assert expected
    assert ours(busy, typed, limit) == expected


def test_filters_match_the_plain_query(busy: Journal) -> None:
    partner = busy.partners.listing()[1]
    filters = SearchFilters(
        partner_id=partner.id,
        kinds=frozenset({"meeting", "request"}),
        focus=Focus.STRATEGIC,
        date_from=date(2026, 3, 1),
        date_to=date(2026, 9, 30),
    )
    conditions = (
        "AND d.partner_id = (SELECT id FROM partner WHERE uid = :partner) "
        "AND d.kind IN ('meeting', 'request') AND d.focus = 'strategic' "
        "AND d.day BETWEEN '2026-03-01' AND '2026-09-30'"
    )

    for limit in (3, 50):
        expected = reference(busy, "budget", limit, conditions, partner=partner.id)
        assert expected
        assert ours(busy, "budget", limit, filters) == expected


# Ranking: any query, ties, encrypted journals, several threads


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    typed=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=2).map(" ".join)
    | st.sampled_from(VOCABULARY).map(lambda word: word[:4]),
    limit=st.integers(1, 80),
)
def test_any_query_finds_what_fts5_finds_in_its_order(
    busy: Journal, typed: str, limit: int
) -> None:
    found = ours(busy, typed, limit)

    assert found == reference(busy, typed, limit)
    assert len({(kind, uid) for kind, uid, _snippet in found}) == len(found)


def test_ties_in_score_keep_the_order_of_the_rows(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name="Tied"))
    for n in range(40):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=partner.id,
                title="Same title",
                start=datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=n),
                notes="budget review",
            )
        )

    hits = search_index.search(journal.database, "budget ", limit=25)

    assert len(hits) == 25
    assert len({hit.rank for hit in hits}) == 1
    assert [(hit.kind, hit.id, hit.snippet) for hit in hits] == reference(journal, "budget ", 25)


def test_an_encrypted_journal_is_searched_on_keyed_connections(tmp_path: Path) -> None:
    journal = Journal.create(tmp_path / "secret.db", passphrase="correct horse battery")
    try:
        partner = journal.partners.add(Partner(id="", name="Secret"))
        for n in range(30):
            journal.meetings.add(
                Meeting(
                    id="",
                    partner_id=partner.id,
                    title=f"Budget {n}",
                    start=datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=n),
                    notes="budget " * (n % 5 + 1) + "review",
                )
            )

        found, expected = ours(journal, "budg", 20), reference(journal, "budg", 20)
    finally:
        journal.close()

    assert len(found) == 20
    assert found == expected


def test_searches_from_several_threads_at_once_each_get_their_own_hits(busy: Journal) -> None:
    typed = ["budget", "cloud migration", "roa", "pay", "audit secu", "value benefit val"] * 4
    expected = [search_index.search(busy.database, text) for text in typed]

    with ThreadPoolExecutor(6) as threads:
        found = list(threads.map(lambda text: search_index.search(busy.database, text), typed))

    assert found == expected
    assert all(expected)


# Rebuild and integrity


def problems(journal: Journal) -> list[str]:
    with journal.database.transaction() as tx:
        return search_index.integrity_problems(tx)


def run_sql(journal: Journal, *statements: str) -> None:
    with journal.database.transaction() as tx:
        for statement in statements:
            tx.execute(text(statement))


def rebuild(journal: Journal) -> None:
    with journal.database.transaction() as tx:
        search_index.rebuild(tx)


def test_the_triggers_write_what_the_check_expects(busy: Journal) -> None:
    partner = busy.partners.listing()[0]
    busy.partners.add(Partner(id="", name="Bare"))
    busy.partners.add(Partner(id="", name="Full", business_unit="BU", sponsor="S", notes="N"))
    busy.contacts.add(
        Contact(id="", partner_id=partner.id, name="C", role="R", email="e@x.org", notes="N")
    )
    busy.requests.add(
        Request(id="", partner_id=partner.id, title="T", received=date(2026, 1, 1), need="N")
    )
    busy.meetings.delete(busy.meetings.of_partner(partner.id)[0].id)
    busy.trash.restore(busy.partners.delete(partner.id))

    assert problems(busy) == []


NOTE_TEXT = st.text(st.sampled_from([*"ab ", "\n", "é", "z"]), max_size=12)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(notes=NOTE_TEXT, private_notes=NOTE_TEXT, edited=NOTE_TEXT)
def test_private_notes_are_indexed_as_the_check_expects(
    journal: Journal, notes: str, private_notes: str, edited: str
) -> None:
    """The triggers of migration 0006 and ``SOURCE_DOCUMENTS`` agree on any pair of notes,
    after an insert and after the private notes are edited."""
    partner = (journal.partners.listing() or [journal.partners.add(Partner(id="", name="P"))])[0]
    meeting = journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title="M",
            start=datetime(2026, 1, 1, 9, tzinfo=UTC),
            notes=notes,
            private_notes=private_notes,
        )
    )
    request = journal.requests.add(
        Request(
            id="",
            partner_id=partner.id,
            title="R",
            received=date(2026, 1, 1),
            notes=notes,
            private_notes=private_notes,
        )
    )
    assert problems(journal) == []
    journal.meetings.update(replace(meeting, private_notes=edited))
    journal.requests.update(replace(request, private_notes=edited))
    assert problems(journal) == []


def test_a_missing_document_is_found_and_rebuilt(busy: Journal) -> None:
    run_sql(busy, "DELETE FROM search_document WHERE kind = 'meeting' AND id % 50 = 0")

    assert problems(busy) == ["6 meetings missing from the search index"]

    rebuild(busy)
    assert problems(busy) == []


def test_stale_and_orphan_documents_are_found_and_rebuilt(busy: Journal) -> None:
    before = sorted(ours(busy, "budget", 1000))
    run_sql(
        busy,
        "UPDATE search_document SET body = 'nothing' WHERE kind = 'request' AND id % 2 = 0",
        "INSERT INTO search_document (kind, source_id, partner_id, focus, day, title, body) "
        "VALUES ('contact', 999999, NULL, NULL, NULL, 'Ghost', 'budget')",
    )

    found = problems(busy)
    assert len(found) == 2
    assert found[0] == "1 search document for no live contact"
    assert found[1].endswith("requests out of date in the search index")

    rebuild(busy)
    assert problems(busy) == []
    # Rewritten documents get new rowids, so only the order of equal scores may change.
    assert sorted(ours(busy, "budget", 1000)) == before


def test_a_damaged_full_text_index_is_found_and_rebuilt(busy: Journal) -> None:
    before = ours(busy, "roadmap", 50)
    run_sql(
        busy,
        "INSERT INTO search_fts (search_fts, rowid, title, body) "
        "SELECT 'delete', id, 'wrong', 'words' FROM search_document WHERE id % 10 = 0",
    )

    (problem,) = problems(busy)
    assert "search index is damaged" in problem

    rebuild(busy)
    assert problems(busy) == []
    assert ours(busy, "roadmap", 50) == before


def test_the_index_check_leaves_the_transaction_usable(busy: Journal) -> None:
    run_sql(
        busy,
        "INSERT INTO search_fts (search_fts, rowid, title, body) "
        "VALUES ('delete', 1, 'wrong', 'words')",
    )
    with busy.database.transaction() as tx:
        assert search_index.integrity_problems(tx)
        assert tx.execute(text("SELECT count(*) FROM meeting")).scalar_one() == 300


# Anything typed, straight at the store


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    typed=st.text(
        alphabet=st.sampled_from([*"ab \"*^:-()+{}.,;/\\'\x00\n😀é\u0301", MARK_START]),
        max_size=200,
    )
    | st.text()
)
def test_every_expression_is_valid_fts5(journal: Journal, typed: str) -> None:
    expression = match_expression(typed)
    if expression is None:
        return
    with journal.database.transaction() as tx:
        tx.execute(
            text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :query"),
            {"query": expression},
        ).scalar_one()
    assert search_index.search(journal.database, typed) == []


# Migration 0005: the prefix index of three letters only


def full_text_definition(journal: Journal) -> str:
    with journal.database.engine.connect() as connection:
        return str(
            connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'search_fts'"
            ).scalar_one()
        )


def test_a_journal_migrated_to_the_three_letter_prefix_index_finds_the_same(
    busy: Journal,
) -> None:
    from alembic import command
    from alembic.config import Config

    from brm_desk.store import migrate

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with busy.database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    assert "prefix='2 3'" in full_text_definition(busy)
    typed = ["roa", "budget ", "cloud migr", "pay", "value benefit val", "sec"]
    before = {text: ours(busy, text, 50) for text in typed}
    assert all(before.values())

    migrate.upgrade(busy.database.engine)

    assert "prefix='3'" in full_text_definition(busy)
    assert {text: ours(busy, text, 50) for text in typed} == before
    assert problems(busy) == []
