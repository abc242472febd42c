"""Every menu item, toolbar button and window shortcut, declared once with what it needs.

The window builds its File, Edit, View, Partner and Help menus and its toolbar from
:data:`ACTIONS`, in table order, with a separator where the group changes; a view's own
actions are offered in that view too. One rule enables them all: an action is enabled when
what it needs holds (:meth:`Shell.holds`). A locked journal is not open, so every action
that needs one is off, and a disabled action's shortcut does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from brm_desk.ui.icons import icon
from brm_desk.ui.shell import VIEW_NAMES, Needs

if TYPE_CHECKING:
    from brm_desk.ui.views.page import Page

Key = QKeySequence.StandardKey
Scope = Literal["window", "app", "list"]
JOURNAL = Needs.JOURNAL
RECORD = JOURNAL | Needs.RECORDS | Needs.SELECTED  # a record selected in the list in view
TRIAGE = RECORD | Needs.REQUESTS
PARTNER = RECORD | Needs.PARTNERS

SCOPES = {
    "window": Qt.ShortcutContext.WindowShortcut,
    "app": Qt.ShortcutContext.ApplicationShortcut,  # from an editor's window too
    "list": Qt.ShortcutContext.WidgetWithChildrenShortcut,  # Del only while a list has focus
}


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it shows, its shortcut, and what must hold for it to be enabled."""

    name: str
    text: str
    menu: str
    group: str
    shortcut: Key | str | None = None
    needs: Needs = JOURNAL
    icon: str = ""
    tip: str = ""
    toolbar: bool = False
    scope: Scope = "window"
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    view: str = ""  # the view whose list offers it in its context menu (and bar: ``button``)
    button: bool = False


ACTIONS = (
    ActionSpec("new_meeting", "New &meeting…", "File", "new", Key.New, icon="new-meeting",
               tip="Capture a new meeting (from anywhere)", toolbar=True, scope="app"),
    ActionSpec("new_record", "&New…", "File", "new", "Ctrl+Shift+N", JOURNAL | Needs.NEW,
               icon="new", tip="A new record in the current list", toolbar=True),
    ActionSpec("open_journal", "&Open journal…", "File", "journals", Key.Open,
               tip="Open another journal in place of this one"),
    ActionSpec("recent_journals", "Recent &journals", "File", "journals",
               tip="The journals opened lately, and your own journal"),
    ActionSpec("import_calendar", "Import &calendar (.ics)…", "File", "import"),
    ActionSpec("import_csv", "Import requests from CS&V…", "File", "import"),
    ActionSpec("calendar_sources", "Calendar &sources…", "File", "import",
               tip="Follow calendar feeds and CalDAV calendars: their events wait in the inbox"),
    ActionSpec("export_pack", "Export review &pack…", "File", "export", "Ctrl+Shift+E",
               tip="A partner's or the portfolio's review pack as a PDF"),
    ActionSpec("export_list", "&Export list as CSV…", "File", "export",
               tip="The list in view, as filtered and sorted, as CSV"),
    ActionSpec("back_up", "&Back up now", "File", "backups",
               tip="A copy of the journal in the backups folder"),
    ActionSpec("restore", "&Restore from a backup…", "File", "backups",
               tip="Put a backup in place of the journal"),
    ActionSpec("encrypt", "&Encrypt this journal…", "File", "protection", None,
               JOURNAL | Needs.PLAIN, tip="Protect the journal with a passphrase"),
    ActionSpec("change_passphrase", "Change &passphrase…", "File", "protection", None,
               JOURNAL | Needs.ENCRYPTED, tip="Choose a new passphrase"),
    ActionSpec("lock", "&Lock", "File", "protection", "Ctrl+L", JOURNAL | Needs.ENCRYPTED,
               tip="Hide the journal until unlocked", scope="app"),
    ActionSpec("lock_when_idle", "Lock when &idle…", "File", "protection",
               tip="Lock after some idle minutes"),
    ActionSpec("quit", "&Quit", "File", "quit", Key.Quit, Needs.NOTHING,
               role=QAction.MenuRole.QuitRole),
    ActionSpec("undo", "&Undo", "Edit", "undo", Key.Undo, JOURNAL | Needs.UNDO, icon="undo",
               toolbar=True),
    ActionSpec("redo", "&Redo", "Edit", "undo", Key.Redo, JOURNAL | Needs.REDO, icon="redo",
               toolbar=True),
    ActionSpec("open", "&Open", "Edit", "record", None, RECORD,
               tip="Open the selected record"),
    ActionSpec("delete", "&Delete", "Edit", "record", Key.Delete, RECORD,
               icon="trash", tip="Move the selected record to the trash (undoable)",
               toolbar=True, scope="list"),
    ActionSpec("redirect_request", "Redirect request…", "Edit", "triage", "R", TRIAGE,
               tip="Send it to the team or desk that should take it", scope="list"),
    ActionSpec("defer_request", "Defer request…", "Edit", "triage", "D", TRIAGE,
               tip="Park it until a day (fri, +3d, 2026-12-01)", scope="list"),
    ActionSpec("reframe_request", "Reframe request…", "Edit", "triage", "F", TRIAGE,
               tip="Turn the want into the business need behind it: a new request",
               scope="list"),
    ActionSpec("decline_request", "Decline request…", "Edit", "triage", "X", TRIAGE,
               tip="Say no, and what the partner can do instead", scope="list"),
    ActionSpec("accept_request", "Accept request…", "Edit", "triage", "A", TRIAGE,
               tip="Into the provider's intake, on its business case", scope="list"),
    *(ActionSpec(name.lower(), name, "View", "views", f"Ctrl+{row}")
      for row, name in enumerate(VIEW_NAMES, 1)),
    ActionSpec("find", "&Find…", "View", "find", Key.Find, icon="search"),
    ActionSpec("refresh", "&Refresh", "View", "find", Key.Refresh),
    ActionSpec("theme", "&Theme", "View", "theme", None, Needs.NOTHING,
               tip="Light, dark, or as the system is"),
    ActionSpec("reminders", "Re&minders", "View", "theme", None, Needs.NOTHING,
               tip="Reminders of what is due, the tray, the morning digest"),
    ActionSpec("prep_brief", "&Prep brief…", "Partner", "partner", "Ctrl+B", PARTNER,
               icon="prep-brief", tip="One page on the selected partner before you meet them",
               view="Partners", button=True),
    ActionSpec("stakeholder_map", "&Stakeholder map…", "Partner", "partner", "Ctrl+Shift+M",
               PARTNER, icon="stakeholder-map", tip="The selected partner's people by influence "
               "and interest, and their communications plan", view="Partners", button=True),
    ActionSpec("maturity", "&Maturity…", "Partner", "partner", None, PARTNER, icon="balance",
               tip="Assessments of the selected partner: both views, evidence, goals, the path",
               view="Partners", button=True),
    ActionSpec("new_pulse", "New p&ulse…", "Partner", "health", "Ctrl+Shift+P", PARTNER,
               tip="Type in the selected partner's view of the relationship", view="Partners"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "Help", "help", Key.HelpContents,
               Needs.NOTHING, tip="Every key the app answers to"),
    ActionSpec("about", "&About BRM Desk", "Help", "about", None, Needs.NOTHING,
               role=QAction.MenuRole.AboutRole),
)  # fmt: skip


def shortcut_text(name: str) -> str:
    """The shortcut of action ``name`` as the user reads it ("Ctrl+Shift+N")."""
    shortcut = next(spec.shortcut for spec in ACTIONS if spec.name == name)
    assert shortcut is not None, f"{name} has no shortcut"
    return key_text(shortcut)


def key_text(shortcut: Key | str) -> str:
    """A key as the user reads it on this system ("Ctrl+W", "F5")."""
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def build_actions(
    window: QWidget,
    menus: Mapping[str, QMenu],
    toolbar: QToolBar,
    lists: QWidget,
    slots: Mapping[str, Callable[[], object]],
) -> dict[str, QAction]:
    """Make every action of :data:`ACTIONS`, put it in its menu (and the toolbar), connect it
    to ``slots[name]``; shortcuts work from ``window``, or from ``lists`` for the list scope."""
    actions: dict[str, QAction] = {}
    groups: dict[object, str] = {}

    def place(where: QMenu | QToolBar, spec: ActionSpec, action: QAction) -> None:
        if groups.setdefault(where, spec.group) != spec.group:
            where.addSeparator()
            groups[where] = spec.group
        where.addAction(action)

    for spec in ACTIONS:
        action = QAction(spec.text, window)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(SCOPES[spec.scope])
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        action.setMenuRole(spec.role)
        action.triggered.connect(lambda _checked=False, slot=slots[spec.name]: slot())
        place(menus[spec.menu], spec, action)
        if spec.toolbar:
            place(toolbar, spec, action)
        # Shortcuts work while the menu bar is hidden too.
        (lists if spec.scope == "list" else window).addAction(action)
        actions[spec.name] = action
    return actions


def offer_in_views(actions: Mapping[str, QAction], pages: Iterable[Page]) -> None:
    """Each view's own actions in its list's context menu, and those with a button in its bar."""
    for page in pages:
        for spec in ACTIONS:
            if spec.view == page.title:
                page.offer(actions[spec.name], button=spec.button)


def enable_actions(actions: Mapping[str, QAction], holds: Needs) -> None:
    """The one rule: an action is enabled when everything it needs holds."""
    for spec in ACTIONS:
        actions[spec.name].setEnabled(spec.needs in holds)


def triage_keys() -> str:
    """The one-key answers to a selected request, as the Requests view's hint lists them."""
    return " · ".join(
        f"{spec.shortcut} {spec.text.split()[0].lower()}"
        for spec in ACTIONS
        if spec.group == "triage"
    )
