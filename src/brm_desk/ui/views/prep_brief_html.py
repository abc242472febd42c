"""The prep brief as one HTML page, for the screen and for print alike.

Qt's rich text understands a subset of HTML 4 and CSS; this stays inside it (tables, inline
colours, no flexbox). Everything from the journal is escaped: notes may hold any text. It
shows the brief it is given: with its private side (private notes marked as such, people's
stances) or without it (:meth:`PrepBrief.shared`).
"""

from __future__ import annotations

from datetime import date
from html import escape

from brm_desk.domain.assessments import assessment_due, gap_text, next_level
from brm_desk.domain.enums import Focus, Stance
from brm_desk.domain.records import AgreedAction, Contact
from brm_desk.services import privacy
from brm_desk.services.prep_brief import PERIOD_DAYS, PrepBrief
from brm_desk.services.stakeholders import StakeholderMap
from brm_desk.ui.models.partners import percent
from brm_desk.ui.views.prep_brief_health import health_section

OVERDUE = "#c62828"
MUTED = "#707780"
GOOD = "#2e7d32"
PRIVATE = "#a15c00"
STANCE_COLOURS = {
    Stance.CHAMPION: GOOD,
    Stance.SUPPORTER: "#558b2f",
    Stance.NEUTRAL: MUTED,
    Stance.SKEPTIC: "#ef6c00",
    Stance.BLOCKER: OVERDUE,
}

STYLE = f"""
h1 {{ font-size: 20pt; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; margin-top: 16px; margin-bottom: 4px; }}
.sub {{ color: {MUTED}; }}
.muted {{ color: {MUTED}; }}
.overdue {{ color: {OVERDUE}; font-weight: 600; }}
.private {{ color: {PRIVATE}; font-style: italic; margin-top: 0; }}
.figure {{ font-size: 16pt; font-weight: 600; }}
td {{ padding: 2px 10px 2px 0; vertical-align: top; }}
td.when {{ white-space: nowrap; }}
th {{ text-align: left; padding: 2px 10px 2px 0; color: {MUTED}; font-weight: 600; }}
a {{ text-decoration: none; }}
"""


def day(value: date | None) -> str:
    return "—" if value is None else f"{value:%d %b %Y}"


def trend_text(brief: PrepBrief) -> str:
    """The change in strategic share against the previous period, in points, with an arrow."""
    trend = brief.trend
    before = percent(brief.previous.strategic_share)
    if trend is None:
        return f"no comparison (previous {PERIOD_DAYS} days: {before})"
    points = round(trend * 100)
    if points == 0:
        return f"→ unchanged vs the previous {PERIOD_DAYS} days ({before})"
    arrow, colour = ("▲", GOOD) if points > 0 else ("▼", OVERDUE)
    return (
        f'<span style="color:{colour}">{arrow} {points:+d} pts</span> '
        f"vs the previous {PERIOD_DAYS} days ({before})"
    )


def html_page(*parts: str) -> str:
    """``parts`` as one page in the brief's style (on screen, printed and as PDF alike)."""
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def brief_html(brief: PrepBrief) -> str:
    """The whole brief; section order follows what a BRM checks walking into the room."""
    return html_page(
        _title(brief),
        _balance(brief),
        health_section(brief),
        _meetings(brief),
        follow_ups_both_ways(brief.we_owe, brief.they_owe, brief.today),
        _requests(brief),
        _reviews(brief),
        _maturity(brief),
        _people(brief),
        _stakeholders(brief.stakeholders),
    )


def _title(brief: PrepBrief) -> str:
    partner = brief.partner
    facts = [partner.business_unit, partner.sponsor and f"Sponsor: {partner.sponsor}"]
    facts += [partner.maturity.label, f"as of {day(brief.today)}"]
    return (
        f"<h1>{escape(partner.name)} — prep brief</h1>"
        f'<p class="sub">{escape(" · ".join(f for f in facts if f))}</p>'
    )


def _balance(brief: PrepBrief) -> str:
    balance = brief.balance
    target = percent(balance.target_strategic_share)
    since = balance.days_since_strategic
    if balance.last_strategic is None:
        last = '<span class="overdue">no strategic engagement yet — overdue</span>'
    else:
        text = f"{day(balance.last_strategic)} ({since} days ago)"
        if balance.overdue:
            cadence = balance.touch_cadence_days
            last = f'<span class="overdue">{text} — overdue (cadence {cadence} days)</span>'
        else:
            last = text
    return (
        f"<h2>Balance, last {PERIOD_DAYS} days</h2>"
        f'<p><span class="figure">{percent(balance.strategic_share)}</span> strategic '
        f"(target {target}) &nbsp; {trend_text(brief)}</p>"
        f"<p>{_tally(brief)}<br>Last strategic engagement: {last}</p>"
    )


def _tally(brief: PrepBrief) -> str:
    tally = brief.balance.tally
    return " · ".join(
        f"{focus.label} {tally.count(focus)} ({tally.hours(focus):.1f} h)" for focus in Focus
    )


def link(kind: str, record_id: str, text: str) -> str:
    """A record's name that opens it: ``kind:id`` links, followed by the window showing them."""
    return f'<a href="{kind}:{record_id}">{escape(text)}</a>'


def person_link(contact: Contact) -> str:
    """A person's name that opens their contact page."""
    return link("contact", contact.id, contact.name)


def section(title: str, rows: list[str], none: str, intro: str = "") -> str:
    """A heading, then its rows as a table, or a quiet line when there are none."""
    if not rows:
        return f'<h2>{title}</h2><p class="muted">{none}</p>'
    return f"<h2>{title}</h2>{intro}<table>{''.join(rows)}</table>"


def _meetings(brief: PrepBrief) -> str:
    rows = []
    for recent in brief.recent_meetings:
        meeting = recent.meeting
        tags = [meeting.type.label, meeting.focus.label]
        if meeting.satisfaction is not None:
            tags.append(f"mood {meeting.satisfaction}/5")
        if meeting.private:
            tags.append("private")
        rows.append(
            f'<tr><td class="when">{day(meeting.local_date)}</td>'
            f"<td><b>{escape(meeting.title)}</b> "
            f'<span class="muted">{escape(" · ".join(tags))}</span>'
            + _points(recent.key_points)
            + _points(recent.private_points, private=True)
            + "</td></tr>"
        )
    return section("Last meetings", rows, "No meetings yet.")


def _points(points: tuple[str, ...], private: bool = False) -> str:
    """Key points as a list (nothing when there are none); private ones marked as such."""
    if not points:
        return ""
    items = "".join(f"<li>{escape(point)}</li>" for point in points)
    if private:
        return f'<p class="private">Private notes:</p><ul class="private">{items}</ul>'
    return f'<ul style="margin-top:0">{items}</ul>'


def follow_ups_both_ways(
    we_owe: tuple[AgreedAction, ...], they_owe: tuple[AgreedAction, ...], today: date
) -> str:
    """What I owe them, then what they owe (the brief and a contact's page alike)."""
    ours = follow_ups("What I owe them", we_owe, "Nothing open on our side.", today)
    theirs = follow_ups("What they owe", they_owe, "Nothing open on their side.", today)
    return ours + theirs


def follow_ups(title: str, actions: tuple[AgreedAction, ...], none: str, today: date) -> str:
    rows = []
    for item in actions:
        action = item.action
        due = day(action.due) if action.due else "no date"
        if action.is_overdue(today):
            due = f'<span class="overdue">{due} overdue</span>'
        owner = action.owner or action.side.label
        agreed = (
            f"{escape(item.meeting_title)}, {day(item.meeting_date)}" if item.meeting_title else "—"
        )
        rows.append(
            f'<tr><td class="when">{due}</td><td>{escape(action.text)}</td>'
            f'<td class="muted">{escape(owner)}</td><td class="muted">{agreed}</td></tr>'
        )
    if rows:
        rows.insert(0, "<tr><th>Due</th><th>Action</th><th>Owner</th><th>Agreed in</th></tr>")
    return section(title, rows, none)


def _requests(brief: PrepBrief) -> str:
    rows = []
    for request in brief.open_requests:
        want = escape(request.want) or '<span class="muted">(no want noted)</span>'
        need = escape(request.need) or '<span class="muted">need not yet understood</span>'
        age = (brief.today - request.received).days
        rows.append(
            f"<tr><td>{day(request.received)}<br>"
            f'<span class="muted">{age} days</span></td>'
            f"<td><b>{escape(request.title)}</b> "
            f'<span class="muted">{request.status.label} · value {request.value} · '
            f"urgency {request.urgency}</span><br>{want} → {need}</td></tr>"
        )
    return section("Open requests", rows, "No open requests.")


def _reviews(brief: PrepBrief) -> str:
    rows = []
    for review in brief.reviews_due:
        request = review.request
        when = day(review.due_on)
        when = f'<span class="overdue">{when} overdue</span>' if review.overdue else when
        benefit = escape(request.expected_benefit) or "—"
        rows.append(
            f"<tr><td>{when}</td><td><b>{escape(request.title)}</b> "
            f'<span class="muted">delivered {day(request.delivered_on)}</span><br>'
            f"Expected: {benefit}</td></tr>"
        )
    intro = '<p class="muted">Go back to the business case: did the value arrive?</p>'
    return section("Benefits reviews due", rows, "None due.", intro)


def _maturity(brief: PrepBrief) -> str:
    """The latest assessment, the gap between the two views, and the goals still open."""
    last = brief.assessment
    if last is None:
        return section("Maturity", [], "Not assessed yet.")
    due = assessment_due(last.assessed_on, brief.today)
    when = day(last.assessed_on) + (
        ' <span class="overdue">— a yearly reassessment is due</span>' if due else ""
    )
    partner = last.partner_view.label if last.partner_view else "unknown"
    rows = [
        f"<tr><td>Assessed</td><td>{when}</td></tr>",
        f"<tr><td>Views</td><td>yours <b>{last.brm_view.label}</b> · the partner's "
        f"<b>{partner}</b> ({gap_text(last.gap)})</td></tr>",
    ]
    goals = "".join(f"<li>{escape(goal.text)}</li>" for goal in last.open_goals)
    above = next_level(last.brm_view)
    target = f"to reach {above.label}" if above else "to stay strategic"
    rows.append(
        "<tr><td>Open goals</td><td>"
        + (f'<ul style="margin-top:0">{goals}</ul>' if goals else "none: all met")
        + f' <span class="muted">({target})</span></td></tr>'
    )
    if last.note:
        rows.append(f'<tr><td>Note</td><td class="private">{escape(last.note)}</td></tr>')
    return section("Maturity", rows, "")


def _people(brief: PrepBrief) -> str:
    stances = "stance" not in privacy.withheld(Contact, brief.include_private)
    rows = [
        f"<tr><td><b>{person_link(c)}</b></td><td>{escape(c.role)}</td>"
        f"<td>{c.influence.label} influence</td>"
        + (f'<td style="color:{STANCE_COLOURS[c.stance]}">{c.stance.label}</td>' if stances else "")
        + "</tr>"
        for c in brief.people
    ]
    return section("People", rows, "No contacts yet.")


def _stakeholders(found: StakeholderMap | None) -> str:
    """Gaps, then moves (with the day they are counted from); nothing without the map.

    Private as a whole (gaps and moves tell stances): a brief without private items has no map.
    """
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
