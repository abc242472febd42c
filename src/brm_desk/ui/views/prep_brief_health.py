"""The prep brief's Health section: the score, its parts and weights, the trend, and the
partner's latest comment in their own words."""

from __future__ import annotations

from html import escape

from brm_desk.domain.health import latest, weights_text
from brm_desk.services.prep_brief import PrepBrief
from brm_desk.ui.models.health import AT_RISK, health_text


def health_section(brief: PrepBrief) -> str:
    """Nothing known yet says so in one quiet line."""
    trend = brief.health
    now = latest(trend)
    if now is None or now.score is None:
        return (
            '<h2>Health</h2><p class="muted">No health score yet: record the partner\'s '
            "pulse (trust, responsiveness, value, net promoter) to start one.</p>"
        )
    score = health_text(trend).replace(AT_RISK, f'<span class="overdue">{AT_RISK}</span>')
    quarters = " · ".join(
        f"{h.quarter.label} {round(h.score)}" for h in trend if h.score is not None
    )
    rows = "".join(
        f"<tr><td>{escape(part.label)}</td><td>{part.weight:.0%}</td>"
        f"<td>{'left out' if part.score is None else round(part.score)}</td>"
        f'<td class="muted">{escape(part.detail)}</td></tr>'
        for part in now.parts
    )
    return (
        f"<h2>Health</h2>"
        f'<p><span class="figure">{score}</span> in {now.quarter.label} &nbsp; '
        f'<span class="muted">{escape(quarters)}</span></p>'
        f"<table><tr><th>Part</th><th>Weight</th><th>Score</th><th>Based on</th></tr>"
        f'{rows}</table><p class="muted">{escape(weights_text())}</p>' + _latest_comment(brief)
    )


def _latest_comment(brief: PrepBrief) -> str:
    """The newest pulse that says something in words, with who said it and when."""
    pulses = sorted(
        (p for h in brief.health for p in h.pulses if p.comment), key=lambda p: p.taken_on
    )
    if not pulses:
        return ""
    pulse = pulses[-1]
    names = {c.id: c.name for c in brief.people}
    who = names.get(pulse.answered_by_id or "", "")
    said = ", ".join(filter(None, [who, f"{pulse.taken_on:%d %b %Y}"]))
    return (
        f"<p>Latest comment: “{escape(pulse.comment)}” "
        f'<span class="muted">— {escape(said)}</span></p>'
    )
