"""Balance charts as ReportLab Drawings, many at once for the portfolio pack.

Each chart costs about a third of a second (matplotlib, SVG, svglib), nearly all of it pure
Python, so a portfolio of forty partners is drawn by a pool of worker processes: Drawings
pickle cheaply and the layout stays in the parent. Few charts, or one CPU, stay in-process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

PARALLEL_FROM = 8  # below this many charts, starting workers costs more than it saves


def balance_drawing(
    balance: PartnerBalance, width: float, height: float, fallback_font: Path | None
) -> Drawing:
    """One partner's balance chart in the print palette, ``width`` points wide.

    ``fallback_font`` is given when the pack holds text DejaVu Sans cannot draw: the chart's
    text is then drawn as outlines from that font.
    """
    return _draw_run([balance], width, height, fallback_font)[0]


def _draw_run(
    balances: Sequence[PartnerBalance],
    width: float,
    height: float,
    fallback_font: Path | None,
    on_drawn: Callable[[int], None] | None = None,
) -> list[Drawing]:
    """Charts drawn one after another on one figure: only the first builds the axes."""
    from brm_desk.reports.charts import ChartPalette, draw_balance, new_figure
    from brm_desk.reports.fonts import matplotlib_family, register_fonts
    from brm_desk.reports.pack_document import chart_flowable

    register_fonts()
    families = [] if fallback_font is None else [matplotlib_family(fallback_font)]
    palette = ChartPalette.print()
    figure = new_figure(palette, (7.0, height))
    drawings = []
    for balance in balances:
        draw_balance(figure, balance, palette=palette, fallback_families=families)
        drawings.append(chart_flowable(figure, width, text_as_paths=fallback_font is not None))
        if on_drawn is not None:
            on_drawn(len(drawings))
    return drawings


def balance_drawings(
    balances: Sequence[PartnerBalance],
    width: float,
    height: float,
    fallback_font: Path | None,
    *,
    workers: int | None = None,
    on_drawn: Callable[[int], None] | None = None,
) -> list[Drawing]:
    """Every balance chart, in order; ``workers`` None means one process per CPU.

    ``on_drawn(n)`` follows the charts drawn in this process (not those of workers)."""
    count = len(balances)
    workers = min(workers if workers is not None else os.cpu_count() or 1, count)
    if workers <= 1 or count < PARALLEL_FROM:
        return _draw_run(balances, width, height, fallback_font, on_drawn)
    import multiprocessing

    # "spawn": a forked copy of a GUI process (Qt, threads, open database) is not safe.
    context = multiprocessing.get_context("spawn")
    size = -(-count // workers)
    runs = [balances[start : start + size] for start in range(0, count, size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        drawn = pool.map(_draw_run, runs, repeat(width), repeat(height), repeat(fallback_font))
        return [drawing for run in drawn for drawing in run]
