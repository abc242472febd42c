"""Meeting notes (Markdown) as ReportLab paragraphs.

Notes are the BRM's own words, so they print as written structure (headings, bullets, bold,
italic, code) rather than raw asterisks; everything else is escaped, so a stray ``<`` in a
note can never break or inject into the PDF markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from brm_desk.reports.fonts import MONO

if TYPE_CHECKING:
    from reportlab.lib.styles import StyleSheet1
    from reportlab.platypus import Flowable

    from brm_desk.reports.fonts import PackFonts

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$")  # indent, number (if any), text
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def inline(text: str, fonts: PackFonts) -> str:
    """One line of Markdown as Paragraph markup: escaped, then bold/italic/code/links."""
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match.group(1))
        return f"\x00{len(codes) - 1}\x00"

    marked = _CODE.sub(keep_code, text)
    marked = escape(marked)
    marked = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", marked)
    marked = _BOLD.sub(r"<b>\2</b>", marked)
    marked = _ITALIC.sub(r"<i>\2</i>", marked)
    marked = fonts.wrap_fallback(marked)
    return re.sub(
        r"\x00(\d+)\x00",
        lambda m: f'<font name="{MONO}">{fonts.markup(codes[int(m.group(1))])}</font>',
        marked,
    )


def markdown_flowables(text: str, styles: StyleSheet1, fonts: PackFonts) -> list[Flowable]:
    """Flowables for a Markdown note, in the pack's note styles."""
    from brm_desk.reports.pack_paragraph import PackParagraph as Paragraph

    flowables: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(line.strip() for line in paragraph)
            flowables.append(Paragraph(inline(joined, fonts), styles["Note"]))
            paragraph.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
            continue
        heading = _HEADING.match(line)
        item = _LIST_ITEM.match(line)
        if _RULE.match(line):
            flush()
        elif heading:
            flush()
            flowables.append(Paragraph(inline(heading.group(2), fonts), styles["NoteHeading"]))
        elif item:
            flush()
            indent, number, words = item.groups()
            style = styles[f"NoteBullet{min(len(indent.expandtabs(4)) // 2, 3)}"]
            mark = "•" if number is None else f"{number}."
            flowables.append(Paragraph(inline(words, fonts), style, bulletText=mark))
        else:
            paragraph.append(line)
    flush()
    return flowables
