"""A ReportLab Paragraph that does each piece of its work once.

A year's pack of a busy partner holds thousands of paragraphs, and platypus repeats work on
them: every paragraph's text goes through the markup parser (an HTMLParser) even when it has
no markup, and a paragraph in a table is wrapped again each time the table is measured, split
across a page and drawn. Here plain text gets the fragment the parser would have made, and a
paragraph asked to wrap again at the width it already has keeps its lines. The output is the
same; only the repeated work is gone. Imported when a pack is written (it needs ReportLab).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.styles import PropertySet
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # not in the stubs
    cleanBlockQuotedText,
    textTransformFrags,
)
from reportlab.platypus.paraparser import ParaFrag, ParaParser

_MARKUP = ("<", "&")  # a tag or an entity: such text goes through the parser
_templates: WeakKeyDictionary[PropertySet, ParaFrag | None] = WeakKeyDictionary()


def _template(style: PropertySet) -> ParaFrag | None:
    """The fragment the parser makes of plain text in ``style`` (its text aside), or None
    when the parser does something else with it."""
    if style not in _templates:
        _, frags, bullet_frags = ParaParser().parse("x", style)  # type: ignore[no-untyped-call]
        plain = frags is not None and len(frags) == 1 and frags[0].text == "x"
        _templates[style] = frags[0] if plain and not bullet_frags else None
    return _templates[style]


def plain_fragments(text: str, style: PropertySet) -> tuple[str, list[ParaFrag]] | None:
    """The cleaned text and the fragments ``Paragraph(text, style)`` parses ``text`` into,
    without parsing, when the text has no markup; None when it has (or is empty once
    cleaned), for the parser to handle."""
    if any(mark in text for mark in _MARKUP):
        return None
    cleaned = cleanBlockQuotedText(text)
    template = _template(style) if cleaned else None
    if template is None:
        return None
    # Fresh lists: the parser gives every fragment its own.
    frags = [template.clone(text=cleaned, link=[], us_lines=[])]
    textTransformFrags(frags, style)
    return cleaned, frags


class PackParagraph(Paragraph):
    """:class:`Paragraph` without the repeated work (see the module's docstring)."""

    def __init__(
        self, text: str | None, style: PropertySet, bulletText: Any = None, frags: Any = None
    ) -> None:
        if frags is None and text is not None:
            plain = plain_fragments(text, style)
            if plain is not None:
                text, frags = plain
        self._wrapped: tuple[float, float, float, Any, Any] | None = None
        super().__init__(text, style, bulletText, frags)  # type: ignore[arg-type]  # None: split

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # The lines depend on the width only (and on the fragments, which do not change).
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = wrapped
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):
            self._wrapped = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return size
