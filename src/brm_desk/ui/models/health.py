"""How a partner's health reads in a table cell and its tooltip: score, arrow, at risk.

Text carries the meaning (an arrow, the words "at risk"); colour only repeats it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from brm_desk.domain.health import QuarterHealth, at_risk, latest, movement
from brm_desk.ui.models.table import Column

Trend = Sequence[QuarterHealth]
AT_RISK = "at risk"


def arrow(points: int | None) -> str:
    """▲ up, ▼ down, = level; nothing without a quarter to compare with."""
    if points is None:
        return ""
    return "▲" if points > 0 else "▼" if points < 0 else "="


def health_text(trend: Trend) -> str:
    """``72 ▲``, ``48 ▼ at risk``, or ``—`` when no quarter has a score."""
    now = latest(trend)
    if now is None or now.score is None:
        return "—"
    text = f"{round(now.score)} {arrow(movement(trend))}".rstrip()
    return f"{text} {AT_RISK}" if at_risk(trend) else text


def health_tooltip(trend: Trend) -> str | None:
    """The latest quarter's score with each part, and the quarters before it."""
    now = latest(trend)
    if now is None or now.score is None:
        return "No health score yet: no pulse, engagement, follow-up or review in two years"
    lines = [f"Health {round(now.score)} in {now.quarter.label}"]
    for part in now.parts:
        figure = "left out" if part.score is None else f"{round(part.score)}"
        lines.append(f"  {part.label} ({part.weight:.0%}): {figure} · {part.detail}")
    history = [f"{h.quarter.label} {round(h.score)}" for h in trend if h.score is not None]
    lines.append("Quarters: " + ", ".join(history[-6:]))
    if at_risk(trend):
        lines.append("At risk: the score fell two quarters in a row")
    return "\n".join(lines)


def _sort_key(trend: Trend) -> tuple[int, float]:
    """At-risk partners first when sorted descending, then by score."""
    now = latest(trend)
    return (int(at_risk(trend)), -1.0 if now is None or now.score is None else now.score)


def health_column(trend_of: Callable[[Any], Trend]) -> Column:
    """The dashboard's compact health column: latest score, trend arrow, at-risk mark."""
    return Column(
        "Health",
        lambda r: health_text(trend_of(r)),
        lambda r: _sort_key(trend_of(r)),
        numeric=True,
        tip="Relationship health 0–100 in the latest quarter with a score, ▲▼ against the "
        "quarter before; at risk after two quarters of decline",
    )
