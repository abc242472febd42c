"""File → Export list as CSV: the list as shown (columns, filter, order), UTF-8 with a BOM."""

from __future__ import annotations

import codecs
import csv
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import MeetingType, Stance
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import files
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.requests import RequestsPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

CET = timezone(timedelta(hours=1))


def open_window(qtbot: QtBot, journal: Journal, settings: QSettings, view: str) -> MainWindow:
    settings.setValue("main/view", view)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    return window


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "export" / "list.csv"
    path.parent.mkdir()
    monkeypatch.setattr(files, "save_path", lambda *_args: path)
    return path


def test_the_requests_list_is_exported_as_filtered_and_sorted(
    qtbot: QtBot, journal: Journal, qt_settings: QSettings, target: Path
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="Personal – Zürich"))
    for partner, title, day, urgency in [
        (finance, "Laptop for the controller", 3, 4),
        (finance, '=HYPERLINK("http://x") laptop bag', 1, 2),
        (hr, "Laptop for a new starter", 2, 5),
        (finance, "Budget dashboard", 4, 3),
    ]:
        journal.requests.add(
            Request(
                id="",
                partner_id=partner.id,
                title=title,
                received=date(2026, 3, day),
                urgency=urgency,
            )
        )
    window = open_window(qtbot, journal, qt_settings, "Requests")
    page = window.current_page()
    assert isinstance(page, RequestsPage)
    page.search_box.setText("laptop")
    qtbot.waitUntil(lambda: not page.busy())  # the filter waits for a pause in typing
    page.table.sortByColumn(page.model.URGENCY, Qt.SortOrder.DescendingOrder)
    page.table.setColumnHidden(page.model.VALUE, True)
    assert window.interchange.export_list() == target
    rows = read_back(target)
    assert rows[0] == ["Received", "Waiting", "Partner", "Title", "Focus", "Status", "Urgency"]
    assert rows[1:] == [
        ["2026-03-02", "267 d", "Personal – Zürich", "Laptop for a new starter", "Routine", "New",
         "5"],
        ["2026-03-03", "266 d", "Finance", "Laptop for the controller", "Routine", "New", "4"],
        ["2026-03-01", "268 d", "Finance", '\'=HYPERLINK("http://x") laptop bag', "Routine",
         "New", "2"],
    ]  # fmt: skip
    assert window.statusBar().currentMessage() == f"Exported 3 rows to {target}"


def test_the_meetings_list_is_exported_whole_not_only_its_first_page(
    qtbot: QtBot, journal: Journal, qt_settings: QSettings, target: Path
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    other = journal.partners.add(Partner(id="", name="HR"))
    start = datetime(2026, 1, 1, 9, tzinfo=CET)
    for n in range(450):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=(finance if n % 3 else other).id,
                title=f"Check-in {n:03d}",
                start=start + timedelta(days=n),
                type=MeetingType.STATUS_CHECKIN,
            )
        )
    window = open_window(qtbot, journal, qt_settings, "Meetings")
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    page.partner_box.setCurrentIndex(page.partner_box.findText("Finance"))
    assert page.model.rowCount() == page.model.total == 300
    assert len(page.model._pages) < 2  # the view has read one page of 200 so far
    window.interchange.export_list()
    rows = read_back(target)
    assert rows[0] == ["Date", "Partner", "Title", "Type", "Focus", "Duration"]
    assert len(rows) == 301
    assert rows[1] == [
        "2027-03-26 09:00",
        "Finance",
        "Check-in 449",
        "Status check-in",
        "Routine",
        "30 min",
    ]
    assert {row[1] for row in rows[1:]} == {"Finance"}
    assert [row[2] for row in rows[1:]] == sorted((row[2] for row in rows[1:]), reverse=True)


def test_a_view_without_a_table_says_so(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from brm_desk.ui.dialogs import messages

    told: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _p, _t, text: told.append(text))
    window = open_window(qtbot, journal, qt_settings, "Search")
    assert window.current_view() == "Search"
    assert window.interchange.export_list() is None
    assert told == ["This view has no list to export."]
    assert not target.exists()


def test_the_dashboard_exports_its_two_line_headings_on_one_line(
    qtbot: QtBot, journal: Journal, qt_settings: QSettings, target: Path
) -> None:
    journal.partners.add(Partner(id="", name="Finance"))
    window = open_window(qtbot, journal, qt_settings, "Dashboard")
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: not page.busy())  # its figures are read in the background
    window.resize(1024, 700)  # some columns give way on screen; the file has them all
    qtbot.waitUntil(lambda: bool(page.model.hidden))
    headings = page.table.model().headerData
    assert headings(3, Qt.Orientation.Horizontal) == "Since\nstrategic"  # on screen
    assert window.interchange.export_list() == target
    assert read_back(target)[0] == [
        "Partner",
        "Strategic share",
        "Trend",
        "Since strategic",
        "Drifting",
        "We owe",
        "They owe",
        "Open requests",
        "Reviews due",
        "Order taking",
        "Engagements",
        "Gaps",
        "Health",
        "Assessed",
    ]
    assert read_back(target)[1][-1] == "Nov 2026"  # assessed when added (today)


@pytest.mark.parametrize("include", [False, True])
def test_private_items_go_out_only_when_the_user_says_so(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
    include: bool,
) -> None:
    """Every export asks before private items leave the journal; No leaves them out."""
    from brm_desk.ui.dialogs import messages

    finance = journal.partners.add(Partner(id="", name="Finance"))
    for day, title, private in [(2, "Budget review", False), (3, "Off the record", True)]:
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title=title,
                start=datetime(2026, 3, day, 9, tzinfo=CET),
                private=private,
            )
        )
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "include_private", lambda _parent, what: (asked.append(what), include)[1]
    )
    window = open_window(qtbot, journal, qt_settings, "Meetings")
    assert window.interchange.export_list() == target
    assert asked == ["1 private item"]
    titles = [row[2] for row in read_back(target)[1:]]
    assert titles == (["Off the record", "Budget review"] if include else ["Budget review"])


@pytest.mark.parametrize("include", [False, True])
def test_contacts_stances_go_out_only_when_the_user_says_so(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
    include: bool,
) -> None:
    from brm_desk.ui.dialogs import messages

    finance = journal.partners.add(Partner(id="", name="Finance"))
    journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna", stance=Stance.BLOCKER))
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "include_private", lambda _parent, what: (asked.append(what), include)[1]
    )
    window = open_window(qtbot, journal, qt_settings, "Contacts")
    window.interchange.export_list()
    assert asked == ["contacts' stances"]
    header, anna = read_back(target)
    assert ("Stance" in header) is include
    assert ("Blocker" in anna) is include
    assert "Anna" in anna


def test_a_list_without_private_items_asks_nothing(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from brm_desk.ui.dialogs import messages

    journal.partners.add(Partner(id="", name="Finance"))
    monkeypatch.setattr(messages, "include_private", lambda *_args: pytest.fail("asked"))
    window = open_window(qtbot, journal, qt_settings, "Partners")
    assert window.interchange.export_list() == target


@pytest.mark.parametrize("include", [False, True])
@pytest.mark.parametrize("view", ["Meetings", "Requests", "Contacts"])
def test_no_list_lets_the_private_side_out_unless_included(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
    view: str,
    include: bool,
) -> None:
    """Private notes and contacts' notes are in no list; private records and stances go out
    only when the user says so."""
    from brm_desk.ui.dialogs import messages

    finance = journal.partners.add(Partner(id="", name="Finance"))
    journal.contacts.add(
        Contact(id="", partner_id=finance.id, name="Anna", stance=Stance.BLOCKER, notes="okapi")
    )
    for day, title, private in [(2, "Budget review", False), (3, "Off the record review", True)]:
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title=title,
                start=datetime(2026, 3, day, 9, tzinfo=CET),
                private_notes="My read: wombatfern review",
                private=private,
            )
        )
    for title, private in [("Forecast review", False), ("Quiet review", True)]:
        journal.requests.add(
            Request(
                id="",
                partner_id=finance.id,
                title=title,
                received=date(2026, 3, 4),
                private_notes="wombatfern",
                private=private,
            )
        )
    monkeypatch.setattr(messages, "include_private", lambda *_args: include)
    window = open_window(qtbot, journal, qt_settings, view)
    window.interchange.export_list()
    text = target.read_text(encoding="utf-8-sig")
    assert "wombatfern" not in text
    assert "okapi" not in text
    private, shared = {
        "Meetings": ("Off the record", "Budget review"),
        "Requests": ("Quiet review", "Forecast review"),
        "Contacts": ("Blocker", "Anna"),
    }[view]
    assert (private in text) is include
    assert shared in text
