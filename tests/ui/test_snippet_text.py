"""A search result's snippet reads as text: Markdown's marks go, the words and hits stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.search import MARK_END, MARK_START
from brm_desk.ui.models.search import readable

HIT = f"{MARK_START}budget{MARK_END}"


@pytest.mark.parametrize(
    ("snippet", "shown"),
    [
        ("…not for the review pack.* There is", "…not for the review pack. There is"),
        ("*Knowledge base* clean-up", "Knowledge base clean-up"),
        ("## Notes - **Budget** round 2. next steps", "Notes Budget round 2. next steps"),
        ("1. Budget round", "Budget round"),
        ("costs rose 3. Then Q3 was flat", "costs rose 3. Then Q3 was flat"),
        ("wiki. ## Requests - Benefits review", "wiki. Requests Benefits review"),
        ("cost_centre and _italic_, and `code`", "cost_centre and italic, and code"),
        (f"the *{HIT}* round", f"the {HIT} round"),
        (f"**{HIT}** first", f"{HIT} first"),
    ],
)
def test_markdown_marks_are_dropped_and_text_kept(snippet: str, shown: str) -> None:
    assert readable(snippet) == shown


WORDS = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8)


@given(st.lists(WORDS, min_size=1, max_size=8), st.data())
def test_words_and_hits_survive_any_emphasis(words: list[str], data: st.DataObject) -> None:
    marked = []
    for word in words:
        mark = data.draw(st.sampled_from(["", "*", "**", "_", "`"]))
        hit = data.draw(st.booleans())
        inner = f"{MARK_START}{word}{MARK_END}" if hit else word
        marked.append(f"{mark}{inner}{mark[::-1]}")
    shown = readable(" ".join(marked))
    assert shown.replace(MARK_START, "").replace(MARK_END, "").split() == words
    assert shown.count(MARK_START) == shown.count(MARK_END) == " ".join(marked).count(MARK_START)
