"""Read a drawn balance chart back: the stacked bars' heights per focus, month by month.

The chart draws each focus as one patch of rectangles (month ``i`` centred at x = i), so
reading it back means walking that patch's path, four corners and a close per rectangle.
"""

from __future__ import annotations

from typing import Any

from matplotlib.patches import PathPatch

FOCUS_LABELS = ("Reactive", "Routine", "Strategic")


def stacks(axes: Any) -> dict[str, PathPatch]:
    """The focus patches of a balance chart's bar axes, by legend label."""
    return {
        patch.get_label(): patch
        for patch in axes.patches
        if isinstance(patch, PathPatch) and patch.get_label() in FOCUS_LABELS
    }


def bars(patch: PathPatch, months: int) -> list[tuple[float, float]]:
    """(bottom, height) of each month's rectangle; (0, 0) for a month without one."""
    found = [(0.0, 0.0)] * months
    vertices = patch.get_path().vertices
    for first in range(0, len(vertices) - 4, 5):
        corners = vertices[first : first + 4]
        x = round(float(corners[:, 0].mean()))
        bottom, top = float(corners[:, 1].min()), float(corners[:, 1].max())
        found[x] = (bottom, top - bottom)
    return found


def heights(axes: Any, months: int) -> dict[str, list[float]]:
    """Each focus's bar heights, month by month."""
    return {label: [h for _b, h in bars(p, months)] for label, p in stacks(axes).items()}
