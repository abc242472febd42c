"""A Markdown editor: plain text to write in, and a rendered preview one tab away.

The preview draws the note as ``domain.notes`` parses it, every line of it (the agenda
template's prompts too: this is where the BRM answers them).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTextBrowser, QWidget

from brm_desk.domain.notes import Block, Run, parse

PREVIEW_TAB = 1
_TAGS = {"bullets": "ul", "numbers": "ol", "quote": "blockquote"}
_TASK_BOXES = {None: "", False: "☐ ", True: "☑ "}


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
            self.preview.setHtml(preview_html(parse(self.text())))


def preview_html(blocks: Sequence[Block]) -> str:
    """A note's blocks as the HTML subset a QTextDocument draws."""
    parts = []
    for block in blocks:
        inner = preview_html(block.children)
        if block.kind == "heading":
            parts.append(f"<h{block.level}>{_inline(block.runs)}</h{block.level}>")
        elif block.kind == "paragraph":
            parts.append(f"<p>{_inline(block.runs)}</p>")
        elif block.kind == "code":
            parts.append(f"<pre>{escape(block.text)}</pre>")
        elif block.kind == "rule":
            parts.append("<hr/>")
        elif block.kind == "item":
            parts.append(f"<li>{_TASK_BOXES[block.checked]}{_inline(block.runs)}{inner}</li>")
        elif block.kind == "numbers":
            parts.append(f'<ol start="{block.level}">{inner}</ol>')
        else:
            parts.append(f"<{_TAGS[block.kind]}>{inner}</{_TAGS[block.kind]}>")
    return "".join(parts)


def _inline(runs: Sequence[Run]) -> str:
    parts = []
    for run in runs:
        html = escape(run.text)
        if run.code:
            html = f"<code>{html}</code>"
        if run.bold:
            html = f"<b>{html}</b>"
        if run.italic:
            html = f"<i>{html}</i>"
        if run.link:
            html = f'<a href="{escape(run.link)}">{html}</a>'
        parts.append(html)
    return "".join(parts)
