"""Full-text search through the service, on real journal files: what is typed, what is found."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.notes import plain_text
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.domain.search import MARK_END, MARK_START, SearchFilters, SearchHit, render_snippet
from brm_desk.services.journal import Journal
from half_filled import half_filled

FILLER = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike"


def add_partner(journal: Journal, name: str, **fields: object) -> Partner:
    return journal.partners.add(Partner(id="", name=name, **fields))  # type: ignore[arg-type]


def add_meeting(
    journal: Journal,
    partner: Partner,
    title: str,
    notes: str = FILLER,
    day: date = date(2026, 3, 2),
    focus: Focus = Focus.ROUTINE,
) -> Meeting:
    start = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    return journal.meetings.add(
        Meeting(id="", partner_id=partner.id, title=title, start=start, notes=notes, focus=focus)
    )


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


@pytest.fixture
def finance(journal: Journal) -> Partner:
    return add_partner(journal, "Finance")


# Ranking and snippets


def test_a_title_hit_ranks_above_a_body_hit(journal: Journal, finance: Partner) -> None:
    in_body = add_meeting(journal, finance, "Weekly sync", f"{FILLER} roadmap")
    in_title = add_meeting(journal, finance, "Roadmap review", f"{FILLER} sierra")

    assert ids(journal.search.query("roadmap ")) == [in_title.id, in_body.id]


def test_more_hits_rank_higher(journal: Journal, finance: Partner) -> None:
    once = add_meeting(journal, finance, "Sync one", "budget " + FILLER)
    thrice = add_meeting(journal, finance, "Sync two", "budget budget budget " + FILLER)

    hits = journal.search.query("budget ")

    assert ids(hits) == [thrice.id, once.id]
    assert hits[0].rank < hits[1].rank


def test_every_word_must_match(journal: Journal, finance: Partner) -> None:
    both = add_meeting(journal, finance, "Cloud budget", FILLER)
    add_meeting(journal, finance, "Cloud only", FILLER)
    add_meeting(journal, finance, "Budget only", FILLER)

    assert ids(journal.search.query("budget cloud")) == [both.id]


def test_a_snippet_marks_the_words_found(journal: Journal, finance: Partner) -> None:
    add_meeting(journal, finance, "Sync", "We agreed the\n\nbudget for next year with the CFO.")

    (hit,) = journal.search.query("budget")

    assert f"{MARK_START}budget{MARK_END}" in hit.snippet
    assert "\n" not in hit.snippet
    assert render_snippet(hit.snippet, "**", "**") == (
        "We agreed the **budget** for next year with the CFO."
    )


def test_a_long_note_is_cut_to_a_snippet_around_the_hit(journal: Journal, finance: Partner) -> None:
    notes = f"{FILLER} {FILLER} escalation {FILLER} {FILLER}"
    add_meeting(journal, finance, "Sync", notes)

    (hit,) = journal.search.query("escalation")

    assert "…" in hit.snippet
    assert len(hit.snippet.split()) <= 14
    assert f"{MARK_START}escalation{MARK_END}" in hit.snippet


@pytest.mark.parametrize(
    ("notes", "query", "shown"),
    [
        ("*Knowledge base* clean-up", "knowledge", "Knowledge base clean-up"),
        (
            "## Notes\n- **Budget** round 2. next steps",
            "budget",
            "Notes Budget round 2. next steps",
        ),
        ("1. Budget round", "budget", "Budget round"),
        ("costs rose 3. Then Q3 was flat", "costs", "costs rose 3. Then Q3 was flat"),
        ("wiki.\n## Requests\n- Benefits review", "wiki", "wiki. Requests Benefits review"),
        ("cost_centre and _italic_, and `code`", "italic", "cost_centre and italic, and code"),
        ("- [ ] Send the [deck](https://x.org)\n> quoted", "deck", "Send the deck quoted"),
    ],
)
def test_a_snippet_reads_as_text_without_markdown(
    journal: Journal, finance: Partner, notes: str, query: str, shown: str
) -> None:
    add_meeting(journal, finance, "Sync", notes)

    (hit,) = journal.search.query(query + " ")

    assert render_snippet(hit.snippet, "", "") == shown


@pytest.mark.parametrize("kind", list(MeetingType))
def test_snippets_of_a_half_filled_template_hold_no_prompt_left(
    journal: Journal, finance: Partner, kind: MeetingType
) -> None:
    note = half_filled(kind)
    add_meeting(journal, finance, "Sync", note.notes)
    written = set(re.findall(r"\w+", plain_text(note.notes)))

    for word in note.words:
        (hit,) = journal.search.query(word)
        shown = render_snippet(hit.snippet, "", "")
        assert set(re.findall(r"\w+", shown)) <= written
        assert [p for p in note.unfilled if p in shown] == []


def test_a_hit_says_what_it_is_and_whose(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(
        journal, finance, "Quarterly review", day=date(2026, 5, 7), focus=Focus.STRATEGIC
    )

    (hit,) = journal.search.query("quarterly")

    assert hit == SearchHit(
        kind="meeting",
        id=meeting.id,
        title="Quarterly review",
        partner_id=finance.id,
        partner="Finance",
        date=date(2026, 5, 7),
        snippet=hit.snippet,
        rank=hit.rank,
    )


# As the user types


def test_the_last_word_is_a_prefix_while_typing(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(journal, finance, "Cloud roadmap", FILLER)

    assert ids(journal.search.query("roadm")) == [meeting.id]
    assert ids(journal.search.query("cloud roadm")) == [meeting.id]
    assert journal.search.query("roadm ") == []
    assert journal.search.query("roadm cloud") == []


def test_one_or_two_letters_are_not_a_prefix(journal: Journal, finance: Partner) -> None:
    roadmap = add_meeting(journal, finance, "Roadmap", FILLER)
    ro = add_meeting(journal, finance, "Notes", f"{FILLER} ro")

    assert journal.search.query("r") == []
    assert ids(journal.search.query("ro")) == [ro.id]
    assert journal.search.short_word("ro") == "ro"
    assert ids(journal.search.query("roa")) == [roadmap.id]
    assert journal.search.short_word("roa") is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("cafe ", "Lunch at the café"),
        ("CAFÉ ", "cafe meeting"),
        ("resume ", "Résumé review"),
        ("Zurich ", "Offsite in Zürich"),
        ("naive ", "a naïve plan"),
    ],
)
def test_accents_and_case_do_not_matter(
    journal: Journal, finance: Partner, typed: str, stored: str
) -> None:
    meeting = add_meeting(journal, finance, stored, FILLER)

    assert ids(journal.search.query(typed)) == [meeting.id]


def test_symbols_glued_to_a_word_are_cut_as_in_the_notes(
    journal: Journal, finance: Partner
) -> None:
    """FTS5's Unicode tables are older than Python's (🙂 is part of a word to SQLite 3.40)."""
    smiling = add_meeting(journal, finance, "Went well thanks🙂", FILLER)
    grinning = add_meeting(journal, finance, "Went well thanks😀", FILLER)

    assert smiling.id in ids(journal.search.query("thanks🙂 "))
    assert grinning.id in ids(journal.search.query("thanks😀 "))
    assert set(ids(journal.search.query("well thanks"))) == {smiling.id, grinning.id}


def test_search_syntax_typed_by_a_user_is_just_words(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(journal, finance, "Near the end, and or not", FILLER)
    add_meeting(journal, finance, "The end", FILLER)

    assert ids(journal.search.query('near AND "end" OR not*')) == [meeting.id]
    assert ids(journal.search.query("NEAR(end and)")) == [meeting.id]
    assert ids(journal.search.query("near:end ^and -or")) == [meeting.id]


@pytest.mark.parametrize(
    "typed", ["", "   ", "\n", "*", '"', "()", "-", "😀", "…", "\x00", "\ud800"]
)
def test_nothing_to_look_for_finds_nothing(journal: Journal, finance: Partner, typed: str) -> None:
    add_meeting(journal, finance, "Anything", FILLER)

    assert journal.search.query(typed) == []


def test_limit(journal: Journal, finance: Partner) -> None:
    for n in range(5):
        add_meeting(journal, finance, f"Budget {n}", FILLER)

    assert len(journal.search.query("budget", limit=3)) == 3
    assert len(journal.search.query("budget")) == 5
    assert journal.search.query("budget", limit=0) == []


# Every kind of record


def test_partner_contact_and_request_texts_are_found(journal: Journal, finance: Partner) -> None:
    hr = add_partner(
        journal, "People", business_unit="Human resources", sponsor="Grace Hopper", notes="Payroll"
    )
    contact = journal.contacts.add(
        Contact(
            id="",
            partner_id=hr.id,
            name="Ada Lovelace",
            role="Controller",
            email="ada@example.com",
            notes="Prefers mornings",
        )
    )
    request = journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="New reporting tool",
            received=date(2026, 4, 1),
            want="A dashboard for the board",
            need="Faster month-end close",
            notes="Raised at the offsite",
        )
    )

    def found(typed: str) -> list[tuple[str, str]]:
        return [(hit.kind, hit.id) for hit in journal.search.query(typed)]

    assert found("human resources") == [("partner", hr.id)]
    assert found("hopper") == [("partner", hr.id)]
    assert found("payroll") == [("partner", hr.id)]
    assert found("lovelace") == [("contact", contact.id)]
    assert found("controller") == [("contact", contact.id)]
    assert found("ada@example.com") == [("contact", contact.id)]
    assert found("mornings") == [("contact", contact.id)]
    assert found("reporting") == [("request", request.id)]
    assert found("dashboard") == [("request", request.id)]
    assert found("month-end close") == [("request", request.id)]
    assert found("offsite") == [("request", request.id)]

    (partner_hit,) = journal.search.query("hopper")
    assert (partner_hit.partner_id, partner_hit.partner, partner_hit.date) == (
        hr.id,
        "People",
        None,
    )
    (contact_hit,) = journal.search.query("lovelace")
    assert (contact_hit.partner_id, contact_hit.partner) == (hr.id, "People")
    (request_hit,) = journal.search.query("dashboard")
    assert (request_hit.title, request_hit.date) == ("New reporting tool", date(2026, 4, 1))


def test_private_notes_are_found_and_follow_their_edits(journal: Journal, finance: Partner) -> None:
    """The BRM's own notes never leave the journal, but search finds them in it."""
    meeting = add_meeting(journal, finance, "Steering group")
    meeting = journal.meetings.update(replace(meeting, private_notes="My read: wombatfern"))
    request = journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="New ledger",
            received=date(2026, 4, 1),
            private_notes="Pushed by wombatfern politics",
        )
    )

    assert {hit.id for hit in journal.search.query("wombatfern")} == {meeting.id, request.id}
    journal.meetings.update(replace(meeting, private_notes="My read: okapiweed"))
    assert ids(journal.search.query("wombatfern")) == [request.id]
    assert ids(journal.search.query("okapiweed")) == [meeting.id]


# Filters


@pytest.fixture
def spread(journal: Journal, finance: Partner) -> dict[str, str]:
    """Budget talk across two partners, all focuses, two dates, and every kind of record."""
    sales = add_partner(journal, "Sales", notes="budget owner")
    contact = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Budget Controller"))
    request = journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Budget tool",
            received=date(2026, 6, 1),
            focus=Focus.STRATEGIC,
        )
    )
    early = add_meeting(journal, finance, "Budget early", day=date(2026, 1, 15))
    late = add_meeting(
        journal, finance, "Budget late", day=date(2026, 9, 30), focus=Focus.STRATEGIC
    )
    fire = add_meeting(journal, sales, "Budget fire", day=date(2026, 6, 1), focus=Focus.REACTIVE)
    return {
        "sales": sales.id,
        "contact": contact.id,
        "request": request.id,
        "early": early.id,
        "late": late.id,
        "fire": fire.id,
    }


def found_ids(journal: Journal, filters: SearchFilters) -> set[str]:
    return set(ids(journal.search.query("budget", filters=filters)))


def test_filter_by_partner(journal: Journal, finance: Partner, spread: dict[str, str]) -> None:
    assert found_ids(journal, SearchFilters(partner_id=finance.id)) == {
        spread["contact"],
        spread["request"],
        spread["early"],
        spread["late"],
    }
    assert found_ids(journal, SearchFilters(partner_id=spread["sales"])) == {
        spread["sales"],
        spread["fire"],
    }
    assert found_ids(journal, SearchFilters(partner_id="no-such-partner")) == set()


def test_filter_by_kind(journal: Journal, spread: dict[str, str]) -> None:
    assert found_ids(journal, SearchFilters(kinds=frozenset({"meeting"}))) == {
        spread["early"],
        spread["late"],
        spread["fire"],
    }
    assert found_ids(journal, SearchFilters(kinds=frozenset({"partner", "contact"}))) == {
        spread["sales"],
        spread["contact"],
    }


def test_filter_by_focus(journal: Journal, spread: dict[str, str]) -> None:
    assert found_ids(journal, SearchFilters(focus=Focus.STRATEGIC)) == {
        spread["request"],
        spread["late"],
    }
    assert found_ids(journal, SearchFilters(focus=Focus.REACTIVE)) == {spread["fire"]}


def test_filter_by_dates_inclusive(journal: Journal, spread: dict[str, str]) -> None:
    june = SearchFilters(date_from=date(2026, 6, 1), date_to=date(2026, 6, 1))
    assert found_ids(journal, june) == {spread["request"], spread["fire"]}
    assert found_ids(journal, SearchFilters(date_from=date(2026, 6, 2))) == {spread["late"]}
    assert found_ids(journal, SearchFilters(date_to=date(2026, 1, 15))) == {spread["early"]}
    backwards = SearchFilters(date_from=date(2026, 12, 1), date_to=date(2026, 1, 1))
    assert found_ids(journal, backwards) == set()


def test_filters_combine(journal: Journal, finance: Partner, spread: dict[str, str]) -> None:
    filters = SearchFilters(
        partner_id=finance.id,
        kinds=frozenset({"meeting", "request"}),
        focus=Focus.STRATEGIC,
        date_from=date(2026, 7, 1),
    )
    assert found_ids(journal, filters) == {spread["late"]}


def test_filtered_hits_keep_the_ranking(journal: Journal, finance: Partner) -> None:
    once = add_meeting(journal, finance, "Sync one", "budget " + FILLER, focus=Focus.STRATEGIC)
    add_meeting(journal, finance, "Budget", "budget budget " + FILLER, focus=Focus.REACTIVE)
    twice = add_meeting(
        journal, finance, "Sync two", "budget budget " + FILLER, focus=Focus.STRATEGIC
    )
    strategic = SearchFilters(focus=Focus.STRATEGIC)

    assert ids(journal.search.query("budget", filters=strategic)) == [twice.id, once.id]
    assert ids(journal.search.query("budget", filters=strategic, limit=1)) == [twice.id]


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError, match="kinds"):
        SearchFilters(kinds=frozenset({"meetings"}))


# The index follows the records


def test_an_edit_replaces_the_old_words(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(journal, finance, "Sync", "talked about the migration")

    journal.meetings.update(replace(meeting, notes="talked about the licences"))

    assert journal.search.query("migration") == []
    assert ids(journal.search.query("licences")) == [meeting.id]


def test_a_retitled_meeting_is_found_by_its_new_title(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(journal, finance, "Sync", FILLER)

    journal.meetings.update(replace(meeting, title="Innovation day", focus=Focus.STRATEGIC))

    (hit,) = journal.search.query("innovation")
    assert hit.title == "Innovation day"
    strategic = SearchFilters(focus=Focus.STRATEGIC)
    assert ids(journal.search.query("innovation", filters=strategic)) == [meeting.id]


def test_the_trash_leaves_the_index_and_a_restore_comes_back(
    journal: Journal, finance: Partner
) -> None:
    meeting = add_meeting(journal, finance, "Escalation call", FILLER)

    batch = journal.meetings.delete(meeting.id)
    assert journal.search.query("escalation") == []

    journal.trash.restore(batch)
    assert ids(journal.search.query("escalation")) == [meeting.id]

    journal.trash.empty(journal.meetings.delete(meeting.id))
    assert journal.search.query("escalation") == []


def test_a_deleted_partner_takes_its_records_out_of_search(
    journal: Journal, finance: Partner
) -> None:
    meeting = add_meeting(journal, finance, "Budget", FILLER)
    contact = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Budget Owner"))

    batch = journal.partners.delete(finance.id)
    assert journal.search.query("budget") == []
    assert journal.search.query("finance") == []

    journal.trash.restore(batch)
    assert set(ids(journal.search.query("budget"))) == {meeting.id, contact.id}


def test_a_renamed_partner_shows_its_new_name(journal: Journal, finance: Partner) -> None:
    add_meeting(journal, finance, "Budget", FILLER)

    journal.partners.update(replace(finance, name="Group Finance"))

    (hit,) = journal.search.query("budget")
    assert hit.partner == "Group Finance"
    assert [h.kind for h in journal.search.query("group finance")] == ["partner"]


# Anything a user can type

HOSTILE = st.sampled_from(
    [
        '"',
        "'",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR",
        "near/3",
        "*",
        "^",
        ":",
        "-",
        "(",
        ")",
        "{title body}:",
        "+",
        "😀",
        "\x00",
        "\x1b[1m",
        "\u200b",
        "\ufeff",
        MARK_START,
        MARK_END,
        "\u0301",
        " ",
        "\n",
        "\t",
        "budget",
        "rank",
        "search_fts",
        "'; DROP TABLE meeting; --",
    ]
)
TYPED = st.one_of(
    st.text(),
    st.lists(st.one_of(HOSTILE, st.text(max_size=5)), max_size=30).map("".join),
    st.text(alphabet='ab" *:^-()', max_size=3000),
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=TYPED)
def test_anything_typed_returns_a_list(journal: Journal, typed: str) -> None:
    hits = journal.search.query(typed)

    assert isinstance(hits, list)
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_hostile_text_still_finds_what_it_names(journal: Journal, finance: Partner) -> None:
    meeting = add_meeting(journal, finance, "Budget", "review, and not the (draft) plan")

    assert ids(journal.search.query('"budget" AND (draft*) NOT:plan 😀 ^')) == [meeting.id]
    assert ids(journal.search.query("budget " + "draft " * 500)) == [meeting.id]


# Drawing a snippet


def test_render_snippet_for_text_and_html() -> None:
    snippet = f"a <b> & {MARK_START}budget{MARK_END} for {MARK_START}Q3{MARK_END}…"

    assert render_snippet(snippet, "**", "**") == "a <b> & **budget** for **Q3**…"
    assert render_snippet(snippet, "<b>", "</b>", html.escape) == (
        "a &lt;b&gt; &amp; <b>budget</b> for <b>Q3</b>…"
    )


@pytest.mark.parametrize(
    ("snippet", "drawn"),
    [
        (f"{MARK_START}open", "[open]"),
        (f"stray{MARK_END} end", "stray end"),
        (f"{MARK_START}a{MARK_START}b{MARK_END}", "[ab]"),
        ("", ""),
        ("plain", "plain"),
    ],
)
def test_render_snippet_never_leaves_a_highlight_open(snippet: str, drawn: str) -> None:
    assert render_snippet(snippet, "[", "]") == drawn
