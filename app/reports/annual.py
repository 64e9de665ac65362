"""The annual report on data-subject requests: key figures, charts and tables for one year.

Takes `YearFigures` (computed in `app.core.figures`) and gives back the PDF as bytes. Every
piece of user text that enters a Paragraph (the controller's name, refusal reasons) is
escaped; the chart labels are drawn as plain strings and need no escaping.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from app.core.figures import YearFigures
from app.reports.caselog import LANGUAGES, channel_label, numbered_canvas, type_label
from app.reports.pdfbase import FONT, FONT_BOLD, register_fonts

__all__ = ["render_annual_report"]

_MARGIN = 18 * mm

# Colour per request type and per channel, in the canonical order, so that a type keeps
# its colour from one year's report to the next.
_PALETTE = (
    colors.HexColor("#1F5A96"),
    colors.HexColor("#E08A1E"),
    colors.HexColor("#3C9A5F"),
    colors.HexColor("#B8403A"),
    colors.HexColor("#7A5BA6"),
    colors.HexColor("#6B6B6B"),
    colors.HexColor("#2FA3B5"),
    colors.HexColor("#A3A32F"),
)

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
}

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Annual report {year}",
        "subtitle": "Requests from data subjects under the GDPR (Articles 12–22)",
        "key_figures": "Key figures",
        "requests": "Requests received",
        "answered": "Answered (answer or refusal sent)",
        "on_time": "Answered on time",
        "late": "Answered late",
        "share": "Share answered on time",
        "median": "Days to answer, median",
        "p90": "Days to answer, 90th percentile",
        "extensions": "Deadlines extended",
        "refusals": "Requests refused",
        "fees": "Fees charged",
        "fees_total": "Fees in total (NOK)",
        "by_month": "Requests per month, by type",
        "by_type": "Requests by type and month",
        "type": "Type",
        "total": "Total",
        "by_channel": "Requests by channel",
        "channel": "Channel",
        "count": "Requests",
        "refusal_reasons": "Refusals by reason",
        "reason": "Reason",
        "no_reason": "(no reason recorded)",
        "none": "None.",
        "no_requests": "No requests were received.",
        "not_applicable": "–",
        "notes": "How the figures are counted",
        "notes_text": (
            "The figures cover the requests received in {year}, whenever they were answered. "
            "A request of several types counts once under each type, so the figures by type "
            "may add up to more than the number of requests. A request counts as answered "
            "when an answer or a refusal was sent; it was on time when that happened by the "
            "deadline (one month after receipt, or the extended deadline where the extension "
            "was decided within the first month). Days to answer are calendar days from "
            "receipt. The median and the 90th percentile use the nearest-rank method: the "
            "smallest number of days within which at least half (90 %) of the answered "
            "requests were answered."
        ),
    },
    "nb": {
        "title": "Årsrapport {year}",
        "subtitle": "Henvendelser fra registrerte etter personvernforordningen (artikkel 12–22)",
        "key_figures": "Nøkkeltall",
        "requests": "Mottatte henvendelser",
        "answered": "Besvart (svar eller avslag sendt)",
        "on_time": "Besvart innen fristen",
        "late": "Besvart for sent",
        "share": "Andel besvart innen fristen",
        "median": "Dager til svar, median",
        "p90": "Dager til svar, 90-persentil",
        "extensions": "Forlengede frister",
        "refusals": "Avslåtte henvendelser",
        "fees": "Gebyr krevd",
        "fees_total": "Gebyr i alt (NOK)",
        "by_month": "Henvendelser per måned, etter type",
        "by_type": "Henvendelser etter type og måned",
        "type": "Type",
        "total": "Sum",
        "by_channel": "Henvendelser etter kanal",
        "channel": "Kanal",
        "count": "Henvendelser",
        "refusal_reasons": "Avslag etter begrunnelse",
        "reason": "Begrunnelse",
        "no_reason": "(ingen begrunnelse registrert)",
        "none": "Ingen.",
        "no_requests": "Ingen henvendelser ble mottatt.",
        "not_applicable": "–",
        "notes": "Slik er tallene telt",
        "notes_text": (
            "Tallene gjelder henvendelser mottatt i {year}, uansett når de ble besvart. En "
            "henvendelse av flere typer telles én gang under hver type, så tallene etter type "
            "kan bli flere enn antallet henvendelser. En henvendelse regnes som besvart når "
            "svar eller avslag er sendt, og som besvart innen fristen når det skjedde innen "
            "fristen (én måned etter mottak, eller den forlengede fristen der forlengelsen ble "
            "besluttet innen den første måneden). Dager til svar er kalenderdager fra mottak. "
            "Median og 90-persentil er beregnet med nærmeste rang: det minste antallet dager "
            "som minst halvparten (90 %) av de besvarte henvendelsene ble besvart innen."
        ),
    },
}


def _integer(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", "\u00a0") if lang == "nb" else text


def _percent(share: float | None, lang: str) -> str:
    if share is None:
        return _WORDS[lang]["not_applicable"]
    text = f"{share * 100:.1f}"
    return text.replace(".", ",") + "\u00a0%" if lang == "nb" else text + "%"


def _optional(value: int | None, lang: str) -> str:
    return _WORDS[lang]["not_applicable"] if value is None else _integer(value, lang)


class _Styles:
    def __init__(self, font: str, bold: str) -> None:
        self.font, self.bold = font, bold
        self.title = ParagraphStyle("ar-title", fontName=bold, fontSize=20, leading=24)
        self.subtitle = ParagraphStyle(
            "ar-subtitle", fontName=font, fontSize=11, leading=14, spaceBefore=4
        )
        self.heading = ParagraphStyle(
            "ar-heading", fontName=bold, fontSize=12, leading=15, spaceBefore=14, spaceAfter=6
        )
        self.body = ParagraphStyle("ar-body", fontName=font, fontSize=9, leading=12)
        self.cell = ParagraphStyle("ar-cell", fontName=font, fontSize=8, leading=10)

    def table(self, *, header: bool = True, numbers_from: int = 1) -> TableStyle:
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), self.font, 8, 10),
            ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#BBBBBB")),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands += [
                ("FONT", (0, 0), (-1, 0), self.bold, 8, 10),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4E4E4")),
            ]
        return TableStyle(commands)


def render_annual_report(
    figures: YearFigures, *, year: int, controller_name: str, lang: str = "en"
) -> bytes:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: use one of {', '.join(LANGUAGES)}")
    if figures.year != year:
        raise ValueError(f"the figures are for {figures.year}, not {year}")
    words = _WORDS[lang]
    register_fonts()
    font, bold = FONT, FONT_BOLD
    styles = _Styles(font, bold)
    title = words["title"].format(year=year)
    page_w, _ = A4
    width = page_w - 2 * _MARGIN

    story: list[Flowable] = [
        Paragraph(escape(title), styles.title),
        Paragraph(escape(controller_name), styles.subtitle),
        Paragraph(escape(words["subtitle"]), styles.subtitle),
        Paragraph(escape(words["key_figures"]), styles.heading),
        _key_figures(figures, lang, styles),
    ]

    story.append(Paragraph(escape(words["by_month"]), styles.heading))
    if figures.requests:
        story.append(_month_chart(figures, lang, font, width))
    else:
        story.append(Paragraph(escape(words["no_requests"]), styles.body))

    story.append(
        KeepTogether(
            [
                Paragraph(escape(words["by_type"]), styles.heading),
                _type_month_table(figures, lang, styles, width),
            ]
        )
    )

    channels: Flowable = _channel_table(figures, lang, styles)
    if figures.requests:
        table_width = 230.0
        chart = _channel_chart(figures, lang, font, width - table_width)
        channels = Table(
            [[channels, chart]],
            colWidths=[table_width, width - table_width],
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), font),  # not the Helvetica default
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
    story.append(KeepTogether([Paragraph(escape(words["by_channel"]), styles.heading), channels]))

    story.append(Paragraph(escape(words["refusal_reasons"]), styles.heading))
    story.append(_refusal_table(figures, lang, styles, width))

    story.append(
        KeepTogether(
            [
                Paragraph(escape(words["notes"]), styles.heading),
                Paragraph(escape(words["notes_text"].format(year=year)), styles.body),
            ]
        )
    )

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=title,
        author=controller_name,
        subject=words["subtitle"],
        creator="Innsyn",
        lang="nb-NO" if lang == "nb" else "en-GB",
        initialFontName=FONT,
    )
    footer = f"{controller_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(lang, footer, margin=_MARGIN))
    return buffer.getvalue()


def _key_figures(figures: YearFigures, lang: str, styles: _Styles) -> Table:
    words = _WORDS[lang]
    rows = [
        (words["requests"], _integer(figures.requests, lang)),
        (words["answered"], _integer(figures.answered, lang)),
        (words["on_time"], _integer(figures.answered_on_time, lang)),
        (words["late"], _integer(figures.answered_late, lang)),
        (words["share"], _percent(figures.share_on_time, lang)),
        (words["median"], _optional(figures.median_days, lang)),
        (words["p90"], _optional(figures.p90_days, lang)),
        (words["extensions"], _integer(figures.extensions, lang)),
        (words["refusals"], _integer(figures.refusals, lang)),
        (words["fees"], _integer(figures.fees, lang)),
        (words["fees_total"], _integer(figures.fees_total, lang)),
    ]
    return Table(rows, colWidths=[200, 70], hAlign="LEFT", style=styles.table(header=False))


def _types_in_use(figures: YearFigures) -> list[str]:
    return [t for t, count in figures.by_type.items() if count]


def _month_chart(figures: YearFigures, lang: str, font: str, width: float) -> Drawing:
    types = _types_in_use(figures)
    all_types = list(figures.by_type)
    height = 200.0
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 50
    chart.width, chart.height = width - 40, height - 60
    chart.data = [list(figures.by_type_month[t]) for t in types]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(_MONTHS[lang])
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    highest = max((sum(figures.by_type_month[t][m] for t in types) for m in range(12)), default=0)
    chart.valueAxis.valueMax = max(highest, 1)
    chart.valueAxis.valueStep = _step(highest)
    chart.valueAxis.labelTextFormat = lambda value: _integer(int(value), lang)
    chart.barSpacing = 1
    for index, request_type in enumerate(types):
        chart.bars[index].fillColor = _PALETTE[all_types.index(request_type) % len(_PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)

    legend = Legend()
    legend.x, legend.y = 30, 4
    legend.boxAnchor = "sw"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(60, (width - 40) / max(len(types), 1))
    legend.fontName = font
    legend.fontSize = 8
    legend.colorNamePairs = [
        (_PALETTE[all_types.index(t) % len(_PALETTE)], type_label(t, lang)) for t in types
    ]
    drawing.add(legend)
    return drawing


def _step(highest: int) -> int:
    """A whole-number axis step giving at most about eight gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if highest / step <= 8:
            return step
    return max(1, highest // 8)


def _type_month_table(figures: YearFigures, lang: str, styles: _Styles, width: float) -> Table:
    words = _WORDS[lang]
    header = [words["type"], *_MONTHS[lang], words["total"]]
    body: list[list[str]] = []
    for request_type, months in figures.by_type_month.items():
        body.append(
            [
                type_label(request_type, lang),
                *(_integer(n, lang) for n in months),
                _integer(sum(months), lang),
            ]
        )
    body.append(
        [
            words["total"],
            *(_integer(n, lang) for n in figures.by_month),
            _integer(figures.requests, lang),
        ]
    )
    first = 72.0
    rest = (width - first) / 13
    style = styles.table()
    style.add("FONT", (0, -1), (-1, -1), styles.bold, 8, 10)
    return Table([header, *body], colWidths=[first, *([rest] * 13)], hAlign="LEFT", style=style)


def _channel_table(figures: YearFigures, lang: str, styles: _Styles) -> Table:
    words = _WORDS[lang]
    rows = [[words["channel"], words["count"]]]
    rows += [
        [channel_label(channel, lang), _integer(count, lang)]
        for channel, count in figures.by_channel.items()
    ]
    return Table(rows, colWidths=[150, 70], hAlign="LEFT", style=styles.table())


def _channel_chart(figures: YearFigures, lang: str, font: str, width: float) -> Drawing:
    in_use: Sequence[tuple[int, str, int]] = [
        (index, channel, count)
        for index, (channel, count) in enumerate(figures.by_channel.items())
        if count
    ]
    size = 110.0
    drawing = Drawing(width, size + 40, initialFontName=font)
    pie = Pie()
    pie.x, pie.y = (width - size) / 2 - 10, 20
    pie.width = pie.height = size
    pie.data = [count for _, _, count in in_use]
    pie.labels = [
        f"{channel_label(channel, lang)} ({_integer(count, lang)})" for _, channel, count in in_use
    ]
    pie.slices.fontName = font
    pie.slices.fontSize = 8
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    pie.simpleLabels = 0
    pie.sideLabels = 1
    for slice_index, (index, _, _) in enumerate(in_use):
        pie.slices[slice_index].fillColor = _PALETTE[index % len(_PALETTE)]
    drawing.add(pie)
    return drawing


def _refusal_table(figures: YearFigures, lang: str, styles: _Styles, width: float) -> Flowable:
    words = _WORDS[lang]
    reasons: Mapping[str, int] = figures.refusals_by_reason
    if not reasons:
        return Paragraph(escape(words["none"]), styles.body)
    rows: list[list[Any]] = [[words["reason"], words["count"]]]
    for reason, count in reasons.items():
        text = reason or words["no_reason"]
        rows.append([Paragraph(escape(text), styles.cell), _integer(count, lang)])
    rows.append([words["total"], _integer(figures.refusals, lang)])
    style = styles.table()
    style.add("FONT", (0, -1), (-1, -1), styles.bold, 8, 10)
    return Table(rows, colWidths=[width - 80, 70], hAlign="LEFT", style=style, repeatRows=1)
