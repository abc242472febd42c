"""The review packs (PDF): the executive summary a BRM hands a partner, or a manager.

ReportLab platypus stories built from :mod:`brm_desk.services.review_data`, which has already
decided what may be shown to the audience and how much of each list, so a partner's pack
stays within six A4 pages whatever the volume (the meeting log, an appendix, aside).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.pulses import Quarter
from brm_desk.domain.words import day, plural
from brm_desk.reports.pack_document import build_pdf, chart_flowable
from brm_desk.reports.pack_health import health_pages
from brm_desk.reports.pack_maturity import maturity_section
from brm_desk.reports.pack_sections import (
    SHARE_DEFINED,
    PackWriter,
    Progress,
    clip,
    period_text,
    share,
)
from brm_desk.services.privacy import Audience
from brm_desk.services.review_data import PartnerPackData, gather_partner, gather_portfolio

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from brm_desk.services.journal import Journal

__all__ = ["Audience", "Progress", "write_partner_pack", "write_portfolio_pack"]

PARTNER_CHART_HEIGHT = 3.0  # inches
SECTION_CHART_HEIGHT = 1.7  # inches: two partners' sections fit on one portfolio page
KICKERS = {Audience.PARTNER: "Partner review", Audience.INTERNAL: "Partner review — internal"}


def _report(progress: Progress | None, step: int, steps: int, what: str) -> None:
    if progress is not None:
        progress(step, steps, what)


def _note(audience: Audience, include_private: bool) -> str:
    """The cover's word on what the pack holds."""
    note = "Figures count every engagement in the period."
    if include_private:
        note += " This pack includes items marked private: share it with care."
    if audience is Audience.INTERNAL:
        note += " Internal: stances and satisfaction scores are for the BRM's side only."
    return note


def write_partner_pack(
    journal: Journal,
    partner_id: str,
    period_from: date,
    period_to: date,
    path: Path,
    *,
    audience: Audience = Audience.PARTNER,
    include_private: bool = False,
    with_log: bool = False,
    progress: Progress | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> int:
    """Write one partner's review pack to ``path``; returns the number of pages.

    ``fallback_fonts`` are the font files a fallback for text DejaVu Sans cannot draw is
    chosen from (default: every installed font)."""
    from reportlab.platypus import Spacer

    steps = 4
    _report(progress, 0, steps, "Gathering the partner's figures")
    data = gather_partner(
        journal,
        partner_id,
        period_from,
        period_to,
        audience=audience,
        include_private=include_private,
        with_log=with_log,
    )
    pack = PackWriter(data.texts(), fallback_fonts)
    p = data.partner
    _report(progress, 1, steps, "Drawing the balance chart")
    lines = [f"Period: {period_text(period_from, period_to)}"]
    lines += [f"Business unit: {p.business_unit}"] if p.business_unit else []
    lines += [
        f"Executive sponsor: {p.sponsor or '—'}",
        f"Relationship maturity: {p.maturity.label}",
        f"Prepared on {day(data.made_on)}",
    ]
    story = pack.cover(KICKERS[audience], p.name, lines, _note(audience, include_private))
    story += [
        pack.p("At a glance", "H1"),
        pack.headline(data),
        Spacer(1, 10),
        pack.by_focus(data),
        Spacer(1, 8),
        pack.summary_facts(data),
        pack.p("Month by month", "H2"),
        pack.balance_chart(data, PARTNER_CHART_HEIGHT),
    ]
    internal = audience is Audience.INTERNAL
    if internal:  # at a glance: the path of both views, the gap and the goals
        story += maturity_section(pack, data)
    _report(progress, 2, steps, "Writing the summary")
    story += [*pack.achieved(data), *pack.open_demand(data), *pack.commitments(data)]
    story += pack.outlook(data, with_path=not internal)
    trend = journal.health.trend(partner_id, last=Quarter.of(period_to))
    story += health_pages(pack, trend, audience)
    if internal:
        from brm_desk.reports.stakeholder_pack import stakeholder_grid

        found = journal.stakeholders.map(partner_id, compared_with=period_from)
        story += pack.internal(data, stakeholder_grid(pack, found))
    if with_log:
        story += pack.log(data)
    _report(progress, 3, steps, "Laying out the pages")
    pages = build_pdf(
        path,
        story,
        title=f"Partner review — {p.name}",
        header_left=clip(p.name, 60),
        header_right=period_text(period_from, period_to),
        footnote=SHARE_DEFINED,
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
    audience: Audience = Audience.PARTNER,
    include_private: bool = False,
    progress: Progress | None = None,
    fallback_fonts: Sequence[Path] | None = None,
) -> int:
    """Write the portfolio pack (every active partner) to ``path``; returns the page count:
    at most two pages and one per partner."""
    from reportlab.platypus import KeepTogether, PageBreak, Spacer

    from brm_desk.reports.charts import ChartPalette, portfolio_chart

    def gathered(done: int, total: int) -> None:
        _report(progress, done, total + 3, "Gathering partners' figures")

    balances, sections = gather_portfolio(
        journal,
        period_from,
        period_to,
        audience=audience,
        include_private=include_private,
        progress=gathered,
    )
    steps = len(sections) + 3
    pack = PackWriter([text for section in sections for text in section.texts()], fallback_fonts)
    lines = [
        f"Period: {period_text(period_from, period_to)}",
        f"Active partners: {len(sections)}",
        f"Prepared on {day(journal.today())}",
    ]
    kicker = "Portfolio review" + (" — internal" if audience is Audience.INTERNAL else "")
    story = pack.cover(kicker, "All partners", lines, _note(audience, include_private))
    story += [pack.p("Portfolio", "H1")]
    figure = portfolio_chart(balances, ChartPalette.print(), fallback_families=pack.families)
    story.append(chart_flowable(figure, pack.width, text_as_paths=bool(pack.families)))
    story += [Spacer(1, 8), _portfolio_table(pack, sections, period_to)]
    for number, data in enumerate(sections, start=1):
        _report(progress, len(sections) + 1, steps, f"Drawing the partners' charts ({number})")
        section = [pack.p(data.partner.name, "H2"), pack.headline(data), Spacer(1, 6)]
        section += [pack.summary_facts(data, compact=True), Spacer(1, 4)]
        section += [pack.balance_chart(data, SECTION_CHART_HEIGHT), Spacer(1, 8)]
        story += [PageBreak()] if number == 1 else []
        story.append(KeepTogether(section))
    _report(progress, len(sections) + 2, steps, "Laying out the pages")
    pages = build_pdf(
        path,
        story,
        title="Portfolio review",
        header_left="Portfolio review",
        header_right=period_text(period_from, period_to),
        footnote=SHARE_DEFINED,
        fonts=pack.fonts,
        on_page=lambda page: _report(progress, steps - 1, steps, f"Laying out page {page}"),
    )
    _report(progress, steps, steps, "Done")
    return pages


def _portfolio_table(pack: PackWriter, sections: list[PartnerPackData], end: date) -> Flowable:
    rows = [
        [
            "Partner",
            "Strategic share",
            "Target",
            "Previous period",
            "Engagements",
            f"Last strategic (days before {day(end)})",
        ]
    ]
    for data in sections:
        b = data.balance
        touch = "none" if b.last_strategic is None else day(b.last_strategic)
        if b.days_since_strategic is not None:
            touch += f" ({plural(b.days_since_strategic, 'day')})"
        if b.overdue:
            touch += ", overdue"
        rows.append(
            [
                clip(b.name, 80),
                share(b.strategic_share),
                share(b.target_strategic_share),
                share(data.previous.strategic_share),
                f"{b.tally.total:,}",
                touch,
            ]
        )
    return pack.grid(rows, [0.23, 0.12, 0.09, 0.12, 0.17, 0.27])
