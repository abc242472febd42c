"""The meeting editor: the engagement, its focus, who came, the notes and the follow-ups.

The type sets the default focus until the BRM picks a focus by hand; empty notes start from
the type's agenda template; the private notes (the BRM's own thinking) have a box of their
own. A partner or a person not in the journal yet is typed where they are picked, and made
there and then ("Create partner 'X'", "Add contact 'Y'"), each as its own step to undo.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.domain.records import Contact, Meeting, Partner
from brm_desk.services.agenda import agenda_template
from brm_desk.ui.commands import AddRecord, push
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
from brm_desk.ui.widgets.dates import StartField
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor


class NameLine(QLineEdit):
    """A name to add: Enter adds it (``sig_entered``) rather than saving the whole form."""

    sig_entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.sig_entered.emit()
        else:
            super().keyPressEvent(event)


def offer_button(name: str) -> QPushButton:
    """A button offering to make what was typed; shown only while there is something to make."""
    button = QPushButton()
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    button.hide()
    return button


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
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.setPlaceholderText("pick a partner, or type a new one's name")
        finder = QCompleter(self.partner.model(), self.partner)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner.setCompleter(finder)
        self.new_partner = offer_button("Create partner")
        self.title = line_edit("Title", meeting.title)
        self.start = StartField("Start", meeting.start, self.journal.today)
        self.offset_label = QLabel(offset_text(meeting.start))
        self.offset_label.setAccessibleName("UTC offset")
        self.duration = number_box("Duration", meeting.duration_minutes, 1, 1440, " min")
        self.duration.setSingleStep(15)
        self.type = enum_combo("Type", MeetingType, meeting.type)
        self.focus = enum_combo("Focus", Focus, meeting.focus)
        self.location = line_edit("Location", meeting.location)
        self.attendees = CheckList("Attendees")
        self.attendees.setMaximumHeight(150)
        self.new_person = NameLine()
        self.new_person.setAccessibleName("Add someone")
        self.new_person.setPlaceholderText("someone else? type their name")
        self.add_person = offer_button("Add contact")
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
        self.actions_table = ActionsTable(today=self.journal.today)
        self.actions_table.set_follow_ups(meeting.actions)

        partner_stops = [self.partner, self.new_partner]
        self.add_row("Partner", FieldBox(self.partner, self.new_partner), "partner", partner_stops)
        self.add_row("Title", self.title, "title")
        start_stops = [self.start, self.start.time]
        self.add_row("Start", FieldBox(self.start, self.offset_label), "start", start_stops)
        self.add_row("Duration", self.duration, "duration_minutes")
        self.add_row("Type", self.type, "type")
        self.add_row("Focus", self.focus, "focus")
        self.add_row("Location", self.location, "location")
        people = FieldBox(self.attendees, FieldBox(self.new_person, self.add_person), vertical=True)
        people_stops = [self.attendees, self.new_person, self.add_person]
        self.add_row("Attendees", people, "attendees", people_stops)
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
        self.partner.editTextChanged.connect(self._partner_typed)
        self.new_partner.clicked.connect(self._create_partner)
        self.new_person.textChanged.connect(self._person_typed)
        self.new_person.sig_entered.connect(self._person_entered)
        self.add_person.clicked.connect(self._add_person)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.focus.activated.connect(self._focus_chosen)
        self.start.edit.textChanged.connect(self._start_changed)
        self.start.time.timeChanged.connect(self._start_changed)
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
        self._person_typed(self.new_person.text())

    # Partners and people made from here ----------------------------------------------------

    def _partner_typed(self, text: str) -> None:
        """A partner's name typed in full picks it; a name that is no partner's is offered."""
        index = self.partner.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and index != self.partner.currentIndex():
            self.partner.setCurrentIndex(index)
        name = text.strip()
        self.new_partner.setText(f"Create partner '{name}'")
        known = self.partner.findText(name, Qt.MatchFlag.MatchFixedString) >= 0
        self.new_partner.setVisible(bool(name) and not known)

    def _create_partner(self) -> None:
        partner = self._add(Partner(id="", name=self.partner.currentText().strip()))
        if isinstance(partner, Partner):
            self.partner.addItem(partner.name, partner.id)
            self.partner.setCurrentIndex(self.partner.count() - 1)
            self.new_partner.hide()

    def _known_person(self, name: str) -> str:
        """The id of the partner's contact called ``name`` (any case), else ""."""
        wanted = name.strip().casefold()
        return next((c.id for c in self.contacts if c.name.casefold() == wanted), "")

    def _person_typed(self, text: str) -> None:
        name = text.strip()
        self.add_person.setText(f"Add contact '{name}'")
        self.add_person.setVisible(bool(name) and not self._known_person(name))

    def _person_entered(self) -> None:
        """Enter ticks the contact of that name, or adds them."""
        known = self._known_person(self.new_person.text())
        if known:
            self.attendees.set_checked(known)
            self.new_person.clear()
        else:
            self._add_person()

    def _add_person(self) -> None:
        try:
            partner_id = chosen_partner(self.partner)
        except BrmDeskError as error:
            self.show_error(error)
            return
        contact = self._add(Contact(id="", partner_id=partner_id, name=self.new_person.text()))
        if isinstance(contact, Contact):
            self._fill_attendees((*self.attendees.checked_ids(), contact.id))
            self.new_person.clear()

    def _add(self, record: Partner | Contact) -> object:
        """Add a partner or contact now, as its own step on the undo stack (None if refused)."""
        self.clear_errors()
        command = AddRecord(self.journal, record)
        try:
            push(self.stack, command)
        except BrmDeskError as error:
            self.show_error(error)
            return None
        return command.record

    # Reactions to the form --------------------------------------------------------------

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
        with suppress(ValidationError):  # the field itself says what is wrong with its text
            self.offset_label.setText(offset_text(self._start()))

    def _start(self) -> datetime:
        naive = self.start.moment("start")
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
