"""The sections of a review pack (cover, summary figures, chart, log, requests, actions).

Each method turns already-filtered pack data into flowables; nothing here decides what is
private or which records belong to the period.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.enums import FOCUS_ORDER, RequestStatus, Side
from brm_desk.reports.fonts import BODY, matplotlib_fallback_families, register_fonts
from brm_desk.reports.pack_document import chart_flowable, content_width, pack_styles, table
from brm_desk.services.review_data import PartnerPackData

if TYPE_CHECKING:
    from reportlab.lib.styles import StyleSheet1
    from reportlab.platypus import Flowable

Progress = Callable[[int, int, str], None]
"""Called as ``progress(step, steps, what)`` so a dialog can show how far an export is."""

SIDE_TITLES = {
    Side.MINE: "What I owe them",
    Side.PARTNER: "What they owe",
    Side.PROVIDER: "What the provider owes",
}


def day(value: date | None) -> str:
    return value.strftime("%d %b %Y").lstrip("0") if value else "—"


def period_text(period_from: date, period_to: date) -> str:
    return f"{day(period_from)} – {day(period_to)}"


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def money(value: Decimal) -> str:
    return f"{value:,.0f}"


class PackWriter:
    """Shared state while one pack's story is being written."""

    def __init__(self, texts: list[str], fallback_fonts: Sequence[Path] | None) -> None:
        """Fonts for ``texts`` (refusing characters no font draws), styles, the page width."""
        fonts = register_fonts(texts, fallback_fonts)
        fonts.check(texts)
        self.fonts = fonts
        self.styles: StyleSheet1 = pack_styles()
        self.width = content_width()
        self.fallback_font = fonts.fallback_path
        self.families = matplotlib_fallback_families(fonts)

    def p(self, text: str, style: str = "Body") -> Flowable:
        """A paragraph of plain text (escaped, fallback runs in their font)."""
        from brm_desk.reports.pack_paragraph import PackParagraph

        return PackParagraph(self.fonts.markup(text), self.styles[style])

    def m(self, markup: str, style: str = "Body") -> Flowable:
        """A paragraph of trusted markup whose free-text parts were escaped by the caller."""
        from brm_desk.reports.pack_paragraph import PackParagraph

        return PackParagraph(self.fonts.wrap_fallback(markup), self.styles[style])

    def cells(self, rows: list[list[str]]) -> list[list[Flowable]]:
        head, *body = rows
        return [[self.p(c, "CellHead") for c in head]] + [
            [self.p(c, "Cell") for c in r] for r in body
        ]

    def cover(self, kicker: str, title: str, lines: list[str], data_note: str) -> list[Flowable]:
        from reportlab.platypus import PageBreak, Spacer

        story: list[Flowable] = [Spacer(1, 150), self.p(kicker, "CoverKicker")]
        story.append(self.p(title, "CoverTitle"))
        story += [self.p(line, "CoverLine") for line in lines]
        story += [Spacer(1, 24), self.p(data_note, "Small"), PageBreak()]
        return story

    def key_figures(self, data: PartnerPackData) -> Flowable:
        """The four numbers an executive reads first, side by side."""
        from reportlab.platypus import Table, TableStyle

        b, prev = data.balance, data.previous
        change = "Previous period of the same length"
        if b.strategic_share is not None and prev.strategic_share is not None:
            points = round((b.strategic_share - prev.strategic_share) * 100)
            change += f"; now {points:+d} pts".replace("-", "−")
        figures = [
            (
                share(b.strategic_share),
                f"Strategic share (target {share(b.target_strategic_share)})",
            ),
            (share(prev.strategic_share), change),
            (str(b.tally.total), "Engagements (meetings and requests)"),
            (
                f"{b.days_since_strategic} days" if b.days_since_strategic is not None else "none",
                "Since last strategic engagement" + (" · overdue" if b.overdue else ""),
            ),
        ]
        width = self.width / len(figures)
        cells = [
            [[self.p(value, "Figure"), self.p(label, "FigureLabel")] for value, label in figures]
        ]
        result = Table(cells, colWidths=[width] * len(figures))
        result.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), BODY),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEABOVE", (0, 0), (-1, 0), 2, "#0b3c8c"),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return result

    def summary(self, data: PartnerPackData, *, compact: bool = False) -> list[Flowable]:
        """Key figures, the focus table and the facts; ``compact`` folds the focus table into
        one line so two partners fit on a portfolio page."""
        from reportlab.platypus import Spacer

        b = data.balance
        w = self.width
        facts = [
            ("Last strategic engagement", self._last_strategic(data)),
            ("Requests received", self._requests_by_status(data)),
            ("Benefits", self._benefits(data)),
            ("Partner satisfaction", self._satisfaction(data, by_month=not compact)),
            ("Maturity path", self._maturity(data)),
        ]
        if compact:
            by_focus = " · ".join(
                f"{f.label} {b.tally.count(f)} ({b.tally.hours(f):.1f} h)" for f in FOCUS_ORDER
            )
            facts.insert(0, ("Engagements by focus", by_focus))
        facts_table = table(
            [[self.p(k, "CellHead"), self.p(v, "Cell")] for k, v in facts],
            [w * 0.31, w * 0.69],
            header=False,
        )
        if compact:
            return [self.key_figures(data), Spacer(1, 6), facts_table]
        rows = [["Focus", "Engagements", "of which meetings", "Meeting hours"]]
        for focus in FOCUS_ORDER:
            rows.append(
                [
                    focus.label,
                    str(b.tally.count(focus)),
                    str(data.meetings_by_focus.get(focus, 0)),
                    f"{b.tally.hours(focus):.1f}",
                ]
            )
        rows.append(
            [
                "Total",
                str(b.tally.total),
                str(sum(data.meetings_by_focus.values())),
                f"{sum(b.tally.hours(f) for f in FOCUS_ORDER):.1f}",
            ]
        )
        return [
            self.key_figures(data),
            Spacer(1, 10),
            table(self.cells(rows), [w * 0.31, w * 0.23, w * 0.23, w * 0.23]),
            Spacer(1, 8),
            facts_table,
        ]

    def _last_strategic(self, data: PartnerPackData) -> str:
        b = data.balance
        if b.last_strategic is None:
            return "none on record — a strategic touch is overdue"
        state = "overdue" if b.overdue else "within"
        return (
            f"{day(b.last_strategic)}, {b.days_since_strategic} days before the end of the period "
            f"({state} the {b.touch_cadence_days}-day cadence)"
        )

    def _requests_by_status(self, data: PartnerPackData) -> str:
        parts = [
            f"{s.label} {data.requests_by_status[s]}"
            for s in RequestStatus
            if data.requests_by_status.get(s)
        ]
        total = sum(data.requests_by_status.values())
        return f"{total} in the period" + (": " + " · ".join(parts) if parts else "")

    def _benefits(self, data: PartnerPackData) -> str:
        ben = data.benefits
        if not ben.delivered:
            return "no delivered work yet"
        text = f"{ben.delivered} delivered to date"
        if ben.expected_total:
            text += (
                f"; realized {money(ben.realized_total)} of {money(ben.expected_total)} expected"
                f" ({share(ben.realization)})"
            )
        if ben.reviews_due:
            text += f"; {ben.reviews_due} benefits review(s) due — go back to the business case"
        return text

    def _satisfaction(self, data: PartnerPackData, *, by_month: bool = True) -> str:
        if data.satisfaction is None:
            return "not recorded in the period"
        text = f"average {data.satisfaction:.1f} / 5"
        if data.previous_satisfaction is not None:
            text += f" (previous period {data.previous_satisfaction:.1f})"
        if by_month and len(data.satisfaction_by_month) > 1:
            trend = " · ".join(f"{m.strftime('%b')} {v:.1f}" for m, v in data.satisfaction_by_month)
            text += f"; by month: {trend}"
        return text

    def _maturity(self, data: PartnerPackData) -> str:
        steps = [f"{c.maturity.label} ({day(c.since)})" for c in data.maturity_path]
        current = data.partner.maturity
        if not data.maturity_path or data.maturity_path[-1].maturity != current:
            steps.append(f"{current.label} (now)")
        return " → ".join(steps)

    def balance_chart(self, data: PartnerPackData, height: float = 3.2) -> Flowable:
        from brm_desk.reports.chart_drawings import kept_figure
        from brm_desk.reports.charts import ChartPalette, draw_balance

        figure = kept_figure(height)
        palette = ChartPalette.print()
        draw_balance(figure, data.balance, palette=palette, fallback_families=self.families)
        return chart_flowable(figure, self.width, text_as_paths=bool(self.families))

    def meeting_log(self, data: PartnerPackData) -> list[Flowable]:
        from reportlab.platypus import KeepTogether

        from brm_desk.reports.markdown_flowables import markdown_flowables

        story: list[Flowable] = [self.p("Meeting log", "H1")]
        if not data.meetings:
            return [*story, self.p("No meetings in this period.", "Empty")]
        for meeting in data.meetings:
            meta = [
                meeting.start.strftime("%a %d %b %Y, %H:%M"),
                f"{meeting.duration_minutes} min",
                meeting.type.label,
                f"{meeting.focus.label} focus",
            ]
            if meeting.satisfaction is not None:
                meta.append(f"satisfaction {meeting.satisfaction}/5")
            if meeting.private:
                meta.append("private")
            notes = markdown_flowables(meeting.notes, self.styles, self.fonts)
            head = [self.p(meeting.title, "MeetingHead"), self.p(" · ".join(meta), "MeetingMeta")]
            story.append(KeepTogether(head + notes[:1]))
            story += notes[1:]
        return story

    def open_requests(self, data: PartnerPackData) -> list[Flowable]:
        story: list[Flowable] = [self.p("Open requests", "H1")]
        if not data.open_requests:
            return [*story, self.p("No open requests.", "Empty")]
        rows = [["Received", "Request", "Status", "Want (their words)", "Need (behind it)"]]
        for r in data.open_requests:
            rows.append([day(r.received), r.title, r.status.label, r.want or "—", r.need or "—"])
        w = self.width
        story.append(
            table(self.cells(rows), [w * 0.145, w * 0.195, w * 0.11, w * 0.275, w * 0.275])
        )
        return story

    def open_actions(self, data: PartnerPackData) -> list[Flowable]:
        from reportlab.platypus import Spacer

        story: list[Flowable] = [self.p("Open actions", "H1")]
        today = data.generated_on
        for side in (Side.MINE, Side.PARTNER, Side.PROVIDER):
            actions = data.open_actions.get(side, ())
            if not actions and side == Side.PROVIDER:
                continue
            story.append(self.p(SIDE_TITLES[side], "H2"))
            if not actions:
                story.append(self.p("Nothing open.", "Empty"))
                continue
            rows = [["Due", "Action", "Owner", "Agreed in"]]
            for item in actions:
                due = day(item.action.due)
                if item.action.is_overdue(today):
                    due += " (overdue)"
                agreed = f"{item.meeting_title} ({day(item.meeting_date)})"
                rows.append([due, item.action.text, item.action.owner or "—", agreed])
            w = self.width
            story.append(table(self.cells(rows), [w * 0.17, w * 0.43, w * 0.15, w * 0.25]))
            story.append(Spacer(1, 4))
        return story
