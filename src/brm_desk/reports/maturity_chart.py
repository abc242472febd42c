"""The maturity path: the BRM's view and the partner's over time, one builder for screen and print.

Both views are step lines on the maturity model's levels (named on the y axis): the BRM's
solid with round markers, the partner's dashed with square ones, so they differ without
colour. Point ``i`` of either line is assessment ``i`` (oldest first).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from brm_desk.domain.assessments import LEVELS, Assessment, gap_text, in_order, rank
from brm_desk.reports.chart_palette import ChartPalette
from brm_desk.reports.charts import _style_axes as style_axes
from brm_desk.reports.charts import fit_margins

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MATURITY_MARGINS = (1.25, 0.25, 0.45, 0.35)
BRM_LABEL = "Your view (BRM)"
PARTNER_OFFSET = 0.06
PARTNER_LABEL = "Partner's view"


def draw_maturity(
    figure: Figure, assessments: Sequence[Assessment], palette: ChartPalette, *, until: date
) -> None:
    """Draw the path into ``figure`` (cleared first); each view's last level runs on to
    ``until`` (today, or the end of a pack's period)."""
    import matplotlib as mpl

    ordered = in_order(assessments)
    with mpl.rc_context({"font.family": ["DejaVu Sans"], "font.size": 8}):
        figure.clear()
        figure.set_facecolor(palette.background)
        fit_margins(figure, MATURITY_MARGINS)
        axes = figure.add_subplot()
        style_axes(axes, palette)
        axes.set_yticks(range(len(LEVELS)), [level.label for level in LEVELS])
        axes.set_ylim(-0.4, len(LEVELS) - 0.6)
        axes.grid(axis="y", color=palette.grid, linewidth=0.5, zorder=0)
        if not ordered:
            return
        days = [a.assessed_on for a in ordered]
        end = max([until, *days])
        x = [float(d.toordinal()) for d in days]
        last_x = float(end.toordinal())
        brm = [float(rank(a.brm_view)) for a in ordered]
        _view_line(axes, x, brm, last_x, palette.share_line, "-", "o", BRM_LABEL)
        known = [(px, a.partner_view) for px, a in zip(x, ordered, strict=True) if a.partner_view]
        if known:
            # A little above the BRM's line, so where both views agree both lines still show.
            ky = [rank(level) + PARTNER_OFFSET for _px, level in known]
            kx = [px for px, _level in known]
            _view_line(axes, kx, ky, last_x, palette.target, "--", "s", PARTNER_LABEL)
        span = max(last_x - x[0], 30.0)
        axes.set_xlim(x[0] - span * 0.03, last_x + span * 0.03)
        ticks = _month_ticks(date.fromordinal(int(x[0])), end)
        axes.set_xticks([float(t.toordinal()) for t in ticks], [f"{t:%b}\n{t:%Y}" for t in ticks])
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False,
                    fontsize=8, labelcolor=palette.text)  # fmt: skip


def _view_line(
    axes: Axes,
    x: list[float],
    y: list[float],
    last_x: float,
    colour: str,
    style: str,
    marker: str,
    label: str,
) -> None:
    """One view as a step line on to ``last_x``, marked at each assessment."""
    axes.step([*x, last_x], [*y, y[-1]], where="post", color=colour, linestyle=style,
              linewidth=1.8, marker=marker, markersize=5, markevery=list(range(len(x))),
              label=label, zorder=3)  # fmt: skip


def _month_ticks(first: date, last: date, most: int = 7) -> list[date]:
    """First days of months from ``first`` to ``last``, evenly thinned to at most ``most``."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, -(-months // (most - 1)))
    found = []
    for n in range(step if first.day > 1 else 0, months + 1, step):
        year, month = divmod(first.month - 1 + n, 12)
        found.append(date(first.year + year, month + 1, 1))
    return found or [first]


def x_of(assessment: Assessment) -> float:
    """Where the chart places an assessment on its time axis (the day's ordinal)."""
    return float(assessment.assessed_on.toordinal())


def assessment_at(
    assessments: Sequence[Assessment], x: float | None, tolerance: float
) -> int | None:
    """The index (oldest first) of the assessment nearest ``x`` (a day's ordinal), if one
    lies within ``tolerance`` days."""
    if x is None or not assessments:
        return None
    distances = [abs(x_of(a) - x) for a in in_order(assessments)]
    nearest = min(range(len(distances)), key=distances.__getitem__)
    return nearest if distances[nearest] <= tolerance else None


def assessment_text(assessment: Assessment) -> str:
    """An assessment in words, as the chart's hover shows it."""
    partner = assessment.partner_view.label if assessment.partner_view else "unknown"
    lines = [
        f"Assessed {assessment.assessed_on:%d %b %Y}",
        f"Your view: {assessment.brm_view.label}",
        f"Partner's view: {partner} ({gap_text(assessment.gap)})",
    ]
    if assessment.goals:
        met = len(assessment.goals) - len(assessment.open_goals)
        lines.append(f"Goals for the next level: {met} of {len(assessment.goals)} met")
    return "\n".join(lines)


def maturity_figures(
    assessments: Sequence[Assessment],
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The chart's figures as a table: one row per assessment, oldest first."""
    headings: tuple[str, ...] = ("Assessed", "Your view", "Partner's view", "Gap", "Goals met")
    rows: list[tuple[str, ...]] = []
    for a in in_order(assessments):
        met = len(a.goals) - len(a.open_goals)
        rows.append(
            (
                f"{a.assessed_on:%d %b %Y}",
                a.brm_view.label,
                a.partner_view.label if a.partner_view else "Unknown",
                gap_text(a.gap),
                f"{met} of {len(a.goals)}" if a.goals else "—",
            )
        )
    return headings, rows
