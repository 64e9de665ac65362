"""The case log written as CSV, XLSX and PDF, and the annual report, each read back.

CSV with the csv module, XLSX with openpyxl (and its raw XML), PDFs with pypdf: what a reader
(Excel, Datatilsynet) would see, not file sizes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from app.core.caselog import CaseLogRow, Outcome, pseudonym
from app.core.figures import YearFigures, year_figures
from app.reports.annual import render_annual_report
from app.reports.caselog import Cancelled, write_csv, write_pdf, write_xlsx

HEADER_EN = [
    "Reference",
    "Request types",
    "Channel",
    "Received",
    "Identity verified on",
    "Identity verification method",
    "Due date",
    "Extension decided on",
    "Extension reason",
    "Extended due date",
    "Answered on",
    "On time",
    "Days used",
    "Outcome",
    "Refusal reason",
    "Legal basis for refusal",
    "Fee (NOK)",
    "Notices to recipients sent",
    "Notices to recipients required",
    "Closed on",
    "Data subject",
]
COL = {name: index for index, name in enumerate(HEADER_EN)}
HYPERLINK = '=HYPERLINK("http://x")'


def row(**overrides: Any) -> CaseLogRow:
    values: dict[str, Any] = {
        "reference": "2026-0001",
        "types": ("access",),
        "channel": "email",
        "received": date(2026, 1, 5),
        "identity_verified_on": date(2026, 1, 6),
        "identity_method": "reply from the e-mail address on record",
        "due": date(2026, 2, 5),
        "extension_decided_on": None,
        "extension_reason": None,
        "extended_due": None,
        "answered_on": None,
        "closed_on": None,
        "status": "in progress",
        "outcome": Outcome.OPEN,
        "refusal_reason": None,
        "refusal_basis": None,
        "fee_amount": None,
        "notices_done": 0,
        "notices_required": 0,
        "subject": pseudonym(1),
    }
    values.update(overrides)
    return CaseLogRow(**values)


ON_TIME = row(
    reference="2026-0001",
    answered_on=date(2026, 1, 20),
    closed_on=date(2026, 1, 21),
    status="closed",
    outcome=Outcome.ANSWERED,
    subject=pseudonym(42),
)
LATE = row(
    reference="2026-0002",
    types=("rectification", "erasure"),
    channel="phone",
    received=date(2026, 3, 2),
    identity_verified_on=date(2026, 3, 3),
    identity_method="call-back to the phone number on record",
    due=date(2026, 4, 7),
    answered_on=date(2026, 4, 10),
    status="answered",
    outcome=Outcome.ANSWERED,
    notices_done=1,
    notices_required=2,
    subject=HYPERLINK,
)
EXTENDED = row(
    reference="2026-0003",
    received=date(2026, 1, 31),
    due=date(2026, 3, 2),
    extension_decided_on=date(2026, 2, 10),
    extension_reason="=1+1 many systems",
    extended_due=date(2026, 4, 30),
    answered_on=date(2026, 4, 15),
    status="answered",
    outcome=Outcome.ANSWERED,
    subject="+47 999",
)
REFUSED = row(
    reference="2026-0004",
    channel="letter",
    received=date(2026, 5, 4),
    due=date(2026, 6, 4),
    answered_on=date(2026, 5, 20),
    status="refused",
    outcome=Outcome.REFUSED,
    refusal_reason="Manifestly unfounded: the same request every week",
    refusal_basis="GDPR Art. 12(5)(b)",
    subject="-x",
)
OPEN = row(
    reference="2026-0005",
    channel="in-person",
    received=date(2026, 6, 1),
    due=date(2026, 7, 1),
    identity_verified_on=None,
    identity_method=None,
    subject="@y",
)
FEE = row(
    reference="2026-0006",
    received=date(2026, 2, 2),
    due=date(2026, 3, 2),
    answered_on=date(2026, 2, 20),
    status="answered",
    outcome=Outcome.ANSWERED,
    fee_amount=250,
    subject="Áile Ŋuolja <Nordmann> & Sønn",
)
ROWS = [ON_TIME, LATE, EXTENDED, REFUSED, OPEN, FEE]


def many(count: int) -> list[CaseLogRow]:
    return [replace(ON_TIME, reference=f"2026-{i:04d}", subject=pseudonym(i)) for i in range(count)]


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_csv_has_a_bom_crlf_and_rfc4180_quoting(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_csv(ROWS, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(ROWS) + 1
    text = raw.decode("utf-8-sig")
    # Commas and quotes inside a cell: the cell is quoted, inner quotes doubled.
    assert '"rectification, erasure"' in text
    assert '"\'=HYPERLINK(""http://x"")"' in text


def test_csv_header_dates_and_derived_columns(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_csv(ROWS, path)
    header, *body = read_csv(path)
    assert header == HEADER_EN
    assert len(body) == len(ROWS)
    first = body[0]
    assert first[COL["Reference"]] == "2026-0001"
    assert first[COL["Received"]] == "2026-01-05"
    assert first[COL["Identity verified on"]] == "2026-01-06"
    assert first[COL["Due date"]] == "2026-02-05"
    assert first[COL["Answered on"]] == "2026-01-20"
    assert first[COL["Closed on"]] == "2026-01-21"
    assert first[COL["On time"]] == "yes"
    assert first[COL["Days used"]] == "15"
    assert first[COL["Outcome"]] == "answered"
    assert first[COL["Data subject"]] == "S-000042"

    late = body[1]
    assert late[COL["On time"]] == "no"
    assert late[COL["Days used"]] == "39"
    assert late[COL["Request types"]] == "rectification, erasure"
    assert late[COL["Channel"]] == "phone"
    assert late[COL["Notices to recipients sent"]] == "1"
    assert late[COL["Notices to recipients required"]] == "2"

    extended = body[2]
    assert extended[COL["Extension decided on"]] == "2026-02-10"
    assert extended[COL["Extended due date"]] == "2026-04-30"
    assert extended[COL["On time"]] == "yes"  # late for the first month, within the extension

    refused = body[3]
    assert refused[COL["Outcome"]] == "refused"
    assert refused[COL["Refusal reason"]] == "Manifestly unfounded: the same request every week"
    assert refused[COL["Legal basis for refusal"]] == "GDPR Art. 12(5)(b)"

    still_open = body[4]
    assert still_open[COL["Answered on"]] == ""
    assert still_open[COL["On time"]] == ""
    assert still_open[COL["Days used"]] == ""
    assert still_open[COL["Identity verified on"]] == ""
    assert still_open[COL["Channel"]] == "in person"

    assert body[5][COL["Fee (NOK)"]] == "250"
    assert body[0][COL["Fee (NOK)"]] == ""


def test_csv_neutralises_formula_like_cells(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_csv(ROWS, path)
    _, *body = read_csv(path)
    subjects = [line[COL["Data subject"]] for line in body]
    assert subjects == [
        "S-000042",
        "'" + HYPERLINK,
        "'+47 999",
        "'-x",
        "'@y",
        "Áile Ŋuolja <Nordmann> & Sønn",
    ]
    assert body[2][COL["Extension reason"]] == "'=1+1 many systems"
    # No cell of the file may start a formula.
    for line in body:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_csv_neutralises_labels_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_csv([row(channel="=cmd", types=("-evil",), outcome="@odd", notices_done=-1)], path)
    _, line = read_csv(path)
    assert line[COL["Channel"]] == "'=cmd"
    assert line[COL["Request types"]] == "'-evil"
    assert line[COL["Outcome"]] == "'@odd"
    assert line[COL["Notices to recipients sent"]] == "'-1"


def test_csv_in_norwegian_to_a_stream_has_a_norwegian_header_and_the_same_values() -> None:
    stream = io.StringIO(newline="")
    write_csv(ROWS, stream, lang="nb")
    text = stream.getvalue()
    assert text.startswith("\ufeff")
    header, *body = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert header[0] == "Referanse"
    assert header[-1] == "Den registrerte"
    # The values are the documented codes a program reads, whatever the header's language.
    assert body[0][COL["On time"]] == "yes"
    assert body[1][COL["On time"]] == "no"
    assert body[1][COL["Request types"]] == "rectification, erasure"
    assert body[0][COL["Outcome"]] == "answered"
    assert body[3][COL["Outcome"]] == "refused"
    assert body[0][COL["Identity verification method"]] == (
        "reply from the e-mail address on record"
    )


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="language"):
        write_csv(ROWS, tmp_path / "log.csv", lang="de")


# --------------------------------------------------------------------------------------------
# Progress and cancelling
# --------------------------------------------------------------------------------------------


def test_progress_is_reported_every_thousand_rows(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    write_csv(many(2500), tmp_path / "log.csv", progress=progress)
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


@pytest.mark.parametrize("writer", ["csv", "xlsx", "pdf"])
def test_progress_returning_false_cancels(tmp_path: Path, writer: str) -> None:
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return False

    rows = many(1500)
    path = tmp_path / f"log.{writer}"
    with pytest.raises(Cancelled):
        if writer == "csv":
            write_csv(rows, path, progress=progress)
        elif writer == "xlsx":
            write_xlsx(rows, path, progress=progress)
        else:
            write_pdf(rows, path, title="t", period="p", progress=progress)
    assert calls == [1000]
    if writer != "csv":
        assert not path.exists()


def test_pdf_can_be_cancelled_while_laying_out(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done <= 1500  # let the preparation finish, stop in the layout

    with pytest.raises(Cancelled):
        write_pdf(many(1500), tmp_path / "log.pdf", title="t", period="p", progress=progress)
    assert calls[:2] == [(1000, 3000), (1500, 3000)]
    assert len(calls) == 3
    assert 1500 < calls[2][0] <= 3000


def test_rows_from_an_iterator_are_read_once_in_batches(tmp_path: Path) -> None:
    """A log streamed from the database: the writer pulls a batch, writes it, reports, and
    only then pulls the next (it never holds the whole log)."""
    pulled = 0
    calls: list[tuple[int, int, int]] = []

    def stream() -> Iterator[CaseLogRow]:
        nonlocal pulled
        for r in many(2500):
            pulled += 1
            yield r

    def progress(done: int, total: int) -> bool:
        calls.append((done, total, pulled))
        return True

    write_csv(stream(), tmp_path / "log.csv", progress=progress, total=2500)
    assert calls == [(1000, 2500, 1000), (2000, 2500, 2000), (2500, 2500, 2500)]
    assert read_csv(tmp_path / "log.csv")[1:] == read_csv_of(many(2500), tmp_path / "list.csv")


def read_csv_of(rows: list[CaseLogRow], path: Path) -> list[list[str]]:
    write_csv(rows, path)
    return read_csv(path)[1:]


def test_an_iterator_with_progress_needs_its_total(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="total"):
        write_csv(iter(ROWS), tmp_path / "log.csv", progress=lambda d, t: True)
    write_csv(iter(ROWS), tmp_path / "log.csv")  # without progress it needs none
    assert len(read_csv(tmp_path / "log.csv")) == len(ROWS) + 1


def test_progress_never_reports_more_done_than_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    write_csv(iter(many(1500)), tmp_path / "log.csv", progress=progress, total=1200)
    assert calls == [(1000, 1200), (1500, 1500)]


def test_xlsx_and_pdf_from_an_iterator_are_the_same_as_from_a_list(tmp_path: Path) -> None:
    write_xlsx(iter(ROWS), tmp_path / "it.xlsx", total=len(ROWS), progress=lambda d, t: True)
    write_xlsx(ROWS, tmp_path / "list.xlsx")
    it, listed = (
        openpyxl.load_workbook(tmp_path / f"{name}.xlsx").active for name in ("it", "list")
    )
    assert it is not None and listed is not None
    assert [[c.value for c in r] for r in it.iter_rows()] == [
        [c.value for c in r] for r in listed.iter_rows()
    ]
    assert it.auto_filter.ref == f"A1:U{len(ROWS) + 1}"
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    write_pdf(iter(ROWS), tmp_path / "it.pdf", title="t", period="p", progress=progress,
              total=len(ROWS))  # fmt: skip
    write_pdf(ROWS, tmp_path / "list.pdf", title="t", period="p")
    assert pdf_pages(tmp_path / "it.pdf")[1] == pdf_pages(tmp_path / "list.pdf")[1]
    assert calls[0] == (len(ROWS), 2 * len(ROWS)) and calls[-1] == (12, 12)


# --------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "log.xlsx"
    write_xlsx(ROWS, path, lang="en")
    return path


def test_xlsx_header_frozen_and_filtered(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx).active
    assert ws is not None
    assert [c.value for c in ws[1]] == HEADER_EN
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:U{len(ROWS) + 1}"
    assert ws[1][0].font.bold
    assert ws.column_dimensions["A"].width == 14
    assert ws.column_dimensions["F"].width == 36


def test_xlsx_dates_are_date_cells_shown_day_first(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx).active
    assert ws is not None
    received = ws.cell(row=2, column=COL["Received"] + 1)
    assert isinstance(received.value, dt.datetime)
    assert received.value.date() == date(2026, 1, 5)
    assert received.number_format == "dd.mm.yyyy"
    answered = ws.cell(row=2, column=COL["Answered on"] + 1)
    assert isinstance(answered.value, dt.datetime)
    assert answered.value.date() == date(2026, 1, 20)
    # The extended request's dates are each in their own column.
    assert ws.cell(row=4, column=COL["Extended due date"] + 1).value == dt.datetime(2026, 4, 30)
    assert ws.cell(row=4, column=COL["Extension decided on"] + 1).value == dt.datetime(2026, 2, 10)
    # Missing dates are empty cells, not empty strings.
    assert ws.cell(row=6, column=COL["Answered on"] + 1).value is None


def test_xlsx_numbers_and_words(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx).active
    assert ws is not None
    assert ws.cell(row=2, column=COL["Days used"] + 1).value == 15
    assert ws.cell(row=2, column=COL["On time"] + 1).value == "yes"
    assert ws.cell(row=3, column=COL["On time"] + 1).value == "no"
    assert ws.cell(row=7, column=COL["Fee (NOK)"] + 1).value == 250
    assert ws.cell(row=3, column=COL["Notices to recipients required"] + 1).value == 2


def test_xlsx_formula_like_text_stays_text(xlsx: Path) -> None:
    ws = openpyxl.load_workbook(xlsx).active
    assert ws is not None
    subject = COL["Data subject"] + 1
    cell = ws.cell(row=3, column=subject)
    assert cell.data_type == "s"
    assert cell.value == HYPERLINK
    reason = ws.cell(row=4, column=COL["Extension reason"] + 1)
    assert reason.data_type == "s"
    assert reason.value == "=1+1 many systems"
    assert [ws.cell(row=r, column=subject).value for r in (4, 5, 6, 7)] == [
        "+47 999",
        "-x",
        "@y",
        "Áile Ŋuolja <Nordmann> & Sønn",
    ]
    with zipfile.ZipFile(xlsx) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_xlsx_error_lookalikes_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    write_xlsx([row(subject="#N/A", extension_reason="line\x07bell")], path)
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    subject = ws.cell(row=2, column=COL["Data subject"] + 1)
    assert (subject.data_type, subject.value) == ("s", "#N/A")
    assert ws.cell(row=2, column=COL["Extension reason"] + 1).value == "line\ufffdbell"


def test_xlsx_in_norwegian(tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    write_xlsx(ROWS, path, lang="nb")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws is not None
    assert ws.title == "Sakslogg"
    assert ws.cell(row=1, column=1).value == "Referanse"
    assert ws.cell(row=3, column=COL["Request types"] + 1).value == "retting, sletting"


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------


def pdf_pages(path: Path | bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(path) if isinstance(path, bytes) else path)
    return reader, [page.extract_text() for page in reader.pages]


def font_names(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
    return names


def test_pdf_repeats_the_header_and_numbers_pages(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    rows = many(80)
    write_pdf(rows, path, title="Case log 2026", period="1 Jan – 31 Dec 2026")
    reader, pages = pdf_pages(path)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Reference" in text
        assert "Data subject" in text
    assert "2026-0079" in pages[-1]
    # Every row is printed exactly once.
    joined = "\n".join(pages)
    assert all(joined.count(f"2026-{i:04d}") == 1 for i in range(80))
    assert reader.metadata is not None
    assert reader.metadata.title == "Case log 2026"


def test_pdf_totals_and_row_contents(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    write_pdf(ROWS, path, title="Case log", period="2026")
    _, pages = pdf_pages(path)
    text = "\n".join(pages)
    totals = text[text.index("Totals") :]
    for label, value in [
        ("Requests", 6),
        ("Answered on time", 4),
        ("Answered late", 1),
        ("Open", 1),
        ("Extended", 1),
        ("Refused", 1),
    ]:
        assert re.search(rf"{label}\s+{value}\b", totals), (label, totals)
    assert "yes / 15" in text
    assert "no / 39" in text
    assert "→ 30.04.2026" in text
    assert "20.01.2026" in text
    assert "GDPR Art. 12(5)(b)" in text
    assert "1/2" in text


def test_pdf_prints_user_text_literally_with_an_embedded_font(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    write_pdf(ROWS, path, title="Log <b>2026</b> & more", period="<i>Q1</i>", lang="en")
    reader, pages = pdf_pages(path)
    text = "\n".join(pages)
    # The heading, not only the footer (drawn as plain text) or the metadata.
    assert pages[0].splitlines()[:2] == ["Log <b>2026</b> & more", "<i>Q1</i>"]
    # Narrow columns wrap long values over several lines.
    assert HYPERLINK in text.replace("\n", "")
    assert "Áile Ŋuolja <Nordmann> & Sønn" in text.replace("\n", " ")
    fonts = font_names(reader)
    assert fonts, "no fonts found"
    assert all("DejaVuSans" in name for name in fonts), fonts


def test_pdf_in_norwegian(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    write_pdf(ROWS, path, title="Sakslogg", period="2026", lang="nb")
    _, pages = pdf_pages(path)
    text = "\n".join(pages)
    assert "Side 1 av 1" in text
    assert "Referanse" in text
    assert "Sum" in text
    assert "Besvart innen fristen" in text
    assert "ja / 15" in text


def test_pdf_of_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "log.pdf"
    write_pdf([], path, title="Case log", period="2026")
    _, pages = pdf_pages(path)
    assert len(pages) == 1
    assert "Reference" in pages[0]
    assert re.search(r"Requests\s+0\b", pages[0])


# --------------------------------------------------------------------------------------------
# Annual report
# --------------------------------------------------------------------------------------------


def hand_figures() -> YearFigures:
    return YearFigures(
        year=2026,
        requests=137,
        by_type={
            "access": 101,
            "rectification": 9,
            "erasure": 31,
            "restriction": 0,
            "objection": 4,
        },
        by_channel={"phone": 17, "email": 95, "letter": 21, "in-person": 4},
        by_month=(11, 10, 23, 12, 13, 9, 5, 14, 12, 11, 9, 8),
        by_type_month={
            "access": (8, 7, 19, 9, 10, 6, 3, 10, 9, 8, 7, 5),
            "rectification": (1, 0, 1, 1, 0, 1, 0, 2, 1, 1, 0, 1),
            "erasure": (2, 3, 4, 2, 3, 2, 2, 3, 2, 3, 3, 2),
            "restriction": (0,) * 12,
            "objection": (0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0),
        },
        answered=121,
        answered_on_time=110,
        share_on_time=110 / 121,
        median_days=17,
        p90_days=29,
        extensions=6,
        refusals=3,
        refusals_by_reason={"Repetitive <weekly> & unfounded": 2, "": 1},
        fees=2,
        fees_total=1250,
    )


def test_annual_report_has_the_figures() -> None:
    pdf = render_annual_report(
        hand_figures(), year=2026, controller_name="LanoPro <AS> & co", lang="en"
    )
    reader, pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert reader.metadata is not None
    assert reader.metadata.title == "Annual report 2026"
    assert reader.metadata.author == "LanoPro <AS> & co"
    # The heading, not only the footer (drawn as plain text) or the metadata.
    assert pages[0].splitlines()[:2] == ["Annual report 2026", "LanoPro <AS> & co"]
    assert f"Page 1 of {len(pages)}" in pages[0]
    for label, value in [
        ("Requests received", "137"),
        ("Answered on time", "110"),
        ("Answered late", "11"),
        ("Share answered on time", "90.9%"),
        ("Days to answer, median", "17"),
        ("Days to answer, 90th percentile", "29"),
        ("Deadlines extended", "6"),
        ("Requests refused", "3"),
        ("Fees in total (NOK)", "1,250"),
    ]:
        assert re.search(rf"{re.escape(label)}\s+{re.escape(value)}(?!\d)", text), label
    # The type-by-month table: access, January to December, then the total.
    assert re.search(r"access\s+8\s+7\s+19\s+9\s+10\s+6\s+3\s+10\s+9\s+8\s+7\s+5\s+101", text)
    assert re.search(r"Total\s+11\s+10\s+23\s+12\s+13\s+9\s+5\s+14\s+12\s+11\s+9\s+8\s+137", text)
    assert "e-mail (95)" in text  # the pie's label
    assert "Repetitive <weekly> & unfounded" in text
    assert "(no reason recorded)" in text
    assert "nearest-rank" in text


def test_annual_report_in_norwegian_embeds_the_font() -> None:
    pdf = render_annual_report(hand_figures(), year=2026, controller_name="LanoPro", lang="nb")
    reader, pages = pdf_pages(pdf)
    text = "\n".join(pages)
    assert reader.metadata is not None
    assert reader.metadata.title == "Årsrapport 2026"
    assert f"Side 1 av {len(pages)}" in pages[0]
    assert "90,9" in text
    assert re.search(r"Gebyr i alt \(NOK\)\s+1\s250", text)  # a no-break space in the PDF
    assert "innsyn" in text and "sletting" in text
    assert "e-post (95)" in text
    assert all("DejaVuSans" in name for name in font_names(reader))


def test_annual_report_from_computed_figures_and_of_an_empty_year() -> None:
    figures = year_figures(ROWS, 2026)
    text = "\n".join(pdf_pages(render_annual_report(figures, year=2026, controller_name="X"))[1])
    assert re.search(r"Requests received\s+6\b", text)
    empty = year_figures([], 2027)
    text = "\n".join(pdf_pages(render_annual_report(empty, year=2027, controller_name="X"))[1])
    assert "No requests were received." in text
    assert re.search(r"Share answered on time\s+–", text)


def test_annual_report_refuses_figures_of_another_year() -> None:
    with pytest.raises(ValueError, match="2026"):
        render_annual_report(hand_figures(), year=2025, controller_name="X")
