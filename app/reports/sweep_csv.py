"""The retention sweep's list as plain records and CSV (plain data in, no database)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, TextIO

from app.core.sweep import SweepItem
from app.reports.csvsafe import neutralise

__all__ = [
    "RECORD_FIELDS",
    "record_fields",
    "sweep_csv",
    "sweep_record",
    "sweep_records",
    "write_sweep_csv_rows",
]


RECORD_FIELDS: tuple[str, ...] = (
    "kind",
    "pseudonym",
    "activity",
    "applies_to",
    "rule",
    "legal_reference",
    "due_on",
    "days_overdue",
    "case_reference",
)


def sweep_record(item: SweepItem, *, names: bool = False) -> dict[str, Any]:
    """A plain record for JSON and CSV: the pseudonym always, the name only when asked."""
    rec: dict[str, Any] = {
        "kind": item.kind.value,
        "pseudonym": item.pseudonym,
        "activity": item.activity,
        "applies_to": item.applies_to,
        "rule": item.rule,
        "legal_reference": item.legal_reference,
        "due_on": item.due_on.isoformat(),
        "days_overdue": item.days_overdue,
        "case_reference": item.case_reference,
    }
    if names:
        rec = {"kind": rec.pop("kind"), "pseudonym": rec.pop("pseudonym"), "name": item.name,
               **rec}  # fmt: skip
    return rec


def sweep_records(items: Iterable[SweepItem], *, names: bool = False) -> list[dict[str, Any]]:
    """Plain records for JSON and CSV: the pseudonym always, the name only when asked."""
    return [sweep_record(item, names=names) for item in items]


def record_fields(names: bool) -> tuple[str, ...]:
    if not names:
        return RECORD_FIELDS
    return (*RECORD_FIELDS[:2], "name", *RECORD_FIELDS[2:])


def write_sweep_csv_rows(
    out: TextIO, items: Iterable[SweepItem], *, names: bool = False, bom: bool = False
) -> int:
    """The list as CSV into `out`, a row as each item comes; every cell a spreadsheet would
    run as a formula is neutralised. Returns the number of rows (the header aside)."""
    if bom:
        out.write("\ufeff")  # Excel reads UTF-8 with it
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(record_fields(names))
    shared: dict[str, str] = {}  # texts many lines have (a rule, a date), neutralised once

    def once(text: str) -> str:
        done = shared.get(text)
        if done is None:
            done = shared[text] = neutralise(text)
        return done

    n = 0
    for item in items:  # the cells of sweep_record, in RECORD_FIELDS' order
        writer.writerow(
            [
                once(item.kind.value),
                neutralise(item.pseudonym),
                *((neutralise(item.name),) if names else ()),
                once(item.activity),
                once(item.applies_to),
                once(item.rule),
                once(item.legal_reference),
                once(item.due_on.isoformat()),
                str(item.days_overdue),  # never negative: due by the sweep's date
                neutralise(item.case_reference or ""),
            ]
        )
        n += 1
    return n


def sweep_csv(items: Iterable[SweepItem], *, names: bool = False, bom: bool = False) -> str:
    """The list as CSV; every cell a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    write_sweep_csv_rows(buffer, items, names=names, bom=bom)
    return buffer.getvalue()
