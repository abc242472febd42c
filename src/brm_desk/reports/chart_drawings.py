"""Balance charts as ReportLab Drawings, many at once for the portfolio pack.

A chart costs about 0.07 s (matplotlib's SVG, then svglib), nearly all of it pure Python,
once the first has built the figure the others reuse. A portfolio of forty partners is drawn
by a pool of worker processes where they start cheaply: Drawings pickle quickly and the layout
stays in the parent. Few charts, or one CPU, stay in this process.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from reportlab.graphics.shapes import Drawing

CHART_WIDTH = 7.0  # inches: the figure's width; the Drawing is scaled to the page
PARALLEL_FROM = 8  # below this many charts, starting workers costs more than it saves
START_METHOD_VARIABLE = "BRM_DESK_WORKER_START"
"""``fork`` or ``spawn``: how workers start, whatever :func:`start_method` would choose, and
workers draw whenever there are enough charts to split. The bundle's smoke test uses it to
draw a pack the way the desktop app does (spawn)."""
SPAWN_WORTH_FROM = 48  # with workers that import everything afresh (~0.07 s a chart drawn)


_kept = threading.local()


def kept_figure(height: float) -> Figure:
    """The figure this thread draws print charts ``height`` inches high on, kept from one pack
    to the next: a chart with the months of the chart before reuses its axes, ticks and
    labels (about 20 ms), so only the first chart of a period builds them. One per thread,
    since a matplotlib figure is not to be shared between threads."""
    from brm_desk.reports.charts import ChartPalette, new_figure

    figures: dict[float, Figure] = _kept.__dict__.setdefault("figures", {})
    if height not in figures:
        figures[height] = new_figure(ChartPalette.print(), (CHART_WIDTH, height))
    return figures[height]


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
    from brm_desk.reports.charts import ChartPalette, draw_balance
    from brm_desk.reports.fonts import matplotlib_family, register_fonts
    from brm_desk.reports.pack_document import chart_flowable

    register_fonts()
    families = [] if fallback_font is None else [matplotlib_family(fallback_font)]
    palette = ChartPalette.print()
    figure = kept_figure(height)
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
    """Every balance chart, in order.

    ``workers`` None lets this choose: one process per CPU where workers start cheaply (see
    :func:`start_method`), else in this process unless the charts are many. ``on_drawn(n)``
    follows the charts drawn in this process (not those of workers)."""
    count = len(balances)
    method = start_method()
    if workers is None:
        forced = os.environ.get(START_METHOD_VARIABLE) is not None
        worth_it = method == "fork" or count >= SPAWN_WORTH_FROM or forced
        workers = (os.cpu_count() or 1) if worth_it else 1
    workers = min(workers, count)
    if workers <= 1 or count < PARALLEL_FROM:
        return _draw_run(balances, width, height, fallback_font, on_drawn)
    import multiprocessing

    from brm_desk.frozen import ready_for_workers

    ready_for_workers()
    context = multiprocessing.get_context(method)
    size = -(-count // workers)
    runs = [balances[start : start + size] for start in range(0, count, size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        drawn = pool.map(_draw_run, runs, repeat(width), repeat(height), repeat(fallback_font))
        return [drawing for run in drawn for drawing in run]


def start_method() -> str:
    """How worker processes start: "fork" on Linux when this process runs one thread only
    (a forked copy inherits matplotlib and ReportLab already imported, so a worker costs next
    to nothing), else "spawn" (each worker imports them afresh, about a second of CPU). A
    process with other threads (Qt's, a thread pool's, the app's export) is never forked: a
    lock another thread holds would stay locked in the copy."""
    forced = os.environ.get(START_METHOD_VARIABLE)
    if forced in ("fork", "spawn"):
        return forced
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"
