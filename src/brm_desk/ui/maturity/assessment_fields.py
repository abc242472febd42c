"""The assessment editor's two list fields: the evidence ticked from the partner's meetings
and requests, and the goals for the next level. Each says what a draft keeps of it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.assessments import MaturityGoal, next_level
from brm_desk.domain.enums import Maturity
from brm_desk.services.assessments import Evidence

ID_ROLE = Qt.ItemDataRole.UserRole


def _ticked(item: QListWidgetItem) -> bool:
    return item.checkState() == Qt.CheckState.Checked


def _tick(item: QListWidgetItem, ticked: bool) -> None:
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


def _column(*widgets: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


class EvidenceField(QWidget):
    """The partner's meetings and requests, ticked where they back the views. The filter
    narrows the list; a ticked one always shows. One in the trash stays ticked and says so."""

    def __init__(self) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter meetings and requests")
        self.filter.setAccessibleName("Filter evidence")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.narrow)
        self.list = QListWidget()
        self.list.setAccessibleName("Evidence")
        self.list.setMinimumHeight(150)
        layout = _column(self.filter, self.list)
        layout.setStretch(1, 1)
        self.setLayout(layout)
        self.setFocusProxy(self.filter)

    def fill(self, offered: Iterable[Evidence], ticked: Iterable[str]) -> None:
        """Offer ``offered``, the ticked ones first, then the latest first."""
        chosen = set(ticked)
        for evidence in sorted(offered, key=lambda e: (e.id not in chosen, -e.day.toordinal())):
            item = QListWidgetItem(evidence.label)
            item.setData(ID_ROLE, (evidence.kind, evidence.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            _tick(item, evidence.id in chosen)
            if evidence.in_trash:
                item.setToolTip("In the trash: restore it to see it again; the link is kept")
            self.list.addItem(item)

    def narrow(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._items():
            shown = all(word in item.text().casefold() for word in words)
            item.setHidden(not shown and not _ticked(item))

    def ticked(self, kind: str) -> tuple[str, ...]:
        """The ids of the ticked evidence of ``kind`` ("meeting" or "request")."""
        found = (item.data(ID_ROLE) for item in self._items() if _ticked(item))
        return tuple(uid for of_kind, uid in found if of_kind == kind)

    def draft_value(self) -> list[list[str]]:
        return [list(item.data(ID_ROLE)) for item in self._items() if _ticked(item)]

    def set_draft_value(self, ticked: Sequence[Sequence[str]]) -> None:
        """Tick exactly ``ticked`` ([kind, id] pairs) of what the list offers."""
        wanted = {tuple(pair) for pair in ticked}
        for item in self._items():
            _tick(item, tuple(item.data(ID_ROLE)) in wanted)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]


class GoalsField(QWidget):
    """Goals as lines of text, each ticked once met; a line typed below is added with Enter
    or "Add goal". A draft keeps the goals and the line being typed."""

    def __init__(self, goals: Iterable[MaturityGoal]) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setAccessibleName("Goals for the next level")
        self.list.setMinimumHeight(90)
        self.list.setWordWrap(True)  # a long goal wraps rather than scrolls sideways
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry = QLineEdit()
        self.entry.setAccessibleName("New goal")
        self.entry.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add goal")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove goal")
        self.remove_button.clicked.connect(self.remove)
        entry = QHBoxLayout()
        entry.addWidget(self.entry, 1)
        entry.addWidget(self.add_button)
        hint = QLabel("Tick a goal once met; double-click to change it")
        hint.setWordWrap(True)
        under = QHBoxLayout()
        under.addWidget(hint, 1)
        under.addWidget(self.remove_button)
        layout = _column(self.list)
        layout.setStretch(0, 1)
        layout.addLayout(under)
        layout.addLayout(entry)
        self.setLayout(layout)
        self.setFocusProxy(self.list)
        self.set_goals(goals)

    @property
    def tab_stops(self) -> list[QWidget]:
        return [self.list, self.remove_button, self.entry, self.add_button]

    def aim_at(self, level: Maturity) -> None:
        """Hint at what the goals are for: the level above ``level``."""
        above = next_level(level)
        if above is None:
            self.entry.setPlaceholderText("What keeps the partnership strategic")
        else:
            self.entry.setPlaceholderText(f"What it takes to reach {above.label}")

    def add(self) -> None:
        text = self.entry.text().strip()
        if text:
            self._add(MaturityGoal(text))
            self.entry.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def goals(self) -> tuple[MaturityGoal, ...]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return tuple(MaturityGoal(item.text(), _ticked(item)) for item in items)

    def set_goals(self, goals: Iterable[MaturityGoal]) -> None:
        self.list.clear()
        for goal in goals:
            self._add(goal)

    def _add(self, goal: MaturityGoal) -> None:
        item = QListWidgetItem(goal.text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        _tick(item, goal.met)
        item.setToolTip("Tick once met; double-click or F2 to change the text")
        self.list.addItem(item)

    def draft_value(self) -> dict[str, Any]:
        goals = [[goal.text, goal.met] for goal in self.goals()]
        return {"goals": goals, "typing": self.entry.text()}

    def set_draft_value(self, value: dict[str, Any]) -> None:
        self.set_goals(MaturityGoal(str(text), bool(met)) for text, met in value["goals"])
        self.entry.setText(str(value.get("typing", "")))
