"""What the charts say in words: points' names, and the figures a hover shows.

Kept beside :mod:`brm_desk.reports.charts` so the words match the picture: bar ``i`` of a
balance chart is month ``i`` of the balance, and the portfolio's points are
``charts.portfolio_placed(balances)`` in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.enums import FOCUS_ORDER
from brm_desk.reports.chart_palette import ChartPalette

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


FONT_POINTS = 6.5
_CANDIDATES = [(dx, dy) for dy in (3, -10, 12, -19, 21, -28, 30, -37) for dx in (5, -5)]
"""Offsets (points) tried in turn: beside the dot, then stepping away from it; + is right/up."""


def label_points(
    axes: Axes, placed: Sequence[PartnerBalance], y_max: float, palette: ChartPalette
) -> None:
    """Name each point where the name overlaps no other name and no dot.

    Partners on the same spot share one label. Names are measured roughly (characters times
    an average glyph width), which is enough to keep neighbours apart; a name that had to move
    away from its dot gets a thin leader line back to it.
    """
    spots: dict[tuple[float, int], list[str]] = {}
    for b in placed:
        spots.setdefault((round(b.strategic_share or 0.0, 3), b.tally.total), []).append(b.name)
    to_pixels = axes.transData.transform
    pixels_per_point = axes.figure.dpi / 72
    frame = axes.bbox
    dots = [tuple(to_pixels((share, total))) for share, total in spots]
    taken: list[tuple[float, float, float, float]] = []
    leaders: list[tuple[float, float, float, float]] = []
    busiest_first = sorted(spots.items(), key=lambda item: (-item[0][1], item[0][0]))[:60]
    for (share, total), names in busiest_first:
        shown = ", ".join(short(name, 18) for name in names[:3])
        text = shown + (f" +{len(names) - 3}" if len(names) > 3 else "")
        width = len(text) * FONT_POINTS * 0.56 * pixels_per_point
        height = FONT_POINTS * 1.25 * pixels_per_point
        x, y = to_pixels((share, total))
        chosen = _CANDIDATES[0] if share < 0.85 else _CANDIDATES[1]
        for dx, dy in _CANDIDATES:
            box = _box(x, y, dx, dy, width, height, pixels_per_point)
            inside = frame.x0 <= box[0] and box[2] <= frame.x1 and box[3] <= frame.y1
            leader = _leader(x, y, dx, dy, pixels_per_point)
            if (
                inside
                and not _hits(box, taken, dots, (x, y))
                and not any(_crosses(line, box) for line in leaders)
                and not (leader and any(_crosses(leader, other) for other in taken))
            ):
                chosen = (dx, dy)
                break
        taken.append(_box(x, y, *chosen, width, height, pixels_per_point))
        leader = _leader(x, y, *chosen, pixels_per_point)
        if leader:
            leaders.append(leader)
        far = leader is not None
        axes.annotate(
            text,
            (share, total),
            xytext=chosen,
            textcoords="offset points",
            ha="left" if chosen[0] > 0 else "right",
            va="bottom" if chosen[1] > 0 else "top",
            fontsize=FONT_POINTS,
            color=palette.text,
            zorder=4,
            arrowprops=(
                {
                    "arrowstyle": "-",
                    "color": palette.text,
                    "alpha": 0.45,
                    "linewidth": 0.6,
                    "shrinkA": 0,
                    "shrinkB": 3,
                    # from the label's corner nearest its dot, where the layout put the line
                    "relpos": (0.0 if chosen[0] > 0 else 1.0, 0.0 if chosen[1] > 0 else 1.0),
                }
                if far
                else None
            ),
        )


def _box(
    x: float, y: float, dx: float, dy: float, width: float, height: float, scale: float
) -> tuple[float, float, float, float]:
    """The pixel box (x0, y0, x1, y1) of a label anchored at an offset from its dot."""
    left = x + dx * scale if dx > 0 else x + dx * scale - width
    bottom = y + dy * scale if dy > 0 else y + dy * scale - height
    return (left, bottom, left + width, bottom + height)


def _leader(
    x: float, y: float, dx: float, dy: float, scale: float
) -> tuple[float, float, float, float] | None:
    """The line from a dot to its moved label's anchor (none for a label beside its dot)."""
    if dy == _CANDIDATES[0][1]:
        return None
    return (x, y, x + dx * scale, y + dy * scale)


def _crosses(line: tuple[float, float, float, float], box: tuple[float, ...]) -> bool:
    """Does the segment pass through the box? (sampled: labels are a few pixels tall)"""
    x0, y0, x1, y1 = line
    left, bottom, right, top = box
    for step in range(1, 16):
        t = step / 16
        px, py = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        if left - 1 <= px <= right + 1 and bottom - 1 <= py <= top + 1:
            return True
    return False


def _hits(
    box: tuple[float, float, float, float],
    taken: Sequence[tuple[float, float, float, float]],
    dots: Sequence[tuple[float, float]],
    own: tuple[float, float],
) -> bool:
    x0, y0, x1, y1 = box
    for a0, b0, a1, b1 in taken:
        if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
            return True
    return any(x0 - 8 < dx < x1 + 8 and y0 - 8 < dy < y1 + 8 for dx, dy in dots if (dx, dy) != own)


def short(name: str, limit: int = 24) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
