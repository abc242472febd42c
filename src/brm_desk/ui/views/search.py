"""The search view: full-text search as you type, with filters, and Enter opens the record.

Queries run on a background :class:`QueryOp` a moment after typing pauses; each query carries
a generation number, and results of anything but the latest query are dropped, so a slow
early query can never overwrite the answer to what the user typed last.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
)

from brm_desk.domain.enums import Focus
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.search import SearchFilters, SearchHit
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import messages
from brm_desk.ui.models.search import HIT_ROLE, KIND_LABELS, SearchResultsModel
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.views.page import Page, heading
from brm_desk.ui.views.search_delegate import SearchResultDelegate

TYPING_PAUSE_MS = 150
RESULT_LIMIT = 50
CUSTOM_DATES = -1
DATE_RANGES = ((0, "Any time"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last year"))
HINT = "Type to search notes, titles, wants and needs, names and roles."


class SearchPage(Page):
    """``sig_open_hit`` asks the window to open a result's record."""

    sig_open_hit = Signal(object)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__()
        self.journal = journal
        self.generation = 0
        self.searching = 0
        self._open_when_shown = False
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search the journal…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search the journal")
        font = self.search_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.search_box.setFont(font)
        self.search_box.installEventFilter(self)
        self.status = QLabel(HINT)
        self.status.setAccessibleName("Search results summary")

        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Partner")
        self.partner_box.setMinimumWidth(180)
        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName("Kind of record")
        self.kind_box.addItem("All kinds", None)
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(f"{label}s", kind)
        self.focus_box = QComboBox()
        self.focus_box.setAccessibleName("Focus")
        self.focus_box.addItem("Any focus", None)
        for focus in Focus:
            self.focus_box.addItem(focus.label, focus.value)
        self.dates_box = QComboBox()
        self.dates_box.setAccessibleName("Dates")
        for days, label in DATE_RANGES:
            self.dates_box.addItem(label, days)
        self.dates_box.addItem("Between…", CUSTOM_DATES)
        day = journal.today()
        today = QDate(day.year, day.month, day.day)
        self.from_edit = _date_edit("From date", today.addDays(-90))
        self.to_edit = _date_edit("To date", today)
        self.and_label = QLabel("and")

        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.activated.connect(lambda index: self.open_hit(index.data(HIT_ROLE)))

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(lambda _text: self._typing.start())
        for box in (self.partner_box, self.kind_box, self.focus_box, self.dates_box):
            box.currentIndexChanged.connect(lambda _i: self._typing.start())
        self.dates_box.currentIndexChanged.connect(lambda _i: self._show_date_edits())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self._typing.start())

        top = QHBoxLayout()
        top.addWidget(heading("Search"))
        top.addStretch(1)
        top.addWidget(self.status)
        filters = QHBoxLayout()
        filters.addWidget(self.partner_box)
        filters.addWidget(self.kind_box)
        filters.addWidget(self.focus_box)
        filters.addWidget(self.dates_box)
        filters.addWidget(self.from_edit)
        filters.addWidget(self.and_label)
        filters.addWidget(self.to_edit)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        self.fill_partners()
        self._show_date_edits()

    def fill_partners(self) -> None:
        """(Re)fill the partner filter, keeping the current choice when it still exists."""
        current = self.partner_box.currentData()
        self.partner_box.blockSignals(True)
        self.partner_box.clear()
        self.partner_box.addItem("All partners", None)
        for partner in self.journal.partners.listing():
            self.partner_box.addItem(partner.name, partner.id)
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(current), 0))
        self.partner_box.blockSignals(False)

    def refresh(self) -> None:
        """Shown again: partners may have changed, and so may the answer."""
        self.fill_partners()
        if self.search_box.text().strip():
            self.search_now()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def filters(self) -> SearchFilters:
        kind = self.kind_box.currentData()
        focus = self.focus_box.currentData()
        date_from, date_to = self.period()
        return SearchFilters(
            partner_id=self.partner_box.currentData(),
            kinds=frozenset({kind}) if kind else frozenset(),
            focus=Focus(focus) if focus else None,
            date_from=date_from,
            date_to=date_to,
        )

    def period(self) -> tuple[date | None, date | None]:
        days = int(self.dates_box.currentData())
        if days == CUSTOM_DATES:
            return _day(self.from_edit), _day(self.to_edit)
        if days == 0:
            return None, None
        today = self.journal.today()
        return today - timedelta(days=days), today

    def search_now(self) -> None:
        """Ask the index in the background; only the latest question's answer is shown."""
        self._typing.stop()
        self.generation += 1
        generation = self.generation
        text = self.search_box.text()
        if not text.strip():
            self.model.set_hits([])
            self.status.setText(HINT)
            return
        filters = self.filters()
        journal = self.journal
        self.searching += 1
        short = journal.search.short_word(text)
        op = QueryOp(self, lambda: journal.search.query(text, limit=RESULT_LIMIT, filters=filters))
        op.success(lambda hits: self._show(generation, hits, short)).failure(self._failed)
        op.sig_finished.connect(self._finished)
        op.sig_finished.connect(op.deleteLater)
        op.run_in_background()

    def busy(self) -> bool:
        """A query is waiting for typing to pause, or running."""
        return self._typing.isActive() or self.searching > 0

    def _finished(self) -> None:
        self.searching -= 1

    def _show(self, generation: int, hits: list[SearchHit], short: str | None) -> None:
        if generation != self.generation:
            return
        self.model.set_hits(hits)
        if not hits:
            found = "No results"
        else:
            more = "+" if len(hits) == RESULT_LIMIT else ""
            found = f"{len(hits)}{more} result" + ("" if len(hits) == 1 else "s")
        if short is not None:
            found += f" · type a third letter to find words that start with “{short}”"
        self.status.setText(found)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        if self._open_when_shown:
            self._open_when_shown = False
            self.open_current()

    def _failed(self, error: BrmDeskError) -> None:
        messages.show_error(self, "Search failed", error.message)

    def open_hit(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.sig_open_hit.emit(hit)

    def open_first(self) -> None:
        """Enter in the search box: open the best result of what is typed now.

        While a query for the latest text is pending, the record opens when it answers.
        """
        if self._typing.isActive() or self.searching:
            self._open_when_shown = True
            if self._typing.isActive():
                self.search_now()
            return
        self.open_current()

    def open_current(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.open_hit(index.data(HIT_ROLE))

    def _show_date_edits(self) -> None:
        custom = self.dates_box.currentData() == CUSTOM_DATES
        for widget in (self.from_edit, self.and_label, self.to_edit):
            widget.setVisible(custom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """From the search box, Down goes to the results and Enter opens the current one."""
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.search_box and pressed:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_first()
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit
