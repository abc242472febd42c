"""The prep brief's "Stakeholders" section: the map's gaps and who moved since last quarter.

Private as a whole (gaps and moves tell stances): a brief without private items leaves it out.
"""

from __future__ import annotations

from html import escape

from brm_desk.services.stakeholders import StakeholderMap
from brm_desk.ui.views.prep_brief_html import day


def stakeholders_html(found: StakeholderMap | None) -> str:
    """Gaps, then moves (with the day they are counted from); nothing without the map."""
    if found is None:
        return ""
    gaps = "".join(f"<li>{escape(gap.text)}</li>" for gap in found.gaps)
    moves = "".join(f"<li>{escape(move.text)}</li>" for move in found.moves)
    since = day(found.compared_with) if found.compared_with else ""
    return "".join(
        [
            '<h2>Stakeholders <span class="muted">(private)</span></h2>',
            f"<p><b>Gaps</b></p><ul>{gaps}</ul>" if gaps else '<p class="muted">No gaps.</p>',
            f"<p><b>Who moved since {since}</b></p><ul>{moves}</ul>"
            if moves
            else f'<p class="muted">Nobody moved since {since}.</p>',
            '<p class="muted">The map and the communications plan: Stakeholder map '
            "(Ctrl+Shift+M).</p>",
        ]
    )
