"""The internal pack's maturity assessment: the path of both views as a vector chart, the gap
at the latest assessment, and the goals for the next level."""

from __future__ import annotations

from typing import TYPE_CHECKING

from brm_desk.domain.assessments import gap_text, latest, next_level
from brm_desk.domain.words import day, plural
from brm_desk.reports.pack_document import chart_flowable, kept_figure
from brm_desk.reports.pack_sections import PackWriter, clip

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from brm_desk.services.review_data import PartnerPackData

CHART_HEIGHT = 1.8  # inches: with the facts and goals, a third of a page
GOALS_SHOWN = 5


def maturity_section(pack: PackWriter, data: PartnerPackData) -> list[Flowable]:
    """For the BRM's manager: where both sides see the relationship, and what comes next."""
    from brm_desk.reports.charts import ChartPalette
    from brm_desk.reports.maturity_chart import draw_maturity

    story = [pack.p("Maturity assessment", "H2")]
    last = latest(data.assessments)
    if last is None:
        return [*story, pack.p("Not assessed yet.", "Empty")]
    figure = kept_figure(CHART_HEIGHT)
    draw_maturity(figure, data.assessments, ChartPalette.print(), until=data.period_to)
    story.append(chart_flowable(figure, pack.width, text_as_paths=bool(pack.families)))
    partner = last.partner_view.label if last.partner_view else "not known"
    facts = [
        (
            "Latest assessment",
            f"{day(last.assessed_on)}: {plural(len(last.open_goals), 'open goal')}",
        ),
        ("Views", f"BRM: {last.brm_view.label} · partner: {partner} ({gap_text(last.gap)})"),
    ]
    counts = ((len(last.meeting_ids), "meeting"), (len(last.request_ids), "request"))
    evidence = " and ".join(plural(n, noun) for n, noun in counts if n)
    if evidence:
        facts.append(("Evidence", f"{evidence} on record"))
    if last.note:
        facts.append(("BRM's note", clip(last.note)))
    story.append(pack.facts(facts))
    above = next_level(last.brm_view)
    title = f"Goals to reach {above.label}" if above else "Goals to stay a strategic partner"
    if not last.goals:
        return [*story, pack.p(f"{title}: none written down.", "Empty")]
    story.append(pack.p(title, "H2"))
    for goal in last.goals[:GOALS_SHOWN]:
        story.append(pack.p(f"{'Met' if goal.met else 'Open'}: {clip(goal.text)}", "Bullet"))
    more = len(last.goals) - GOALS_SHOWN
    return story + ([pack.p(f"and {plural(more, 'more goal')}…", "Small")] if more > 0 else [])
