"""A partner's health, quarter by quarter, as a matplotlib Figure for screen and print.

A line of the score (0–100) over the quarters, each point marked by where it moved: ▲ up,
▼ down (so a decline reads without colour), with the score written above it. Point ``i`` is
``trend[i]``, at x = i; a quarter without a score leaves a gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brm_desk.domain.health import QuarterHealth, at_risk
from brm_desk.reports.charts import ChartPalette, _font_families, _style_axes, fit_margins

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HEALTH_MARGINS = (0.5, 0.2, 0.5, 0.35)


def draw_health(
    figure: Figure,
    trend: Sequence[QuarterHealth],
    *,
    palette: ChartPalette,
    fallback_families: Sequence[str] = (),
) -> None:
    """Draw the trend into ``figure`` (cleared first)."""
    import matplotlib as mpl

    with mpl.rc_context({"font.family": _font_families(fallback_families), "font.size": 8}):
        figure.clear()
        figure.set_facecolor(palette.background)
        fit_margins(figure, HEALTH_MARGINS)
        axes = figure.add_subplot()
        _style_axes(axes, palette)
        axes.set_ylim(0, 108)
        axes.set_yticks([0, 25, 50, 75, 100])
        axes.set_ylabel("Health (0–100)")
        axes.grid(axis="y", color=palette.grid, linewidth=0.5, zorder=0)
        axes.set_xticks(range(len(trend)), [_quarter_label(h, i) for i, h in enumerate(trend)])
        axes.set_xlim(-0.5, max(len(trend) - 0.5, 0.5))
        points = [(x, h.score) for x, h in enumerate(trend) if h.score is not None]
        segment: list[tuple[int, float]] = []
        for point in points:  # a gap where a quarter has no score
            if segment and point[0] != segment[-1][0] + 1:
                _line(axes, segment, palette)
                segment = []
            segment.append(point)
        _line(axes, segment, palette)
        before: int | None = None
        for x, score in points:
            points_now = round(score)
            falling = before is not None and points_now < before
            rising = before is not None and points_now > before
            axes.plot(
                [x],
                [score],
                marker="v" if falling else "^" if rising else "o",
                markersize=7,
                color=palette.reactive if falling else palette.share_line,
                zorder=4,
                linestyle="none",
            )
            axes.annotate(
                str(points_now),
                (x, score),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color=palette.text,
            )
            before = points_now
        if at_risk(trend):
            axes.set_title(
                "At risk: two quarters of decline",
                loc="left",
                fontsize=8,
                color=palette.reactive,
                fontweight="bold",
            )


def _quarter_label(health: QuarterHealth, index: int) -> str:
    """``Q3``, with the year under the first quarter and under each first quarter of a year."""
    quarter = health.quarter
    return (
        f"Q{quarter.number}\n{quarter.year}"
        if index == 0 or quarter.number == 1
        else (f"Q{quarter.number}")
    )


def _line(axes: object, segment: list[tuple[int, float]], palette: ChartPalette) -> None:
    if len(segment) > 1:
        axes.plot(  # type: ignore[attr-defined]
            [x for x, _ in segment],
            [y for _, y in segment],
            color=palette.share_line,
            linewidth=1.5,
            zorder=3,
        )


def quarter_at(trend: Sequence[QuarterHealth], x: float | None) -> int | None:
    """The index of the quarter nearest ``x`` on the chart, if within the chart."""
    if x is None or not trend:
        return None
    index = round(x)
    return index if 0 <= index < len(trend) else None


def quarter_text(health: QuarterHealth) -> str:
    """A quarter's score and every part, as the hover note and the figures table say it."""
    if health.score is None:
        return f"{health.quarter.label}: no score (nothing known this quarter)"
    lines = [f"{health.quarter.label}: health {round(health.score)}"]
    for part in health.parts:
        figure = "left out" if part.score is None else f"{round(part.score)}"
        lines.append(f"{part.label} {figure}: {part.detail}")
    return "\n".join(lines)
