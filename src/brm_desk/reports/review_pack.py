"""The review packs (PDF): the document a BRM hands a partner's executive or a manager.

ReportLab platypus stories built from :mod:`brm_desk.services.review_data`, which has already
decided what may be shown (private items stay out unless the user includes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brm_desk.reports.chart_drawings import balance_drawings
from brm_desk.reports.pack_document import build_pdf, chart_flowable, table
from brm_desk.reports.pack_sections import PackWriter, Progress, day, period_text, share
from brm_desk.services.review_data import PartnerPackData, gather_partner, gather_portfolio

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from brm_desk.services.journal import Journal

__all__ = ["Progress", "write_partner_pack", "write_portfolio_pack"]

SECTION_CHART_HEIGHT = 1.95  # inches: two partners' sections fit on one portfolio page


def _report(progress: Progress | None, step: int, steps: int, what: str) -> None:
    if progress is not None:
        progress(step, steps, what)


def _cover_lines(data: PartnerPackData) -> list[str]:
    p = data.partner
    lines = [f"Period: {period_text(data.period_from, data.period_to)}"]
    if p.business_unit:
        lines.append(f"Business unit: {p.business_unit}")
    lines.append(f"Executive sponsor: {p.sponsor or '—'}")
    lines.append(f"Relationship maturity: {p.maturity.label}")
    lines.append(f"Prepared on {day(data.generated_on)}")
    return lines


def _data_note(include_private: bool) -> str:
    if include_private:
        return "This pack includes items marked private. Share it with care."
    return (
        "Figures count every engagement in the period; items the BRM marked private are "
        "not shown in the logs."
    )


def write_partner_pack(
    journal: Journal,
    partner_id: str,
    period_from: date,
    period_to: date,
    path: Path,
    *,
    include_private: bool = False,
    progress: Progress | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> int:
    """Write one partner's review pack to ``path``; returns the number of pages.

    ``fallback_fonts`` are the font files a fallback for text DejaVu Sans cannot draw is
    chosen from (default: every installed font)."""
    steps = 4
    _report(progress, 0, steps, "Gathering the partner's figures")
    data = gather_partner(
        journal, partner_id, period_from, period_to, include_private=include_private
    )
    pack = PackWriter(data.texts(), fallback_fonts)
    name = data.partner.name
    _report(progress, 1, steps, "Drawing the balance chart")
    story = pack.cover("Partner review", name, _cover_lines(data), _data_note(include_private))
    story += [pack.p("Summary", "H1"), *pack.summary(data)]
    story += [pack.p("Balance month by month", "H2"), pack.balance_chart(data)]
    _report(progress, 2, steps, "Writing the meeting log")
    from reportlab.platypus import PageBreak

    story += [PageBreak(), *pack.meeting_log(data)]
    story += [*pack.open_requests(data), *pack.open_actions(data)]
    _report(progress, 3, steps, "Laying out the pages")
    pages = build_pdf(
        path,
        story,
        title=f"Partner review — {name}",
        header_left=name,
        header_right=period_text(period_from, period_to),
        fonts=pack.fonts,
        on_page=lambda page: _report(progress, 3, steps, f"Laying out page {page}"),
    )
    _report(progress, steps, steps, "Done")
    return pages


def write_portfolio_pack(
    journal: Journal,
    period_from: date,
    period_to: date,
    path: Path,
    *,
    include_private: bool = False,
    progress: Progress | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> int:
    """Write the portfolio pack (every active partner) to ``path``; returns the page count."""
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    from brm_desk.reports.charts import ChartPalette, portfolio_chart

    def gathered(done: int, total: int) -> None:
        _report(progress, done, total + 3, "Gathering partners' figures")

    balances, sections = gather_portfolio(
        journal, period_from, period_to, include_private=include_private, progress=gathered
    )
    steps = len(sections) + 3
    pack = PackWriter([text for section in sections for text in section.texts()], fallback_fonts)
    lines = [
        f"Period: {period_text(period_from, period_to)}",
        f"Active partners: {len(sections)}",
        f"Prepared on {day(journal.today())}",
    ]
    story = pack.cover("Portfolio review", "All partners", lines, _data_note(include_private))
    story += [pack.p("Portfolio", "H1")]
    story.append(
        chart_flowable(
            portfolio_chart(balances, ChartPalette.print(), fallback_families=pack.families),
            pack.width,
            text_as_paths=bool(pack.families),
        )
    )
    story += [Spacer(1, 8), *_portfolio_table(pack, sections)]
    _report(progress, len(sections) + 1, steps, "Drawing the partners' charts")
    drawings = balance_drawings(
        [data.balance for data in sections],
        pack.width,
        SECTION_CHART_HEIGHT,
        pack.fallback_font,
        on_drawn=lambda n: _report(
            progress,
            len(sections) + 1,
            steps,
            f"Drawing the partners' charts ({n} of {len(sections)})",
        ),
    )
    _report(progress, len(sections) + 2, steps, "Laying out the pages")
    for number, (data, drawing) in enumerate(zip(sections, drawings, strict=True), start=1):
        if number == 1:
            story.append(PageBreak())
        section = [pack.p(data.partner.name, "H2"), *pack.summary(data, compact=True)]
        section += [Spacer(1, 4), drawing, Spacer(1, 8)]
        story.append(KeepTogether(section))
    pages = build_pdf(
        path,
        story,
        title="Portfolio review",
        header_left="Portfolio review",
        header_right=period_text(period_from, period_to),
        fonts=pack.fonts,
        on_page=lambda page: _report(progress, steps - 1, steps, f"Laying out page {page}"),
    )
    _report(progress, steps, steps, "Done")
    return pages


def _portfolio_table(pack: PackWriter, sections: list[PartnerPackData]) -> list[Flowable]:
    rows: list[list[Any]] = [
        ["Partner", "Share", "Target", "Previous", "Engagements", "Strategic touch"]
    ]
    for data in sections:
        b = data.balance
        touch = "overdue" if b.overdue else f"{b.days_since_strategic} days ago"
        rows.append(
            [
                b.name,
                share(b.strategic_share),
                share(b.target_strategic_share),
                share(data.previous.strategic_share),
                str(b.tally.total),
                touch,
            ]
        )
    w = pack.width
    widths = [w * 0.3, w * 0.1, w * 0.1, w * 0.12, w * 0.17, w * 0.21]
    return [table(pack.cells(rows), widths)]
