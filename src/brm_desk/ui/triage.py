"""Triage with boxing gloves: one key for each answer to the request selected in the Requests
view (the keys are rows of :data:`brm_desk.ui.actions.ACTIONS`).

Each answer asks only what its status needs (SPEC §1) and is one command on the undo stack.
A rule it breaks shows under the field in the small dialog, which stays open to fix it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.domain.records import Request
from brm_desk.domain.rules import check_acceptance, check_transition, lacks_business_case
from brm_desk.ui.commands import EditRecord, JournalCommand, ReframeRequest, push
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.buttons import answer_buttons
from brm_desk.ui.editors.base import FieldRow, error_label
from brm_desk.ui.editors.fields import check_box, line_edit, text_box
from brm_desk.ui.widgets.dates import DateField

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell


class Answer(QDialog):
    """A small form asking what one answer needs; OK does ``command()`` (Ctrl+Enter too)."""

    def __init__(
        self, shell: Shell, verb: str, request: Request, command: Callable[[], JournalCommand]
    ) -> None:
        super().__init__(shell.window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{verb} request")
        self.setMinimumWidth(460)
        self.stack = shell.undo_stack
        self.command = command
        self.rows: dict[str, FieldRow] = {}
        self.form = QFormLayout()
        self.general_error = error_label()
        about = QLabel(f"<b>{escape(request.title)}</b><br>{escape(request.want.strip()[:300])}")
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        buttons = answer_buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def ask(self, label: str, widget: QWidget, field: str) -> None:
        """A row for ``widget``, under which a broken rule on ``field`` is explained."""
        if isinstance(widget, QPlainTextEdit):
            widget.setMaximumHeight(90)  # a few lines: the dialog stays small
        row = FieldRow(label, widget)
        caption = QLabel(f"{label}:")
        caption.setBuddy(widget)
        self.form.addRow(caption, row)
        if not self.rows:
            widget.setFocus()  # the first thing to answer, not the OK button
        self.rows[field] = row

    def accept(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()
        try:
            push(self.stack, self.command())
        except BrmDeskError as error:
            named = self.rows.get(error.field) if isinstance(error, ValidationError) else None
            if isinstance(error, ValidationError) and named is not None:
                named.show_error(error.reason)
                named.widget.setFocus()
            else:
                self.general_error.setText(error.message)
                self.general_error.show()
            return
        super().accept()


def moving(
    shell: Shell,
    journal: Journal,
    request: Request,
    status: RequestStatus,
    verb: str,
    field: tuple[str, str, QWidget],
    read: Callable[[], Any],
) -> Answer:
    """An answer asking one ``field`` (its label, name and widget) that moves the request to
    ``status`` with that field as ``read`` from its widget."""
    label, name, widget = field

    def command() -> JournalCommand:
        moved = replace(request, status=status, **{name: read()})
        return EditRecord(journal, request, moved, verb)

    answer = Answer(shell, verb, request, command)
    answer.ask(label, widget, name)
    return answer


def redirect(shell: Shell, journal: Journal, request: Request) -> Answer:
    """Where it goes instead: the places requests went before, the most used first."""
    routed_to = QComboBox()
    routed_to.setEditable(True)
    routed_to.setAccessibleName("Routed to")
    routed_to.addItems(journal.requests.routing_targets())
    routed_to.setCurrentIndex(-1)  # offered, not chosen for the BRM
    routed_to.setPlaceholderText("the team or desk it goes to")
    field = ("Routed to", "routed_to", routed_to)
    return moving(
        shell, journal, request, RequestStatus.REDIRECTED, "Redirect", field, routed_to.currentText
    )


def defer(shell: Shell, journal: Journal, request: Request) -> Answer:
    """Until when: a date as typed ("fri", "+3d", "2026-12-01"), read back as it is typed."""
    until = DateField("Revisit on", request.revisit_on, journal.today, required=True)
    field = ("Revisit on", "revisit_on", until)
    return moving(
        shell,
        journal,
        request,
        RequestStatus.DEFERRED,
        "Defer",
        field,
        lambda: until.required_value("revisit_on"),
    )


def reframe(shell: Shell, journal: Journal, request: Request) -> Answer:
    """The need behind the want, as a new request; its title starts as the old one's."""
    need = text_box("Need", request.need, NEED_HINT)
    title = line_edit("New title", request.title)
    answer = Answer(
        shell,
        "Reframe",
        request,
        lambda: ReframeRequest(journal, request, title.text().strip(), need.toPlainText()),
    )
    answer.ask("Need", need, "need")
    answer.ask("New title", title, "title")
    return answer


def decline(shell: Shell, journal: Journal, request: Request) -> Answer:
    """Saying no well: why, and what the partner can do instead."""
    note = text_box("Why, and instead", request.outcome_note, "why not, and what they can do")
    field = ("Why, and instead", "outcome_note", note)
    return moving(
        shell, journal, request, RequestStatus.DECLINED, "Decline", field, note.toPlainText
    )


def accept(shell: Shell, journal: Journal, request: Request) -> Answer | None:
    """Accepted at once on its business case; else the case is asked for, or the explicit
    choice to accept without one and why (counted as order-taking on the dashboard)."""
    accepted = replace(request, status=RequestStatus.ACCEPTED)
    if not lacks_business_case(request):
        push(shell.undo_stack, EditRecord(journal, request, accepted, "Accept"))
        return None
    need = text_box("Need", request.need, NEED_HINT)
    benefit = text_box("Expected benefit", request.expected_benefit, "what the business gains")
    without = check_box("Accept &without a business case", "Without a business case", False)
    reason = text_box("Why without a business case", "", "why accept it without one")
    reason.setEnabled(False)
    without.toggled.connect(reason.setEnabled)

    def command() -> JournalCommand:
        after = replace(accepted, need=need.toPlainText(), expected_benefit=benefit.toPlainText())
        if without.isChecked():
            after = replace(after, outcome_note=reason.toPlainText())
        check_acceptance(after, without_business_case=without.isChecked())
        return EditRecord(journal, request, after, "Accept")

    answer = Answer(shell, "Accept", request, command)
    answer.ask("Need", need, "need")
    answer.ask("Expected benefit", benefit, "expected_benefit")
    answer.form.addRow("", without)
    answer.ask("Why", reason, "outcome_note")
    return answer


NEED_HINT = "the business need behind the want"
ANSWERS = {
    "redirect_request": (RequestStatus.REDIRECTED, redirect),
    "defer_request": (RequestStatus.DEFERRED, defer),
    "reframe_request": (RequestStatus.REFRAMED, reframe),
    "decline_request": (RequestStatus.DECLINED, decline),
    "accept_request": (RequestStatus.ACCEPTED, accept),
}
"""Each triage action of the action table: the status it moves a request to, and how."""


def answer_selected(shell: Shell, name: str) -> Answer | None:
    """Answer the request selected in the Requests view as ``name`` says: a dialog, unless
    nothing needs asking. A move the workflow refuses is refused before anything is asked."""
    page, journal = shell.page(), shell.journal
    record_id = page.current_record_id() if page is not None else None
    if journal is None or shell.record_kind() != "request" or record_id is None:
        shell.say("Select a request in the Requests view first")
        return None
    status, ask = ANSWERS[name]
    try:
        request = journal.requests.get(record_id)
        check_transition(request.status, status)
        answer = ask(shell, journal, request)
    except BrmDeskError as error:
        messages.show_error(shell.window, "Cannot do that", error.message)
        return None
    if answer is not None:
        answer.open()
    return answer


def triage_slots(shell: Shell) -> dict[str, Callable[[], object]]:
    """What each triage action of the action table does."""
    return {name: partial(answer_selected, shell, name) for name in ANSWERS}
