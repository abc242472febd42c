"""Lock the window after a chosen idle time: its content hides behind a passphrase prompt.

Only an encrypted journal locks (a plain one has no passphrase to ask). The idle time is
a preference in QSettings (``privacy/lock_after_minutes``, 0 = never). Editor windows are
hidden with the main window's content and come back on unlock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.ui.dialogs.passphrase import secret_field

if TYPE_CHECKING:
    from brm_desk.ui.main_window import MainWindow

SETTING = "privacy/lock_after_minutes"
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """What shows instead of the journal while locked."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName("Locked")
        title = QLabel(f"<h2>{name} is locked</h2>")
        self.passphrase = secret_field("Passphrase")
        self.passphrase.setPlaceholderText("Passphrase")
        self.unlock_button = QPushButton("&Unlock")
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(2)
        layout.setContentsMargins(200, 0, 200, 0)


class IdleLock(QObject):
    """Watches the whole application's input; locks ``window`` when idle for long enough."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    @property
    def minutes(self) -> int:
        try:
            return max(0, int(str(self.settings.value(SETTING, 0))))
        except ValueError:
            return 0

    def set_minutes(self, minutes: int) -> None:
        self.settings.setValue(SETTING, max(0, minutes))
        self.restart()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def can_lock(self) -> bool:
        journal = self.window.journal
        return journal is not None and journal.encrypted

    def restart(self) -> None:
        if self.minutes and not self.locked:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked and self.timer.isActive():
            self.timer.start()
        return False

    def lock(self) -> None:
        """Hide the journal behind the lock screen (only for an encrypted journal)."""
        if self.locked or not self.can_lock() or self.window.journal is None:
            return
        self._hidden = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self.window and widget.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
        self._content = self.window.takeCentralWidget()
        self.screen = LockScreen(self.window.journal.name)
        self.screen.unlock_button.clicked.connect(self._try_unlock)
        self.screen.passphrase.returnPressed.connect(self._try_unlock)
        self.window.setCentralWidget(self.screen)
        self.window.menuBar().setEnabled(False)
        for toolbar in self._toolbars():
            toolbar.setEnabled(False)
        self.screen.passphrase.setFocus()

    def _toolbars(self) -> list[QWidget]:
        from PySide6.QtWidgets import QToolBar

        return list(self.window.findChildren(QToolBar))

    def _try_unlock(self) -> None:
        if self.screen is None:
            return
        if self.unlock(self.screen.passphrase.text()):
            return
        self.screen.passphrase.clear()
        self.screen.problem.setText("That is not this journal's passphrase.")

    def unlock(self, passphrase: str) -> bool:
        """Show the journal again if ``passphrase`` is its own."""
        from brm_desk.services.protection import passphrase_matches

        journal = self.window.journal
        if self.screen is None or journal is None or not passphrase_matches(journal, passphrase):
            return False
        self.window.takeCentralWidget()
        self.screen.deleteLater()
        self.screen = None
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content.show()
        self._content = None
        self.window.menuBar().setEnabled(True)
        for toolbar in self._toolbars():
            toolbar.setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.restart()
        return True
