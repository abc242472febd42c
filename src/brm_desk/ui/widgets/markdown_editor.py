"""A Markdown editor: plain text to write in, and a rendered preview one tab away."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextBrowser, QWidget

PREVIEW_TAB = 1


class MarkdownEditor(QTabWidget):
    """Write/Preview tabs; the preview is rendered only when it is looked at."""

    sig_text_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setDocumentMode(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(name)
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlaceholderText("Markdown: # heading, - list, **bold**, [link](url)")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(f"{name} preview")
        self.preview.setOpenExternalLinks(False)
        self.addTab(self.editor, "Write")
        self.addTab(self.preview, "Preview")
        self.editor.textChanged.connect(self.sig_text_changed)
        self.currentChanged.connect(self._tab_changed)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text; the cursor goes to the end, where a note usually continues."""
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def _tab_changed(self, index: int) -> None:
        if index == PREVIEW_TAB:
            self.preview.document().setMarkdown(self.text())
