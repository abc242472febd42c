"""What the charts say in words: points' names, and the figures a hover shows.

Kept beside :mod:`brm_desk.reports.charts` so the words match the picture: bar ``i`` of a
balance chart is month ``i`` of the balance, and the portfolio's points are
``charts.portfolio_placed(balances)`` in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance
from brm_desk.reports.chart_palette import ChartPalette
from brm_desk.reports.charts import FOCUS_ORDER

if TYPE_CHECKING:
    from matplotlib.axes import Axes


def month_at(balance: PartnerBalance, x: float | None) -> int | None:
    """The index of the month whose bar column holds ``x`` (data coordinates), if any."""
    if x is None:
        return None
    index = round(x)
    return index if 0 <= index < len(balance.months) and abs(x - index) <= 0.5 else None


def month_text(balance: PartnerBalance, index: int) -> str:
    """A month's figures in words, as the chart's hover shows them."""
    month = balance.months[index]
    tally = month.tally
    minutes = sum(tally.minutes(focus) for focus in FOCUS_ORDER)
    lines = [f"{month.month:%B %Y}: {tally.total} engagements, {_hours(minutes)} in meetings"]
    for focus in FOCUS_ORDER:
        lines.append(f"{focus.label}: {tally.count(focus)} · {_hours(tally.minutes(focus))}")
    share = tally.strategic_share
    target = balance.target_strategic_share
    if share is None:
        lines.append(f"No strategic share (no reactive or strategic work) · target {target:.0%}")
    else:
        lines.append(f"Strategic share {share:.0%} · target {target:.0%}")
    return "\n".join(lines)


def partner_text(balance: PartnerBalance) -> str:
    """A partner's place on the portfolio chart in words, as its hover shows it."""
    share = balance.strategic_share
    placed = "no share" if share is None else f"strategic share {share:.0%}"
    return (
        f"{balance.name}: {balance.tally.total} engagements, {placed} "
        f"(target {balance.target_strategic_share:.0%})"
    )


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f} h"


def label_points(
    axes: Axes, placed: Sequence[PartnerBalance], y_max: float, palette: ChartPalette
) -> None:
    """Name each point; partners on the same spot share one label, and a label that would
    sit on a neighbour's goes under its point instead of above it."""
    spots: dict[tuple[float, int], list[str]] = {}
    for b in placed:
        spots.setdefault((round(b.strategic_share or 0.0, 3), b.tally.total), []).append(b.name)
    taken: list[tuple[float, float]] = []
    for (share, total), names in sorted(spots.items())[:60]:
        shown = ", ".join(short(name, 18) for name in names[:3])
        text = shown + (f" +{len(names) - 3}" if len(names) > 3 else "")
        crowded = any(abs(share - x) < 0.15 and abs(total - y) < y_max * 0.05 for x, y in taken)
        taken.append((share, total))
        right = share < 0.85
        axes.annotate(
            text,
            (share, total),
            xytext=(4 if right else -4, -9 if crowded else 3),
            textcoords="offset points",
            ha="left" if right else "right",
            fontsize=6.5,
            color=palette.text,
            zorder=4,
        )


def short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
