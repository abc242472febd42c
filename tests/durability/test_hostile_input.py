"""Hostile input everywhere a user can type: every record's validation (through the
services, as editors and importers reach it), every editor's fields, and the search box.

Never a crash, never a partial write: a value is either refused with a
:class:`BrmDeskError` (the journal unchanged) or stored whole and read back as saved.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.services import maintenance
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import messages

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("ui_settings"),
]
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CONTROL = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\u200b", "\u202e", "\ufeff", "\r", "\t"]

hostile_text = st.one_of(
    st.text(max_size=50),
    st.sampled_from(CONTROL).map(lambda c: f"a{c}b"),
    st.just("x" * 200_000),
    st.just("\ud800"),  # a lone surrogate: cannot be encoded
    st.just("'; DROP TABLE partner; --"),
    st.just('"unclosed AND (NOT'),
    st.just("  "),
    st.just("😀" * 1000),
)
wrong_types: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(float("nan")),
    st.just(Decimal("NaN")),
    st.just(Decimal("Infinity")),
    st.just(Decimal("-1e400")),
    st.just([["nested", ["deeper", [{}]]]]),
    st.just({"a": {"b": {}}}),
    st.just(b"bytes"),
    st.sampled_from(["2026-02-30", "2026-13-01", "yesterday", "", "0000-00-00"]),
    st.just(date.max),
    st.just(datetime(2026, 1, 1)),  # naive: no offset
    st.just(True),
)
hostile_value = st.one_of(hostile_text, wrong_types)


def counts(journal: Journal) -> dict[str, int]:
    return maintenance.check(journal).counts


def partner_in(journal: Journal) -> Partner:
    found = journal.partners.listing()
    return found[0] if found else journal.partners.add(Partner(id="", name="Base partner"))


def base_records(journal: Journal) -> dict[str, tuple[Any, Callable[[Any], Any]]]:
    partner = partner_in(journal)
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    return {
        "partner": (Partner(id="", name="Fresh partner"), journal.partners.add),
        "contact": (Contact(id="", partner_id=partner.id, name="Ann"), journal.contacts.add),
        "meeting": (
            Meeting(
                id="",
                partner_id=partner.id,
                title="Sync",
                start=start,
                actions=(Action(text="follow up"),),
            ),
            journal.meetings.add,
        ),
        "request": (
            Request(id="", partner_id=partner.id, title="Ask", received=date(2026, 11, 1)),
            journal.requests.add,
        ),
    }


def getter(journal: Journal, kind: str) -> Callable[[str], Any]:
    return {
        "partner": journal.partners.get,
        "contact": journal.contacts.get,
        "meeting": journal.meetings.get,
        "request": journal.requests.get,
    }[kind]


def assert_whole_or_absent(
    journal: Journal, kind: str, record: Any, add: Callable[[Any], Any]
) -> None:
    before = counts(journal)
    saved = None
    try:
        saved = add(record)
    except BrmDeskError as error:
        refusal = error.message
    else:
        refusal = ""
    if refusal or saved is None:
        assert refusal  # a message fit to show
        assert counts(journal) == before  # nothing half-written
        return
    assert getter(journal, kind)(saved.id) == saved  # stored whole, read back as saved
    assert maintenance.check(journal).ok


@FUZZ
@given(
    kind=st.sampled_from(["partner", "contact", "meeting", "request"]),
    data=st.data(),
)
def test_any_value_in_any_field_is_refused_clearly_or_saved_whole(
    journal: Journal, kind: str, data: st.DataObject
) -> None:
    record, add = base_records(journal)[kind]
    names = [f.name for f in dataclasses.fields(record) if f.name not in ("id", "partner_id")]
    name = data.draw(st.sampled_from(names), label="field")
    value = data.draw(hostile_value, label="value")
    if kind == "partner":  # names are unique; keep a fresh one unless it is the field
        record = dataclasses.replace(record, name=f"Fresh {data.draw(st.uuids())}")
    broken = dataclasses.replace(record, **{name: value})
    assert_whole_or_absent(journal, kind, broken, add)


@FUZZ
@given(value=hostile_value, field=st.sampled_from(["text", "owner", "due", "done", "side"]))
def test_any_value_in_a_meeting_action_is_refused_clearly_or_saved_whole(
    journal: Journal, value: Any, field: str
) -> None:
    record, add = base_records(journal)["meeting"]
    action = dataclasses.replace(Action(text="do it"), **{field: value})
    assert_whole_or_absent(journal, "meeting", dataclasses.replace(record, actions=(action,)), add)


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")])
def test_a_value_amount_that_is_not_a_number_is_refused(journal: Journal, amount: Decimal) -> None:
    record, add = base_records(journal)["request"]
    before = counts(journal)
    with pytest.raises(BrmDeskError, match="expected_value_amount"):
        add(dataclasses.replace(record, expected_value_amount=amount))
    assert counts(journal) == before


@pytest.mark.parametrize("share", [math.nan, math.inf, -0.1, 1.5])
def test_a_target_share_out_of_range_is_refused(journal: Journal, share: float) -> None:
    with pytest.raises(BrmDeskError, match="target_strategic_share"):
        journal.partners.add(Partner(id="", name="Finance", target_strategic_share=share))
    assert journal.partners.listing() == []


# --- the editors ---------------------------------------------------------------------------------


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, title, text: shown.append(text))
    return shown


def editor_for(kind: str, journal: Journal, stack: QUndoStack) -> Any:
    from brm_desk.ui.editors.contact_editor import ContactEditor
    from brm_desk.ui.editors.meeting_editor import MeetingEditor
    from brm_desk.ui.editors.partner_editor import PartnerEditor
    from brm_desk.ui.editors.request_editor import RequestEditor

    partner = partner_in(journal)
    if kind == "partner":
        return PartnerEditor(journal, stack)
    if kind == "contact":
        return ContactEditor(journal, stack, partner_id=partner.id)
    if kind == "meeting":
        return MeetingEditor(journal, stack, partner_id=partner.id)
    return RequestEditor(journal, stack, partner_id=partner.id)


@settings(FUZZ, max_examples=25)
@given(
    kind=st.sampled_from(["partner", "contact", "meeting", "request"]),
    data=st.data(),
)
def test_hostile_text_in_every_editor_field_is_refused_inline_or_saved_whole(
    qtbot: QtBot, journal: Journal, no_message_boxes: list[str], kind: str, data: st.DataObject
) -> None:
    stack = QUndoStack()
    editor = editor_for(kind, journal, stack)
    qtbot.addWidget(editor)
    fields = [
        widget
        for kind_of_field in (QLineEdit, QPlainTextEdit, QTextEdit)
        for widget in editor.findChildren(kind_of_field)
        if widget.isEnabled() and not widget.isReadOnly() and widget.accessibleName()
    ]
    assert fields, "the editor has text fields"
    for widget in fields:
        text = data.draw(
            hostile_text.filter(lambda t: len(t) < 5000), label=widget.accessibleName()
        )
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)
    before = counts(journal)
    if editor.save():
        assert stack.count() == 1
        assert getter(journal, kind)(editor.record.id) == editor.record
    else:
        assert counts(journal) == before
        shown = [
            label.text()
            for label in editor.findChildren(type(editor.general_error))
            if label.accessibleName() == "Error" and not label.isHidden()
        ]
        assert any(shown), "a refusal says why, inline"
    assert no_message_boxes == []
    editor.close()
    editor.deleteLater()


# --- the search box ------------------------------------------------------------------------------


@settings(FUZZ, max_examples=30)
@given(
    typed=st.one_of(
        hostile_text.filter(lambda t: len(t) < 3000), st.text(alphabet='"*^():-', max_size=40)
    )
)
def test_anything_typed_in_the_search_box_shows_results_or_none(
    qtbot: QtBot, journal: Journal, no_message_boxes: list[str], typed: str
) -> None:
    from PySide6.QtCore import QSettings

    from brm_desk.ui.views.search import SearchPage

    page = SearchPage(journal, QSettings())
    qtbot.addWidget(page)
    page.search_box.setText(typed)
    page.search_now()
    qtbot.waitUntil(lambda: not page.busy())
    assert page.status.text()  # a hint, "No results" or a count
    assert no_message_boxes == []
    page.deleteLater()
