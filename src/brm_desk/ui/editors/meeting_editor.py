"""The meeting editor: the engagement, its focus, who came, the notes and the follow-ups.

The type sets the default focus until the BRM picks a focus by hand; empty notes start from
the type's agenda template; the private notes (the BRM's own thinking) have a box of their
own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QVBoxLayout

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Meeting
from brm_desk.services.agenda import agenda_template
from brm_desk.ui.editors.actions_table import ActionsTable
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import (
    PRIVATE_NOTES,
    CheckList,
    FieldBox,
    chosen,
    chosen_partner,
    combo_id,
    enum_combo,
    line_edit,
    number_box,
    parse_tags,
    partner_combo,
    private_box,
    private_notes_box,
    tags_line,
)
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor


def offset_text(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def default_start() -> datetime:
    """Now, on the half hour before: quick capture happens during or right after a meeting."""
    now = datetime.now().astimezone()
    return now.replace(minute=30 if now.minute >= 30 else 0, second=0, microsecond=0)


class MeetingEditor(RecordEditor):
    noun = "meeting"

    def blank(self, partner_id: str) -> Meeting:
        return Meeting(id="", partner_id=partner_id, title="", start=default_start())

    def make_fields(self, meeting: Meeting) -> None:
        self.offset = meeting.start.tzinfo if self.record is not None else None
        self.focus_overridden = (
            self.record is not None and meeting.focus != meeting.type.default_focus
        )
        self.partner = partner_combo(self.journal.partners.listing(), meeting.partner_id or None)
        self.title = line_edit("Title", meeting.title)
        self.start = QDateTimeEdit()
        self.start.setAccessibleName("Start")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd  HH:mm")
        local = meeting.start
        self.start.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )
        self.offset_label = QLabel(offset_text(meeting.start))
        self.offset_label.setAccessibleName("UTC offset")
        self.duration = number_box("Duration", meeting.duration_minutes, 1, 1440, " min")
        self.duration.setSingleStep(15)
        self.type = enum_combo("Type", MeetingType, meeting.type)
        self.focus = enum_combo("Focus", Focus, meeting.focus)
        self.location = line_edit("Location", meeting.location)
        self.attendees = CheckList("Attendees")
        self.attendees.setMaximumHeight(150)
        moods = ("very unhappy", "unhappy", "neutral", "happy", "delighted")
        self.satisfaction = choice_box(
            "Satisfaction",
            [("— not recorded", None), *((f"{n} · {w}", n) for n, w in enumerate(moods, 1))],
        )
        self.satisfaction.setCurrentIndex(max(self.satisfaction.findData(meeting.satisfaction), 0))
        self.private = private_box(meeting.private)
        self.tags = tags_line(meeting.tags)
        self.notes = MarkdownEditor("Notes")
        self.private_notes = private_notes_box(meeting.private_notes)
        self.actions_table = ActionsTable()
        self.actions_table.set_follow_ups(meeting.actions)

        self.add_row("Partner", self.partner, "partner")
        self.add_row("Title", self.title, "title")
        self.add_row("Start", FieldBox(self.start, self.offset_label), "start", [self.start])
        self.add_row("Duration", self.duration, "duration_minutes")
        self.add_row("Type", self.type, "type")
        self.add_row("Focus", self.focus, "focus")
        self.add_row("Location", self.location, "location")
        self.add_row("Attendees", self.attendees, "attendees")
        self.add_row("Satisfaction", self.satisfaction, "satisfaction")
        self.add_row("Tags", self.tags, "tags")
        self.add_row("", self.private, "private")
        right = QVBoxLayout()
        notes_stops = [self.notes.editor]
        self.add_block(right, "Notes", self.notes, "notes", stretch=3, tab_stops=notes_stops)
        private_stops = [self.private_notes.editor]
        self.add_block(right, PRIVATE_NOTES, self.private_notes, "private_notes", 1, private_stops)
        table = self.actions_table
        stops = [table.table, table.add_button, table.remove_button]
        self.add_block(right, "Follow-ups", table, "actions", stretch=1, tab_stops=stops)
        self.finish_two_columns(right, 720)

        self._fill_attendees(meeting.attendee_ids)
        self.notes.set_text(meeting.notes or agenda_template(meeting.type))
        self.shown_template = "" if meeting.notes else self.notes.text()
        self.partner.currentIndexChanged.connect(lambda _i: self._fill_attendees(()))
        self.type.currentIndexChanged.connect(self._type_changed)
        self.focus.activated.connect(self._focus_chosen)
        self.start.dateTimeChanged.connect(self._start_changed)
        self.title.setFocus()

    def restored(self) -> None:
        self._focus_chosen(0)  # a focus other than the type's stays when the type changes

    # Reactions to the form --------------------------------------------------------------

    def _fill_attendees(self, checked: tuple[str, ...]) -> None:
        partner_id = combo_id(self.partner)
        self.contacts = self.journal.contacts.listing(partner_id) if partner_id else []
        self.attendees.fill(
            ((c.id, f"{c.name} — {c.role}" if c.role else c.name) for c in self.contacts), checked
        )

    def _focus_chosen(self, _index: int) -> None:
        kind = chosen(self.type, MeetingType)
        self.focus_overridden = chosen(self.focus, Focus) != kind.default_focus

    def _type_changed(self, _index: int) -> None:
        kind = chosen(self.type, MeetingType)
        if not self.focus_overridden:
            self.focus.setCurrentIndex(self.focus.findData(kind.default_focus.value))
        if self.notes.text().strip() in ("", self.shown_template.strip()):
            self.shown_template = agenda_template(kind)
            self.notes.set_text(self.shown_template)

    def _start_changed(self) -> None:
        self.offset_label.setText(offset_text(self._start()))

    def _start(self) -> datetime:
        day, time = self.start.date(), self.start.time()
        naive = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        if self.offset is not None:
            return naive.replace(tzinfo=self.offset)
        return naive.astimezone()

    def build(self) -> Meeting:
        partner_id = chosen_partner(self.partner)
        notes = self.notes.text()
        return replace(
            self.record or self.blank(partner_id),
            partner_id=partner_id,
            title=self.title.text().strip(),
            start=self._start(),
            duration_minutes=self.duration.value(),
            type=chosen(self.type, MeetingType),
            focus=chosen(self.focus, Focus),
            location=self.location.text().strip(),
            attendee_ids=self.attendees.checked_ids(),
            notes="" if notes == self.shown_template else notes,
            private_notes=self.private_notes.text(),
            private=self.private.isChecked(),
            tags=parse_tags(self.tags.text()),
            satisfaction=self.satisfaction.currentData(),
            actions=self.actions_table.follow_ups(),
        )
