"""What a chart's count counts: one partner's meetings and requests of some days, listed.

A month's bar counts the partner's meetings dated in it (in their own offset) and requests
received in it; the portfolio counts the same over the period. Clicking either lists exactly
those (:meth:`Balances.engagements`), so the count a tooltip says and the lines listed agree.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from brm_desk.domain.enums import FOCUS_ORDER
from brm_desk.domain.records import Meeting, Request
from brm_desk.domain.words import plural
from brm_desk.ui.actions import shortcut_text
from brm_desk.ui.views.linked_page import LinkedPageWindow, OpenRecord
from brm_desk.ui.views.meetings import days_text
from brm_desk.ui.views.prep_brief_html import day, html_page, link, section

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell

ShowMeetings = Callable[[str, date, date], object]
"""Lists a partner's meetings of [first, last] in the Meetings view."""


class EngagementsWindow(LinkedPageWindow):
    """One window for the chart clicks: the next click shows its days in the same window."""

    def __init__(self, shell: Shell, open_record: OpenRecord, show_meetings: ShowMeetings) -> None:
        in_view = (
            "Show in the &Meetings view",
            shortcut_text("meetings"),
            lambda: self._in_meetings_view(),
        )
        super().__init__(shell, open_record, "Engagements", (in_view,))
        self.show_meetings = show_meetings
        self.partner_id = ""
        self.days = (date.min, date.min)
        self.meetings: list[Meeting] = []
        self.requests: list[Request] = []

    def show_days(self, partner_id: str, first: date, last: date) -> bool:
        """List the partner's engagements from ``first`` to ``last``; False when the partner
        is gone (the window closes)."""
        self.partner_id, self.days = partner_id, (first, last)
        return self.load()

    def gather(self, journal: Journal) -> tuple[str, str]:
        name = journal.balances.for_partner(self.partner_id, *self.days).name
        self.meetings, self.requests = journal.balances.engagements(self.partner_id, *self.days)
        title = f"{name} — {days_text(*self.days)}"
        return title, engagements_html(title, self.meetings, self.requests)

    def _in_meetings_view(self) -> None:
        self.show_meetings(self.partner_id, *self.days)
        self.close()


def engagements_html(title: str, meetings: list[Meeting], requests: list[Request]) -> str:
    """The count by focus, then the meetings and the requests, earliest first."""
    engaged: list[Meeting | Request] = [*meetings, *requests]
    focus = [f"{sum(e.focus is f for e in engaged)} {f.label.lower()}" for f in FOCUS_ORDER]
    counted = (
        f"{plural(len(engaged), 'engagement')}: {', '.join(focus)} "
        f"({plural(len(meetings), 'meeting')}, {plural(len(requests), 'request')})"
    )
    meeting_rows = [
        f'<tr><td class="when">{day(m.local_date)}</td><td>{link("meeting", m.id, m.title)} '
        f'<span class="muted">{escape(m.type.label)} · {m.focus.label}</span></td></tr>'
        for m in meetings
    ]
    request_rows = [
        f'<tr><td class="when">{day(r.received)}</td><td>{link("request", r.id, r.title)} '
        f'<span class="muted">{r.status.label} · {r.focus.label}</span></td></tr>'
        for r in requests
    ]
    return html_page(
        f"<h1>{escape(title)}</h1><p>{counted}</p>",
        section("Meetings", meeting_rows, "No meetings on these days."),
        section("Requests received", request_rows, "No requests received on these days."),
    )
