"""The charts' colours for each medium: light and dark screens, and print."""

from __future__ import annotations

from dataclasses import dataclass

from brm_desk.domain.enums import Focus


@dataclass(frozen=True, slots=True)
class ChartPalette:
    """Colours for one medium. The focus colours are the Okabe–Ito colour-blind-safe trio
    (vermillion, grey-blue, bluish green) in every preset, so a BRM reads the same colour as the
    same focus on screen and on paper."""

    background: str
    text: str
    grid: str
    reactive: str
    routine: str
    strategic: str
    share_line: str
    target: str
    corner: str

    def focus(self, focus: Focus) -> str:
        return str(getattr(self, focus.value))

    @classmethod
    def light(cls) -> ChartPalette:
        return cls(
            background="#ffffff", text="#222222", grid="#d9d9d9",
            reactive="#d55e00", routine="#8da0b3", strategic="#009e73",
            share_line="#0b3c8c", target="#cc79a7", corner="#d55e00",
        )  # fmt: skip

    @classmethod
    def dark(cls) -> ChartPalette:
        return cls(
            background="#1e1f22", text="#e6e6e6", grid="#44474d",
            reactive="#e8792f", routine="#7f93a6", strategic="#19b38a",
            share_line="#8cc4ff", target="#e69fc9", corner="#e8792f",
        )  # fmt: skip

    @classmethod
    def print(cls) -> ChartPalette:
        return cls(
            background="#ffffff", text="#000000", grid="#cccccc",
            reactive="#d55e00", routine="#a6b4c2", strategic="#009e73",
            share_line="#1a1a1a", target="#cc79a7", corner="#d55e00",
        )  # fmt: skip
