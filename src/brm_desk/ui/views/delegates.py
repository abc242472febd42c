"""Cells that draw more than text: the dashboard's share bar and a search result.

Each draws the cell's background, selection and focus as the style does, then its own content;
colours come from the palette, so both read well in light and dark mode and when selected.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from brm_desk.ui.models.dashboard import SHARE_ROLE
from brm_desk.ui.models.partners import percent
from brm_desk.ui.models.search import HTML_ROLE, META_ROLE
from brm_desk.ui.models.table import AnyIndex

BAR_WIDTH = 90
ON_TARGET = QColor("#2e8b57")
BELOW_TARGET = QColor("#d98e04")
PADDING_X, PADDING_Y = 12, 7
SNIPPET_LINES = 1


def draw_empty_cell(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
) -> None:
    """The cell as the style draws it (background, selection, focus), without its text."""
    plain = QStyleOptionViewItem(option)
    delegate.initStyleOption(plain, index)
    plain.text = ""
    widget = plain.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)


def text_colour(option: QStyleOptionViewItem, role: QPalette.ColorRole) -> QColor:
    """The palette's ``role`` colour, or the highlighted text colour on a selected row."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    return option.palette.color(QPalette.ColorRole.HighlightedText if selected else role)


class ShareBarDelegate(QStyledItemDelegate):
    """The strategic share as a small bar with the target as a tick: the bar first (read at a
    glance), then the text (read exactly)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        value = index.data(SHARE_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        share, target = value
        draw_empty_cell(self, painter, option, index)
        rect = option.rect.adjusted(6, 0, -6, 0)
        palette: QPalette = option.palette
        bar = QRectF(rect.left(), rect.center().y() - 4, BAR_WIDTH, 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        track.setAlpha(90)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        if share is not None:
            painter.setBrush(ON_TARGET if share >= target else BELOW_TARGET)
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, 8), 3, 3)
        tick_x = bar.left() + bar.width() * target
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawLine(int(tick_x), int(bar.top()) - 3, int(tick_x), int(bar.bottom()) + 3)
        painter.setPen(text_colour(option, QPalette.ColorRole.Text))
        text_rect = rect.adjusted(BAR_WIDTH + 10, 0, 0, 0)
        text = str(index.data())
        if option.fontMetrics.horizontalAdvance(text) > text_rect.width():
            text = percent(share)  # the target is the tick (and in the tooltip)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()


class SearchResultDelegate(QStyledItemDelegate):
    """Two lines a result: the title with its kind · partner · date, then the snippet (matched
    words in bold, clipped, not wrapped).

    One snippet line keeps a screenful of results scannable; the tooltip has the whole text.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        draw_empty_cell(self, painter, option, index)
        muted = text_colour(option, QPalette.ColorRole.PlaceholderText)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        no_wrap = QTextOption()
        no_wrap.setWrapMode(QTextOption.WrapMode.NoWrap)
        document.setDefaultTextOption(no_wrap)
        document.setDefaultStyleSheet(f".meta {{ color: {muted.name()}; }}")
        document.setHtml(result_html(index))
        rect = option.rect
        painter.save()
        painter.translate(rect.left() + PADDING_X, rect.top() + PADDING_Y)
        clip = QRectF(0, 0, rect.width() - 2 * PADDING_X, rect.height() - 2 * PADDING_Y)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text, text_colour(option, QPalette.ColorRole.Text)
        )
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, line * (1 + SNIPPET_LINES) + 2 * PADDING_Y + 4)


def result_html(index: AnyIndex) -> str:
    """A result as HTML: escaped title and context, then the snippet (already escaped)."""
    title = html.escape(str(index.data()))
    meta = html.escape(str(index.data(META_ROLE) or ""))
    return (
        f'<div style="font-weight:600">{title}'
        f'&nbsp;&nbsp;<span class="meta" style="font-weight:400">{meta}</span>'
        f"</div><div>{index.data(HTML_ROLE) or ''}</div>"
    )
