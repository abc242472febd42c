"""Meeting notes (Markdown) as ReportLab paragraphs.

Notes are the BRM's own words, so they print as written structure (headings, bullets, bold,
italic, code) rather than raw asterisks, and without the agenda template's unfilled prompts
(``domain.notes``); all text is escaped, so a stray ``<`` in a note can never break or
inject into the PDF markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brm_desk.domain.notes import Block, Run, parse, written
from brm_desk.reports.fonts import MONO

if TYPE_CHECKING:
    from reportlab.lib.styles import StyleSheet1
    from reportlab.platypus import Flowable

    from brm_desk.reports.fonts import PackFonts

_TASK_MARKS = {False: "☐", True: "☑"}


def _inline(runs: Sequence[Run], fonts: PackFonts) -> str:
    """A line's runs as Paragraph markup; a link prints its address after its words."""
    parts = []
    for index, run in enumerate(runs):
        if run.code:  # a code block keeps its lines
            lines = fonts.markup(run.text).replace("\n", "<br/>")
            markup = f'<font name="{MONO}">{lines}</font>'
        else:
            markup = fonts.markup(run.text.replace("\n", " "))
        if run.bold:
            markup = f"<b>{markup}</b>"
        if run.italic:
            markup = f"<i>{markup}</i>"
        parts.append(markup)
        link_ends = index + 1 == len(runs) or runs[index + 1].link != run.link
        if run.link and link_ends and run.link != run.text:
            parts.append(fonts.markup(f" ({run.link})"))
    return "".join(parts)


def markdown_flowables(text: str, styles: StyleSheet1, fonts: PackFonts) -> list[Flowable]:
    """Flowables for what the BRM wrote in a note, in the pack's note styles."""
    from reportlab.platypus import Paragraph

    flowables: list[Flowable] = []

    def add(blocks: Sequence[Block], depth: int) -> None:
        """``depth``: the lists the blocks sit in, which their indent follows."""
        for block in blocks:
            style = styles[f"NoteBullet{min(depth - 1, 3)}"] if depth else styles["Note"]
            if block.kind == "heading":
                flowables.append(Paragraph(_inline(block.runs, fonts), styles["NoteHeading"]))
            elif block.kind in ("paragraph", "code"):
                flowables.append(Paragraph(_inline(block.runs, fonts), style))
            elif block.kind in ("bullets", "numbers"):
                for number, item in enumerate(block.children, start=block.level):
                    mark = "•" if block.kind == "bullets" else f"{number}."
                    if item.checked is not None:
                        mark = _TASK_MARKS[item.checked]
                    bullet = styles[f"NoteBullet{min(depth, 3)}"]
                    flowables.append(Paragraph(_inline(item.runs, fonts), bullet, bulletText=mark))
                    add(item.children, depth + 1)
            else:  # a quote
                add(block.children, depth)

    add(written(parse(text)), 0)
    return flowables
