"""Balance and portfolio charts as matplotlib Figures, one builder for screen and print.

The app draws these Figures on a Qt canvas; the review pack saves them as SVG so they stay
vector in the PDF. Never pyplot: it keeps global state that a long-running app and a PDF export
running side by side must not share.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from weakref import WeakKeyDictionary

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.enums import FOCUS_ORDER
from brm_desk.reports.chart_palette import ChartPalette as ChartPalette  # one import for all

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

Unit = Literal["count", "hours"]

BASE_FONT_FAMILY = "DejaVu Sans"
BAR_WIDTH = 0.7


BALANCE_MARGINS = (0.55, 0.7, 0.42, 0.3)
PORTFOLIO_MARGINS = (0.6, 0.2, 0.5, 0.15)
"""Margins (left, right, bottom, top) in inches: fixed, because a layout engine would cost a
second drawing pass, which a portfolio of forty charts feels."""


def new_figure(palette: ChartPalette, size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=100, facecolor=palette.background)


def fit_margins(figure: Figure, margins: tuple[float, float, float, float]) -> None:
    """Keep the margins at their size in inches whatever the figure's size (a window
    resizes its chart; the margins around the plot should not grow with it)."""
    width, height = (float(v) for v in figure.get_size_inches())
    left, right, bottom, top = margins
    left, right = min(left / width, 0.4), max(1 - right / width, 0.6)
    bottom, top = min(bottom / height, 0.4), max(1 - top / height, 0.6)
    figure.subplots_adjust(left=left, right=right, bottom=bottom, top=top)


def _style_axes(axes: object, palette: ChartPalette) -> None:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    axes.set_facecolor(palette.background)
    # No tick marks: the grid carries the scale, and each mark is one more shape to convert.
    axes.tick_params(colors=palette.text, labelsize=8, length=0, pad=3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(palette.grid)
    axes.yaxis.label.set_color(palette.text)
    axes.xaxis.label.set_color(palette.text)


def _font_families(fallback_families: Sequence[str]) -> list[str]:
    return [BASE_FONT_FAMILY, *fallback_families]


@dataclass(slots=True)
class _BalanceFrame:
    """What stays when a balance chart is redrawn for another partner with the same months:
    the axes, their ticks and labels (the costly part of a matplotlib chart to build)."""

    key: tuple[object, ...]
    axes: Axes
    share_axes: Axes
    data: list[Artist]


_frames: WeakKeyDictionary[Figure, _BalanceFrame] = WeakKeyDictionary()


def draw_balance(
    figure: Figure,
    balance: PartnerBalance,
    *,
    unit: Unit = "count",
    palette: ChartPalette,
    fallback_families: Sequence[str] = (),
) -> None:
    """Month by month, stacked reactive / routine / strategic, with the strategic share
    against its target: the one picture of where the time with a partner went. Bar ``i`` is
    ``balance.months[i]``, at x = i.

    A figure drawn before with the same months, unit and colours keeps its axes and only its
    data is replaced, so one figure serves a whole portfolio's charts (and the app's chart for
    one partner after another); anything else starts from a cleared figure."""
    import matplotlib as mpl

    count = len(balance.months)
    labels = tuple(_month_label(m.month, count, i == 0) for i, m in enumerate(balance.months))
    key = (labels, unit, palette, tuple(fallback_families))
    with mpl.rc_context({"font.family": _font_families(fallback_families), "font.size": 8}):
        frame = _frames.get(figure)
        if frame is None or frame.key != key or frame.axes.figure is not figure:
            frame = _balance_frame(figure, key, labels, unit, palette)
            _frames[figure] = frame
        for artist in frame.data:
            artist.remove()
        frame.data = _balance_data(frame.axes, frame.share_axes, balance, unit, palette)


def _balance_frame(
    figure: Figure,
    key: tuple[object, ...],
    labels: Sequence[str],
    unit: Unit,
    palette: ChartPalette,
) -> _BalanceFrame:
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    figure.clear()
    figure.set_facecolor(palette.background)
    fit_margins(figure, BALANCE_MARGINS)
    axes = figure.add_subplot()
    _style_axes(axes, palette)
    axes.set_ylabel("Engagements" if unit == "count" else "Meeting hours")
    axes.yaxis.set_major_locator(MaxNLocator(integer=unit == "count", nbins=5))
    axes.grid(axis="y", color=palette.grid, linewidth=0.5, zorder=0)
    axes.set_xticks(range(len(labels)), labels)
    axes.set_xlim(-0.6, max(len(labels) - 0.4, 0.6))

    share_axes = axes.twinx()
    share_axes.set_ylim(0, 1.04)
    share_axes.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    share_axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    share_axes.tick_params(colors=palette.text, labelsize=8, length=0, pad=3)
    for side in ("top", "left", "bottom"):
        share_axes.spines[side].set_visible(False)
    share_axes.spines["right"].set_color(palette.grid)
    share_axes.set_ylabel("Strategic share", color=palette.text)
    return _BalanceFrame(key, axes, share_axes, [])


def _balance_data(
    axes: Axes, share_axes: Axes, balance: PartnerBalance, unit: Unit, palette: ChartPalette
) -> list[Artist]:
    """The partner's own artists: bars, share line, target, legend (its target varies)."""
    months = balance.months
    bottoms = [0.0] * len(months)
    drawn: list[Artist] = []
    for focus in FOCUS_ORDER:
        heights = [
            float(m.tally.count(focus)) if unit == "count" else m.tally.hours(focus) for m in months
        ]
        bars = stacked_bars(bottoms, heights, color=palette.focus(focus), label=focus.label)
        drawn.append(axes.add_patch(bars))
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_ylim(0, max(bottoms, default=0) * 1.05 or 1)
    target = balance.target_strategic_share
    drawn.append(
        share_axes.axhspan(
            target - 0.015,
            target + 0.015,
            color=_blend(palette.target, palette.background, 0.25),
            linewidth=0,
            zorder=1,
        )
    )
    drawn.append(
        share_axes.axhline(
            target,
            color=palette.target,
            linestyle="--",
            linewidth=1.2,
            label=f"Target {target:.0%}",
        )
    )
    shares = [m.tally.strategic_share for m in months]
    points = [(x, share) for x, share in enumerate(shares) if share is not None]
    drawn += share_axes.plot(
        [x for x, _ in points],
        [share for _, share in points],
        color=palette.share_line,
        marker="o",
        markersize=3.5,
        linewidth=1.5,
        label="Strategic share",
    )
    handles, labels = axes.get_legend_handles_labels()
    more_handles, more_labels = share_axes.get_legend_handles_labels()
    legend = axes.legend(
        handles + more_handles,
        labels + more_labels,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=5,
        frameon=False,
        fontsize=8,
        labelcolor=palette.text,
    )
    drawn.append(legend)
    return drawn


def stacked_bars(
    bottoms: Sequence[float], heights: Sequence[float], *, color: str, label: str
) -> PathPatch:
    """One focus's bars, month ``i`` at x = i, as a single patch of rectangles.

    One shape instead of one per month: every shape costs again in the SVG, in svglib and in
    the PDF, and forty partners' charts make that the bulk of a portfolio pack's time.
    Months without any of this focus get no rectangle."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    half = BAR_WIDTH / 2
    vertices: list[tuple[float, float]] = []
    for x, (bottom, height) in enumerate(zip(bottoms, heights, strict=True)):
        if height > 0:
            top = bottom + height
            vertices += [(x - half, bottom), (x + half, bottom), (x + half, top), (x - half, top)]
            vertices.append((x - half, bottom))
    codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    path = Path(vertices or [(0.0, 0.0)], codes * (len(vertices) // 5) or [Path.MOVETO])
    return PathPatch(path, facecolor=color, edgecolor="none", linewidth=0, label=label, zorder=2)


def _month_label(month: object, count: int, first: bool = False) -> str:
    """Every month named up to a year and a half, then January and July; the year under
    January and under the first month, so the axis never starts without one."""
    from datetime import date

    assert isinstance(month, date)
    if count > 18 and month.month not in (1, 7):
        return ""
    with_year = first or month.month == 1 or count <= 4 or count > 12
    return month.strftime("%b\n%Y") if with_year else month.strftime("%b")


def portfolio_chart(
    balances: Sequence[PartnerBalance],
    palette: ChartPalette,
    *,
    size: tuple[float, float] = (7.0, 4.2),
    fallback_families: Sequence[str] = (),
) -> Figure:
    """Every partner placed by strategic share and volume, so the BRM sees at a glance who
    keeps them a "super fixer" (much contact, little of it strategic)."""
    figure = new_figure(palette, size)
    draw_portfolio(figure, balances, palette, fallback_families=fallback_families)
    return figure


def portfolio_placed(balances: Sequence[PartnerBalance]) -> list[PartnerBalance]:
    """The partners the portfolio chart places (a share needs reactive or strategic work),
    in the order of its points."""
    return [b for b in balances if b.strategic_share is not None]


def draw_portfolio(
    figure: Figure,
    balances: Sequence[PartnerBalance],
    palette: ChartPalette,
    *,
    fallback_families: Sequence[str] = (),
) -> None:
    """Draw :func:`portfolio_chart` into ``figure`` (cleared first); point ``i`` of the
    scatter is ``portfolio_placed(balances)[i]``."""
    import matplotlib as mpl
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    with mpl.rc_context({"font.family": _font_families(fallback_families), "font.size": 8}):
        figure.clear()
        figure.set_facecolor(palette.background)
        fit_margins(figure, PORTFOLIO_MARGINS)
        axes = figure.add_subplot()
        _style_axes(axes, palette)
        placed = portfolio_placed(balances)
        volumes = [b.tally.total for b in placed]
        top = max(volumes, default=0)
        y_max = max(top * 1.15, 4.0)
        axes.set_xlim(-0.02, 1.04)
        axes.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        axes.set_ylim(0, y_max)
        targets = sorted({b.target_strategic_share for b in balances})
        target = targets[len(targets) // 2] if targets else 0.6
        median_volume = sorted(volumes)[len(volumes) // 2] if volumes else y_max / 2
        corner_floor = max(median_volume, y_max * 0.35)
        axes.fill_between(
            [-0.02, target],
            corner_floor,
            y_max,
            color=_blend(palette.corner, palette.background, 0.1),
            linewidth=0,
            zorder=0,
        )
        axes.text(
            0.0,
            corner_floor + y_max * 0.015,
            "Super fixer corner\n(high volume, low strategic share)",
            color=palette.corner,
            fontsize=8.5,
            va="bottom",
            ha="left",
            zorder=2,
        )
        label = f"Target {target:.0%}" if len(targets) <= 1 else f"Median target {target:.0%}"
        axes.axvline(target, color=palette.target, linestyle="--", linewidth=1.2, label=label)
        colours = [palette.strategic if b.on_target else palette.reactive for b in placed]
        axes.scatter(
            [b.strategic_share or 0.0 for b in placed],
            volumes,
            s=36,
            c=colours,
            edgecolors=palette.background,
            linewidths=0.6,
            zorder=3,
        )
        from brm_desk.reports.chart_labels import label_points

        label_points(axes, placed, y_max, palette)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        axes.set_xlabel("Strategic share")
        axes.set_ylabel("Engagements in the period")
        axes.grid(color=palette.grid, linewidth=0.5, zorder=0)
        axes.legend(loc="upper right", frameon=False, fontsize=8, labelcolor=palette.text)
        unplaced = len(balances) - len(placed)
        if unplaced:
            axes.text(
                0.99,
                0.02,
                f"Not placed (no reactive or strategic engagement): {unplaced}",
                transform=axes.transAxes,
                ha="right",
                va="bottom",
                fontsize=6.5,
                color=palette.text,
            )


def _blend(colour: str, background: str, amount: float) -> str:
    """``colour`` at ``amount`` opacity over ``background``, as an opaque colour: SVG
    opacity does not survive every converter, so the PDF gets the colour it would show."""
    from matplotlib.colors import to_hex, to_rgb

    (r, g, b), (r0, g0, b0) = to_rgb(colour), to_rgb(background)
    mixed = (
        amount * r + (1 - amount) * r0,
        amount * g + (1 - amount) * g0,
        amount * b + (1 - amount) * b0,
    )
    return str(to_hex(mixed))


def figure_to_svg(figure: Figure, *, text_as_paths: bool = True) -> bytes:
    """The figure as SVG. Text as paths needs no font to show it (any script prints);
    text as text is lighter and searchable, for when the reader has the figure's fonts."""
    import matplotlib as mpl

    buffer = io.BytesIO()
    font_type = "path" if text_as_paths else "none"
    with mpl.rc_context({"svg.fonttype": font_type, "svg.hashsalt": "brm-desk"}):
        figure.savefig(buffer, format="svg", facecolor=figure.get_facecolor())
    return buffer.getvalue()
