"""A delegate drawing the strategic share as a small bar with the target as a tick."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from brm_desk.ui.models.dashboard import SHARE_ROLE

BAR_WIDTH = 90
ON_TARGET = QColor("#2e8b57")
BELOW_TARGET = QColor("#d98e04")


class ShareBarDelegate(QStyledItemDelegate):
    """Bar first (read at a glance), then the text (read exactly)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SHARE_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        share, target = value
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        style = option.widget.style() if option.widget else None
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        text_rect = rect.adjusted(BAR_WIDTH + 10, 0, 0, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()
