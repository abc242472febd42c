"""Where the prep brief is opened from: the partners list (button, context menu, Ctrl+B).

Kept apart from the brief window so the partners view does not load printing support until a
brief is actually asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from brm_desk.ui.icons import icon

if TYPE_CHECKING:
    from brm_desk.ui.views.list_page import ProxyListPage
    from brm_desk.ui.views.prep_brief import PrepBriefWindow


def add_prep_brief_action(page: ProxyListPage) -> QAction:
    """A "Prep brief…" action on the partners page: a button, the rows' context menu, Ctrl+B."""
    action = QAction(icon("prep-brief"), "Prep brief…", page)
    action.setShortcut(QKeySequence("Ctrl+B"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip("One page on the selected partner before you meet them (Ctrl+B)")
    action.triggered.connect(lambda: open_prep_brief(page))
    page.addAction(action)
    page.table.addAction(action)
    page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAccessibleName("Prep brief")
    page.bar.insertWidget(2, button)

    def follow_selection() -> None:
        action.setEnabled(page.selected_record() is not None)

    page.table.selectionModel().selectionChanged.connect(lambda *_args: follow_selection())
    page.proxy.modelReset.connect(follow_selection)
    follow_selection()
    return action


def open_prep_brief(page: ProxyListPage) -> PrepBriefWindow | None:
    """The brief of the selected partner, in its own window."""
    partner = page.selected_record()
    if partner is None:
        return None
    from brm_desk.ui.views.prep_brief import show_prep_brief

    return show_prep_brief(page.window(), page.journal, partner.id)
