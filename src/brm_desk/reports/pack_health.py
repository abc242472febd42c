"""The review pack's health pages: the score for the internal audience, the partner's own
pulse for the partner.

Who sees what (SPEC §4): the health score and its parts are the BRM's side's judgement of
the relationship, as stances and satisfaction scores are, so only the internal pack shows
them (the trend as a vector chart and the parts table). A pulse is the partner's own answer
about us: the partner's pack may show it back as quarterly averages (their own view), never
the score, its parts, who answered or what one person wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from brm_desk.domain.health import QuarterHealth, at_risk, latest, movement
from brm_desk.services.privacy import Audience

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from brm_desk.reports.pack_sections import PackWriter

HEALTH_CHART_SIZE = (4.2, 2.8)  # inches, drawn at half the page's width
CHART_SHARE = 0.5
"""The chart's share of the width; the parts table has the rest."""


def health_pages(
    pack: PackWriter, trend: Sequence[QuarterHealth], audience: Audience
) -> list[Flowable]:
    """The health section the audience may read (nothing when no quarter has a pulse)."""
    if audience.sees_judgements:
        return _internal(pack, trend)
    return _partners_view(pack, trend)


def _internal(pack: PackWriter, trend: Sequence[QuarterHealth]) -> list[Flowable]:
    """The score in words, then the trend chart beside the parts table (side by side, so
    the section takes a third of a page and the pack keeps to six)."""
    from reportlab.platypus import Table, TableStyle

    from brm_desk.reports.charts import ChartPalette, new_figure
    from brm_desk.reports.health_chart import draw_health
    from brm_desk.reports.pack_document import chart_flowable, table

    now = latest(trend)
    if now is None or now.score is None:
        return [
            pack.p("Relationship health", "H1"),
            pack.p("No health score yet: no pulse was recorded.", "Empty"),
        ]
    moved = movement(trend)
    title = f"Relationship health {round(now.score)} in {now.quarter.label}"
    title += "" if moved is None else f" ({moved:+d})".replace("-", "−")
    story = [pack.p(title + (", at risk" if at_risk(trend) else ""), "H1")]
    palette = ChartPalette.print()
    figure = new_figure(palette, HEALTH_CHART_SIZE)
    draw_health(figure, trend, palette=palette, fallback_families=pack.families)
    half = pack.width * CHART_SHARE
    chart = chart_flowable(figure, half, text_as_paths=bool(pack.families))
    heads = (f"Part ({now.quarter.label})", "Weight", "Score")
    rows: list[list[Any]] = [[pack.p(head, "CellHead") for head in heads]]
    for part in now.parts:
        weight = f"{part.weight:.0%}"
        if part.counted and now.share_of(part) != part.weight:
            weight += f" → {now.share_of(part):.0%}"
        score = "left out" if part.score is None else str(round(part.score))
        named = [pack.p(part.label, "Cell"), pack.p(part.detail, "Small")]
        rows.append([named, pack.p(weight, "Cell"), pack.p(score, "Cell")])
    rest = pack.width - half
    parts = table(rows, [rest * 0.56, rest * 0.28, rest * 0.16])
    side_by_side = Table([[chart, parts]], colWidths=[half, rest])
    side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING]))
    note = "0–100; a part with nothing in the quarter is left out (→ others' weights rescaled)."
    story += [side_by_side, pack.p(note, "Small")]
    return story


_NO_PADDING: list[Any] = [
    (f"{side}PADDING", (0, 0), (-1, -1), 0) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")
]


def _partners_view(pack: PackWriter, trend: Sequence[QuarterHealth]) -> list[Flowable]:
    rows = [["Quarter", "Answers", "Trust", "Responsiveness", "Value delivered", "Recommend"]]
    for health in trend:
        pulses = health.pulses
        if not pulses:
            continue
        count = len(pulses)
        rows.append(
            [
                health.quarter.label,
                str(count),
                f"{sum(p.trust for p in pulses) / count:.1f}",
                f"{sum(p.responsiveness for p in pulses) / count:.1f}",
                f"{sum(p.value_delivered for p in pulses) / count:.1f}",
                f"{sum(p.net_promoter for p in pulses) / count:.1f}",
            ]
        )
    if len(rows) == 1:
        return []
    return [
        pack.p("Your view of the relationship", "H1"),
        pack.p(
            "The averages of your answers to our quarterly pulse: trust, responsiveness and "
            "value delivered from 1 to 5, how likely you are to recommend us from 0 to 10.",
            "Small",
        ),
        pack.grid(rows, [0.16, 0.12, 0.14, 0.2, 0.2, 0.18]),
    ]
