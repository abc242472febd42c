"""Notes parsed once: the tree every reader renders, and what the BRM actually wrote."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.enums import MeetingType
from brm_desk.domain.notes import (
    Block,
    Run,
    decisions,
    parse,
    plain_text,
    template_prompts,
    written,
)
from half_filled import half_filled, template

TYPES = list(MeetingType)


def test_lists_nest_and_tasks_keep_their_box() -> None:
    (bullets, numbers) = parse("- one\n  - [ ] two\n- [x] three\n\n3. first\n4. `second`")
    assert bullets == Block(
        "bullets",
        children=(
            Block(
                "item",
                (Run("one"),),
                (Block("bullets", children=(Block("item", (Run("two"),), checked=False),)),),
            ),
            Block("item", (Run("three"),), checked=True),
        ),
    )
    assert numbers.level == 3
    assert [item.runs for item in numbers.children] == [
        (Run("first"),),
        (Run("second", code=True),),
    ]


def test_inline_marks_become_runs_and_html_stays_text() -> None:
    (paragraph,) = parse("A **bold _mix_** [site](https://x.org) <b>x</b> &amp;\nnext")
    assert paragraph.runs == (
        Run("A "),
        Run("bold ", bold=True),
        Run("mix", bold=True, italic=True),
        Run(" "),
        Run("site", link="https://x.org"),
        Run(" <b>x</b> &\nnext"),
    )


def test_headings_code_quotes_and_rules() -> None:
    blocks = parse("## Title\n\n```\ncode *here*\n```\n\n> quoted **line**\n\n---\n")
    assert [b.kind for b in blocks] == ["heading", "code", "quote", "rule"]
    assert blocks[0].level == 2
    assert blocks[1].text == "code *here*"
    assert blocks[2].children[0].text == "quoted line"


def test_a_heading_goes_when_nothing_is_left_in_its_section() -> None:
    note = "## Meeting\n### Empty\n-\n- [ ]\n### Kept\n#### Empty too\n- [ ]\n#### Said\nyes\n"
    assert plain_text(note) == "Meeting\nKept\nSaid\nyes"
    assert plain_text("## Meeting\n### Purpose\n-\n\n### Actions\n- [ ]\n") == ""


def test_a_prompt_with_an_answer_under_it_stays() -> None:
    note = "### Facts\n- What happened, in the partner's words:\n  - Payroll failed\n- Cause:\n"
    assert plain_text(note) == "Facts\nWhat happened, in the partner's words:\nPayroll failed"


def test_every_line_of_the_bundled_templates_is_a_prompt() -> None:
    assert "Workaround acceptable?" in template_prompts()
    assert "Impact right now: who and what is affected, since when?" in template_prompts()
    assert "Facts" not in template_prompts()  # headings go by what is under them
    for kind in TYPES:
        assert written(parse(template(kind))) == ()
        assert plain_text(template(kind)) == ""


def test_the_editor_keeps_everything_other_readers_drop() -> None:
    blocks = parse(template(MeetingType.OTHER))
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "Meeting",
        "Purpose",
        "Discussion",
        "Decisions",
        "Actions",
    ]
    assert blocks[-1].children == (Block("item", checked=False),)


@given(st.text())
def test_any_text_parses(text: str) -> None:
    blocks = parse(text)
    assert isinstance(blocks, tuple)
    assert isinstance(plain_text(text), str)


MARKDOWNISH = st.text(st.sampled_from("#-*_`[]()>!1. \n\tx[ ]&<\\|~="), max_size=200)


@given(MARKDOWNISH)
def test_markdown_shaped_noise_parses(text: str) -> None:
    assert isinstance(plain_text(text), str)
    assert all(line.strip() == line and line for line in decisions("# Decisions\n" + text))


def test_decisions_are_the_lines_under_a_decisions_heading() -> None:
    note = """## Context
Talked about **the close**.

## Decisions
- Keep SAP
  - and *tune* it
- [ ]

### Why
Cheaper than a swap.

## Next steps
- Not a decision

# Agreed
Freeze changes
until month-end
"""
    assert decisions(note) == [
        "Keep SAP",
        "and tune it",
        "Cheaper than a swap.",
        "Freeze changes until month-end",
    ]
    assert decisions("## Where we landed\n- A pilot first") == ["A pilot first"]
    assert decisions("Nothing decided, no heading.") == []


@pytest.mark.parametrize("kind", list(MeetingType))
def test_a_templates_decisions_unfilled_are_none(kind: MeetingType) -> None:
    assert decisions(template(kind)) == []


WORD = st.from_regex(r"[a-z]{3,8}[0-9]", fullmatch=True)
INLINE = st.sampled_from(["{}", "**{}**", "*{}*", "_{}_", "`{}`", "[{}](https://example.org)"])


@st.composite
def lines(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A line of Markdown built from words, and the words in it."""
    words = draw(st.lists(WORD, min_size=1, max_size=5))
    text = " ".join(draw(INLINE).format(word) for word in words)
    prefix = draw(
        st.sampled_from(["", "# ", "### ", "- ", "- [ ] ", "- [x] ", "  - ", "1. ", "> ", "* "])
    )
    under = "\nunder0" if prefix.startswith("#") else ""  # a heading needs a section
    return prefix + text + under, words


@given(st.lists(lines(), min_size=1, max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_plain_text_holds_every_word_written_and_no_mark(
    written_lines: list[tuple[str, list[str]]], between: str
) -> None:
    plain = plain_text(between.join(line for line, _ in written_lines))
    for _, words in written_lines:
        for word in words:
            assert word in plain.split()
    assert not re.search(r"[*_`#>\[\]]", plain)


def template_headings(kind: MeetingType) -> list[str]:
    return [b.text for b in parse(template(kind)) if b.kind == "heading"]


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@given(st.sampled_from(TYPES), st.lists(st.booleans(), min_size=1, max_size=8))
def test_half_filled_templates_keep_the_answers_and_drop_the_prompts_left(
    kind: MeetingType, fill: list[bool]
) -> None:
    note = half_filled(kind, fill)
    plain = plain_text(note.notes)
    for word in note.words:
        assert word in plain.split()
    kept = [line for line in note.notes.splitlines() if any(w in line for w in note.words)]
    shared = words_of("\n".join(kept)) | words_of("\n".join(template_headings(kind)))
    for prompt in note.unfilled:
        assert prompt not in plain.splitlines()
        assert not (words_of(prompt) - shared) & words_of(plain), prompt


@pytest.mark.parametrize("kind", TYPES)
def test_half_filled_template_in_plain_text(kind: MeetingType) -> None:
    note = half_filled(kind)
    plain = plain_text(note.notes)
    assert note.words
    assert [w for w in note.words if w not in plain] == []
    assert [p for p in note.unfilled if p in plain] == []
