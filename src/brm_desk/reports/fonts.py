"""Fonts for the review pack: DejaVu Sans embedded, and a TrueType fallback for other scripts.

DejaVu Sans (shipped with matplotlib) covers Latin, Greek and Cyrillic but not CJK. Runs of
text it cannot draw are set in a fallback TrueType font found on the system; a character no
font can draw is an error naming it, so a pack never prints silent boxes.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast
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

FALLBACK_DIRS_ENV = "BRM_DESK_FALLBACK_FONT_DIRS"
"""Directories (separated by os.pathsep) searched for a fallback font instead of the
system's usual places; an empty value means "no fallback font at all"."""

SYSTEM_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
# Fonts known to carry CJK as TrueType outlines, best first (ReportLab embeds TrueType only).
FALLBACK_CANDIDATES = (
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKjp-Regular.ttf",
    "NotoSansJP-Regular.ttf",
    "NotoSansSC-Regular.ttf",
    "ipag.ttf",
    "ipagp.ttf",
    "msyh.ttc",
    "msgothic.ttc",
    "simsun.ttc",
    "Arial Unicode.ttf",
)
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
            if char in _IGNORED or ord(char) in self.body_chars:
                continue
            if ord(char) not in self.fallback_chars:
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
            body = ord(char) in self.body_chars or char in _IGNORED
            font = None if body else self.fallback_name
            if result and result[-1][0] == font:
                result[-1] = (font, result[-1][1] + char)
            else:
                result.append((font, char))
        return result

    def markup(self, text: str) -> str:
        """``text`` escaped for a ReportLab Paragraph, with fallback runs in their font."""
        if self.all_body(text):
            return escape(text)
        return "".join(
            escape(run) if font is None else f'<font name="{font}">{escape(run)}</font>'
            for font, run in self.runs(text)
        )

    def wrap_fallback(self, markup: str) -> str:
        """Already-escaped Paragraph markup with its fallback runs put in their font."""
        if self.all_body(markup):
            return markup
        return "".join(
            run if font is None else f'<font name="{font}">{run}</font>'
            for font, run in self.runs(markup)
        )


def matplotlib_font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def fallback_search_dirs(dirs: Sequence[Path] | None = None) -> list[Path]:
    """Where to look for a fallback font: ``dirs``, else $BRM_DESK_FALLBACK_FONT_DIRS, else
    the usual system places."""
    if dirs is not None:
        return list(dirs)
    configured = os.environ.get(FALLBACK_DIRS_ENV)
    if configured is not None:
        return [Path(p) for p in configured.split(os.pathsep) if p]
    return [Path(p).expanduser() for p in SYSTEM_FONT_DIRS]


def find_fallback_fonts(dirs: Sequence[Path]) -> list[Path]:
    """Known CJK TrueType fonts under ``dirs`` (searched recursively), best first."""
    found: dict[str, Path] = {}
    wanted = {name.lower() for name in FALLBACK_CANDIDATES}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.name.lower() in wanted and path.is_file():
                found.setdefault(path.name.lower(), path)
    return [found[name.lower()] for name in FALLBACK_CANDIDATES if name.lower() in found]


def find_fallback_font(dirs: Sequence[Path]) -> Path | None:
    """The best-ranked fallback font under ``dirs``, if any."""
    fonts = find_fallback_fonts(dirs)
    return fonts[0] if fonts else None


def register_fonts(fallback_dirs: Sequence[Path] | None = None) -> PackFonts:
    """Register DejaVu Sans (four styles) and the fallback font with ReportLab."""
    key = tuple(fallback_search_dirs(fallback_dirs))
    return _register(key)


@cache
def _register(dirs: tuple[Path, ...]) -> PackFonts:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase.ttfonts import TTFError

    folder = matplotlib_font_dir()
    styles = {
        BODY: "DejaVuSans.ttf",
        BOLD: "DejaVuSans-Bold.ttf",
        ITALIC: "DejaVuSans-Oblique.ttf",
        BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
        MONO: "DejaVuSansMono.ttf",
    }
    body = {name: _truetype(name, folder / file) for name, file in styles.items()}
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD_ITALIC)
    body_chars = frozenset(body[BODY].face.charToGlyph)
    for path in find_fallback_fonts(dirs):
        name = f"{FALLBACK}-{zlib.crc32(str(path).encode()):08x}"
        try:
            font = _truetype(name, path)
        except (TTFError, OSError):  # CFF-based, damaged or unreadable: try the next
            continue
        for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(name, bold, italic, name)  # type: ignore[arg-type]
        return PackFonts(body_chars, path, frozenset(font.face.charToGlyph), name)
    return PackFonts(body_chars)


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
