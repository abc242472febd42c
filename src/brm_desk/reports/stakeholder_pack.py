"""The internal review pack's stakeholder grid: the chart in vector form, its gaps, and who
moved in the period. Never in the partner's pack: the grid shows stances."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brm_desk.domain.words import day
from brm_desk.reports.chart_palette import ChartPalette
from brm_desk.reports.pack_document import chart_flowable
from brm_desk.reports.pack_sections import PackWriter, clip
from brm_desk.reports.stakeholder_chart import draw_stakeholder_grid
from brm_desk.services.review_data import Shortlist

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from brm_desk.services.stakeholders import StakeholderMap

GRID_SIZE = (4.6, 2.9)  # inches: the chart takes three fifths of the width
LINES_SHOWN = 2
"""Gaps, and moves, listed beside the grid; the rest are counted."""
LINE_CLIPPED = 100


def stakeholder_grid(pack: PackWriter, found: StakeholderMap) -> list[Flowable]:
    """The grid (when there are people) with, beside it, the gaps and who moved since the
    period began: side by side, so the internal pack keeps within its six pages."""
    from reportlab.platypus import Table

    from brm_desk.reports.charts import new_figure

    if not found.contacts:
        return []
    palette = ChartPalette.print()
    figure = new_figure(palette, GRID_SIZE)
    draw_stakeholder_grid(figure, found.contacts, palette, moves=found.moves)
    chart = chart_flowable(figure, pack.width * 0.6, text_as_paths=bool(pack.families))
    notes = [pack.p("Gaps", "H2")]
    notes += _listed(pack, [gap.text for gap in found.gaps], "gap", "No gaps.")
    since = day(found.compared_with) if found.compared_with else "the period began"
    notes.append(pack.p(f"Who moved since {since}", "H2"))
    moves = [move.text for move in found.moves]
    notes += _listed(pack, moves, "move", "Nobody moved on the grid.")
    beside = Table([[chart, notes]], colWidths=[pack.width * 0.6, pack.width * 0.4])
    beside.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    return [pack.p("Influence and interest", "H2"), beside]


def _listed(pack: PackWriter, lines: list[str], noun: str, none: str) -> list[Flowable]:
    """The first lines as bullets, then how many more there are (a pack stays short)."""
    if not lines:
        return [pack.p(none, "Empty")]
    shown = [pack.p(f"• {clip(line, LINE_CLIPPED)}") for line in lines[:LINES_SHOWN]]
    return shown + pack.more(Shortlist(tuple(lines[:LINES_SHOWN]), len(lines)), noun)
