"""The review pack's page furniture: styles, running header and footer, vector charts, and
an atomic write.

Kept apart from the content so the partner and the portfolio pack share one look.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.files import replacing
from brm_desk.reports.fonts import BODY, BOLD, ITALIC, PackFonts

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.styles import StyleSheet1
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable

INK = "#1a1a1a"
MUTED = "#5f6368"
ACCENT = "#0b3c8c"
RULE = "#c8ccd2"
STRIPE = "#f3f5f8"
MARGIN_MM = 18
FRAME_PADDING = 6  # platypus frames keep this much inside the margins on each side


def pack_styles() -> StyleSheet1:
    """Paragraph styles, all in DejaVu Sans so every glyph is embedded TrueType."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle, StyleSheet1

    sheet = StyleSheet1()
    ink, muted, accent = HexColor(INK), HexColor(MUTED), HexColor(ACCENT)
    base = ParagraphStyle("Body", fontName=BODY, fontSize=9.5, leading=13, textColor=ink)
    sheet.add(base)

    def add(name: str, **changes: Any) -> None:
        sheet.add(ParagraphStyle(name, base, **changes))

    add("Small", fontSize=8, leading=10.5, textColor=muted)
    add("Cell", fontSize=8.5, leading=11)
    add("CellHead", fontName=BOLD, fontSize=8.5, leading=11)
    add("Figure", fontName=BOLD, fontSize=15, leading=18)
    add("FigureLabel", fontSize=8, leading=10, textColor=muted)
    add("H1", fontName=BOLD, fontSize=16, leading=20, textColor=accent, spaceBefore=12,
        spaceAfter=8, keepWithNext=1)  # fmt: skip
    add("H2", fontName=BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5, keepWithNext=1)
    add("CoverKicker", fontSize=12, leading=16, textColor=muted)
    add("CoverTitle", fontName=BOLD, fontSize=30, leading=36, textColor=accent, spaceBefore=6,
        spaceAfter=14)  # fmt: skip
    add("CoverLine", fontSize=11.5, leading=17)
    add("MeetingHead", fontName=BOLD, fontSize=10, leading=13, spaceBefore=9, spaceAfter=1)
    add("MeetingMeta", fontSize=8, leading=10.5, textColor=muted, spaceAfter=3)
    add("Note", fontSize=9, leading=12.2, spaceAfter=3)
    add("NoteHeading", fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=3, spaceAfter=2,
        keepWithNext=1)  # fmt: skip
    for depth in range(4):
        add(f"NoteBullet{depth}", fontSize=9, leading=12, spaceAfter=1, bulletFontName=BODY,
            leftIndent=12 + 12 * depth, bulletIndent=3 + 12 * depth)  # fmt: skip
    add("Empty", fontName=ITALIC, textColor=muted)
    add("Lead", textColor=muted, spaceAfter=4, keepWithNext=1)
    add("Bullet", leftIndent=12, bulletIndent=2, bulletFontName=BODY, spaceBefore=3)
    add("BulletSource", fontSize=8, leading=10.5, textColor=muted, leftIndent=12)
    return sheet


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
) -> Flowable:
    """A ruled table whose header row repeats on every page it spills onto."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table, TableStyle

    result = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), BODY),  # else Table sets Helvetica, a font not embedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, HexColor(RULE)),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(INK)),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, HexColor(STRIPE)]),
        ]
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, -2), 0.3, HexColor(RULE)))
    result.setStyle(TableStyle(commands))
    return result


def chart_flowable(figure: Figure, width: float, *, text_as_paths: bool = False) -> Drawing:
    """A matplotlib figure as a ReportLab Drawing (SVG through svglib): vector, never pixels.

    Text stays text, in the embedded DejaVu Sans, unless it holds characters only a fallback
    font has (``text_as_paths``): then it is drawn as glyph outlines, slower but exact."""
    from reportlab import rl_config
    from svglib.svglib import svg2rlg

    from brm_desk.reports.charts import figure_to_svg

    _map_chart_fonts()
    svg = figure_to_svg(figure, text_as_paths=text_as_paths)
    checking = rl_config.shapeChecking
    rl_config.shapeChecking = 0  # svglib's output is well-formed; checking costs a fifth
    try:
        drawing = svg2rlg(io.BytesIO(svg))
    finally:
        rl_config.shapeChecking = checking
    if drawing is None:
        raise BrmDeskError("could not convert a chart for the PDF")
    # The chart's text is paths; without this the Drawing would set (unembedded) Helvetica.
    drawing.initialFontName = BODY  # type: ignore[attr-defined]
    scale = width / drawing.width
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


CHART_WIDTH = 7.0  # inches: a print chart's figure; its Drawing is scaled to the page
_kept = threading.local()


def kept_figure(height: float) -> Figure:
    """The figure this thread draws print charts ``height`` inches high on, kept from one chart
    to the next: a chart with the months of the one before reuses its axes, ticks and labels,
    so a portfolio pack of 38 partners takes 3.6 s instead of 5.0 s (CPU, at 100,000 meetings;
    ``benchmarks/packs.py``). One per thread: a matplotlib figure is not to be shared."""
    from brm_desk.reports.charts import ChartPalette, new_figure

    figures: dict[float, Figure] = _kept.__dict__.setdefault("figures", {})
    if height not in figures:
        figures[height] = new_figure(ChartPalette.print(), (CHART_WIDTH, height))
    return figures[height]


@cache
def _map_chart_fonts() -> None:
    """Point svglib's 'DejaVu Sans' at the registered (embedded) DejaVu Sans fonts."""
    from svglib.fonts import register_font

    for weight, name in (("normal", BODY), ("bold", BOLD)):
        register_font("DejaVu Sans", weight=weight, rlgFontName=name)


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    *,
    fonts: PackFonts,
    font: str = BODY,
    size: float = 8,
    align: str = "left",
) -> None:
    """One line on the canvas, with fallback runs in the fallback font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs = [(name or font, run) for name, run in fonts.runs(text)]
    total = sum(stringWidth(run, name, size) for name, run in runs)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, name, size)


def build_pdf(
    path: Path,
    story: list[Flowable],
    *,
    title: str,
    header_left: str,
    header_right: str,
    footnote: str,
    fonts: PackFonts,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Lay the story out on A4 and write it to ``path`` atomically; returns the page count.

    Every page but the first has a running header; every page a footer, with ``footnote``
    under it.

    The file appears only when complete (temp file, then replace), so a failed export never
    leaves a half-written PDF where the user expects the old one. ``on_page(n)`` is called as
    each page is laid out; an exception it raises stops the export, leaving no file."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    page_width, page_height = A4
    margin = MARGIN_MM * mm
    pages: list[int] = []

    class NumberedCanvas(Canvas):
        """Two passes: pages are kept until the end, when "page n of N" is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            pages.append(total)
            super().save()

        def _furniture(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            self.setStrokeColor(HexColor(RULE))
            self.setLineWidth(0.5)
            self.setFillColor(HexColor(MUTED))
            if number > 1:
                top = page_height - margin + 6 * mm
                draw_text(self, margin, top, header_left, fonts=fonts, font=BOLD, size=8)
                draw_text(self, page_width - margin, top, header_right, fonts=fonts, align="right")
                self.line(margin, top - 2.5 * mm, page_width - margin, top - 2.5 * mm)
            bottom = margin - 9 * mm
            self.line(margin, bottom + 4 * mm, page_width - margin, bottom + 4 * mm)
            draw_text(self, margin, bottom, f"{header_left} · {header_right}", fonts=fonts)
            draw_text(
                self,
                page_width - margin,
                bottom,
                f"page {number} of {total}",
                fonts=fonts,
                align="right",
            )
            draw_text(self, margin, bottom - 4 * mm, footnote, fonts=fonts, size=7)
            self.restoreState()

    folder = path.resolve().parent
    if not folder.is_dir():
        raise BrmDeskError(f"{path}: the folder {folder} does not exist")
    try:
        with replacing(path) as temp:
            document = SimpleDocTemplate(
                str(temp),
                pagesize=A4,
                leftMargin=margin,
                rightMargin=margin,
                topMargin=margin + 4 * mm,
                bottomMargin=margin,
                title=title,
                author="BRM Desk",
                creator="BRM Desk",
                initialFontName=BODY,
            )
            if on_page is not None:
                document.setProgressCallBack(
                    lambda kind, value: on_page(value) if kind == "PAGE" else None
                )
            document.build(story, canvasmaker=NumberedCanvas)
    except OSError as error:
        raise BrmDeskError(f"{path}: cannot write the PDF ({error.strerror or error})") from None
    return pages[-1]


def content_width() -> float:
    """The width a flowable may take inside the page frame."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    return float(A4[0] - 2 * MARGIN_MM * mm - 2 * FRAME_PADDING)
