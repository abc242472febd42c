"""Fonts for the review pack: DejaVu Sans embedded, and a TrueType fallback for other scripts.

DejaVu Sans (shipped with matplotlib) covers Latin, Greek and Cyrillic but not CJK. Runs of
text it cannot draw are set in the installed TrueType font that draws most of them, found
through matplotlib's font manager; a character no font can draw is an error naming it, so a
pack never prints silent boxes.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast
from xml.sax.saxutils import escape

from brm_desk.domain.errors import BrmDeskError

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

BODY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"
FALLBACK = "BrmDeskFallback"

# The ReportLab name of each body style, and how matplotlib's font manager finds it.
_BODY_STYLES: dict[str, tuple[str, str, Literal["normal", "oblique"]]] = {
    BODY: ("DejaVu Sans", "normal", "normal"),
    BOLD: ("DejaVu Sans", "bold", "normal"),
    ITALIC: ("DejaVu Sans", "normal", "oblique"),
    BOLD_ITALIC: ("DejaVu Sans", "bold", "oblique"),
    MONO: ("DejaVu Sans Mono", "normal", "normal"),
}
LAST_RESORT = "Last Resort"
"""matplotlib ships a font that draws every character as a box naming its Unicode block: the
very boxes a pack must never print, so it is never a fallback."""
_IGNORED = frozenset("\n\r\t\x00")


@dataclass(frozen=True)
class PackFonts:
    """The registered fonts and the characters each can draw."""

    body_chars: frozenset[int]
    fallback_path: Path | None = None
    fallback_chars: frozenset[int] = field(default_factory=frozenset)
    fallback_name: str = FALLBACK
    body_text: frozenset[str] = field(init=False, repr=False, compare=False)
    """The characters the body font draws (and those ignored), as text: most of a pack's
    text is all body text, which a set comparison tells without a loop in Python."""

    def __post_init__(self) -> None:
        body = frozenset(map(chr, self.body_chars)) | _IGNORED
        object.__setattr__(self, "body_text", body)

    def all_body(self, text: str) -> bool:
        """Whether the body font draws all of ``text``."""
        return self.body_text.issuperset(text)

    def missing(self, text: str) -> list[str]:
        """Characters in ``text`` no registered font can draw, in order of first use."""
        if self.all_body(text):
            return []
        seen: dict[str, None] = {}
        for char in text:
            if char not in self.body_text and ord(char) not in self.fallback_chars:
                seen[char] = None
        return list(seen)

    def check(self, texts: Iterable[str]) -> None:
        """Refuse, naming the characters, text that would print as boxes."""
        missing: dict[str, None] = {}
        for text in texts:
            missing.update(dict.fromkeys(self.missing(text)))
        if missing:
            shown = " ".join(f"{c} (U+{ord(c):04X})" for c in list(missing)[:12])
            more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
            raise BrmDeskError(
                f"no installed font can print these characters: {shown}{more}; "
                "install a TrueType font that has them (e.g. fonts-droid-fallback or "
                "fonts-wqy-microhei) and export again"
            )

    def runs(self, text: str) -> list[tuple[str | None, str]]:
        """``text`` cut into runs: (None, run) for the body font, (fallback, run) otherwise."""
        if self.all_body(text):
            return [(None, text)] if text else []
        result: list[tuple[str | None, str]] = []
        for char in text:
            font = None if char in self.body_text else self.fallback_name
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + char)
            else:
                result.append((font, char))
        return result

    def markup(self, text: str) -> str:
        """``text`` escaped for a ReportLab Paragraph, with fallback runs in their font."""
        return self.wrap_fallback(escape(text))

    def wrap_fallback(self, markup: str) -> str:
        """Already-escaped Paragraph markup with its fallback runs put in their font."""
        if self.all_body(markup):
            return markup
        return "".join(
            run if font is None else f'<font name="{font}">{run}</font>'
            for font, run in self.runs(markup)
        )


def installed_fonts() -> list[Path]:
    """Every font file matplotlib's font manager knows, and any installed since it last looked
    (it keeps its list across runs, so a font installed after that is not in it yet)."""
    from matplotlib import font_manager

    listed = [entry.fname for entry in font_manager.fontManager.ttflist]
    return [Path(name) for name in dict.fromkeys([*listed, *font_manager.findSystemFonts()])]


def register_fonts(
    texts: Iterable[str] = (), fallback_fonts: Sequence[Path] | None = None
) -> PackFonts:
    """Register DejaVu Sans with ReportLab and, when ``texts`` hold characters it cannot
    draw, the fallback font: of ``fallback_fonts`` (else :func:`installed_fonts`), the one
    drawing most of them that ReportLab can embed (TrueType outlines, not CFF)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase.ttfonts import TTFError

    body = _register_body()
    needed = set("".join(texts)) - body.body_text
    if not needed:
        return body
    candidates = installed_fonts() if fallback_fonts is None else fallback_fonts
    for path in _drawing_most(needed, candidates):
        name = f"{FALLBACK}-{zlib.crc32(str(path).encode()):08x}"
        try:
            font = _truetype(name, path)
        except (TTFError, OSError):  # CFF-based, damaged or unreadable: try the next
            continue
        for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(name, bold, italic, name)  # type: ignore[arg-type]
        return PackFonts(body.body_chars, path, frozenset(font.face.charToGlyph), name)
    return body


def _drawing_most(needed: set[str], candidates: Iterable[Path]) -> list[Path]:
    """The fonts among ``candidates`` that draw some of ``needed``, those drawing most first."""
    from matplotlib import font_manager

    drawn: dict[Path, int] = {}
    for path in candidates:
        try:
            font = font_manager.get_font(path)
        except (OSError, RuntimeError):  # not a font FreeType can read
            continue
        if not font.family_name.startswith(LAST_RESORT):
            drawn[path] = sum(font.get_char_index(ord(char)) != 0 for char in needed)
    return sorted((p for p in drawn if drawn[p]), key=lambda p: (-drawn[p], str(p)))


@cache
def _register_body() -> PackFonts:
    """DejaVu Sans in four styles, and its mono, as matplotlib's font manager finds them."""
    from matplotlib import font_manager
    from reportlab.lib.fonts import addMapping

    registered = {}
    for name, (family, weight, style) in _BODY_STYLES.items():
        wanted = font_manager.FontProperties(family=family, weight=weight, style=style)
        path = Path(font_manager.findfont(wanted, fallback_to_default=False))
        registered[name] = _truetype(name, path)
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD_ITALIC)
    return PackFonts(frozenset(registered[BODY].face.charToGlyph))


def _truetype(name: str, path: Path) -> TTFont:
    """The TrueType font registered under ``name`` (registering it on first use)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name in pdfmetrics.getRegisteredFontNames():
        return cast("TTFont", pdfmetrics.getFont(name))
    font = TTFont(name, str(path), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return font


def matplotlib_fallback_families(fonts: PackFonts) -> list[str]:
    """The fallback font's family name for matplotlib (registered with its font manager)."""
    if fonts.fallback_path is None:
        return []
    return [matplotlib_family(fonts.fallback_path)]


@cache
def matplotlib_family(path: Path) -> str:
    """Add a font file to matplotlib's font manager; returns the family name to ask for."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return str(font_manager.FontProperties(fname=str(path)).get_name())
