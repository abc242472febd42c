"""Review packs read back with pypdf: figures, log, privacy, vector charts, embedded fonts."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pack_journal import (
    CONTACT_READ,
    MY_READ,
    PERIOD,
    PRIVATE_NOTE,
    PRIVATE_TITLE,
    PRIVATE_WANT,
    fill,
    pdf_text,
)
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Meeting, Partner
from brm_desk.reports.fonts import register_fonts
from brm_desk.reports.review_pack import write_partner_pack, write_portfolio_pack
from brm_desk.services.journal import Journal
from half_filled import half_filled


@pytest.fixture
def filled(journal: Journal) -> Any:
    return fill(journal)


@pytest.fixture
def partner_pdf(journal: Journal, filled: Any, tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "finance.pdf"
    pages = write_partner_pack(journal, filled.finance.id, *PERIOD, path)
    return path, pages


def test_the_pack_has_a_sensible_page_count_and_running_furniture(
    partner_pdf: tuple[Path, int],
) -> None:
    path, pages = partner_pdf
    count, _, page_texts = pdf_text(path)
    assert count == pages
    assert 4 <= count <= 30
    assert "Partner review" in page_texts[0]
    assert "Dana Whitfield, CFO" in page_texts[0]
    assert "Service provider" in page_texts[0]
    for number, page in enumerate(page_texts, start=1):
        assert f"page {number} of {count}" in page
        assert "1 Dec 2025 – 24 Nov 2026" in page


def test_the_figures_in_the_text_are_the_core_balance(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int]
) -> None:
    balance = journal.balances.for_partner(filled.finance.id, *PERIOD)
    previous = journal.balances.for_partner(filled.finance.id, *journal_previous(PERIOD))
    _, text, _ = pdf_text(partner_pdf[0])
    assert balance.strategic_share is not None
    assert previous.strategic_share is not None
    assert f"{balance.strategic_share:.0%}\nStrategic share (target 60%)" in text
    assert f"{previous.strategic_share:.0%}\nPrevious period of the same" in text
    for focus in Focus:
        count, hours = balance.tally.count(focus), balance.tally.hours(focus)
        row = rf"{focus.label}\s+{count}\s+\d+\s+{hours:.1f}"
        assert re.search(row, text), focus
    assert re.search(rf"Total\s+{balance.tally.total}\s", text)
    assert f"{balance.days_since_strategic} days" in text
    assert "realized 40,000 of 100,000 expected (40%)" in text
    assert "Order taker (10 Jan 2025) → Service provider (1 Feb 2026)" in text


def journal_previous(period: tuple[Any, Any]) -> tuple[Any, Any]:
    from brm_desk.domain.balance import previous_period

    return previous_period(*period)


def test_every_shared_meeting_is_in_the_log_with_its_notes_as_text(
    filled: Any, partner_pdf: tuple[Path, int]
) -> None:
    _, text, _ = pdf_text(partner_pdf[0])
    flat = " ".join(text.split())
    missing = [t for t in filled.titles if t not in flat]
    assert not missing
    assert "**" not in text
    assert '<script>alert(1)</script> & "quotes" — naïve café.' in flat
    assert "Ledger export takes 3 days" in text
    assert "# Context" not in text
    assert "Context" in text
    assert "Want text 3: a new report with every column" in flat
    assert "Need text 3: decide on credit limits faster" in flat
    for words in ("What I owe them", "What they owe", "Send the close", "Share the ledger"):
        assert words in text


def test_private_items_stay_out_unless_included(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int], tmp_path: Path
) -> None:
    _, shared, _ = pdf_text(partner_pdf[0])
    for secret in (PRIVATE_NOTE, PRIVATE_TITLE, PRIVATE_WANT, "zebracorn", "quokkafish"):
        assert secret not in shared
    everything = tmp_path / "everything.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, everything, include_private=True)
    _, text, _ = pdf_text(everything)
    flat = " ".join(text.split())
    assert PRIVATE_NOTE in flat
    assert PRIVATE_TITLE in flat
    assert PRIVATE_WANT in flat
    assert "includes items marked private" in flat


def test_private_notes_and_contacts_read_never_print(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int], tmp_path: Path
) -> None:
    """Private notes of shared meetings and requests, and contacts' notes and stances."""
    portfolio = tmp_path / "portfolio.pdf"
    write_portfolio_pack(journal, *PERIOD, portfolio)
    for path in (partner_pdf[0], portfolio):
        flat = " ".join(pdf_text(path)[1].split())
        for secret in (MY_READ, "wombatfern", "My read", CONTACT_READ, "okapiweed", "Blocker"):
            assert secret not in flat, (path.name, secret)


def test_long_tables_repeat_their_header_on_every_page(partner_pdf: tuple[Path, int]) -> None:
    _, _, pages = pdf_text(partner_pdf[0])
    with_requests = [p for p in pages if "Request 1" in p or "Want text" in p]
    assert len(with_requests) >= 2
    for page in with_requests:
        assert "Want (their words)" in page


def _resolve(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _fonts_and_images(path: Path) -> tuple[list[DictionaryObject], int]:
    reader = PdfReader(str(path))
    fonts: list[DictionaryObject] = []
    images = 0

    def visit(resources: Any) -> None:
        nonlocal images
        resources = _resolve(resources)
        if not resources:
            return
        for font in _resolve(resources.get("/Font", {})).values():
            fonts.append(_resolve(font))
        for xobject in _resolve(resources.get("/XObject", {})).values():
            xobject = _resolve(xobject)
            if xobject.get("/Subtype") == "/Image":
                images += 1
            elif "/Resources" in xobject:
                visit(xobject["/Resources"])

    for page in reader.pages:
        visit(page.get("/Resources"))
    return fonts, images


def test_charts_are_vector_and_every_font_is_embedded_truetype(
    partner_pdf: tuple[Path, int],
) -> None:
    path, _ = partner_pdf
    fonts, images = _fonts_and_images(path)
    assert images == 0
    assert fonts
    for font in fonts:
        assert font["/Subtype"] != "/Type3"
        descendant = _resolve(font["/DescendantFonts"][0]) if "/DescendantFonts" in font else font
        descriptor = _resolve(descendant["/FontDescriptor"])
        assert "/FontFile2" in descriptor, font["/BaseFont"]
    raw = path.read_bytes()
    assert b"/Type3" not in raw
    reader = PdfReader(str(path))
    chart_page = reader.pages[1].get_contents()
    assert chart_page is not None
    operators = chart_page.get_data().split()
    assert operators.count(b"re") + operators.count(b"l") + operators.count(b"c") > 200


def test_a_cjk_partner_name_prints_with_a_fallback_font(journal: Journal, tmp_path: Path) -> None:
    if register_fonts(["営業部"]).fallback_path is None:
        pytest.skip("no CJK TrueType font installed on this machine")
    sales = journal.partners.add(Partner(id="", name="営業部", sponsor="田中 さん"))
    journal.meetings.add(_meeting(sales, "定例会議 weekly"))
    path = tmp_path / "sales.pdf"
    write_partner_pack(journal, sales.id, *PERIOD, path)
    _, text, _ = pdf_text(path)
    assert "営業部" in text
    assert "定例会議" in text
    fonts, images = _fonts_and_images(path)
    assert images == 0
    assert any("DejaVu" not in str(f["/BaseFont"]) for f in fonts)  # the fallback, embedded


def test_without_a_font_for_cjk_the_export_names_the_characters(
    journal: Journal, tmp_path: Path
) -> None:
    sales = journal.partners.add(Partner(id="", name="営業部"))
    path = tmp_path / "sales.pdf"
    with pytest.raises(BrmDeskError, match="営 \\(U\\+55B6\\) 業 \\(U\\+696D\\) 部"):
        write_partner_pack(journal, sales.id, *PERIOD, path, fallback_fonts=[])
    assert not path.exists()
    assert not list(tmp_path.glob("*.part"))


def _meeting(partner: Partner, title: str) -> Meeting:
    from datetime import datetime

    from pack_journal import CET

    return Meeting(
        id="",
        partner_id=partner.id,
        title=title,
        start=datetime(2026, 6, 1, 10, tzinfo=CET),
        focus=Focus.STRATEGIC,
    )


def test_the_portfolio_pack_has_a_section_per_active_partner(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    path = tmp_path / "portfolio.pdf"
    steps: list[tuple[int, int, str]] = []
    pages = write_portfolio_pack(journal, *PERIOD, path, progress=lambda *step: steps.append(step))
    count, text, page_texts = pdf_text(path)
    assert count == pages >= 3
    assert "Portfolio review" in page_texts[0]
    assert "Super fixer corner" in text  # chart text stays text (in embedded DejaVu Sans)
    for balance in journal.balances.for_partners(*PERIOD):
        assert balance.name in text
        assert balance.strategic_share is not None
        assert f"{balance.strategic_share:.0%}" in text
    assert "Old Division" not in text
    assert PRIVATE_TITLE not in text
    assert steps[-1][0] == steps[-1][1]
    _, images = _fonts_and_images(path)
    assert images == 0


def test_a_failed_write_leaves_no_file(journal: Journal, filled: Any, tmp_path: Path) -> None:
    with pytest.raises(BrmDeskError, match="does not exist"):
        write_partner_pack(journal, filled.finance.id, *PERIOD, tmp_path / "nope" / "x.pdf")


def test_a_font_reportlab_cannot_embed_is_passed_over(journal: Journal, tmp_path: Path) -> None:
    damaged = tmp_path / "NotoSansCJK-Regular.ttc"
    damaged.write_bytes(b"OTTO not a TrueType font")
    sales = journal.partners.add(Partner(id="", name="営業部"))
    with pytest.raises(BrmDeskError, match="no installed font can print these characters: 営"):
        write_partner_pack(journal, sales.id, *PERIOD, tmp_path / "s.pdf", fallback_fonts=[damaged])


def test_agenda_prompts_left_unfilled_never_print(journal: Journal, tmp_path: Path) -> None:
    legal = journal.partners.add(Partner(id="", name="Legal"))
    notes = [half_filled(kind) for kind in MeetingType]
    for kind, note in zip(MeetingType, notes, strict=True):
        journal.meetings.add(replace(_meeting(legal, kind.label), type=kind, notes=note.notes))
    path = tmp_path / "legal.pdf"
    write_partner_pack(journal, legal.id, *PERIOD, path)
    flat = " ".join(pdf_text(path)[1].split())
    assert [w for note in notes for w in note.words if w not in flat] == []
    assert [p for note in notes for p in note.unfilled if p in flat] == []
    assert "[ ]" not in flat
    assert "**" not in flat
