"""PackParagraph skips the parser for plain text and re-wraps for free, with ReportLab's output."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.styles import StyleSheet1
from reportlab.platypus import Paragraph

from brm_desk.reports.fonts import register_fonts
from brm_desk.reports.pack_document import pack_styles
from brm_desk.reports.pack_paragraph import PackParagraph, plain_fragments

register_fonts()
STYLES: StyleSheet1 = pack_styles()
STYLE_NAMES = ["Body", "Cell", "CellHead", "MeetingHead", "Note", "NoteBullet2", "Empty"]

plain_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="<&"), max_size=300
)


def fragments(paragraph: Any) -> list[dict[str, Any]]:
    return [dict(vars(frag)) for frag in paragraph.frags]


def lines(paragraph: Any) -> list[Any]:
    """The broken lines, comparable between two paragraphs."""
    para = paragraph.blPara
    if para.kind == 0:
        return [(round(extra, 6), list(words)) for extra, words in para.lines]
    return [(round(line.extraSpace, 6), [w.text for w in line.words]) for line in para.lines]


@given(text=plain_text, name=st.sampled_from(STYLE_NAMES))
def test_plain_text_gets_the_fragments_the_parser_makes(text: str, name: str) -> None:
    style = STYLES[name]
    ours, theirs = PackParagraph(text, style), Paragraph(text, style)
    assert fragments(ours) == fragments(theirs)
    assert ours.text == theirs.text


def test_markup_and_entities_still_go_through_the_parser() -> None:
    style = STYLES["Note"]
    assert plain_fragments("a <b>bold</b> word", style) is None
    assert plain_fragments("fish &amp; chips", style) is None
    bold = PackParagraph("a <b>bold</b> word", style)
    assert [f.text for f in bold.frags] == ["a ", "bold", " word"]
    assert bold.frags[1].fontName == "DejaVuSans-Bold"


def test_empty_text_is_left_to_the_parser() -> None:
    assert plain_fragments("  \n ", STYLES["Body"]) is None
    assert PackParagraph("", STYLES["Body"]).frags == Paragraph("", STYLES["Body"]).frags == []


@given(
    text=st.one_of(plain_text, st.just("Some <b>bold</b> and <i>italic</i> words " * 9)),
    widths=st.lists(st.sampled_from([40.0, 90.0, 200.0, 480.0]), min_size=1, max_size=4),
)
def test_wrapping_again_gives_reportlabs_lines_at_every_width(
    text: str, widths: list[float]
) -> None:
    ours = PackParagraph(text, STYLES["Note"])
    for width in widths:
        theirs = Paragraph(text, STYLES["Note"])
        assert ours.wrap(width, 1000) == theirs.wrap(width, 1000)
        assert lines(ours) == lines(theirs)


def test_a_second_wrap_at_the_same_width_reuses_the_lines() -> None:
    paragraph = PackParagraph("word " * 200, STYLES["Note"])
    size = paragraph.wrap(300, 800)
    first = paragraph.blPara
    assert paragraph.wrap(300, 50) == size
    assert paragraph.blPara is first
    narrower = paragraph.wrap(150, 800)
    assert narrower[1] > size[1]
    assert paragraph.blPara is not first


def test_split_pieces_are_pack_paragraphs_with_the_lines_of_reportlab() -> None:
    text = "A sentence that goes on for a while. " * 40
    ours, theirs = PackParagraph(text, STYLES["Note"]), Paragraph(text, STYLES["Note"])
    ours.wrap(300, 100)
    theirs.wrap(300, 100)
    ours_parts, theirs_parts = ours.split(300, 100), theirs.split(300, 100)
    assert len(ours_parts) == len(theirs_parts) == 2
    assert all(isinstance(part, PackParagraph) for part in ours_parts)
    for mine, reportlab in zip(ours_parts, theirs_parts, strict=True):
        assert mine.wrap(300, 1000) == reportlab.wrap(300, 1000)
        assert lines(mine) == lines(reportlab)


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_the_bullet_is_kept(name: str) -> None:
    paragraph = PackParagraph("an item", STYLES[name], bulletText="•")
    assert paragraph.bulletText == "•"
