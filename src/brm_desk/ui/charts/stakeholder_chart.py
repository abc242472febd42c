"""The stakeholder grid on screen: hover names a person, a click opens their contact page,
and dragging them to another cell (or Ctrl+arrows on the chosen one) moves them.

The panel only says what the user asked (:attr:`sig_move`, :attr:`sig_open`); the window
turns a move into an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor

from brm_desk.domain.enums import Influence, Interest
from brm_desk.domain.stakeholders import contact_quadrant
from brm_desk.reports.stakeholder_chart import GRID_MARGINS, Spot, cell_at, draw_stakeholder_grid
from brm_desk.ui.charts.panel import ChartPanel, Figures, hover_note

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from brm_desk.reports.charts import ChartPalette
    from brm_desk.services.stakeholders import StakeholderMap
    from brm_desk.ui.charts.canvas import ChartCanvas

HIT_PIXELS = 12


class StakeholderMapPanel(ChartPanel):
    """One partner's grid (:meth:`set_map`), with the person :attr:`selected` ringed."""

    margins = GRID_MARGINS
    preferred_height = 420
    sig_move = Signal(str, object, object)
    """A person was dropped on another cell: contact id, influence, interest."""
    sig_open = Signal(str)
    """A person was clicked: their contact id."""
    sig_selected = Signal(str)

    def __init__(self) -> None:
        super().__init__("Stakeholder map")
        self.map: StakeholderMap | None = None
        self.selected: str | None = None
        self.spots: dict[str, Spot] = {}
        self._pressed: str | None = None

    def set_map(self, stakeholder_map: StakeholderMap) -> None:
        self.map = stakeholder_map
        if self.selected is not None and stakeholder_map.contact(self.selected) is None:
            self.selected = None
        if self.canvas is None:
            self.show_message("Loading the map…")
        self.redraw()

    def select(self, contact_id: str | None) -> None:
        if contact_id != self.selected:
            self.selected = contact_id
            self.redraw()

    def ensure_canvas(self) -> ChartCanvas:
        fresh = self.canvas is None
        canvas = super().ensure_canvas()
        if fresh:
            canvas.mpl_connect("button_release_event", self._released)
            # The labels' room depends on the width: lay the people out again.
            canvas.mpl_connect("resize_event", self._resized)  # bound: held weakly
        return canvas

    def _resized(self, _event: object) -> None:
        self.redraw()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        if self.map is None:
            return False
        if not self.map.contacts:
            self.show_message(f"{self.map.partner.name} has no contacts yet: add some to map them.")
            return False
        self.spots = draw_stakeholder_grid(
            canvas.figure, self.map.contacts, palette, moves=self.map.moves, selected=self.selected
        )
        return True

    def figures(self) -> Figures:
        headings: tuple[str, ...] = ("Name", "Quadrant", "Influence", "Interest", "Stance")
        then = {m.contact.id: m.then for m in self.map.moves} if self.map else {}
        rows: list[tuple[str, ...]] = []
        for contact in self.map.contacts if self.map else ():
            row: tuple[str, ...] = (
                contact.name,
                contact_quadrant(contact).label,
                contact.influence.label,
                contact.interest.label,
                contact.stance.label,
            )
            was = then.get(contact.id)
            moved = f"{contact_quadrant(was).label}, {was.stance.label.lower()}" if was else ""
            rows.append((*row, moved) if self.map and self.map.compared_with else row)
        if self.map and self.map.compared_with:
            headings = (*headings, f"On {self.map.compared_with.isoformat()}")
        return headings, rows

    def list_row(self, row: int) -> None:
        if self.map is not None and 0 <= row < len(self.map.contacts):
            self.sig_open.emit(self.map.contacts[row].id)

    # The mouse ------------------------------------------------------------------------

    def person_at(self, event: MouseEvent) -> str | None:
        """The person whose marker is under the mouse, if any."""
        if self.canvas is None or not self.canvas.figure.axes or event.x is None:
            return None
        axes = self.canvas.figure.axes[0]
        best, nearest = None, float(HIT_PIXELS)
        for contact_id, spot in self.spots.items():
            x, y = axes.transData.transform((spot.x, spot.y))
            distance = ((x - event.x) ** 2 + (y - event.y) ** 2) ** 0.5
            if distance <= nearest:
                best, nearest = contact_id, distance
        return best

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        if self.map is None or self.canvas is None:
            return "", None
        if self._pressed is not None:
            x, y = event.xdata, event.ydata
            cell = cell_at(x, y) if event.inaxes and x is not None and y is not None else None
            if cell is None or x is None or y is None:
                return "", None
            influence, interest = cell
            text = f"Move to {influence.label.lower()} influence, {interest.label.lower()} interest"
            return text, self._note(x, y, text)
        contact_id = self.person_at(event)
        self.setCursor(
            QCursor(Qt.CursorShape.OpenHandCursor if contact_id else Qt.CursorShape.ArrowCursor)
        )
        contact = self.map.contact(contact_id) if contact_id else None
        if contact is None:
            return "", None
        spot = self.spots[contact.id]
        lines = [contact.name + (f" — {contact.role}" if contact.role else "")]
        lines.append(
            f"{contact_quadrant(contact).label}: {contact.influence.label.lower()} influence, "
            f"{contact.interest.label.lower()} interest"
        )
        lines.append(f"Stance: {contact.stance.label.lower()}")
        was = next((m for m in self.map.moves if m.contact.id == contact.id), None)
        if was is not None:
            lines.append(f"Moved: {was.text.split(': ', 1)[1]}")
        lines.append("Click to open · drag to move")
        text = "\n".join(lines)
        return text, self._note(spot.x, spot.y, text)

    def _note(self, x: float, y: float, text: str) -> Callable[[], list[Any]]:
        def draw_note() -> list[Any]:
            assert self.canvas is not None
            palette = self.palette_for_chart()
            return [hover_note(self.canvas.figure.axes[0], x, y, text, palette)]

        return draw_note

    def click(self, event: MouseEvent) -> None:
        """A press on a person picks them up (a release elsewhere on the grid moves them)."""
        self._pressed = self.person_at(event)
        if self._pressed is not None:
            self.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))

    def _released(self, event: Any) -> None:
        pressed, self._pressed = self._pressed, None
        self.setCursor(QCursor(Qt.CursorShape.ArrowCursor))
        if pressed is None or self.map is None or getattr(event, "button", None) != 1:
            return
        contact = self.map.contact(pressed)
        cell = cell_at(event.xdata, event.ydata) if event.inaxes else None
        if contact is None:
            return
        self.selected = pressed
        self.sig_selected.emit(pressed)
        if cell is None or cell == (contact.influence, contact.interest):
            self.redraw()
            self.sig_open.emit(pressed)
        else:
            self.sig_move.emit(pressed, cell[0], cell[1])


def levels_after(
    influence: Influence, interest: Interest, key: Qt.Key
) -> tuple[Influence, Interest]:
    """Where Ctrl+arrow ``key`` moves a person: up and down in influence, across in interest."""
    from brm_desk.domain.stakeholders import INFLUENCE_LEVELS, INTEREST_LEVELS, step

    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        return step(INFLUENCE_LEVELS, influence, 1 if key == Qt.Key.Key_Up else -1), interest
    return influence, step(INTEREST_LEVELS, interest, 1 if key == Qt.Key.Key_Right else -1)
