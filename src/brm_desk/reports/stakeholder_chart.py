"""The stakeholder grid as a matplotlib Figure, one builder for the app and the internal pack.

Influence runs up and interest across, each in three levels; the quadrant lines sit above
"medium", so the high row and column take half the grid each (they hold the people who need
the most care, and the room for their names). Each person is a marker coloured *and* shaped by
stance, with their name beside it; people sharing a cell are set out in rows, so names do not
pile up. Moves since a past day are arrows from the cell a person was in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact
from brm_desk.domain.stakeholders import (
    INFLUENCE_LEVELS,
    INTEREST_LEVELS,
    STANCE_ORDER,
    Move,
    Quadrant,
)
from brm_desk.reports.chart_palette import ChartPalette

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

GRID_MARGINS = (0.75, 0.2, 0.75, 0.15)
"""Margins (left, right, bottom, top) in inches; the bottom holds the stance legend."""
EDGES = (0.0, 0.25, 0.5, 1.0)
"""Where each level's band starts and ends on either axis: low, medium, high."""
TITLE_STRIP = 0.06
"""The top of each quadrant kept for its name."""
ROW_HEIGHT = 0.05
"""The least height (grid units) between two people one above the other."""
SLOT_WIDTH = 0.12
"""The least width (grid units) of a column of people in a cell."""
CHARACTER_INCHES = 0.064
"""About the width of a character of 8 pt DejaVu Sans."""


@dataclass(frozen=True, slots=True)
class StanceLook:
    """How a stance is drawn: an Okabe–Ito colour and a shape of its own."""

    colour: str
    marker: str


STANCE_LOOKS = {
    Stance.CHAMPION: StanceLook("#009e73", "^"),
    Stance.SUPPORTER: StanceLook("#56b4e9", "o"),
    Stance.NEUTRAL: StanceLook("#999999", "s"),
    Stance.SKEPTIC: StanceLook("#e69f00", "D"),
    Stance.BLOCKER: StanceLook("#d55e00", "X"),
}
QUADRANT_CORNERS = {
    Quadrant.KEEP_SATISFIED: (0.0, 0.5),
    Quadrant.MANAGE_CLOSELY: (0.5, 0.5),
    Quadrant.MONITOR: (0.0, 0.0),
    Quadrant.KEEP_INFORMED: (0.5, 0.0),
}


def band(level: Influence | Interest) -> tuple[float, float]:
    """Where a level's band starts and ends (0–1), on either axis."""
    i = ("low", "medium", "high").index(level.value)
    return EDGES[i], EDGES[i + 1]


def cell_at(x: float, y: float) -> tuple[Influence, Interest] | None:
    """The levels of the cell under a point in grid units (``None`` off the grid)."""
    if not (0 <= x <= 1 and 0 <= y <= 1):
        return None
    column = sum(1 for edge in EDGES[1:-1] if x >= edge)
    row = sum(1 for edge in EDGES[1:-1] if y >= edge)
    return INFLUENCE_LEVELS[row], INTEREST_LEVELS[column]


def _cell_area(influence: Influence, interest: Interest) -> tuple[float, float, float, float]:
    """The part of a cell people are set in: (left, right, bottom, top)."""
    left, right = band(interest)
    bottom, top = band(influence)
    if influence is not Influence.LOW:  # the top cell of a quadrant carries its name
        top -= TITLE_STRIP
    return left, right, bottom, top


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a person is drawn, and how long their label may be (characters)."""

    x: float
    y: float
    room: int


def layout(contacts: Sequence[Contact], width_inches: float = 6.0) -> dict[str, Spot]:
    """A spot for each person of a grid ``width_inches`` wide: by name, down a column of
    their cell, then the next column when the column is full. A cell too full for everyone
    leaves the last by name out (:func:`left_out` counts them; the figures table lists all)."""
    cells: dict[tuple[Influence, Interest], list[Contact]] = {}
    for contact in sorted(contacts, key=lambda c: (c.name.casefold(), c.id)):
        cells.setdefault((contact.influence, contact.interest), []).append(contact)
    spots = {}
    for (influence, interest), people in cells.items():
        left, right, bottom, top = _cell_area(influence, interest)
        most_rows = max(1, int((top - bottom) / ROW_HEIGHT))
        most_columns = max(1, int((right - left) / SLOT_WIDTH))
        if len(people) > most_rows * most_columns:
            people = people[: most_rows * most_columns - 1]  # a row for "+ n more"
        columns = -(-len(people) // most_rows)
        rows = -(-len(people) // columns)
        slot = (right - left) / columns
        room = max(4, int(slot * width_inches / CHARACTER_INCHES) - 2)  # the marker's share
        for i, person in enumerate(people):
            column, row = divmod(i, rows)
            x = left + slot * column + 0.025
            y = top - (top - bottom) * (row + 0.5) / rows
            spots[person.id] = Spot(x, y, room)
    return spots


def left_out(
    contacts: Sequence[Contact], spots: dict[str, Spot]
) -> dict[tuple[Influence, Interest], int]:
    """How many people of each cell :func:`layout` found no room for."""
    found: dict[tuple[Influence, Interest], int] = {}
    for contact in contacts:
        if contact.id not in spots:
            cell = (contact.influence, contact.interest)
            found[cell] = found.get(cell, 0) + 1
    return found


def _short(name: str, room: int) -> str:
    return name if len(name) <= room else name[: room - 1].rstrip() + "…"


def draw_stakeholder_grid(
    figure: Figure,
    contacts: Sequence[Contact],
    palette: ChartPalette,
    *,
    moves: Sequence[Move] = (),
    selected: str | None = None,
) -> dict[str, Spot]:
    """Draw the grid into a cleared ``figure``; returns each person's spot (for hit tests)."""
    import matplotlib as mpl

    from brm_desk.reports.charts import _style_axes, fit_margins

    figure.clear()
    figure.set_facecolor(palette.background)
    fit_margins(figure, GRID_MARGINS)
    left, right, _bottom, _top = GRID_MARGINS
    spots = layout(contacts, float(figure.get_size_inches()[0]) - left - right)
    with mpl.rc_context({"font.family": "DejaVu Sans", "font.size": 8}):
        axes = figure.add_subplot()
        _style_axes(axes, palette)
        _draw_frame(axes, palette)
        _draw_moves(axes, moves, spots, palette)
        for (influence, interest), count in left_out(contacts, spots).items():
            _left, right, bottom, _top = _cell_area(influence, interest)
            axes.text(
                right - 0.01, bottom + 0.012, f"+ {count} more", ha="right",
                va="bottom", fontsize=7.5, color=palette.text, zorder=6,
            )  # fmt: skip
        for contact in contacts:
            spot = spots.get(contact.id)
            if spot is None:
                continue
            look = STANCE_LOOKS[contact.stance]
            if contact.id == selected:
                axes.scatter(
                    [spot.x], [spot.y], s=190, facecolors="none",
                    edgecolors=palette.share_line, linewidths=2, zorder=4,
                )  # fmt: skip
            axes.scatter(
                [spot.x], [spot.y], s=70, marker=look.marker, color=look.colour,
                edgecolors=palette.background, linewidths=0.8, zorder=5,
            )  # fmt: skip
            axes.annotate(
                _short(contact.name, spot.room), (spot.x, spot.y), xytext=(9, 0),
                textcoords="offset points", va="center", color=palette.text, zorder=6,
            )  # fmt: skip
        _draw_legend(figure, palette)
    return spots


def _draw_frame(axes: Axes, palette: ChartPalette) -> None:
    """Quadrant tints and names, the level lines, and the axes' names."""
    from matplotlib.patches import Rectangle

    tints = {
        Quadrant.MANAGE_CLOSELY: (palette.strategic, 0.14),
        Quadrant.KEEP_SATISFIED: (palette.share_line, 0.08),
        Quadrant.KEEP_INFORMED: (palette.routine, 0.12),
        Quadrant.MONITOR: (palette.grid, 0.10),
    }
    for quadrant, (x, y) in QUADRANT_CORNERS.items():
        colour = _tint(*tints[quadrant], palette.background)
        axes.add_patch(Rectangle((x, y), 0.5, 0.5, color=colour, lw=0, zorder=0))
        axes.text(
            x + 0.012, y + 0.5 - 0.012, quadrant.label.upper(), va="top", ha="left",
            fontsize=7.5, fontweight="bold", color=palette.text, zorder=1,
        )  # fmt: skip
    for edge in EDGES[1:-1]:
        strong = edge == 0.5
        colour = palette.text if strong else palette.grid
        width, line = (1.2, "-") if strong else (0.6, ":")
        axes.axvline(edge, color=colour, linewidth=width, linestyle=line, zorder=1)
        axes.axhline(edge, color=colour, linewidth=width, linestyle=line, zorder=1)
    centres = [(EDGES[i] + EDGES[i + 1]) / 2 for i in range(3)]
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_xticks(centres, [level.label for level in INTEREST_LEVELS])
    axes.set_yticks(centres, [level.label for level in INFLUENCE_LEVELS])
    axes.set_xlabel("Interest →")
    axes.set_ylabel("Influence →")
    for side in ("top", "right"):
        axes.spines[side].set_visible(True)
        axes.spines[side].set_color(palette.grid)


def _tint(colour: str, share: float, background: str) -> str:
    """``colour`` laid over ``background`` at ``share``, as one opaque colour (the PDF's SVG
    reader drops transparency)."""
    ink = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    paper = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(p + (c - p) * share) for c, p in zip(ink, paper, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)


def _draw_moves(
    axes: Axes, moves: Sequence[Move], spots: dict[str, Spot], palette: ChartPalette
) -> None:
    """For each move, a hollow mark where the person was and an arrow to where they are."""
    for move in moves:
        then, now = move.then, spots.get(move.contact.id)
        if now is None or (then.influence, then.interest) == (
            move.contact.influence,
            move.contact.interest,
        ):
            continue  # a change of stance only: no arrow across the grid
        _left, right, bottom, _top = _cell_area(then.influence, then.interest)
        start = (right - 0.03, bottom + 0.03)  # a corner: the cell's people sit top left
        look = STANCE_LOOKS[then.stance]
        axes.scatter(
            [start[0]], [start[1]], s=60, marker=look.marker, facecolors="none",
            edgecolors=look.colour, linewidths=1.2, zorder=3,
        )  # fmt: skip
        axes.annotate(
            "", (now.x, now.y), xytext=start,
            arrowprops={
                "arrowstyle": "-|>", "color": palette.text, "lw": 1.2,
                "shrinkA": 5, "shrinkB": 7, "connectionstyle": "arc3,rad=0.15",
            },
            zorder=3,
        )  # fmt: skip


def _draw_legend(figure: Figure, palette: ChartPalette) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=STANCE_LOOKS[s].marker,
            markersize=7,
            color=STANCE_LOOKS[s].colour,
            label=s.label,
        )
        for s in STANCE_ORDER
    ]
    figure.legend(
        handles=handles, loc="lower center", ncols=len(handles), frameon=False,
        labelcolor=palette.text, fontsize=8, handletextpad=0.3, columnspacing=1.4,
    )  # fmt: skip
