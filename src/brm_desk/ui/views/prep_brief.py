"""The prep brief window: one partner's page before a meeting, on screen and on paper.

The brief is gathered on a background :class:`QueryOp` (a few queries over the partner's whole
history) while the window already shows. Print and "Save as PDF" lay out the very document
on screen, so the paper says exactly what the screen said. Its private side (private notes,
private meetings and requests, people's stances) shows, prints and copies only while
"Include private items" is ticked, so a brief on a screen shared in a call keeps it back too.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QWidget

from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.journal import Journal
from brm_desk.services.prep_brief import PrepBrief, build_prep_brief
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.views.contact_page import ask_contact_page
from brm_desk.ui.views.prep_brief_html import STYLE, brief_html

PDF_RESOLUTION = 300
MARGIN_MM = 15


class PrepBriefWindow(QMainWindow):
    """A separate window, so the brief can stay open beside the journal during a call."""

    def __init__(self, parent: QWidget | None, journal: Journal, partner_id: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Closing the journal's window quits the app even while a brief is still open.
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.journal = journal
        self.partner_id = partner_id
        self.brief: PrepBrief | None = None
        self.setWindowTitle("Prep brief")
        fit_to_screen(self, 820, 900)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Prep brief")
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.document().setDocumentMargin(24)
        self.browser.setPlainText("Preparing the brief…")
        self.browser.anchorClicked.connect(lambda url: ask_contact_page(self, url.path()))
        self.setCentralWidget(self.browser)
        self._build_menus()

    def open_stakeholder_map(self) -> object:
        """The partner's stakeholder map, from the main window this brief was opened from."""
        from brm_desk.ui.views.stakeholder_map import show_stakeholder_map

        return show_stakeholder_map(self, self.partner_id)

    def _build_menus(self) -> None:
        """File menu and toolbar: print and PDF (once the brief is there), the private items
        switch, refresh, close."""
        keys = QKeySequence.StandardKey
        self.print_action = QAction("&Print…", self, shortcut=QKeySequence(keys.Print))
        self.pdf_action = QAction("Save as P&DF…", self, shortcut=QKeySequence("Ctrl+Shift+S"))
        self.private_action = QAction("Include &private items", self, checkable=True)
        self.private_action.setToolTip(
            "Show, print and copy private notes, private meetings and requests, and people's "
            "stances too"
        )
        self.private_action.toggled.connect(self._show_html)
        tip = "Gather the brief again after changes in the journal"
        refresh = QAction("&Refresh", self, shortcut=QKeySequence(keys.Refresh), toolTip=tip)
        close = QAction("&Close", self, shortcut=QKeySequence(keys.Close))
        escape = QAction(self, shortcut=QKeySequence(Qt.Key.Key_Escape))
        self.addAction(escape)
        self.print_action.triggered.connect(self.print_brief)
        self.pdf_action.triggered.connect(self.ask_save_pdf)
        refresh.triggered.connect(self.load)
        close.triggered.connect(self.close)
        escape.triggered.connect(self.close)
        self.print_action.setEnabled(False)
        self.pdf_action.setEnabled(False)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.print_action, self.pdf_action, self.private_action, refresh])
        file_menu.addSeparator()
        file_menu.addAction(close)
        toolbar = self.addToolBar("Brief")
        toolbar.setObjectName("brief_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.print_action, self.pdf_action, self.private_action, refresh])
        stakeholders = QAction("Stakeholder &map", self, shortcut=QKeySequence("Ctrl+Shift+M"))
        stakeholders.triggered.connect(self.open_stakeholder_map)
        toolbar.addAction(stakeholders)

    def load(self) -> QueryOp:
        """Gather the brief in the background; the window fills in when it arrives."""
        journal, partner_id = self.journal, self.partner_id
        op = QueryOp(self, lambda: build_prep_brief(journal, partner_id))
        op.success(self.show_brief).failure(self._failed).run_in_background()
        return op

    def show_brief(self, brief: PrepBrief) -> None:
        self.brief = brief
        self.setWindowTitle(f"Prep brief — {brief.partner.name}")
        self._show_html()
        self.print_action.setEnabled(True)
        self.pdf_action.setEnabled(True)

    def html(self) -> str:
        """The brief as shown, printed and copied: its private side only when included."""
        if self.brief is None:
            return ""
        return brief_html(self.brief.shared(self.private_action.isChecked()))

    def _show_html(self) -> None:
        if self.brief is None:
            return
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.html())
        self.browser.verticalScrollBar().setValue(position)

    def _failed(self, error: BrmDeskError) -> None:
        messages.show_error(self, "Cannot prepare the brief", error.message)
        self.close()

    def printable(self) -> QTextDocument:
        """A copy of the brief for paper: the same HTML, laid out for the page, not the screen."""
        document = QTextDocument()
        document.setDefaultStyleSheet(STYLE)
        document.setDefaultFont(self.browser.document().defaultFont())
        document.setHtml(self.html())
        return document

    def print_brief(self) -> None:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if files.setup_printer(self, printer):
            self.printable().print_(printer)

    def ask_save_pdf(self) -> None:
        if self.brief is None:
            return
        suggested = Path(f"Prep brief - {safe_name(self.brief.partner.name)}.pdf")
        path = files.save_path(self, "Save the brief as PDF", suggested, "PDF files (*.pdf)")
        if path is not None:
            self.save_pdf(path.with_suffix(".pdf") if not path.suffix else path)

    def save_pdf(self, path: Path) -> None:
        """Write the brief as a PDF (A4, vector text)."""
        writer = QPdfWriter(str(path))
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(self.windowTitle())
        writer.setCreator("BRM Desk")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.printable().print_(writer)
        if not path.exists():
            messages.show_error(self, "Cannot save the brief", f"{path}: could not be written.")


def safe_name(name: str) -> str:
    """A partner name fit for a file name on any system."""
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip() or "partner"


def show_prep_brief(parent: QWidget | None, journal: Journal, partner_id: str) -> PrepBriefWindow:
    """Open a partner's brief in its own window and start gathering it."""
    window = PrepBriefWindow(parent, journal, partner_id)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.show()
    window.load()
    return window
