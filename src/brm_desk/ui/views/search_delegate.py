"""How one search result is drawn: title and kind · partner · date, then the snippet.

The snippet is rich text (matched words in bold), laid out by a QTextDocument; colours come
from the palette so results read well in light and dark mode and when selected.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from brm_desk.ui.models.search import HTML_ROLE, META_ROLE

PADDING_X, PADDING_Y = 12, 7
SNIPPET_LINES = 1


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines a result: the title with its context, then the snippet (clipped, not wrapped).

    One snippet line keeps a screenful of results scannable; the tooltip has the whole text.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = palette.color(role)
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        no_wrap = QTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(no_wrap)
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PADDING_X, rect.top() + PADDING_Y)
        clip = QRectF(0, 0, rect.width() - 2 * PADDING_X, rect.height() - 2 * PADDING_Y)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        context.clip = clip
        document.setDefaultStyleSheet(f".meta {{ color: {muted.name()}; }}")
        document.setHtml(result_html(text, str(index.data(META_ROLE) or ""), index))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, line * (1 + SNIPPET_LINES) + 2 * PADDING_Y + 4)


def result_html(title: str, meta: str, index: QModelIndex | QPersistentModelIndex) -> str:
    """A result as HTML: escaped title and context, then the snippet (already escaped)."""
    snippet = str(index.data(HTML_ROLE) or "")
    return (
        f'<div style="font-weight:600">{html.escape(title)}'
        f'&nbsp;&nbsp;<span class="meta" style="font-weight:400">{html.escape(meta)}</span>'
        f"</div><div>{snippet}</div>"
    )
