"""The sections of a review pack: cover, figures, chart, achievements, demand, commitments,
maturity, next period, the internal audience's people and mood, and the log appendix.

Each method turns already-filtered pack data into flowables; nothing here decides what is
private, which records belong to the period or how many of each are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brm_desk.domain.enums import FOCUS_ORDER, RequestStatus
from brm_desk.domain.records import AgreedAction
from brm_desk.domain.words import day, plural
from brm_desk.reports.fonts import BODY, matplotlib_fallback_families, register_fonts
from brm_desk.reports.pack_document import (
    ACCENT,
    chart_flowable,
    content_width,
    kept_figure,
    pack_styles,
    table,
)
from brm_desk.services.review_data import PartnerPackData, Shortlist

if TYPE_CHECKING:
    from reportlab.lib.styles import StyleSheet1
    from reportlab.platypus import Flowable

Progress = Callable[[int, int, str], None]
"""Called as ``progress(step, steps, what)`` so a dialog can show how far an export is."""

SHARE_DEFINED = (
    "Strategic share: strategic engagements as a share of reactive and strategic ones "
    "(routine ones are left out)."
)
CLIPPED = 140
"""Characters of one free text a list prints at most (a title or a name: fewer): the lists'
budgets hold the page count only if no one text can fill a page."""
NAME_CLIPPED = 60
OWNER_CLIPPED = 30
NEXT_PERIOD_LINES = 6
NEXT_PERIOD_CHARACTERS = 600
MATURITY_STEPS = 6
SATISFACTION_MONTHS = 12


def period_text(period_from: date, period_to: date) -> str:
    return f"{day(period_from)} – {day(period_to)}"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def money(value: Decimal, currency: str) -> str:
    return f"{value:,.0f} {currency}"


def clip(text: str, limit: int = CLIPPED) -> str:
    """``text`` on one line, cut at a word with "…" past ``limit`` characters."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def last_strategic(data: PartnerPackData) -> str:
    """The last strategic engagement, named with the day it is counted to."""
    b = data.balance
    cadence = plural(b.touch_cadence_days, "day")
    if b.last_strategic is None or b.days_since_strategic is None:
        return f"none on record up to {day(b.period_to)}: a strategic touch is overdue"
    state = "overdue: more than" if b.overdue else "within"
    since = plural(b.days_since_strategic, "day")
    return (
        f"{day(b.last_strategic)}, {since} before {day(b.period_to)} "
        f"({state} the {cadence} the BRM aims for)"
    )


def benefits_text(data: PartnerPackData) -> str:
    ben, currency = data.benefits, data.currency
    if not ben.delivered:
        return f"nothing delivered up to {day(data.period_to)}"
    text = f"{plural(ben.delivered, 'request')} delivered up to {day(data.period_to)}"
    if ben.expected_total:
        realized, expected = (
            money(ben.realized_total, currency),
            money(ben.expected_total, currency),
        )
        text += f"; {realized} realized of {expected} expected ({share(ben.realization)})"
    if ben.reviews_due:
        due = plural(ben.reviews_due, "benefits review")
        text += f"; {due} due by {day(data.period_to)}: back to the business case"
    return text


def requests_text(data: PartnerPackData) -> str:
    counts = data.requests_by_status
    parts = [f"{s.label} {counts[s]}" for s in RequestStatus if counts.get(s)]
    total = plural(sum(counts.values()), "request")
    return f"{total} received" + (": " + " · ".join(parts) if parts else "")


def maturity_text(data: PartnerPackData) -> str:
    steps = [f"{c.maturity.label} (from {day(c.since)})" for c in data.maturity_path]
    current = data.partner.maturity
    if not data.maturity_path or data.maturity_path[-1].maturity != current:
        steps.append(f"{current.label} (now)")
    shown = steps[-MATURITY_STEPS:]
    return " → ".join((["…"] if len(steps) > len(shown) else []) + shown)


def satisfaction_text(data: PartnerPackData) -> str:
    mood = data.satisfaction
    if mood is None or mood.average is None:
        return "no scores recorded in the period"
    text = f"average {mood.average:.1f} of 5"
    if mood.previous is not None:
        text += f" (previous period {mood.previous:.1f})"
    months = mood.by_month[-SATISFACTION_MONTHS:]
    if len(months) > 1:
        text += "; by month: " + " · ".join(f"{m:%b} {v:.1f}" for m, v in months)
    return text


class PackWriter:
    """Shared state while one pack's story is being written."""

    def __init__(self, texts: list[str], fallback_fonts: Sequence[Path] | None) -> None:
        """Fonts for ``texts`` (refusing characters no font draws), styles, the page width."""
        fonts = register_fonts(texts, fallback_fonts)
        fonts.check(texts)
        self.fonts = fonts
        self.styles: StyleSheet1 = pack_styles()
        self.width = content_width()
        self.families = matplotlib_fallback_families(fonts)

    def p(self, text: str, style: str = "Body") -> Flowable:
        """A paragraph of plain text (escaped, fallback runs in their font); the "Bullet"
        style gets its bullet."""
        from reportlab.platypus import Paragraph

        bullet = "•" if style == "Bullet" else None
        return Paragraph(self.fonts.markup(text), self.styles[style], bulletText=bullet)

    def cells(self, rows: list[list[str]]) -> list[list[Flowable]]:
        head, *body = rows
        return [[self.p(c, "CellHead") for c in head]] + [
            [self.p(c, "Cell") for c in r] for r in body
        ]

    def grid(self, rows: list[list[str]], shares: Sequence[float]) -> Flowable:
        """A table of text whose columns take ``shares`` of the width."""
        return table(self.cells(rows), [self.width * s for s in shares])

    def facts(self, facts: list[tuple[str, str]]) -> Flowable:
        """Label and text, one pair a row."""
        rows = [[self.p(k, "CellHead"), self.p(v, "Cell")] for k, v in facts]
        return table(rows, [self.width * 0.27, self.width * 0.73], header=False)

    def more(self, listed: Shortlist[Any], noun: str, nouns: str = "") -> list[Flowable]:
        """ "and 23 more decisions…" under a list that shows only its first items."""
        if listed.more <= 0:
            return []
        more = plural(listed.more, f"more {noun}", f"more {nouns or noun + 's'}")
        return [self.p(f"and {more}…", "Small")]

    def cover(self, kicker: str, title: str, lines: list[str], note: str) -> list[Flowable]:
        from reportlab.platypus import PageBreak, Spacer

        story: list[Flowable] = [Spacer(1, 150), self.p(kicker, "CoverKicker")]
        story.append(self.p(title, "CoverTitle"))
        story += [self.p(line, "CoverLine") for line in lines]
        story += [Spacer(1, 24), self.p(note, "Small"), PageBreak()]
        return story

    def headline(self, data: PartnerPackData) -> Flowable:
        """The four figures an executive reads first, side by side."""
        from reportlab.platypus import Table, TableStyle

        b, prev = data.balance, data.previous
        if b.strategic_share is not None and prev.strategic_share is not None:
            points = round((b.strategic_share - prev.strategic_share) * 100)
            change = f"{points:+d} pts".replace("-", "−")
        else:
            change = "—"
        ben = data.benefits
        requests = sum(data.requests_by_status.values())
        figures = [
            (
                share(b.strategic_share),
                f"Strategic share, target {share(b.target_strategic_share)}: {b.tally.strategic}"
                f" strategic of {b.tally.reactive + b.tally.strategic} reactive and strategic",
            ),
            (
                change,
                f"against {share(prev.strategic_share)} in the period before, "
                f"{period_text(prev.period_from, prev.period_to)}"
                if prev.strategic_share is not None
                else "no reactive or strategic engagement in the period before, "
                f"{period_text(prev.period_from, prev.period_to)}",
            ),
            (
                f"{b.tally.total:,}",
                f"Engagements: {plural(data.meetings_held, 'meeting')} and "
                f"{plural(requests, 'request')}",
            ),
            (
                share(ben.realization),
                f"Benefits realized: {money(ben.realized_total, data.currency)} of "
                f"{money(ben.expected_total, data.currency)} expected"
                if ben.expected_total
                else "Benefits realized: no amounts expected yet",
            ),
        ]
        width = self.width / len(figures)
        cells = [[[self.p(v, "Figure"), self.p(label, "FigureLabel")] for v, label in figures]]
        result = Table(cells, colWidths=[width] * len(figures))
        result.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), BODY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                    ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return result

    def by_focus(self, data: PartnerPackData) -> Flowable:
        """Engagements and meeting hours by focus, now and in the previous period."""
        b, prev = data.balance.tally, data.previous.tally
        rows = [["Focus", "Engagements", "Meeting hours", "Previous period"]]
        for focus in FOCUS_ORDER:
            rows.append(
                [
                    focus.label,
                    f"{b.count(focus):,}",
                    f"{b.hours(focus):,.1f}",
                    f"{prev.count(focus):,}",
                ]
            )
        hours = sum(b.hours(f) for f in FOCUS_ORDER)
        rows.append(["Total", f"{b.total:,}", f"{hours:,.1f}", f"{prev.total:,}"])
        return self.grid(rows, [0.31, 0.23, 0.23, 0.23])

    def summary_facts(self, data: PartnerPackData, *, compact: bool = False) -> Flowable:
        """Touch, requests and benefits as label and text; ``compact`` (a portfolio section,
        which has no sections of its own) adds the focus figures in one line, the maturity path
        and, for a manager, the mood."""
        facts = [
            ("Last strategic engagement", last_strategic(data)),
            ("Requests", requests_text(data)),
            ("Benefits", benefits_text(data)),
        ]
        if compact:
            facts.append(("Maturity path", maturity_text(data)))
            tally = data.balance.tally
            by_focus = " · ".join(
                f"{f.label} {tally.count(f):,} ({tally.hours(f):,.1f} h)" for f in FOCUS_ORDER
            )
            facts.insert(0, ("Engagements by focus", by_focus))
            if data.satisfaction is not None:
                facts.append(("Partner satisfaction", satisfaction_text(data)))
        return self.facts(facts)

    def balance_chart(self, data: PartnerPackData, height: float) -> Flowable:
        from brm_desk.reports.charts import ChartPalette, draw_balance

        figure = kept_figure(height)
        palette = ChartPalette.print()
        draw_balance(figure, data.balance, palette=palette, fallback_families=self.families)
        return chart_flowable(figure, self.width, text_as_paths=bool(self.families))

    def achieved(self, data: PartnerPackData) -> list[Flowable]:
        """Delivered requests with their benefits, and the decisions written down."""
        from reportlab.platypus import KeepTogether

        story: list[Flowable] = [self.p("What we achieved", "H1")]
        story.append(self.p(f"Delivered {period_text(data.period_from, data.period_to)}", "H2"))
        if data.delivered.total:
            rows = [["Delivered", "Request", "Expected benefit", "Value realized"]]
            for r in data.delivered.items:
                value = "—"
                if r.expected_value_amount is not None:
                    realized = r.realized_value_amount
                    expected = money(r.expected_value_amount, data.currency)
                    value = (
                        f"{money(realized, data.currency)} of {expected}"
                        if realized is not None
                        else f"none yet, of {expected}"
                    )
                benefit = clip(r.expected_benefit) or "—"
                rows.append([day(r.delivered_on), clip(r.title, NAME_CLIPPED), benefit, value])
            story.append(self.grid(rows, [0.15, 0.3, 0.33, 0.22]))
            story += self.more(data.delivered, "delivered request")
        else:
            story.append(self.p("Nothing was delivered in the period.", "Empty"))
        story.append(self.p("Decisions", "H2"))
        if not data.decisions.total:
            text = "No decisions were written down in the period's meetings."
            return [*story, self.p(text, "Empty")]
        for decision in data.decisions.items:
            where = f"{clip(decision.meeting_title, NAME_CLIPPED)}, {day(decision.meeting_date)}"
            said = [self.p(clip(decision.text), "Bullet"), self.p(where, "BulletSource")]
            story.append(KeepTogether(said))
        return story + self.more(data.decisions, "decision")

    def open_demand(self, data: PartnerPackData) -> list[Flowable]:
        """Open requests as want → need, the most valuable first."""
        story = [
            self.p("Open demand", "H1"),
            self.p(
                f"Open on {day(data.period_to)}, the most valuable first: what was asked for "
                "(the want) and the business need behind it.",
                "Lead",
            ),
        ]
        if not data.open_demand.total:
            return [*story, self.p("No open requests.", "Empty")]
        rows = [["Request", "Want", "", "Need", "Status"]]
        for r in data.open_demand.items:
            status = r.status.label
            if r.revisit_on:
                status += f", revisit {day(r.revisit_on)}"
            need = clip(r.need) or "not yet reframed"
            rows.append([clip(r.title, NAME_CLIPPED), clip(r.want) or "—", "→", need, status])
        story.append(self.grid(rows, [0.22, 0.3, 0.04, 0.3, 0.14]))
        return story + self.more(data.open_demand, "open request")

    def commitments(self, data: PartnerPackData) -> list[Flowable]:
        """Follow-ups both ways, overdue ones first."""
        from reportlab.platypus import Spacer

        on = data.made_on
        story: list[Flowable] = [
            self.p("Commitments", "H1"),
            self.p(f"Open on {day(on)}; those due before that day, overdue, first.", "Lead"),
        ]
        for title, owed in (("What we owe", data.we_owe), ("What they owe", data.they_owe)):
            story.append(self.p(title, "H2"))
            if not owed.total:
                story.append(self.p("Nothing open.", "Empty"))
                continue
            rows = [["Due", "Commitment", "Owner", "Agreed in"]]
            rows += [self._commitment(item, on) for item in owed.items]
            story.append(self.grid(rows, [0.18, 0.44, 0.14, 0.24]))
            story += [*self.more(owed, "commitment"), Spacer(1, 4)]
        return story

    def _commitment(self, item: AgreedAction, on: date) -> list[str]:
        action = item.action
        due = day(action.due) if action.due else "no date"
        if action.is_overdue(on):
            due += ", overdue"
        agreed = f"{clip(item.meeting_title, NAME_CLIPPED)}, {day(item.meeting_date)}"
        owner = clip(action.owner, OWNER_CLIPPED) or action.side.label
        return [due, clip(action.text), owner, agreed if item.meeting_title else "—"]

    def outlook(self, data: PartnerPackData, *, with_path: bool = True) -> list[Flowable]:
        """Where the relationship stands (unless the pack shows its path elsewhere) and what
        the BRM plans next."""
        story = [self.p("Maturity path", "H1"), self.p(maturity_text(data))] if with_path else []
        lines = [line for line in data.partner.next_period.splitlines() if line.strip()]
        if lines:
            story.append(self.p("Next period", "H1"))
        room = NEXT_PERIOD_CHARACTERS
        for line in lines[:NEXT_PERIOD_LINES]:
            line = clip(line.strip().removeprefix("- ").removeprefix("* "), min(room, 2 * CLIPPED))
            story.append(self.p(line, "Bullet"))
            room -= len(line)
            if room <= 0:
                break
        return story

    def internal(self, data: PartnerPackData, grid: Sequence[Flowable] = ()) -> list[Flowable]:
        """For the BRM's manager: the ``grid`` of the people (every one, by influence and
        interest, marked by stance, with the gaps and who moved), the partner's mood, and the
        requests taken on without a business case, with the reason given."""
        story = [self.p("Stakeholder map", "H1")]
        story += grid or [self.p("No contacts recorded.", "Empty")]
        story += [self.p("Partner satisfaction", "H2"), self.p(satisfaction_text(data))]
        story.append(self.p("Accepted without a business case", "H2"))
        if not data.orders_taken.total:
            text = "None received in the period: every request taken on had a need and a benefit."
            return [*story, self.p(text, "Empty")]
        rows = [["Received", "Request", "Why it was accepted anyway"]]
        for r in data.orders_taken.items:
            reason = clip(r.outcome_note) or "no reason given"
            rows.append([day(r.received), clip(r.title, NAME_CLIPPED), reason])
        story.append(self.grid(rows, [0.16, 0.34, 0.5]))
        return story + self.more(data.orders_taken, "request")

    def log(self, data: PartnerPackData) -> list[Flowable]:
        """Appendix: every meeting of the period that may be shared, with its notes."""
        from reportlab.platypus import KeepTogether, PageBreak

        from brm_desk.reports.markdown_flowables import markdown_flowables

        story: list[Flowable] = [PageBreak(), self.p("Appendix: meeting log", "H1")]
        if not data.log:
            return [*story, self.p("No meetings in this period.", "Empty")]
        for meeting in data.log:
            meta = [
                f"{day(meeting.local_date)}, {meeting.start:%H:%M}",
                f"{meeting.duration_minutes} min",
                meeting.type.label,
                f"{meeting.focus.label} focus",
            ]
            if data.audience.sees_judgements and meeting.satisfaction is not None:
                meta.append(f"satisfaction {meeting.satisfaction} of 5")
            if meeting.private:
                meta.append("private")
            notes = markdown_flowables(meeting.notes, self.styles, self.fonts)
            if meeting.private_notes:
                notes.append(self.p("Private notes", "NoteHeading"))
                notes += markdown_flowables(meeting.private_notes, self.styles, self.fonts)
            head = [self.p(meeting.title, "MeetingHead"), self.p(" · ".join(meta), "MeetingMeta")]
            story.append(KeepTogether(head + notes[:1]))
            story += notes[1:]
        return story
