"""Subject registers exported from ERP and CRM systems: CSV and XLSX files.

What is read is text and nothing else: a cell that looks like a spreadsheet formula
(``=HYPERLINK(...)``, ``+``, ``-``, ``@``) is kept as the literal text it is, and an XLSX
formula cell is read as its formula text, never evaluated.

A file is opened in two steps. `open_register` reads it once from end to end (its SHA-256,
its character encoding, its row count) and reads the header; `read_rows` then streams the
rows as ``(row_number, {column: cell})``, numbered as a spreadsheet user counts them (the
header is row 1). `guess_mapping` proposes which column holds what (Norwegian and English
column names), and `validate_row` turns one mapped row into a `SubjectRecord` or the reasons
it cannot be imported.

Problems with the file as a whole (not a register, not readable, no header) raise
`InvalidInput` with one sentence; problems with one row (a date that does not exist, an
e-mail address that is not one, a row cut short) make that row a bad row and leave the rest
importable.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

import phonenumbers

from app.core.errors import InvalidInput
from app.core.messages import Message, os_reason
from app.core.model import Role
from app.intake.contact import MAX_NAME_LENGTH, normalise_email, normalise_phone, validate_name

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "PROBLEM_KEY",
    "Cell",
    "ColumnMapping",
    "RegisterFile",
    "SubjectRecord",
    "cell_text",
    "guess_mapping",
    "open_register",
    "parse_date",
    "parse_roles",
    "read_rows",
    "validate_row",
]

Cell = str | dt.date | None

# The fields a register column can be imported into, in the order they are shown.
FIELDS: tuple[str, ...] = (
    "name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "mobile",
    "address",
    "postcode",
    "city",
    "role",
    "customer_no",
    "supplier_no",
    "last_purchase",
    "last_contact",
)
# How a field is named in a bad row's reason ("invalid date '32.13.2024' in last purchase").
FIELD_LABELS: dict[str, str] = {
    "name": "name",
    "first_name": "first name",
    "last_name": "last name",
    "email": "e-mail",
    "phone": "phone",
    "mobile": "mobile phone",
    "address": "address",
    "postcode": "postcode",
    "city": "city",
    "role": "role",
    "customer_no": "customer number",
    "supplier_no": "supplier number",
    "last_purchase": "last purchase",
    "last_contact": "last contact",
}
# A row that cannot be read as the header's columns carries its problem under this key (it
# cannot clash with a column name: those are stripped text without control characters).
PROBLEM_KEY = "\x00problem"


def field_label(field: str) -> Message:
    """A field's name in a message, in the reader's language."""
    return Message(f"import.field_{field}")


MAX_NUMBER_LENGTH = 64  # subject.customer_no and subject.supplier_no
MAX_ADDRESS_LENGTH = 1000
_CSV_FIELD_LIMIT = 1_000_000  # a cell larger than this is a damaged file, not a register
_BLOCK = 1 << 20


# --- the mapping --------------------------------------------------------------------------


def _norm_header(text: str) -> str:
    """'Siste kjøp' -> 'sistekjop', 'E-post' -> 'epost', 'Kunde nr.' -> 'kundenr'."""
    folded = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if c.isalnum())


# Column names as ERP and CRM systems export them, normalised by _norm_header.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "navn", "kundenavn", "fulltnavn", "fullstendignavn", "leverandornavn", "firmanavn",
        "kontaktnavn", "kontaktperson", "name", "fullname", "customername", "suppliername",
        "contactname", "companyname", "displayname",
    ),
    "first_name": ("fornavn", "firstname", "givenname", "forename"),
    "last_name": ("etternavn", "lastname", "surname", "familyname"),
    "email": (
        "epost", "epostadresse", "mail", "mailadresse", "email", "emailaddress",
        "emailadresse", "epostaddresse",
    ),
    "phone": (
        "telefon", "tlf", "tlfnr", "telefonnr", "telefonnummer", "phone", "phonenumber",
        "phoneno", "tel", "telephone", "telephonenumber",
    ),
    "mobile": (
        "mobil", "mobiltelefon", "mobilnr", "mobilnummer", "mobile", "mobilephone",
        "mobilenumber", "cell", "cellphone",
    ),
    "address": (
        "adresse", "postadresse", "gateadresse", "besoksadresse", "adresselinje1",
        "address", "postaladdress", "streetaddress", "street", "addressline1",
    ),
    "postcode": ("postnr", "postnummer", "postkode", "zip", "zipcode", "postcode", "postalcode"),
    "city": ("poststed", "sted", "by", "city", "town", "postalcity"),
    "role": (
        "rolle", "roller", "kundetype", "relasjon", "role", "roles", "customertype", "type",
    ),
    "customer_no": (
        "kundenr", "kundenummer", "kundeid", "customerno", "customernumber", "customerid",
        "custno", "accountno", "accountnumber",
    ),
    "supplier_no": (
        "leverandornr", "leverandornummer", "leverandorid", "supplierno", "suppliernumber",
        "supplierid", "vendorno", "vendornumber", "vendorid",
    ),
    "last_purchase": (
        "sistekjop", "sistkjopt", "sistekjopsdato", "sisteordre", "sisteordredato",
        "lastpurchase", "lastpurchasedate", "lastorder", "lastorderdate",
    ),
    "last_contact": (
        "sistekontakt", "sistkontaktet", "sistekontaktdato", "lastcontact",
        "lastcontactdate", "lastcontacted",
    ),
}  # fmt: skip
_TARGET_OF: dict[str, str] = {syn: f for f, syns in _SYNONYMS.items() for syn in syns}


@dataclass(frozen=True)
class ColumnMapping:
    """Which column of the file is imported into which field (None: not imported).

    The postal address is the address column, with the postcode and city joined below it as
    a second line ("Storgata 12" / "0155 Oslo"); the name is the name column, or the first
    and last names joined; phone and mobile both go to the subject's phone numbers.
    """

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    role: str | None = None
    customer_no: str | None = None
    supplier_no: str | None = None
    last_purchase: str | None = None
    last_contact: str | None = None

    def columns(self) -> dict[str, str]:
        """Field -> column, for the mapped fields only."""
        return {f: getattr(self, f) for f in FIELDS if getattr(self, f) is not None}

    def with_column(self, target: str, column: str | None) -> ColumnMapping:
        if target not in FIELDS:
            raise InvalidInput("import.unknown_field", field=repr(target))
        return replace(self, **{target: column})

    def has_name(self) -> bool:
        return bool(self.name or self.first_name or self.last_name)

    def check(self, headers: tuple[str, ...] | list[str]) -> None:
        """Raise InvalidInput unless every mapped column is in the file and a name is."""
        present = set(headers)
        for target, column in self.columns().items():
            if column not in present:
                raise InvalidInput(
                    "import.column_missing", field=field_label(target), column=repr(column)
                )
        if not self.has_name():
            raise InvalidInput("import.no_name_column")

    def apply(self, row: Mapping[str, Cell]) -> dict[str, Cell]:
        """The row's cells by field (a row's problem is carried along)."""
        mapped = {f: row.get(c) for f, c in self._pairs()}
        problem = row.get(PROBLEM_KEY)
        if problem is not None:
            mapped[PROBLEM_KEY] = problem
        return mapped

    def _pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.columns().items())

    def to_json(self) -> str:
        return json.dumps(self.columns(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> ColumnMapping:
        """{"name": "Navn", "email": "E-post", ...}: field -> column; fields not named are
        not imported."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput("import.mapping_not_json", line=exc.lineno) from exc
        if not isinstance(data, dict):
            raise InvalidInput("import.mapping_not_object")
        unknown = sorted(k for k in data if k not in FIELDS)
        if unknown:
            raise InvalidInput(
                "import.mapping_unknown_fields",
                fields=", ".join(map(repr, unknown)),
                known=", ".join(FIELDS),
            )
        for key, value in data.items():
            if value is not None and not (isinstance(value, str) and value):
                raise InvalidInput("import.mapping_bad_value", field=repr(key))
        return cls(**data)


def guess_mapping(headers: tuple[str, ...] | list[str]) -> ColumnMapping:
    """The fields recognised from the column names (the first column wins a field)."""
    chosen: dict[str, str] = {}
    for header in headers:
        target = _TARGET_OF.get(_norm_header(header))
        if target is not None and target not in chosen:
            chosen[target] = header
    if "mobile" in chosen and "phone" not in chosen:
        chosen["phone"] = chosen.pop("mobile")
    return ColumnMapping(**chosen)


# --- the file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterFile:
    """What reading a register file through once found."""

    path: Path
    kind: Literal["csv", "xlsx"]
    encoding: str | None  # "UTF-8", "UTF-8 with BOM", "Windows-1252"; None for XLSX
    separator: str | None  # ";", ",", "\t"; None for XLSX
    headers: tuple[str, ...]
    # The spreadsheet row of the header: 1, or 2 below Excel's "sep=;" line; in a workbook,
    # the first row that is not empty.
    header_row: int
    rows_estimate: int  # data rows, counted by line breaks (quoted line breaks count too)
    sha256: str
    # Bytes that are not valid in the encoding were found: rows holding them are bad rows.
    lossy: bool = False
    sheet: str | None = None  # XLSX: the worksheet read
    codec: str = "utf-8"  # the Python codec used to decode the CSV

    @property
    def name(self) -> str:
        return self.path.name


_ENCODING_LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp1252": "Windows-1252"}
# A complete UTF-8 sequence of two to four bytes (RFC 3629).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_utf8(path: Path) -> bool:
    """For a file that is not valid UTF-8: do its non-ASCII bytes mostly form UTF-8
    sequences (UTF-8 with some broken bytes, or encodings mixed), or not (Windows-1252,
    where æ, ø, å are single bytes followed by ASCII)?"""
    sequences = stray = 0
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            found = _UTF8_SEQUENCE.findall(block)
            sequences += len(found)
            stray += len(_HIGH_BYTE.findall(block)) - sum(map(len, found))
            if sequences + stray > 10_000:
                break
    return sequences > stray


def _scan(path: Path) -> tuple[str, int, bool, bytes]:
    """One pass over the bytes: SHA-256, line count, valid UTF-8 or not, and the start."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    utf8 = True
    lines = 0
    head = b""
    last = b""
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            if not head:
                head = block[:65536]
            digest.update(block)
            lines += block.count(b"\n")
            if utf8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf8 = False
            last = block
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # cut in the middle of a character
            utf8 = False
    if last and not last.endswith(b"\n"):
        lines += 1
    return digest.hexdigest(), lines, utf8, head


_EXCEL_SEPARATOR_HINT = re.compile(r"sep=([;,\t|])", re.IGNORECASE)


def _sniff_separator(first_line: str) -> str:
    """The separator the header line uses most (outside quotes); ';' where there is none."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda s: (counts[s], s == ";"))
    return best if counts[best] else ";"


def _clean_headers(raw: list[Cell]) -> tuple[str, ...]:
    """Headers as shown and mapped: stripped, never empty, never repeated."""
    out: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(raw, start=1):
        text = " ".join(cell_text(cell).split())
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
        text = text or f"(column {i})"
        unique, n = text, 2
        while unique in seen:
            unique, n = f"{text} ({n})", n + 1
        seen.add(unique)
        out.append(unique)
    while out and out[-1].startswith("(column ") and len(out) > 1:
        out.pop()  # trailing separators after the last real column
    return tuple(out)


def open_register(path: Path) -> RegisterFile:
    """Read the file once: kind, encoding, separator, header, size. Raises InvalidInput."""
    path = Path(path)
    try:
        if not path.is_file():
            raise InvalidInput("import.no_such_file", file=path.name)
        if path.stat().st_size == 0:
            raise InvalidInput("import.empty", file=path.name)
        sha, lines, utf8, head = _scan(path)
    except OSError as exc:
        raise InvalidInput("import.unreadable", file=path.name, reason=os_reason(exc)) from exc
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, sha)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput("import.old_excel", file=path.name)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4096]:
        raise InvalidInput("import.not_text", file=path.name)
    if utf8:
        codec, lossy = ("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"), False
    elif _mostly_utf8(path):
        codec, lossy = "utf-8", True
    else:
        codec = "cp1252"
        # Five byte values mean nothing in Windows-1252; rows holding them are bad rows.
        lossy = _has_undefined_cp1252(path)
    first_lines = head.decode(codec, errors="replace").lstrip("\ufeff").splitlines()
    if not first_lines or not first_lines[0].strip():
        raise InvalidInput("import.first_line_empty", file=path.name)
    header_row = 1
    hint = _EXCEL_SEPARATOR_HINT.fullmatch(first_lines[0].strip())
    if hint:  # Excel's "sep=;" line: the separator, then the header on the next line
        separator, header_row = hint[1], 2
    else:
        separator = _sniff_separator(first_lines[0])
    reg = RegisterFile(
        path=path,
        kind="csv",
        encoding=_ENCODING_LABELS[codec],
        separator=separator,
        headers=(),
        header_row=header_row,
        rows_estimate=max(lines - header_row, 0),
        sha256=sha,
        lossy=lossy,
        codec=codec,
    )
    records = _csv_records(reg)
    try:
        for row, header in records:
            if row == header_row:
                return replace(reg, headers=_clean_headers(list(header)))
    finally:
        records.close()
    raise InvalidInput("import.no_header", file=path.name)


def _has_undefined_cp1252(path: Path) -> bool:
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            if any(b in block for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
                return True
    return False


def _csv_records(reg: RegisterFile) -> Generator[tuple[int, list[str]], None, None]:
    """The CSV's records with their spreadsheet row numbers (blank lines count as rows)."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    assert reg.separator is not None
    errors = "replace" if reg.lossy else "strict"
    try:
        with reg.path.open("r", encoding=reg.codec, errors=errors, newline="") as f:
            reader = csv.reader(f, delimiter=reg.separator, strict=False)
            row = 0
            try:
                for record in reader:
                    row += 1
                    yield row, record
            except csv.Error as exc:
                raise InvalidInput("import.damaged_after", file=reg.name, row=row) from exc
    except UnicodeDecodeError as exc:  # the file changed since it was scanned
        raise InvalidInput("import.bad_encoding", file=reg.name, encoding=reg.encoding) from exc
    except OSError as exc:
        raise InvalidInput("import.unreadable", file=reg.name, reason=os_reason(exc)) from exc


def read_rows(
    reg: RegisterFile | Path,
) -> Generator[tuple[int, dict[str, Cell]], None, None]:
    """The data rows, streamed, as (spreadsheet row number, {column: cell}) (a path is
    opened with `open_register` first).

    Empty rows are skipped (their numbers are not reused). A row whose cells do not line up
    with the header, or that holds undecodable bytes, carries its problem under
    `PROBLEM_KEY`; `validate_row` reports it.
    """
    if not isinstance(reg, RegisterFile):
        reg = open_register(Path(reg))
    if reg.kind == "xlsx":
        yield from _xlsx_rows(reg)
        return
    records = _csv_records(reg)
    try:
        yield from _csv_rows(reg, records)
    finally:
        records.close()


def _csv_rows(
    reg: RegisterFile, records: Iterator[tuple[int, list[str]]]
) -> Iterator[tuple[int, dict[str, Cell]]]:
    headers = reg.headers
    width = len(headers)
    lossy = reg.lossy
    for row, _record in records:
        if row == reg.header_row:
            break
    for row, record in records:
        if len(record) == width:
            if not any(record):
                continue
            values: dict[str, Cell] = dict(zip(headers, record, strict=True))
            if lossy and any("\ufffd" in v for v in record):
                values[PROBLEM_KEY] = _unreadable(reg)
            yield row, values
            continue
        if not any(record):
            continue
        if len(record) > width and not any(record[width:]):
            values = dict(zip(headers, record[:width], strict=True))
        else:
            values = dict(zip(headers, record, strict=False))
            values[PROBLEM_KEY] = _misaligned(len(record), width, record)
        if lossy and any("\ufffd" in v for v in record):
            problem = values.get(PROBLEM_KEY)
            values[PROBLEM_KEY] = "; ".join(str(p) for p in (problem, _unreadable(reg)) if p)
        yield row, values


def _unreadable(reg: RegisterFile) -> str:
    return f"unreadable characters (bytes that are not valid {reg.encoding})"


def _misaligned(found: int, width: int, record: list[str]) -> str:
    unclosed = any("\n" in v or "\r" in v for v in record)
    if found < width:
        text = f"only {found} of {width} columns"
        return text + (" (a quote is not closed)" if unclosed else " (the row is cut short)")
    text = f"{found} columns where the header has {width}"
    return text + (" (a quote is not closed)" if unclosed else "")


# --- XLSX -----------------------------------------------------------------------------------


def _xlsx_cell(value: Any) -> Cell:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = getattr(value, "text", None)  # ArrayFormula, DataTableFormula: the formula text
    return text if isinstance(text, str) else str(value)


def _load_xlsx(path: Path) -> Any:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
            raise InvalidInput("import.not_xlsx", file=path.name) from exc
        except Exception as exc:  # openpyxl raises what its XML parser raises
            raise InvalidInput(
                "import.not_xlsx_kind", file=path.name, kind=type(exc).__name__
            ) from exc


def _sheet_rows(path: Path, wb: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    ws = wb.worksheets[0] if wb.worksheets else None
    if ws is None:
        raise InvalidInput("import.no_worksheet", file=path.name)
    ws.reset_dimensions()  # some writers store a wrong size: read every row there is
    it = ws.iter_rows(min_row=1, values_only=True)
    row = 0
    while True:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                values = next(it)
        except StopIteration:
            return
        except Exception as exc:  # a damaged archive shows only once its rows are read
            raise InvalidInput(
                "import.workbook_damaged_after", file=path.name, row=row, kind=type(exc).__name__
            ) from exc
        row += 1
        yield row, values


def _open_xlsx(path: Path, sha: str) -> RegisterFile:
    wb = _load_xlsx(path)
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise InvalidInput("import.no_worksheet", file=path.name)
        estimate = ws.max_row or 0
        for row, values in _sheet_rows(path, wb):
            cells = [_xlsx_cell(v) for v in values]
            if any(c not in (None, "") for c in cells):
                return RegisterFile(
                    path=path,
                    kind="xlsx",
                    encoding=None,
                    separator=None,
                    headers=_clean_headers(cells),
                    header_row=row,
                    rows_estimate=max(estimate - row, 0),
                    sha256=sha,
                    sheet=ws.title,
                )
        raise InvalidInput("import.sheet_empty", file=path.name)
    finally:
        wb.close()


def _xlsx_rows(reg: RegisterFile) -> Iterator[tuple[int, dict[str, Cell]]]:
    headers = reg.headers
    width = len(headers)
    wb = _load_xlsx(reg.path)
    try:
        for row, values in _sheet_rows(reg.path, wb):
            if row <= reg.header_row:
                continue
            cells = [_xlsx_cell(v) for v in values]
            if not any(c not in (None, "") for c in cells):
                continue
            record: dict[str, Cell] = dict(zip(headers, cells, strict=False))
            if len(cells) > width and any(c not in (None, "") for c in cells[width:]):
                record[PROBLEM_KEY] = (
                    f"cells beyond the header's {width} columns (the header is missing a name)"
                )
            yield row, record
    finally:
        wb.close()


# --- one row --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectRecord:
    """One valid row, normalised as it is stored (None or empty: not in the file)."""

    name: str
    emails: tuple[str, ...] = ()  # lower-case
    phones: tuple[str, ...] = ()  # E.164
    postal_address: str = ""  # lines joined by "\n"
    roles: tuple[Role, ...] = ()
    customer_no: str | None = None
    supplier_no: str | None = None
    last_purchase: dt.date | None = None
    last_contact: dt.date | None = None


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return cell


def _quoted(text: str, limit: int = 40) -> str:
    shown = text.strip()
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f"'{shown}'"


# Dates: dd.mm.yyyy (also with / or -, one-digit day and month) and ISO yyyy-mm-dd, with or
# without a time after them.
_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?")
_date_cache: dict[str, dt.date | None] = {}


def parse_date(text: str) -> dt.date | None:
    """The date written, or None where the text is not a date that exists (32.13.2024)."""
    text = text.strip()
    try:
        return _date_cache[text]
    except KeyError:
        pass
    result: dt.date | None = None
    m = _DMY.fullmatch(text)
    try:
        if m:
            result = dt.date(int(m[3]), int(m[2]), int(m[1]))
        elif m := _YMD.fullmatch(text):
            result = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        result = None
    if len(_date_cache) < 100_000:
        _date_cache[text] = result
    return result


_ROLE_WORDS: dict[str, Role] = {
    **dict.fromkeys(
        ("kunde", "kunder", "privatkunde", "bedriftskunde", "customer", "client", "klient"),
        Role.CUSTOMER,
    ),
    **dict.fromkeys(
        ("leverandor", "leverandorer", "supplier", "vendor", "underleverandor"), Role.SUPPLIER
    ),
    **dict.fromkeys(("interessent", "stakeholder", "interessenter"), Role.STAKEHOLDER),
    **{r.value: r for r in Role},
}
_ROLE_SPLIT = re.compile(r"\s*(?:[,;/+&|]|\bog\b|\band\b)\s*", re.IGNORECASE)
_role_cache: dict[str, tuple[Role, ...]] = {}


def parse_roles(text: str) -> tuple[Role, ...]:
    """'Kunde', 'Leverandør', 'Kunde og leverandør' -> roles; a word not known -> other."""
    try:
        return _role_cache[text]
    except KeyError:
        pass
    found: set[Role] = set()
    for word in _ROLE_SPLIT.split(text):
        key = _norm_header(word)
        if key:
            found.add(_ROLE_WORDS.get(key, Role.OTHER))
    roles = tuple(r for r in Role if r in found)
    if len(_role_cache) < 10_000:
        _role_cache[text] = roles
    return roles


# E-mail: a plain ASCII dot-atom address is checked here (its domain once, by
# email-validator); anything else goes to email-validator whole. Both give the same verdict
# (tests/intake/test_registers.py compares them).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_PLAIN_EMAIL = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_domain_cache: dict[str, str | None] = {}
_EMAIL_SPLIT = re.compile(r"[\s,;]+")


def _email(text: str) -> str | None:
    """The stored (lower-case) form, or None where it is not an e-mail address."""
    m = _PLAIN_EMAIL.fullmatch(text)
    if m is not None and len(m[1]) <= 64 and len(text) <= 254:
        domain = m[2].lower()
        try:
            checked = _domain_cache[domain]
        except KeyError:
            try:
                checked = normalise_email("x@" + domain).split("@", 1)[1].lower()
            except InvalidInput:
                checked = None
            if len(_domain_cache) < 100_000:
                _domain_cache[domain] = checked
        return None if checked is None else f"{m[1].lower()}@{checked}"
    try:
        return normalise_email(text).lower()
    except InvalidInput:
        return None


# Phone: a Norwegian number of eight digits ([2-9] first), with or without +47 / 0047 and
# spaces, is checked here. The validity of such a number depends on its first five digits
# only (libphonenumber's patterns for NO and SJ), so the verdict of phonenumbers is kept per
# five-digit prefix. Anything else goes to phonenumbers whole.
_PHONE_JUNK = str.maketrans("", "", " -().\u00a0")
_NO_NUMBER = re.compile(r"(?:\+47|0047)?([2-9]\d{7})")
_prefix_valid: dict[str, bool] = {}
_PHONE_SPLIT = re.compile(r"\s*[,;/]\s*")


def _phone(text: str) -> str | None:
    m = _NO_NUMBER.fullmatch(text.translate(_PHONE_JUNK))
    if m is not None:
        national = m[1]
        prefix = national[:5]
        valid = _prefix_valid.get(prefix)
        if valid is None:
            number = phonenumbers.PhoneNumber(country_code=47, national_number=int(national))
            valid = _prefix_valid[prefix] = phonenumbers.is_valid_number(number)
        return "+47" + national if valid else None
    try:
        return normalise_phone(text)
    except InvalidInput:
        return None


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if cell.__class__ is str:
        return cell.strip()
    return cell_text(cell).strip()


def _line(cell: Cell) -> str:
    return " ".join(_text(cell).split()) if cell else ""


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc but \n


def _name(text: str) -> str:
    """validate_name(text), without its work where the name is plainly fine already."""
    if (
        len(text) <= MAX_NAME_LENGTH
        and text.isprintable()  # no control, format (bidi) or odd space characters
        and "  " not in text
        and unicodedata.is_normalized("NFC", text)
    ):
        return text
    return validate_name(text)


def validate_row(mapped: Mapping[str, Cell]) -> tuple[SubjectRecord | None, list[str]]:
    """One mapped row (field -> cell, as `ColumnMapping.apply` gives it) as a record, or the
    reasons it cannot be imported ("invalid e-mail 'ola@'", "name missing")."""
    reasons: list[str] = []
    get = mapped.get
    problem = get(PROBLEM_KEY)
    if problem:
        reasons.append(str(problem))

    raw = _text(get("name"))
    if not raw:
        raw = " ".join(p for p in (_text(get("first_name")), _text(get("last_name"))) if p)
    name = ""
    if not raw:
        reasons.append("name missing")
    else:
        try:
            name = _name(raw)
        except InvalidInput as exc:
            reasons.append(str(exc))

    emails: list[str] = []
    raw = _text(get("email"))
    if raw:
        for part in _EMAIL_SPLIT.split(raw):
            if not part:
                continue
            address = _email(part)
            if address is None:
                reasons.append(f"invalid e-mail {_quoted(part)}")
            elif address not in emails:
                emails.append(address)

    phones: list[str] = []
    for key in ("phone", "mobile"):
        raw = _text(get(key))
        if not raw:
            continue
        for part in _PHONE_SPLIT.split(raw):
            if not part:
                continue
            number = _phone(part)
            if number is None:
                reasons.append(f"invalid phone {_quoted(part)}")
            elif number not in phones:
                phones.append(number)

    address = ""
    street = _text(get("address"))
    postcode = _line(get("postcode"))
    city = _line(get("city"))
    if street or postcode or city:
        lines = [" ".join(x.split()) for x in street.splitlines()] if street else []
        place = f"{postcode} {city}" if postcode and city else postcode or city
        address = "\n".join([x for x in lines if x] + ([place] if place else []))
        if len(address) > MAX_ADDRESS_LENGTH:
            reasons.append(
                f"address is {len(address)} characters long; at most {MAX_ADDRESS_LENGTH}"
            )
        elif _CONTROL.search(address):
            reasons.append("address contains a control character")

    customer_no = _line(get("customer_no")) or None
    supplier_no = _line(get("supplier_no")) or None
    for key, number in (("customer_no", customer_no), ("supplier_no", supplier_no)):
        if number is not None and len(number) > MAX_NUMBER_LENGTH:
            reasons.append(
                f"{FIELD_LABELS[key]} is {len(number)} characters long; at most {MAX_NUMBER_LENGTH}"
            )

    last_purchase = _date(get("last_purchase"), "last_purchase", reasons)
    last_contact = _date(get("last_contact"), "last_contact", reasons)

    raw = _text(get("role"))
    roles = parse_roles(raw) if raw else ()

    if reasons:
        return None, reasons
    return (
        SubjectRecord(
            name,
            tuple(emails),
            tuple(phones),
            address,
            roles,
            customer_no,
            supplier_no,
            last_purchase,
            last_contact,
        ),
        [],
    )


def _date(cell: Cell, key: str, reasons: list[str]) -> dt.date | None:
    if not cell:
        return None
    if isinstance(cell, dt.date):
        return cell
    day = parse_date(cell)
    if day is None and cell.strip():
        reasons.append(f"invalid date {_quoted(cell)} in {FIELD_LABELS[key]}")
    return day


# The mapping's fields are FIELDS, in that order (the dialog lists them so).
assert tuple(f.name for f in fields(ColumnMapping)) == FIELDS
