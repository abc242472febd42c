"""The search view: full-text search as you type, with filters, and Enter opens the record.

Queries run in the background a moment after typing pauses; only the answer to the newest
one is shown (see :class:`brm_desk.ui.operations.NewestAnswer`).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
)

from brm_desk.domain.enums import Focus
from brm_desk.domain.search import SearchFilters, SearchHit
from brm_desk.domain.words import plural
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import messages
from brm_desk.ui.models.search import HIT_ROLE, KINDS, SearchResultsModel
from brm_desk.ui.operations import NewestAnswer
from brm_desk.ui.views.delegates import SearchResultDelegate
from brm_desk.ui.views.list_page import fill_partner_box
from brm_desk.ui.views.page import Page
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField, period_of

RESULT_LIMIT = 50
CUSTOM_DATES = -1
DATE_RANGES = ((0, "Any time"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last year"))
HINT = "Type to search notes, titles, wants and needs, names and roles."


class SearchPage(Page):
    """``sig_open_hit`` asks the window to open a result's record."""

    sig_open_hit = Signal(object)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__("Search")
        self.journal = journal
        self._open_when_shown = False
        self.answers = NewestAnswer(self, self.search_now)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search the journal…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search the journal")
        font = self.search_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.search_box.setFont(font)
        self.search_box.returnPressed.connect(self.open_first)  # Return and Enter
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_box, self.focus_results)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.status = QLabel(HINT)
        self.status.setAccessibleName("Search results summary")

        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Partner")
        self.partner_box.setMinimumWidth(180)
        kinds = [(f"{kind.capitalize()}s", kind) for kind in KINDS]
        self.kind_box = choice_box("Kind of record", [("All kinds", None), *kinds])
        focuses = [(focus.label, focus.value) for focus in Focus]
        self.focus_box = choice_box("Focus", [("Any focus", None), *focuses])
        self.dates_box = choice_box("Dates", [(label, days) for days, label in DATE_RANGES])
        self.dates_box.addItem("Between…", CUSTOM_DATES)
        today = journal.today()
        self.from_edit = DateField(
            "From date", today - timedelta(days=90), journal.today, required=True
        )
        self.to_edit = DateField("To date", today, journal.today, required=True)
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
        self.results.activated.connect(self.open_result)

        self.search_box.textChanged.connect(lambda _text: self.answers.ask_soon())
        boxes = (self.partner_box, self.kind_box, self.focus_box, self.dates_box)
        for box in boxes:
            box.currentIndexChanged.connect(lambda _i: self.answers.ask_soon())
        self.dates_box.currentIndexChanged.connect(lambda _i: self._show_date_edits())
        for edit in (self.from_edit, self.to_edit):
            edit.sig_day_chosen.connect(self.answers.ask_soon)

        self.bar.addWidget(self.status)
        filters = QHBoxLayout()
        for widget in (*boxes, self.from_edit, self.and_label, self.to_edit):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.body.addWidget(self.search_box)
        self.body.addLayout(filters)
        self.body.addWidget(self.results, 1)
        self.fill_partners()
        self._show_date_edits()

    def fill_partners(self) -> None:
        fill_partner_box(self.partner_box, self.journal.partners.listing())

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
            return period_of(self.from_edit, self.to_edit)
        if days == 0:
            return None, None
        today = self.journal.today()
        return today - timedelta(days=days), today

    def search_now(self) -> None:
        """Ask the index in the background; only the latest question's answer is shown."""
        text = self.search_box.text()
        if not text.strip():
            self.answers.pause.stop()
            self.answers.supersede()
            self.model.set_records([])
            self.status.setText(HINT)
            return
        search, filters = self.journal.search, self.filters()
        short = search.short_word(text)
        self.answers.ask(
            lambda: search.query(text, limit=RESULT_LIMIT, filters=filters),
            lambda hits: self._show(hits, short),
            lambda error: messages.show_error(self, "Search failed", error.message),
        )

    def busy(self) -> bool:
        """A query is waiting for typing to pause, or running."""
        return self.answers.busy()

    def _show(self, hits: list[SearchHit], short: str | None) -> None:
        self.model.set_records(hits)
        if not hits:
            found = "No results"
        elif len(hits) == RESULT_LIMIT:
            found = f"{RESULT_LIMIT:,}+ results"
        else:
            found = plural(len(hits), "result")
        if short is not None:
            found += f" · type a third letter to find words that start with “{short}”"
        self.status.setText(found)
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        if self._open_when_shown:
            self._open_when_shown = False
            self.open_result(self.results.currentIndex())

    def open_result(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_hit.emit(index.data(HIT_ROLE))

    def open_first(self) -> None:
        """Enter in the search box: open the best result of what is typed now.

        While a query for the latest text is pending, the record opens when it answers.
        """
        if self.answers.busy():
            self._open_when_shown = True
            if self.answers.pause.isActive():
                self.search_now()
            return
        self.open_result(self.results.currentIndex())

    def _show_date_edits(self) -> None:
        custom = self.dates_box.currentData() == CUSTOM_DATES
        for widget in (self.from_edit, self.and_label, self.to_edit):
            widget.setVisible(custom)

    def focus_results(self) -> None:
        """Down in the search box: on to the results, if there are any."""
        if self.model.rowCount():
            self.results.setFocus(Qt.FocusReason.TabFocusReason)
