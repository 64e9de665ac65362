"""ReportLab plumbing shared by statements and letters: the embedded font, paragraph styles,
and a document whose page numbers ("Side 1 av 3") restart for every part, so a batch of
statements prints as one PDF with each person's pages numbered on their own."""

from __future__ import annotations

import functools
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate

from app.resources import resources_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 22 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm
FRAME_PADDING = 6  # platypus' default Frame padding, on each side
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - 2 * FRAME_PADDING
FOOTER_Y = 11 * mm
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#BBBBBB")
SHADE = colors.HexColor("#F1F1F1")


@functools.cache
def register_fonts() -> None:
    """DejaVu Sans covers Norwegian and Sámi (ŋ, đ, č, ŧ); Helvetica prints those as boxes.
    Registered once per process: parsing the TTF is the slow part of a first render."""
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    # No italic face ships: <i> falls back to the upright face instead of failing.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    subheading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    letterhead_name: ParagraphStyle
    letterhead: ParagraphStyle
    letterhead_right: ParagraphStyle
    address: ParagraphStyle
    notice: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=6)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0)
    letterhead = ParagraphStyle(
        "letterhead", parent=body, fontSize=8.5, leading=11.5, spaceAfter=0, textColor=GREY
    )
    return Styles(
        body=body,
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=2,
            spaceAfter=8,
            keepWithNext=1,
        ),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        ),
        label=ParagraphStyle("label", parent=cell, fontName=FONT_BOLD),
        cell=cell,
        letterhead_name=ParagraphStyle(
            "letterhead_name",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceAfter=2,
        ),
        letterhead=letterhead,
        letterhead_right=ParagraphStyle(
            "letterhead_right",
            parent=letterhead,
            alignment=TA_RIGHT,
            textColor=colors.black,
            fontSize=9,
            leading=12,
        ),
        address=ParagraphStyle("address", parent=body, leading=13.5, spaceAfter=0),
        notice=ParagraphStyle(
            "notice",
            parent=body,
            backColor=SHADE,
            borderPadding=(5, 6, 5, 6),
            spaceBefore=8,
            spaceAfter=12,
        ),
    )


@dataclass(frozen=True, slots=True)
class Part:
    """One statement or letter inside a PDF: its own footer and page count."""

    page_label: str  # "Side {page} av {pages}"
    footer: str  # plain text, no personal data: controller and case reference


class _PartStart(Flowable):
    """Zero-size marker: from the page it lands on, pages belong to `part`."""

    def __init__(self, part: Part) -> None:
        super().__init__()
        self.part = part

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.innsyn_part = self.part


class _NumberedCanvas(Canvas):
    """Holds every page back until the end, when the page count of each part is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.innsyn_part: Part | None = None
        self._held: list[tuple[dict[str, Any], Part | None]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._held.append((dict(self.__dict__), self.innsyn_part))
        self._startPage()

    def save(self) -> None:
        totals = Counter(id(part) for _, part in self._held)
        seen: Counter[int] = Counter()
        for state, part in self._held:
            self.__dict__.update(state)
            seen[id(part)] += 1
            if part is not None:
                self._footer(part, seen[id(part)], totals[id(part)])
            Canvas.showPage(self)
        Canvas.save(self)

    def _footer(self, part: Part, page: int, pages: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        left, right = MARGIN_LEFT + FRAME_PADDING, PAGE_WIDTH - MARGIN_RIGHT - FRAME_PADDING
        self.line(left, FOOTER_Y + 10, right, FOOTER_Y + 10)
        self.setFillColor(GREY)
        self.setFont(FONT, 7.5)
        self.drawString(left, FOOTER_Y, part.footer)
        self.setFillColor(colors.black)
        self.setFont(FONT, 8.5)
        label = part.page_label.format(page=page, pages=pages)
        self.drawRightString(right, FOOTER_Y, label)
        self.restoreState()


def build_pdf(
    parts: Sequence[tuple[Part, Sequence[Flowable]]],
    *,
    title: str,
    author: str,
    language: str,
) -> bytes:
    """Lay out the parts one after another, each from a fresh page.

    Metadata carries the title (kind and case reference) and the controller as author only:
    a PDF's properties travel with it, so no name of the person goes there."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject="",
        keywords=[],
        creator="Innsyn",
        lang=language,
        initialFontName=FONT,
    )
    story: list[Flowable] = []
    for index, (part, flowables) in enumerate(parts):
        if index:
            story.append(PageBreak())
        story.append(_PartStart(part))
        story.extend(flowables)
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
