"""Text cut into body-font and fallback-font runs, whichever path (all body text or mixed)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.reports.fonts import PackFonts, installed_fonts, register_fonts

CJK = "東京銀行株式会社"


@pytest.fixture(scope="module")
def fonts() -> PackFonts:
    found = register_fonts([CJK])
    if found.fallback_path is None:
        pytest.skip("no CJK TrueType font on this machine")
    return found


texts = st.text(
    st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x17F),  # Latin: the body font
        st.sampled_from("東京銀行株式会社—–…€\n\t"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=60,
)


def drawable(fonts: PackFonts, char: str) -> bool:
    return ord(char) in fonts.body_chars or char in "\n\r\t\x00"


@given(text=texts)
def test_runs_put_each_character_in_a_font_that_draws_it(fonts: PackFonts, text: str) -> None:
    runs = fonts.runs(text)
    assert "".join(run for _, run in runs) == text
    assert all(run for _, run in runs)
    assert all(a[0] != b[0] for a, b in pairwise(runs))  # maximal runs
    for font, run in runs:
        assert all(drawable(fonts, c) == (font is None) for c in run)


@given(text=texts)
def test_markup_escapes_and_marks_fallback_runs(fonts: PackFonts, text: str) -> None:
    expected = "".join(
        escape(run) if font is None else f'<font name="{font}">{escape(run)}</font>'
        for font, run in fonts.runs(text)
    )
    assert fonts.markup(text) == expected
    assert fonts.wrap_fallback(escape(text)) == expected


@given(text=texts)
def test_missing_is_what_neither_font_draws(fonts: PackFonts, text: str) -> None:
    expected = [
        c
        for c in dict.fromkeys(text)
        if not drawable(fonts, c) and ord(c) not in fonts.fallback_chars
    ]
    assert fonts.missing(text) == expected


def test_all_body_text_is_one_run_and_plain_escaping(fonts: PackFonts) -> None:
    text = "Café crème — 5 < 6 & ½"
    assert fonts.all_body(text)
    assert fonts.runs(text) == [(None, text)]
    assert fonts.markup(text) == "Café crème — 5 &lt; 6 &amp; ½"
    assert fonts.runs("") == []
    assert not fonts.all_body("Tokyo 東京")
    assert fonts.runs("Tokyo 東京") == [(None, "Tokyo "), (fonts.fallback_name, "東京")]


def test_without_a_fallback_font_only_body_text_is_drawable() -> None:
    fonts = register_fonts(["Tokyo 東京 東"], fallback_fonts=[])
    assert fonts.fallback_path is None
    assert fonts.missing("Tokyo 東京 東") == ["東", "京"]
    assert fonts.missing("Zürich — ½") == []


def test_body_text_needs_no_fallback_font() -> None:
    fonts = register_fonts(["Zürich — ½", "Αθήνα", "Москва"])
    assert fonts.fallback_path is None
    assert fonts.check(["Zürich — ½", "Αθήνα", "Москва"]) is None


def test_the_fallback_is_the_font_that_draws_most_of_the_text(fonts: PackFonts) -> None:
    assert fonts.fallback_path is not None
    mono = next(p for p in installed_fonts() if p.name == "DejaVuSansMono.ttf")
    chosen = register_fonts([CJK], fallback_fonts=[mono, fonts.fallback_path])
    assert chosen.fallback_path == fonts.fallback_path
    assert all(ord(char) in chosen.fallback_chars for char in CJK)


def test_matplotlibs_last_resort_font_of_boxes_is_never_the_fallback() -> None:
    last_resort = [p for p in installed_fonts() if p.name.startswith("LastResort")]
    if not last_resort:
        pytest.skip("this matplotlib ships no Last Resort font")
    fonts = register_fonts([CJK], fallback_fonts=last_resort)
    assert fonts.fallback_path is None
    assert fonts.missing(CJK) == list(CJK)


def test_the_body_font_is_dejavu_sans_as_matplotlib_finds_it() -> None:
    from matplotlib import font_manager
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    wanted = font_manager.FontProperties(family="DejaVu Sans")
    path = Path(font_manager.findfont(wanted, fallback_to_default=False))
    assert path.name == "DejaVuSans.ttf"
    assert pdfmetrics.getFont("DejaVuSans").face.filename == str(path)  # type: ignore[attr-defined]
