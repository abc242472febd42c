"""Review packs read back with pypdf: figures, lists, privacy, page caps, vector charts, fonts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pack_journal import (
    CONTACT_READ,
    DECISION,
    MY_READ,
    PERIOD,
    PRIVATE_FOLLOW_UP,
    PRIVATE_NOTE,
    PRIVATE_TITLE,
    PRIVATE_WANT,
    busy_partner,
    fill,
    pdf_text,
)
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.reports.fonts import register_fonts
from brm_desk.reports.review_pack import Audience, write_partner_pack, write_portfolio_pack
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


def flat_text(path: Path) -> str:
    return " ".join(pdf_text(path)[1].split())


def test_the_pack_is_an_executive_summary_with_running_furniture(
    partner_pdf: tuple[Path, int],
) -> None:
    path, pages = partner_pdf
    count, text, page_texts = pdf_text(path)
    assert count == pages
    assert 3 <= count <= 6
    assert "Partner review" in page_texts[0]
    assert "Dana Whitfield, CFO" in page_texts[0]
    assert "Service provider" in page_texts[0]
    for number, page in enumerate(page_texts, start=1):
        assert f"page {number} of {count}" in page
        assert "1 Dec 2025 – 24 Nov 2026" in page
        assert "Strategic share: strategic engagements as a share of reactive and" in page
        assert "routine ones are left out" in " ".join(page.split())
    flat = " ".join(text.split())
    for heading in (
        "At a glance", "Month by month", "What we achieved", "Decisions", "Open demand",
        "Commitments", "What we owe", "What they owe", "Maturity path", "Next period",
    ):  # fmt: skip
        assert heading in flat, heading
    assert "Appendix: meeting log" not in flat
    assert "Stakeholder map" not in flat


def test_the_figures_in_the_text_are_the_core_balance(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int]
) -> None:
    balance = journal.balances.for_partner(filled.finance.id, *PERIOD)
    previous = journal.balances.for_partner(filled.finance.id, *journal_previous(PERIOD))
    text = flat_text(partner_pdf[0])
    assert balance.strategic_share is not None
    assert previous.strategic_share is not None
    tally = balance.tally
    assert f"{balance.strategic_share:.0%} Strategic share, target 60%" in text
    assert f"{tally.strategic} strategic of {tally.reactive + tally.strategic} reactive" in text
    points = round((balance.strategic_share - previous.strategic_share) * 100)
    assert f"{points:+d} pts".replace("-", "−") in text
    assert f"{previous.strategic_share:.0%}" in text
    for focus in Focus:
        row = rf"{focus.label} {tally.count(focus)} {tally.hours(focus):.1f} "
        assert re.search(row, text), focus
    assert re.search(rf"Total {tally.total} ", text)
    assert balance.last_strategic is not None
    days = balance.days_since_strategic
    assert f"{days} day{'s' if days != 1 else ''} before 24 Nov 2026" in text
    assert "40,000 EUR realized of 100,000 EUR expected (40%)" in text
    assert "Order taker (from 10 Jan 2025) → Service provider (from 1 Feb 2026)" in text


def test_private_engagements_are_counted_but_never_described(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int]
) -> None:
    """The private meeting and request count in every figure, as in ``balance``."""
    total = journal.balances.for_partner(filled.finance.id, *PERIOD).tally.total
    text = flat_text(partner_pdf[0])
    assert f"{total} Engagements: {total - 32} meetings and 32 requests" in text
    assert "32 requests received" in text  # the private one too
    assert PRIVATE_TITLE not in text
    assert PRIVATE_WANT not in text


def journal_previous(period: tuple[Any, Any]) -> tuple[Any, Any]:
    from brm_desk.domain.balance import previous_period

    return previous_period(*period)


def test_what_was_achieved_demanded_and_promised(partner_pdf: tuple[Path, int]) -> None:
    text = flat_text(partner_pdf[0])
    assert "Delivered dashboard" in text
    assert "Two days faster close" in text
    assert DECISION in text
    assert "Want text 0: a new report with every column" in text
    assert "Need text 5: decide on credit limits faster" in text
    assert "and 25 more open requests…" in text  # 31 open (1 private), 6 shown
    assert "Send the close timeline" in text
    assert "Share the ledger sample" in text
    assert "overdue" in text
    assert "Agree the Q1 roadmap with Dana" in text
    assert "Review the close timeline in March" in text
    assert "**" not in text
    assert "[ ]" not in text


def test_a_private_meetings_follow_up_is_listed_by_its_own_text(
    partner_pdf: tuple[Path, int],
) -> None:
    text = flat_text(partner_pdf[0])
    assert PRIVATE_FOLLOW_UP in text
    assert PRIVATE_TITLE not in text


def test_the_log_is_an_appendix_of_shareable_notes(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    path = tmp_path / "with-log.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, path, with_log=True)
    text = flat_text(path)
    assert "Appendix: meeting log" in text
    assert [t for t in filled.titles if t not in text] == []
    assert '<script>alert(1)</script> & "quotes" — naïve café.' in text
    assert "Ledger export takes 3 days" in text
    assert "# Context" not in text
    assert "**" not in text
    assert "satisfaction" not in text.casefold()
    for secret in (PRIVATE_NOTE, PRIVATE_TITLE, MY_READ, "My read", "quokkafish"):
        assert secret not in text


def test_private_items_stay_out_unless_included(
    journal: Journal, filled: Any, partner_pdf: tuple[Path, int], tmp_path: Path
) -> None:
    shared = flat_text(partner_pdf[0])
    for secret in (PRIVATE_NOTE, PRIVATE_TITLE, PRIVATE_WANT, "zebracorn", "quokkafish"):
        assert secret not in shared
    everything = tmp_path / "everything.pdf"
    write_partner_pack(
        journal, filled.finance.id, *PERIOD, everything, include_private=True, with_log=True
    )
    flat = flat_text(everything)
    assert PRIVATE_NOTE in flat
    assert PRIVATE_TITLE in flat
    assert PRIVATE_WANT in flat
    assert MY_READ in flat
    assert "includes items marked private" in flat


@pytest.mark.parametrize("audience", list(Audience))
def test_private_notes_and_contacts_read_never_print(
    journal: Journal, filled: Any, tmp_path: Path, audience: Audience
) -> None:
    """Private notes of shared meetings and requests, and contacts' notes; stances and
    satisfaction scores only for the internal audience."""
    partner = tmp_path / "partner.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, partner, audience=audience,
                       with_log=True)  # fmt: skip
    portfolio = tmp_path / "portfolio.pdf"
    write_portfolio_pack(journal, *PERIOD, portfolio, audience=audience)
    for path in (partner, portfolio):
        flat = flat_text(path)
        for secret in (MY_READ, "wombatfern", "My read", CONTACT_READ, "okapiweed"):
            assert secret not in flat, (path.name, secret)
        judged = audience is Audience.INTERNAL
        assert ("satisfaction" in flat.casefold()) is judged, path.name
    assert ("Blocker" in flat_text(partner)) is (audience is Audience.INTERNAL)
    assert "Blocker" not in flat_text(portfolio)


def test_the_internal_pack_adds_the_stakeholder_map_and_the_satisfaction_trend(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    path = tmp_path / "internal.pdf"
    pages = write_partner_pack(
        journal, filled.finance.id, *PERIOD, path, audience=Audience.INTERNAL
    )
    assert pages <= 6
    text = flat_text(path)
    assert "Partner review — internal" in text
    assert "Stakeholder map" in text
    assert "Influence and interest" in text  # the grid: every person, marked by stance
    assert "Dana Whitfield: blocker, not in the communications plan" in text
    assert re.search(r"Partner satisfaction average \d\.\d of 5 \(previous period", text)
    assert "by month: Dec" in text


def test_only_the_internal_pack_says_why_requests_were_taken_on_without_a_case(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    """Accepted without a business case: the manager sees each with its reason."""
    journal.requests.add(
        Request(
            id="",
            partner_id=filled.finance.id,
            title="Audit extract",
            received=date(2025, 12, 2),  # the period's first: listed before the others
            status=RequestStatus.ACCEPTED,
            want="All of last year's invoices",
            outcome_note="The external audit starts Monday; no time for a case",
        )
    )
    internal, partner = tmp_path / "internal.pdf", tmp_path / "partner.pdf"
    assert (
        write_partner_pack(
            journal, filled.finance.id, *PERIOD, internal, audience=Audience.INTERNAL
        )
        <= 6
    )
    write_partner_pack(journal, filled.finance.id, *PERIOD, partner)
    text = flat_text(internal)
    assert "Accepted without a business case" in text
    assert "2 Dec 2025 Audit extract The external audit starts Monday; no time for a case" in text
    assert re.search(r"and \d+ more requests…", text)  # the filled journal's, no expected benefit
    assert "Accepted without a business case" not in flat_text(partner)
    assert "no time for a case" not in flat_text(partner)


def test_money_shows_the_journals_currency(journal: Journal, filled: Any, tmp_path: Path) -> None:
    journal.settings.set_currency("CHF")
    path = tmp_path / "chf.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, path)
    text = flat_text(path)
    assert "40,000 CHF realized of 100,000 CHF expected" in text
    assert "EUR" not in text


def test_plurals_are_right_and_relative_days_name_their_date(
    journal: Journal, tmp_path: Path
) -> None:
    legal = journal.partners.add(Partner(id="", name="Legal", touch_cadence_days=1))
    journal.meetings.add(replace(_meeting(legal, "Roadmap"), start=datetime_on(2026, 11, 23)))
    for n, received in enumerate([date(2026, 11, 2)] + [date(2025, 3, 1)] * 6):
        journal.requests.add(
            Request(id="", partner_id=legal.id, title=f"Ask {n}", received=received)
        )  # six of them open since before the period: listed, not received in it
    path = tmp_path / "legal.pdf"
    write_partner_pack(journal, legal.id, *PERIOD, path)
    text = flat_text(path)
    assert "23 Nov 2026, 1 day before 24 Nov 2026 (within the 1 day the BRM aims for)" in text
    assert "1 request received" in text
    assert "Engagements: 1 meeting and 1 request" in text
    assert "and 1 more open request…" in text
    assert re.search(r"\b1 (more )?(open )?(days|meetings|requests|engagements)\b", text) is None


def datetime_on(year: int, month: int, day: int) -> Any:
    from datetime import datetime

    from pack_journal import CET

    return datetime(year, month, day, 10, tzinfo=CET)


@pytest.mark.parametrize("audience", list(Audience))
def test_a_partner_of_a_thousand_meetings_a_year_fits_six_pages(
    journal: Journal, tmp_path: Path, audience: Audience
) -> None:
    busy = busy_partner(journal)
    assert journal.balances.for_partner(busy, *PERIOD).tally.total >= 1000
    path = tmp_path / "busy.pdf"
    pages = write_partner_pack(journal, busy, *PERIOD, path, audience=audience)
    assert pages <= 6
    text = flat_text(path)
    assert "more open requests…" in text
    assert "more decisions…" in text
    assert "more commitments…" in text
    assert "Next period" in text
    if audience is Audience.INTERNAL:
        assert "Influence and interest" in text  # every person on the grid, not a list
        assert "No contacts recorded." not in text
    assert "My read" not in text


def test_a_tiny_partner_fits_six_pages_too(journal: Journal, tmp_path: Path) -> None:
    tiny = journal.partners.add(Partner(id="", name="Tiny"))
    path = tmp_path / "tiny.pdf"
    assert write_partner_pack(journal, tiny.id, *PERIOD, path) <= 6
    text = flat_text(path)
    assert "Nothing was delivered in the period." in text
    assert "No open requests." in text
    assert "none on record up to 24 Nov 2026" in text
    assert "Next period" not in text  # nothing written for it


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
    write_partner_pack(journal, sales.id, *PERIOD, path, with_log=True)
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
    balances = journal.balances.for_partners(*PERIOD)
    assert count == pages <= 2 + len(balances)
    assert "Portfolio review" in page_texts[0]
    assert "Super fixer corner" in text  # chart text stays text (in embedded DejaVu Sans)
    for balance in balances:
        assert balance.name in text
        assert balance.strategic_share is not None
        assert f"{balance.strategic_share:.0%}" in text
    assert "Old Division" not in text
    assert PRIVATE_TITLE not in text
    assert steps[-1][0] == steps[-1][1]
    _, images = _fonts_and_images(path)
    assert images == 0


def test_the_portfolio_pack_takes_two_pages_and_one_a_partner_at_most(
    journal: Journal, tmp_path: Path
) -> None:
    busy_partner(journal)
    for n in range(5):
        journal.partners.add(Partner(id="", name=f"Partner {n}"))
    path = tmp_path / "portfolio.pdf"
    assert write_portfolio_pack(journal, *PERIOD, path, audience=Audience.INTERNAL) <= 2 + 6
    empty = tmp_path / "empty.pdf"
    for partner in journal.partners.listing():
        journal.partners.delete(partner.id)
    assert write_portfolio_pack(journal, *PERIOD, empty) <= 2


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
    write_partner_pack(journal, legal.id, *PERIOD, path, with_log=True)
    flat = " ".join(pdf_text(path)[1].split())
    assert [w for note in notes for w in note.words if w not in flat] == []
    assert [p for note in notes for p in note.unfilled if p in flat] == []
    assert "[ ]" not in flat
    assert "**" not in flat
