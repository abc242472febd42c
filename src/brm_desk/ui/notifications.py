"""The one place the app asks for a desktop notification.

With a system tray the notification is the tray's balloon or the desktop's own; without one
(offscreen, some desktops) it is a small notice in a corner of the window, which never takes
the focus nor waits for an answer. Every request is kept in :attr:`Notifications.shown`, so
tests check what the app asked the desktop to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
)

SHOW_MS = 10_000


@dataclass(frozen=True, slots=True)
class Notice:
    """A notification asked for: ``key`` says what a click opens (a reminder's key, or
    "today" for the Today view)."""

    title: str
    body: str
    key: str


class Notifications(QObject):
    """Shows notices through the tray when it is in sight, else in the window."""

    sig_clicked = Signal(str)
    """The user clicked a notice: its key."""

    def __init__(self, window: QMainWindow, tray: QSystemTrayIcon) -> None:
        super().__init__(window)
        self._tray = tray
        self.shown: list[Notice] = []
        self._last_key = ""
        self.toast = Toast(window)
        self.toast.sig_clicked.connect(lambda: self.sig_clicked.emit(self.toast.key))
        tray.messageClicked.connect(lambda: self.sig_clicked.emit(self._last_key))

    def notify(self, title: str, body: str, key: str = "") -> None:
        """Ask for a notification (titles and partner names only: it may show on a locked
        screen)."""
        self.shown.append(Notice(title, body, key))
        self._last_key = key
        if self._tray.isVisible() and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, SHOW_MS)
        else:
            self.toast.show_notice(title, body, key)


class Toast(QFrame):
    """A notice over the window's bottom-right corner; a click opens what it is about."""

    sig_clicked = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("toast")
        self.setAccessibleName("Notification")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setStyleSheet(
            "QFrame#toast { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.key = ""
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setAccessibleName("Close the notification")
        close.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 10)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.setFixedWidth(340)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def show_notice(self, title: str, body: str, key: str) -> None:
        self.key = key
        self.title.setText(title)
        self.body.setText(body)
        self.adjustSize()
        self.place()
        self.show()
        self.raise_()
        self._timer.start()

    def place(self) -> None:
        """Bottom right, above the status bar."""
        window = self.parentWidget()
        assert isinstance(window, QMainWindow)
        bottom = (
            window.statusBar().geometry().top()
            if window.statusBar().isVisible()
            else window.height()
        )
        self.move(window.width() - self.width() - 16, bottom - self.height() - 12)

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.dismiss()
            self.sig_clicked.emit()
