"""Importing the subject register: CSV and XLSX exports of ERP and CRM systems.

`preview` shows what a file holds and which column seems to be what; `import_subjects`
imports it as ONE transaction: every good row, or nothing (a dry run, a cancel, the officer's
choice not to import a file with bad rows, an error). Each row is matched to a subject on
record by customer or supplier number, then e-mail, then phone, and updates that subject;
rows that match nobody become new subjects.

Built for registers of a million rows: the file is streamed; what is on record is loaded
once into lookup dicts (number, e-mail, phone -> subject id); new subjects get their ids
(max(id)+1, ...) and pseudonyms before they are written, so rows are written with
SQLAlchemy Core in chunks of 10,000 (subjects, e-mails, phones and their search index
rows), never one round trip per row. Core writes bypass the ORM's audit hook: one audit row
records the import (counts and the file's SHA-256, no personal data).
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from app.core import clock
from app.core.errors import InvalidInput
from app.core.messages import Message, os_reason
from app.core.model import Role
from app.core.text import ascii_fold, sort_key
from app.intake.registers import (
    FIELDS,
    PROBLEM_KEY,
    Cell,
    ColumnMapping,
    RegisterFile,
    SubjectRecord,
    cell_text,
    guess_mapping,
    open_register,
    read_rows,
    validate_row,
)
from app.reports.csvsafe import neutralise
from app.store import audit, fts
from app.store.database import Database
from app.store.engine import user_facing
from app.store.models import Subject, SubjectEmail, SubjectPhone

__all__ = [
    "FIELDS",
    "PREVIEW_COLUMNS",
    "BadRow",
    "ColumnMapping",
    "ImportPreview",
    "ImportReport",
    "MappedRow",
    "PreviewRow",
    "ProgressCallback",
    "import_subjects",
    "load_mapping",
    "map_preview",
    "preview",
    "write_bad_rows",
]

ProgressCallback = Callable[[int, int], bool]
_SUBJECT = cast(Table, Subject.__table__)
_EMAIL = cast(Table, SubjectEmail.__table__)
_PHONE = cast(Table, SubjectPhone.__table__)
CHUNK = 10_000
MAX_BAD_ROWS_KEPT = 100_000  # beyond this the report counts them only
_IN_BATCH = 500  # ids per "IN (...)" when reading back updated subjects
_REINDEX_WINDOW = 200_000  # updated subjects whose contacts are gathered in one pass
# The page cache during an import: the indexes on names, e-mails and phones take rows in
# random order, and a small cache makes a million-row import several times slower.
_IMPORT_CACHE_KIB = 131_072
# A register at least this large, and at least as large as the register on record, is
# written with the contact tables' secondary indexes set aside and built once at the end:
# one sorted build instead of a random insert into each index per row (1M rows: -7 s).
BULK_ROWS = 50_000
_BULK_TABLES = ("subject", "subject_email", "subject_phone")
_NAME_CACHE_LIMIT = 200_000


# --- preview --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    row_number: int
    cells: tuple[Cell, ...]  # in the file's column order
    problem: str | None = None  # the row does not line up with the header, say


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    kind: str  # "csv" or "xlsx"
    encoding: str | None  # "UTF-8", "UTF-8 with BOM", "Windows-1252"; None for XLSX
    separator: str | None  # ";", ",", "\t"; None for XLSX
    lossy: bool  # bytes not valid in the encoding: the rows holding them are bad rows
    sheet: str | None
    headers: tuple[str, ...]
    mapping: ColumnMapping  # guessed from the column names
    rows: tuple[PreviewRow, ...]
    rows_estimate: int


# What a mapped preview row shows, in this order.
PREVIEW_COLUMNS: tuple[str, ...] = (
    "name",
    "emails",
    "phones",
    "postal_address",
    "roles",
    "customer_no",
    "supplier_no",
    "last_purchase",
    "last_contact",
)


@dataclass(frozen=True)
class MappedRow:
    """A preview row as it would be imported (values as stored), or why it would not be."""

    row_number: int
    values: tuple[str, ...]  # by PREVIEW_COLUMNS
    reasons: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.reasons


def preview(path: Path, mapping: ColumnMapping | None = None, limit: int = 20) -> ImportPreview:
    """The file's encoding, separator, columns, guessed mapping and first rows. Raises
    InvalidInput where the file cannot be read as a register."""
    reg = open_register(Path(path))
    rows: list[PreviewRow] = []
    stream = read_rows(reg)
    try:
        for row_number, cells in stream:
            if len(rows) >= limit:
                break
            problem = cells.get(PROBLEM_KEY)
            rows.append(
                PreviewRow(
                    row_number,
                    tuple(cells.get(h) for h in reg.headers),
                    None if problem is None else str(problem),
                )
            )
    finally:
        stream.close()
    return ImportPreview(
        file_name=reg.name,
        kind=reg.kind,
        encoding=reg.encoding,
        separator=reg.separator,
        lossy=reg.lossy,
        sheet=reg.sheet,
        headers=reg.headers,
        mapping=mapping if mapping is not None else guess_mapping(reg.headers),
        rows=tuple(rows),
        rows_estimate=reg.rows_estimate,
    )


def _record_values(rec: SubjectRecord) -> tuple[str, ...]:
    return (
        rec.name,
        ", ".join(rec.emails),
        ", ".join(rec.phones),
        rec.postal_address.replace("\n", ", "),
        ", ".join(r.value for r in rec.roles),
        rec.customer_no or "",
        rec.supplier_no or "",
        rec.last_purchase.isoformat() if rec.last_purchase else "",
        rec.last_contact.isoformat() if rec.last_contact else "",
    )


def _raw_values(mapped: dict[str, Cell]) -> tuple[str, ...]:
    def t(*keys: str) -> str:
        return " ".join(cell_text(mapped.get(k)).strip() for k in keys if mapped.get(k))

    return (
        t("name") or t("first_name", "last_name"),
        t("email"),
        ", ".join(p for p in (t("phone"), t("mobile")) if p),
        ", ".join(p for p in (t("address"), t("postcode", "city")) if p),
        t("role"),
        t("customer_no"),
        t("supplier_no"),
        t("last_purchase"),
        t("last_contact"),
    )


def map_preview(pre: ImportPreview, mapping: ColumnMapping) -> tuple[MappedRow, ...]:
    """The preview's rows through `mapping`: what would be stored, or the reasons not."""
    out: list[MappedRow] = []
    for row in pre.rows:
        cells: dict[str, Cell] = dict(zip(pre.headers, row.cells, strict=True))
        if row.problem:
            cells[PROBLEM_KEY] = row.problem
        mapped = mapping.apply(cells)
        if not mapping.has_name():
            out.append(MappedRow(row.row_number, _raw_values(mapped), ("no name column",)))
            continue
        rec, reasons = validate_row(mapped)
        values = _record_values(rec) if rec is not None else _raw_values(mapped)
        out.append(MappedRow(row.row_number, values, tuple(reasons)))
    return tuple(out)


def load_mapping(path: Path) -> ColumnMapping:
    """A mapping saved as JSON ({"name": "Navn", ...})."""
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            "import.mapping_unreadable",
            file=Path(path).name,
            reason=os_reason(exc) if isinstance(exc, OSError) else Message("import.not_utf8"),
        ) from exc
    return ColumnMapping.from_json(content)


# --- the report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BadRow:
    row_number: int  # as the spreadsheet shows it: the header is row 1
    reasons: tuple[str, ...]
    cells: tuple[str, ...]  # the row as read, in the file's column order

    def describe(self) -> str:
        return f"row {self.row_number}: {'; '.join(self.reasons)}"


@dataclass(frozen=True)
class ImportReport:
    """What an import did (written) or would have done (dry run, not imported, cancelled).

    `inserted` and `updated` count good rows: a row that matched a subject on record, or one
    an earlier row of the file created, counts as updated."""

    file_name: str
    file_sha256: str
    encoding: str | None
    separator: str | None
    headers: tuple[str, ...]
    rows: int  # data rows read (empty rows are not counted)
    inserted: int
    updated: int
    rejected: int
    bad_rows: tuple[BadRow, ...]
    bad_rows_not_kept: int  # beyond MAX_BAD_ROWS_KEPT: counted in `rejected` only
    dry_run: bool
    written: bool
    cancelled: bool
    seconds: float

    @property
    def good_rows(self) -> int:
        return self.inserted + self.updated


def write_bad_rows(report: ImportReport, path: Path) -> Path:
    """The bad rows as CSV (row, reasons, then the row's own columns), for the officer to
    correct them: UTF-8 with BOM and ';' as Excel in Norway opens it; every cell that a
    spreadsheet would run as a formula is neutralised."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([neutralise(h) for h in ("row", "reasons", *report.headers)])
        for bad in report.bad_rows:
            w.writerow(
                [str(bad.row_number), neutralise("; ".join(bad.reasons))]
                + [neutralise(c) for c in bad.cells]
            )
        if report.bad_rows_not_kept:
            w.writerow(["", f"... and {report.bad_rows_not_kept} more bad rows not listed"])
    return path


# --- the import ---------------------------------------------------------------------------


class _Cancelled(Exception):
    pass


class _NothingToWrite(Exception):
    pass


class _Names:
    """sort_key and the search index's name column for many names, computed per word.

    Both functions work character by character (case folding included), so a name's value
    is its words' values joined by spaces; registers repeat first and last names, so a
    million names need only some thousand computations. The results equal sort_key() and
    fts.index_row() (tests/services/test_subject_import.py checks them)."""

    def __init__(self) -> None:
        self._sort: dict[str, str] = {}
        self._fold: dict[str, tuple[str, str]] = {}

    def sort_key(self, name: str) -> str:
        cache = self._sort
        parts = []
        for word in name.split(" "):
            key = cache.get(word)
            if key is None:
                # sort_key strips its result: the \x01 guards keep a word's own edges.
                key = sort_key("\x01" + word + "\x01")[1:-1]
                if len(cache) < _NAME_CACHE_LIMIT:
                    cache[word] = key
            parts.append(key)
        return " ".join(parts).strip()

    def index_name(self, name: str) -> str:
        cache = self._fold
        folded: list[str] = []
        cased: list[str] = []
        for word in name.split(" "):
            pair = cache.get(word)
            if pair is None:
                pair = (ascii_fold(word), word.casefold())
                if len(cache) < _NAME_CACHE_LIMIT:
                    cache[word] = pair
            folded.append(pair[0])
            cased.append(pair[1])
        fold = " ".join(folded)
        return name if fold == " ".join(cased) else f"{name} {fold}"


class _Draft:
    """A subject being inserted, or the changes to one on record, within the chunk."""

    __slots__ = (
        "customer_no",
        "emails",
        "last_contact",
        "last_purchase",
        "name",
        "phones",
        "postal_address",
        "roles",
        "supplier_no",
    )

    def __init__(self, rec: SubjectRecord | None = None) -> None:
        self.name = ""
        self.postal_address = ""
        self.roles: set[Role] = set()
        self.customer_no: str | None = None
        self.supplier_no: str | None = None
        self.last_purchase: dt.date | None = None
        self.last_contact: dt.date | None = None
        self.emails: list[str] = []
        self.phones: list[str] = []
        if rec is not None:
            self.take(rec)
            self.emails.extend(rec.emails)
            self.phones.extend(rec.phones)

    def take(self, rec: SubjectRecord) -> None:
        """The row's values overwrite; what the row leaves empty is kept."""
        self.name = rec.name
        if rec.postal_address:
            self.postal_address = rec.postal_address
        self.roles.update(rec.roles)
        if rec.customer_no:
            self.customer_no = rec.customer_no
        if rec.supplier_no:
            self.supplier_no = rec.supplier_no
        if rec.last_purchase:
            self.last_purchase = rec.last_purchase
        if rec.last_contact:
            self.last_contact = rec.last_contact


_roles_cache: dict[tuple[Role, ...] | frozenset[Role | str], str] = {}


def _roles_text(roles: tuple[Role, ...] | set[Role] | set[Role | str]) -> str:
    """Stored as cases.py stores them: comma separated, in the order of Role."""
    key = roles if isinstance(roles, tuple) else frozenset(roles)
    text_ = _roles_cache.get(key)
    if text_ is None:
        text_ = _roles_cache[key] = ",".join(r.value for r in Role if r in key)
    return text_


class _Importer:
    def __init__(
        self,
        conn: Connection,
        reg: RegisterFile,
        mapping: ColumnMapping,
        *,
        write: bool,
        import_good_rows: bool,
        progress: ProgressCallback | None,
    ) -> None:
        self.conn = conn
        self.reg = reg
        self.mapping = mapping
        self.write = write
        self.import_good_rows = import_good_rows
        self.progress = progress
        self.names = _Names()
        self.inserted = self.updated = self.rejected = self.rows = 0
        self.bad_rows: list[BadRow] = []
        self.bad_not_kept = 0

        self.by_customer: dict[str, int] = {}
        self.by_supplier: dict[str, int] = {}
        self.customer_of: dict[int, str] = {}
        self.supplier_of: dict[int, str] = {}
        self.emails: dict[str, int] = {}
        self.email_more: set[tuple[str, int]] = set()
        self.phones: dict[str, int] = {}
        self.phone_more: set[tuple[str, int]] = set()
        self.next_id = 1

        # The current chunk: new subjects (as their row's record, or a draft where several
        # rows of the chunk make one subject), and changes to subjects written before.
        self.new: dict[int, SubjectRecord | _Draft] = {}
        self.changed: dict[int, _Draft] = {}
        # Subjects on record that rows changed: their search index rows are rebuilt last.
        self.touched: set[int] = set()

        dialect = conn.dialect
        # The dialect's own processors (the generic types' give the value back as it is,
        # and the driver's default adapter writes no microseconds at a whole second).
        date_proc = _SUBJECT.c.last_purchase.type.dialect_impl(dialect).bind_processor(dialect)
        stamp_proc = _SUBJECT.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        now = clock.now_utc()
        self._created_at = stamp_proc(now) if stamp_proc else now
        self._date_proc = date_proc
        self._date_text: dict[dt.date, Any] = {}
        self._sql_subject, self._subject_cols = _compiled_insert(
            conn,
            _SUBJECT,
            (
                "id", "pseudonym", "name", "sort_name", "postal_address", "roles",
                "customer_no", "supplier_no", "last_purchase", "last_contact", "created_at",
            ),
        )  # fmt: skip
        self._sql_email, _ = _compiled_insert(conn, _EMAIL, ("subject_id", "address"))
        self._sql_phone, _ = _compiled_insert(conn, _PHONE, ("subject_id", "e164"))

    # -- what is on record

    def load(self) -> None:
        conn = self.conn
        s = _SUBJECT.c
        self.next_id = (conn.scalar(select(func.max(s.id))) or 0) + 1
        for sid, customer_no, supplier_no in conn.execute(
            select(s.id, s.customer_no, s.supplier_no)
            .where(s.erased_at.is_(None))
            .where((s.customer_no.is_not(None)) | (s.supplier_no.is_not(None)))
            .order_by(s.id)
        ):
            if customer_no:
                self.customer_of[sid] = customer_no
                self.by_customer.setdefault(customer_no, sid)
            if supplier_no:
                self.supplier_of[sid] = supplier_no
                self.by_supplier.setdefault(supplier_no, sid)
        for table, column, first, more in (
            (_EMAIL, "address", self.emails, self.email_more),
            (_PHONE, "e164", self.phones, self.phone_more),
        ):
            c = table.c
            for key, sid in conn.execute(
                select(c[column], c.subject_id)
                .join(_SUBJECT, s.id == c.subject_id)
                .where(s.erased_at.is_(None))
                .order_by(c.subject_id)
            ):
                if first.setdefault(key, sid) != sid:
                    more.add((key, sid))

    # -- one row

    def _fits(self, sid: int, rec: SubjectRecord) -> bool:
        """A subject found by e-mail or phone is the same person unless its customer or
        supplier number says otherwise."""
        if rec.customer_no and self.customer_of.get(sid, rec.customer_no) != rec.customer_no:
            return False
        return not (
            rec.supplier_no and self.supplier_of.get(sid, rec.supplier_no) != rec.supplier_no
        )

    def match(self, rec: SubjectRecord) -> int | None:
        if rec.customer_no:
            sid = self.by_customer.get(rec.customer_no)
            if sid is not None:
                return sid
        if rec.supplier_no:
            sid = self.by_supplier.get(rec.supplier_no)
            if sid is not None and self._fits(sid, rec):
                return sid
        for address in rec.emails:
            sid = self.emails.get(address)
            if sid is not None and self._fits(sid, rec):
                return sid
        for number in rec.phones:
            sid = self.phones.get(number)
            if sid is not None and self._fits(sid, rec):
                return sid
        return None

    def take(self, rec: SubjectRecord) -> None:
        sid = self.match(rec)
        if sid is None:
            # A new subject: kept as its record, unless a later row of the chunk adds to it.
            sid = self.next_id
            self.next_id += 1
            self.new[sid] = rec
            self.inserted += 1
            if rec.customer_no:
                self.customer_of[sid] = rec.customer_no
                self.by_customer.setdefault(rec.customer_no, sid)
            if rec.supplier_no:
                self.supplier_of[sid] = rec.supplier_no
                self.by_supplier.setdefault(rec.supplier_no, sid)
            for address in rec.emails:
                _attach(self.emails, self.email_more, address, sid)
            for number in rec.phones:
                _attach(self.phones, self.phone_more, number, sid)
            return
        self.updated += 1
        pending = self.new.get(sid)
        if pending is not None:
            draft = pending if isinstance(pending, _Draft) else _Draft(pending)
            self.new[sid] = draft
        else:
            draft = self.changed.get(sid) or _Draft()
            self.changed[sid] = draft
        draft.take(rec)
        if rec.customer_no and self.customer_of.get(sid) != rec.customer_no:
            self.customer_of[sid] = rec.customer_no
            self.by_customer.setdefault(rec.customer_no, sid)
        if rec.supplier_no and self.supplier_of.get(sid) != rec.supplier_no:
            old = self.supplier_of.get(sid)
            if old is not None and self.by_supplier.get(old) == sid:
                del self.by_supplier[old]
            self.supplier_of[sid] = rec.supplier_no
            self.by_supplier.setdefault(rec.supplier_no, sid)
        for address in rec.emails:
            if _attach(self.emails, self.email_more, address, sid):
                draft.emails.append(address)
        for number in rec.phones:
            if _attach(self.phones, self.phone_more, number, sid):
                draft.phones.append(number)

    def reject(self, row_number: int, row: dict[str, Cell], reasons: Sequence[str]) -> None:
        self.rejected += 1
        if len(self.bad_rows) < MAX_BAD_ROWS_KEPT:
            cells = tuple(cell_text(row.get(h)) for h in self.reg.headers)
            self.bad_rows.append(BadRow(row_number, tuple(reasons), cells))
        else:
            self.bad_not_kept += 1
        if not self.import_good_rows and self.write:
            # Nothing will be written: stop writing, keep reading for the report.
            self.write = False
            self.new.clear()
            self.changed.clear()

    # -- the file

    def run(self) -> None:
        stream = read_rows(self.reg)
        try:
            with self._indexes_set_aside(self.reg.rows_estimate):
                self._read(stream)
        finally:
            stream.close()
        if self.touched:
            self.reindex()
        if self.progress is not None and not self.progress(self.rows, self.rows):
            raise _Cancelled

    @contextmanager
    def _indexes_set_aside(self, total: int) -> Iterator[None]:
        """For a bulk import, drop the secondary indexes of the subject tables and build
        them again at the end, inside the import's transaction: a cancel, an error or a
        killed process rolls the drop back with everything else."""
        bulk = self.write and total >= max(BULK_ROWS, self.next_id - 1)
        kept: list[str] = []
        if bulk:
            for name, sql in self.conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    "AND sql IS NOT NULL AND tbl_name IN :tables ORDER BY name"
                ).bindparams(bindparam("tables", value=list(_BULK_TABLES), expanding=True))
            ).all():
                kept.append(sql)
                self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        for sql in kept:
            self.conn.exec_driver_sql(sql)

    def _read(self, stream: Iterable[tuple[int, dict[str, Cell]]]) -> None:
        pairs = tuple(self.mapping.columns().items())
        total = self.reg.rows_estimate
        for row_number, row in stream:
            self.rows += 1
            mapped = {f: row.get(c) for f, c in pairs}
            problem = row.get(PROBLEM_KEY)
            if problem is not None:
                mapped[PROBLEM_KEY] = problem
            rec, reasons = validate_row(mapped)
            if rec is None:
                self.reject(row_number, row, reasons)
            else:
                self.take(rec)
            if self.rows % CHUNK == 0:
                self.flush()
                if self.progress is not None and not self.progress(
                    self.rows, max(total, self.rows)
                ):
                    raise _Cancelled
        self.flush()

    # -- writing

    def _date(self, day: dt.date | None) -> Any:
        if day is None:
            return None
        try:
            return self._date_text[day]
        except KeyError:
            value = self._date_text[day] = self._date_proc(day) if self._date_proc else day
            return value

    def flush(self) -> None:
        if not self.write:
            self.new.clear()
            self.changed.clear()
            return
        if self.new:
            self._insert(self.new)
            self.new = {}
        if self.changed:
            self._update(self.changed)
            self.changed = {}

    def _insert(self, drafts: dict[int, SubjectRecord | _Draft]) -> None:
        names = self.names
        date = self._date
        created = self._created_at
        roles_text = _roles_text
        subjects = []
        emails: list[tuple[int, str]] = []
        phones: list[tuple[int, str]] = []
        index = []
        for sid, d in drafts.items():
            pseudonym = f"S-{sid:06d}"
            subjects.append(
                (
                    sid,
                    pseudonym,
                    d.name,
                    names.sort_key(d.name),
                    d.postal_address,
                    roles_text(d.roles) if d.roles else "",
                    d.customer_no,
                    d.supplier_no,
                    date(d.last_purchase),
                    date(d.last_contact),
                    created,
                )
            )
            emails.extend((sid, a) for a in d.emails)
            phones.extend((sid, p) for p in d.phones)
            row = fts.index_row("", d.emails, d.phones, (d.customer_no, d.supplier_no, pseudonym))
            index.append((sid, names.index_name(d.name), row["contact"], row["numbers"]))
        conn = self.conn
        conn.exec_driver_sql(self._sql_subject, subjects)
        if emails:
            conn.exec_driver_sql(self._sql_email, emails)
        if phones:
            conn.exec_driver_sql(self._sql_phone, phones)
        conn.exec_driver_sql(_SQL_INDEX, index)

    def _update(self, drafts: dict[int, _Draft]) -> None:
        """Subjects on record (or written by an earlier chunk) that rows matched: the rows'
        values overwrite, roles and contacts are added to; a subject whose values do not
        change is not written (a register imported again changes little)."""
        conn = self.conn
        s = _SUBJECT.c
        changes = []
        for batch in _batches(list(drafts)):
            for row in conn.execute(
                select(
                    s.id, s.name, s.postal_address, s.roles, s.customer_no, s.supplier_no,
                    s.last_purchase, s.last_contact,
                ).where(s.id.in_(batch))
            ):  # fmt: skip
                d = drafts[row.id]
                new = {
                    "name": d.name,
                    "postal_address": d.postal_address or row.postal_address,
                    "roles": _roles_text({*d.roles, *(r for r in row.roles.split(",") if r)}),
                    "customer_no": d.customer_no or row.customer_no,
                    "supplier_no": d.supplier_no or row.supplier_no,
                    "last_purchase": d.last_purchase or row.last_purchase,
                    "last_contact": d.last_contact or row.last_contact,
                }
                if any(new[k] != row._mapping[k] for k in new):
                    new["sort_name"] = self.names.sort_key(d.name)
                    changes.append({"b_id": row.id, **{f"b_{k}": v for k, v in new.items()}})
                if (
                    d.emails
                    or d.phones
                    or (new["name"], new["customer_no"], new["supplier_no"])
                    != (row.name, row.customer_no, row.supplier_no)
                ):
                    self.touched.add(row.id)  # its search index row may change
        if changes:
            conn.execute(_UPDATE_SUBJECT, changes)
        emails = [(sid, a) for sid, d in drafts.items() for a in d.emails]
        phones = [(sid, p) for sid, d in drafts.items() for p in d.phones]
        if emails:
            conn.exec_driver_sql(self._sql_email, emails)
        if phones:
            conn.exec_driver_sql(self._sql_phone, phones)

    def reindex(self) -> None:
        """The search index rows of the subjects on record that rows changed, rebuilt from
        what is now stored, where they differ from the rows in the index.

        Done once at the end, a window of ids at a time: e-mails and phones are found by
        subject id, which no index serves, so each window reads those tables through once.
        The index deletes securely (nothing of the old row is left in it), which is slow
        when deletes and inserts alternate: all of a window's rows are deleted first."""
        ids = sorted(self.touched)
        self.touched = set()
        conn = self.conn
        s = _SUBJECT.c
        e = _EMAIL.c
        p = _PHONE.c
        for start in range(0, len(ids), _REINDEX_WINDOW):
            window = ids[start : start + _REINDEX_WINDOW]
            wanted = set(window)
            lo, hi = window[0], window[-1]
            contacts: list[dict[int, list[str]]] = []
            for table, column in ((e, e.address), (p, p.e164)):
                found: dict[int, list[str]] = {}
                for sid, value in conn.execute(
                    select(table.subject_id, column)
                    .where(table.subject_id.between(lo, hi))
                    .order_by(table.id)
                ):
                    if sid in wanted:
                        found.setdefault(sid, []).append(value)
                contacts.append(found)
            emails, phones = contacts
            stale: list[int] = []
            rows: list[tuple[int, str, str, str]] = []
            for batch in _batches(window):
                indexed = {
                    r.rowid: (r.name, r.contact, r.numbers)
                    for r in conn.execute(_SELECT_INDEX_ROWS, {"ids": list(batch)})
                }
                for sid, name, customer_no, supplier_no, pseudonym in conn.execute(
                    select(s.id, s.name, s.customer_no, s.supplier_no, s.pseudonym).where(
                        s.id.in_(batch)
                    )
                ):
                    row = fts.index_row(
                        name,
                        emails.get(sid, ()),
                        phones.get(sid, ()),
                        (customer_no, supplier_no, pseudonym),
                    )
                    values = (row["name"], row["contact"], row["numbers"])
                    if indexed.get(sid) != values:
                        if sid in indexed:
                            stale.append(sid)
                        rows.append((sid, *values))
            for batch in _batches(stale):
                conn.execute(_DELETE_INDEX_ROWS, {"ids": list(batch)})
            if rows:
                conn.exec_driver_sql(_SQL_INDEX, rows)
            if self.progress is not None and not self.progress(self.rows, self.rows):
                raise _Cancelled


def _attach(first: dict[str, int], more: set[tuple[str, int]], key: str, sid: int) -> bool:
    """Record that the subject has this e-mail (or phone); False where it had it already."""
    owner = first.get(key)
    if owner is None:
        first[key] = sid
        return True
    if owner == sid or (key, sid) in more:
        return False
    more.add((key, sid))
    return True


_SQL_INDEX = "INSERT INTO subject_fts(rowid, name, contact, numbers) VALUES (?, ?, ?, ?)"
_SELECT_INDEX_ROWS = text(
    "SELECT rowid, name, contact, numbers FROM subject_fts WHERE rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
_DELETE_INDEX_ROWS = text("DELETE FROM subject_fts WHERE rowid IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def _subject_update() -> Any:
    s = _SUBJECT.c
    return (
        update(_SUBJECT)
        .where(s.id == bindparam("b_id"))
        .values(
            {
                c: bindparam(f"b_{c}", type_=s[c].type)
                for c in (
                    "name",
                    "sort_name",
                    "postal_address",
                    "roles",
                    "customer_no",
                    "supplier_no",
                    "last_purchase",
                    "last_contact",
                )
            }  # fmt: skip
        )
    )


_UPDATE_SUBJECT = _subject_update()


def _compiled_insert(conn: Connection, table: Any, columns: Sequence[str]) -> tuple[str, tuple]:
    """A Core insert() compiled once, run with plain tuples: SQLAlchemy's per-row parameter
    handling would cost more than SQLite's work on a million rows."""
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    order = tuple(compiled.positiontup or ())
    if order != tuple(columns):
        raise AssertionError(f"unexpected parameter order {order}")
    return str(compiled), order


@contextmanager
def _page_cache(conn: Connection, kib: int) -> Iterator[None]:
    """A larger page cache for this connection while the import runs (then as it was)."""
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    if conn.in_transaction():
        conn.commit()  # the pragmas began SQLAlchemy's autobegin: end it before conn.begin()
    try:
        yield
    finally:
        if before is not None:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
            if conn.in_transaction():
                conn.commit()


def _batches(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _IN_BATCH):
        yield ids[i : i + _IN_BATCH]


def import_subjects(
    db: Database,
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    dry_run: bool = False,
    import_good_rows: bool = True,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import a register file as one transaction and report what was done.

    `mapping` None: the mapping guessed from the column names. `dry_run`: read, check and
    match everything, write nothing. `import_good_rows` False: where any row is bad, nothing
    is written. `progress(done, total_estimate)` is called every chunk of rows; returning
    False cancels the import and nothing is written. Raises InvalidInput for a file that
    cannot be read as a register (nothing written), DatabaseProblem for a database that
    cannot be written.
    """
    started = time.perf_counter()
    reg = open_register(Path(path))
    if mapping is None:
        mapping = guess_mapping(reg.headers)
    mapping.check(reg.headers)

    cancelled = False
    written = False
    importer: _Importer | None = None
    try:
        with db.engine.connect() as conn, _page_cache(conn, _IMPORT_CACHE_KIB):
            with conn.begin():
                if not dry_run:
                    # Take the write lock now: an upgrade from a read snapshot later could
                    # fail against a concurrent writer, after all the work was done.
                    conn.execute(text("UPDATE subject SET id = id WHERE id = -1"))
                importer = _Importer(
                    conn,
                    reg,
                    mapping,
                    write=not dry_run,
                    import_good_rows=import_good_rows,
                    progress=progress,
                )
                importer.load()
                try:
                    importer.run()
                except _Cancelled:
                    cancelled = True
                    raise
                if dry_run or (importer.rejected and not import_good_rows):
                    raise _NothingToWrite
                audit.append(
                    conn,
                    "import subjects",
                    "subject",
                    "-",
                    {
                        "inserted": importer.inserted,
                        "updated": importer.updated,
                        "rejected": importer.rejected,
                        "file_sha256": reg.sha256,
                    },
                )
                written = True
    except (_Cancelled, _NothingToWrite):
        pass
    except DBAPIError as exc:
        problem = user_facing(exc)
        if problem is not None:
            raise problem from exc
        raise
    assert importer is not None
    return ImportReport(
        file_name=reg.name,
        file_sha256=reg.sha256,
        encoding=reg.encoding,
        separator=reg.separator,
        headers=reg.headers,
        rows=importer.rows,
        inserted=importer.inserted,
        updated=importer.updated,
        rejected=importer.rejected,
        bad_rows=tuple(importer.bad_rows),
        bad_rows_not_kept=importer.bad_not_kept,
        dry_run=dry_run,
        written=written,
        cancelled=cancelled,
        seconds=time.perf_counter() - started,
    )
