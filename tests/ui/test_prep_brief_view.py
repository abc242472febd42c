"""The prep brief window: the partner's page from the partners list, on screen and in print."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_data import TZ, Filled

from brm_desk.domain.enums import Focus, MeetingType, Side
from brm_desk.domain.records import Action, Contact, Meeting, Request
from brm_desk.ui.dialogs import files
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.prep_brief import PrepBriefWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PRIVATE_POINT = "Anna hinted at a reorganisation in Q2"
MY_READ = "Tomasz blames our vendor quokkafish"
"""A private note in a meeting that is not private."""
PRIVATE_REQUEST = "Reorg access zebracorn"
PRIVATE_SIDE = (PRIVATE_POINT, MY_READ, PRIVATE_REQUEST, "Coffee with Anna", "Champion")
"""The private meeting's follow-up "Send the forecast options" is listed by its own text."""
SECTIONS = (
    "Balance, last 90 days",
    "Last meetings",
    "What I owe them",
    "What they owe",
    "Open requests",
    "Benefits reviews due",
    "People",
)


@pytest.fixture
def partners_page(qtbot: QtBot, filled: Filled) -> PartnersPage:
    filled.journal.meetings.add(
        Meeting(
            id="",
            partner_id=filled.finance.id,
            title="Coffee with Anna",
            start=datetime(2026, 11, 20, 8, 30, tzinfo=TZ),
            type=MeetingType.ONE_TO_ONE,
            focus=MeetingType.ONE_TO_ONE.default_focus,
            notes=f"## Heard\n\n- {PRIVATE_POINT}\n- Budget freeze likely",
            private=True,
            actions=(
                Action("Send the forecast options", Side.MINE, due=date(2026, 11, 21)),
                Action("Share the org chart", Side.PARTNER, owner="Anna Berg"),
            ),
        )
    )
    filled.journal.meetings.add(
        Meeting(
            id="",
            partner_id=filled.finance.id,
            title="Planning lunch",
            start=datetime(2026, 11, 19, 12, 0, tzinfo=TZ),
            type=MeetingType.PLANNING,
            notes="## Agreed\n\n- Budget freeze confirmed for Q1",
            private_notes=f"## My read\n\n- {MY_READ}",
        )
    )
    filled.journal.requests.add(
        Request(
            id="",
            partner_id=filled.finance.id,
            title=PRIVATE_REQUEST,
            received=date(2026, 11, 18),
            private=True,
        )
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(filled.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.stack.currentWidget()
    assert isinstance(page, PartnersPage)
    return page


def select(page: PartnersPage, name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(RECORD_ROLE).name == name:
            page.table.selectRow(row)
            return
    raise AssertionError(name)


def open_brief(
    qtbot: QtBot, page: PartnersPage, name: str, *, include_private: bool = False
) -> PrepBriefWindow:
    select(page, name)
    brief = page.open_prep_brief()
    assert brief is not None
    qtbot.addWidget(brief)
    qtbot.waitUntil(lambda: brief.brief is not None)
    brief.private_action.setChecked(include_private)
    return brief


def print_to_pdf(brief: PrepBriefWindow, target: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Print through Qt's own printer, into a PDF file; the words printed."""

    def print_to_file(_parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(files, "setup_printer", print_to_file)
    brief.print_action.trigger()
    return pdf_text(target)


def copied(brief: PrepBriefWindow) -> str:
    """What the clipboard holds after the whole brief on screen is copied."""
    brief.browser.selectAll()
    brief.browser.copy()
    return " ".join(QApplication.clipboard().text().split())


def window_of(page: PartnersPage) -> MainWindow:
    window = page.window()
    assert isinstance(window, MainWindow)
    return window


def test_the_action_needs_a_selected_partner(qtbot: QtBot, partners_page: PartnersPage) -> None:
    action = window_of(partners_page).action("prep_brief")
    assert action in partners_page.table.actions(), "offered in the rows' context menu"
    partners_page.table.clearSelection()
    assert not action.isEnabled()
    select(partners_page, "Finance")
    assert action.isEnabled()


def test_the_action_opens_the_brief_window(qtbot: QtBot, partners_page: PartnersPage) -> None:
    select(partners_page, "Finance")
    window_of(partners_page).action("prep_brief").trigger()
    found = partners_page.window().findChildren(PrepBriefWindow)
    assert len(found) == 1
    qtbot.waitUntil(lambda: found[0].brief is not None)
    assert found[0].windowTitle() == "Prep brief — Finance"
    found[0].close()


def test_the_brief_shows_the_balance_service_figures_and_private_notes(
    qtbot: QtBot, partners_page: PartnersPage, filled: Filled
) -> None:
    brief = open_brief(qtbot, partners_page, "Finance", include_private=True)
    text = brief.browser.toPlainText()
    today = filled.journal.today()
    now = filled.journal.balances.for_partner(filled.finance.id, today - timedelta(days=90), today)
    assert brief.brief is not None
    assert brief.brief.balance == now
    share = now.strategic_share
    assert share is not None
    assert f"{share:.0%} strategic (target 60%)" in text
    for focus in Focus:
        assert f"{focus.label} {now.tally.count(focus)} ({now.tally.hours(focus):.1f} h)" in text
    for section in SECTIONS:
        assert section in text
    assert PRIVATE_POINT in text
    assert "Send the forecast options" in text
    assert "overdue" in text
    assert "Share the org chart" in text
    assert "Forecasting dashboard" in text
    assert "Anna Berg" in text
    assert "Champion" in text
    assert f"Private notes: {MY_READ}" in " ".join(text.split())


def pdf_text(path: Path) -> str:
    """The words of a PDF, ligatures undone (the PDF writer draws "fi" as one glyph)."""
    text = " ".join((page.extract_text() or "") for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_save_as_pdf_leaves_nothing_out(
    qtbot: QtBot, partners_page: PartnersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = open_brief(qtbot, partners_page, "Finance", include_private=True)
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(files, "save_path", lambda *_args: target)
    brief.pdf_action.trigger()
    pdf = pdf_text(target)
    screen = " ".join(brief.browser.toPlainText().split())
    for section in SECTIONS:
        assert section in pdf
    assert PRIVATE_POINT in pdf
    assert "Finance — prep brief" in pdf
    for line in ("Send the forecast options", "Share the org chart", "Forecasting dashboard"):
        assert line in screen
        assert line in pdf


def test_print_uses_the_same_document(
    qtbot: QtBot, partners_page: PartnersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = open_brief(qtbot, partners_page, "Finance", include_private=True)
    printed = print_to_pdf(brief, tmp_path / "printed.pdf", monkeypatch)
    assert PRIVATE_POINT in printed
    assert brief.printable().toPlainText() == brief.browser.toPlainText()
    brief.private_action.setChecked(False)
    assert brief.printable().toPlainText() == brief.browser.toPlainText()


def test_the_private_side_is_shown_printed_and_copied_only_when_included(
    qtbot: QtBot,
    partners_page: PartnersPage,
    filled: Filled,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    brief = open_brief(qtbot, partners_page, "Finance")
    today = filled.journal.today()
    tally = filled.journal.balances.for_partner(
        filled.finance.id, today - timedelta(days=90), today
    ).tally
    figures = [f"{f.label} {tally.count(f)} ({tally.hours(f):.1f} h)" for f in Focus]
    outputs = {
        "screen": " ".join(brief.browser.toPlainText().split()),
        "print": print_to_pdf(brief, tmp_path / "printed.pdf", monkeypatch),
        "copy": copied(brief),
    }
    monkeypatch.setattr(files, "save_path", lambda *_args: tmp_path / "saved.pdf")
    brief.pdf_action.trigger()
    outputs["pdf"] = pdf_text(tmp_path / "saved.pdf")
    for output, text in outputs.items():
        for private in PRIVATE_SIDE:
            assert private not in text, (output, private)
        # Privacy changes words, never numbers: the shared brief keeps the rest and the figures.
        for shared in (
            "Planning lunch",
            "Budget freeze confirmed",
            "Forecasting dashboard",
            "Anna",
            "Send the forecast options",
        ):
            assert shared in text, (output, shared)
        for figure in figures:
            assert figure in text, (output, figure)

    brief.private_action.setChecked(True)
    for text in (print_to_pdf(brief, tmp_path / "all.pdf", monkeypatch), copied(brief)):
        for private in PRIVATE_SIDE:
            assert private in text


def test_cancelled_dialogs_write_nothing(
    qtbot: QtBot, partners_page: PartnersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = open_brief(qtbot, partners_page, "Human Resources")
    monkeypatch.setattr(files, "save_path", lambda *_args: None)
    monkeypatch.setattr(files, "setup_printer", lambda *_args: False)
    brief.pdf_action.trigger()
    brief.print_action.trigger()
    assert list(tmp_path.glob("*.pdf")) == []
    assert "No contacts yet." in brief.browser.toPlainText()


def test_refresh_gathers_the_brief_again(
    qtbot: QtBot, partners_page: PartnersPage, filled: Filled
) -> None:
    brief = open_brief(qtbot, partners_page, "Human Resources")
    assert "No contacts yet." in brief.browser.toPlainText()
    filled.journal.contacts.add(Contact(id="", partner_id=filled.hr.id, name="Jonas Weber"))
    first = brief.brief
    refresh = next(a for a in brief.findChildren(QAction) if a.text() == "&Refresh")
    refresh.trigger()
    qtbot.waitUntil(lambda: brief.brief is not first)
    assert "Jonas Weber" in brief.browser.toPlainText()
