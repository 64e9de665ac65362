"""`innsyn retention kept | kept-erased | erasure-cases | deidentify`: what the retention
view does with the sweep, and the data kept after an erasure whose date has come, headless."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert

from app.core.model import AnswerMethod, RequestType
from app.services import cases, rights, workflow
from app.services.dto import CaseQuery
from app.store.database import open_database
from app.store.models import Subject
from tests.conftest import oslo
from tests.test_cli_case import detail, log, refused, run

PROVISION = "Provision of products and services"
SetClock = Callable[[dt.datetime | dt.date], None]


# --- kept data whose date has come -------------------------------------------------------------------


@pytest.fixture
def kept_line(db_path: Path) -> tuple[str, int]:
    """An applied erasure that kept 'Other personal data' until 2027-01-31."""
    ref = log(db_path, RequestType.ERASURE, received=oslo(2026, 11, 2))
    db = open_database(db_path)
    try:
        line = next(
            x
            for x in rights.draw_up_erasure_matrix(db, ref)
            if x.applies_to == "Other personal data"
        )
        rights.set_erasure_line(db, line.id, "keep", dt.date(2027, 1, 31),
                                "Art. 17(3)(e) legal claims", "A claim is pending")  # fmt: skip
        rights.apply_erasure(db, ref)
    finally:
        db.close()
    return ref, line.id


def test_kept_then_marked_erased(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    kept_line: tuple[str, int],
    set_clock: SetClock,
) -> None:
    ref, line_id = kept_line
    code, out, err = run(capsys, db_path, "retention", "kept")
    assert code == 0, err
    assert out.strip() == "no kept data has run out as of 2026-11-25"

    set_clock(dt.date(2027, 2, 15))
    code, out, err = run(capsys, db_path, "retention", "kept", "--format", "json")
    assert code == 0, err
    (item,) = json.loads(out)
    assert item["line_id"] == line_id and item["case_reference"] == ref
    assert (item["activity"], item["applies_to"], item["until"]) == (
        PROVISION, "Other personal data", "2027-01-31"
    )  # fmt: skip
    assert item["ground"] == "Art. 17(3)(e) legal claims"
    assert item["pseudonym"].startswith("S-") and "name" not in item
    code, out, _ = run(capsys, db_path, "retention", "kept", "--as-of", "2027-02-15")
    assert out.splitlines()[-1] == "1 kept item(s) to erase as of 2027-02-15"

    code, out, err = run(capsys, db_path, "retention", "kept-erased", str(line_id),
                         "--on", "2027-02-14", "--notes", "Deleted in the ERP")  # fmt: skip
    assert code == 0, err
    assert out.strip() == f"{ref}: {PROVISION} / Other personal data erased on 2027-02-14"
    db = open_database(db_path)
    try:
        line = next(x for x in rights.erasure_matrix(db, ref) if x.id == line_id)
        assert rights.kept_until_items(db, dt.date(2027, 2, 15)) == []
    finally:
        db.close()
    assert (line.decision, line.applied_on) == ("erase", dt.date(2027, 2, 14))
    assert "Deleted in the ERP" in line.reason
    assert detail(db_path, ref).events[-1].kind == "kept data erased"


def test_kept_erased_refuses(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    kept_line: tuple[str, int],
    set_clock: SetClock,
) -> None:
    ref, line_id = kept_line
    refused(capsys, db_path, f"line {line_id} is not kept data whose date has come by 25 November 2026",
            "retention", "kept-erased", str(line_id), "--on", "2026-11-25")  # fmt: skip
    set_clock(dt.date(2027, 2, 15))
    refused(capsys, db_path, "is not kept data whose date has come by 30 January 2027",
            "retention", "kept-erased", str(line_id), "--on", "2027-01-30")  # fmt: skip
    refused(capsys, db_path, "future", "retention", "kept-erased", str(line_id),
            "--on", "2027-02-16")  # fmt: skip
    refused(capsys, db_path, "YYYY-MM-DD", "retention", "kept-erased", str(line_id),
            "--on", "14.02.2027")  # fmt: skip
    refused(capsys, db_path, "line 999 is not kept data", "retention", "kept-erased", "999",
            "--on", "2027-02-14")  # fmt: skip
    refused(capsys, db_path, "invalid int", "retention", "kept-erased", "first",
            "--on", "2027-02-14")  # fmt: skip
    refused(capsys, db_path, "YYYY-MM-DD", "retention", "kept", "--as-of", "2027-2-15")


# --- erasure cases for the people whose data are due -------------------------------------------------


@pytest.fixture
def overdue(db_path: Path) -> Path:
    """Two stakeholders whose last contact was over three years ago."""
    db = open_database(db_path)
    try:
        with db.session() as s:
            s.execute(
                insert(Subject),
                [
                    {"id": i, "pseudonym": f"S-00000{i}", "name": name, "sort_name": name.lower(),
                     "postal_address": "", "roles": "stakeholder",
                     "created_at": dt.datetime(2023, 1, 1, tzinfo=dt.UTC), "last_contact": dt.date(2023, 10, 1)}
                    for i, name in ((1, "Ola Nordmann"), (2, "Kari Nordmann"))
                ],
            )  # fmt: skip
    finally:
        db.close()
    return db_path


def test_erasure_cases_dry_run_then_created(
    capsys: pytest.CaptureFixture[str], overdue: Path
) -> None:
    code, out, err = run(capsys, overdue, "retention", "erasure-cases", "--as-of", "2026-11-25",
                         "--dry-run")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        "dry run as of 2026-11-25: nothing was changed",
        "S-000001: would get an erasure case",
        "S-000002: would get an erasure case",
        "2 erasure case(s) would be created",
    ]
    db = open_database(overdue)
    try:
        assert list(cases.iter_cases(db, CaseQuery())) == []
    finally:
        db.close()

    code, out, err = run(capsys, overdue, "retention", "erasure-cases", "--as-of", "2026-11-25")
    assert code == 0, err
    *refs, summary = out.splitlines()
    assert summary == "2 erasure case(s) created as of 2026-11-25" and len(refs) == 2
    for ref in refs:
        d = detail(overdue, ref)
        assert d.types == (RequestType.ERASURE,) and d.is_open

    code, out, _ = run(capsys, overdue, "retention", "erasure-cases", "--as-of", "2026-11-25",
                       "--dry-run")  # fmt: skip
    assert f"S-000001: erasure case {refs[0]} already open" in out.splitlines()
    assert out.splitlines()[-1] == "0 erasure case(s) would be created"
    code, out, _ = run(capsys, overdue, "retention", "erasure-cases", "--as-of", "2026-11-25")
    assert out.splitlines() == [
        "0 erasure case(s) created as of 2026-11-25",
        "2 person(s) skipped: an erasure case is already open, or the person is erased",
    ]


def test_erasure_cases_refuses(capsys: pytest.CaptureFixture[str], overdue: Path) -> None:
    refused(capsys, overdue, "--as-of", "retention", "erasure-cases")
    refused(capsys, overdue, "YYYY-MM-DD", "retention", "erasure-cases", "--as-of", "20261125")


# --- de-identification of closed cases ------------------------------------------------------------------


@pytest.fixture
def closed(db_path: Path) -> str:
    ref = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 2))
    db = open_database(db_path)
    try:
        workflow.mark_answered(db, ref, on=dt.date(2026, 11, 20), method=AnswerMethod.EMAIL.value)
        workflow.close_case(db, ref)
    finally:
        db.close()
    return ref


def test_deidentify_with_yes(
    capsys: pytest.CaptureFixture[str], db_path: Path, closed: str, set_clock: SetClock
) -> None:
    set_clock(dt.date(2029, 12, 1))
    code, out, err = run(capsys, db_path, "retention", "deidentify", "--as-of", "2029-12-01",
                         "--yes")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        f"{closed}: de-identified (the person's record erased too)",
        "1 closed case(s) de-identified as of 2029-12-01",
    ]
    d = detail(db_path, closed)
    assert d.events[-1].kind == "de-identified"
    assert d.subject_name != "Kari Nordmann"
    code, out, _ = run(capsys, db_path, "retention", "deidentify", "--as-of", "2029-12-01",
                       "--yes")  # fmt: skip
    assert out.strip() == "0 closed case(s) de-identified as of 2029-12-01"


def test_deidentify_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, closed: str, set_clock: SetClock
) -> None:
    set_clock(dt.date(2029, 12, 1))
    refused(capsys, db_path, "confirm with --yes", "retention", "deidentify",
            "--as-of", "2029-12-01")  # fmt: skip
    refused(capsys, db_path, "future", "retention", "deidentify", "--as-of", "2029-12-02",
            "--yes")  # fmt: skip
    refused(capsys, db_path, "YYYY-MM-DD", "retention", "deidentify", "--as-of", "1.12.2029",
            "--yes")  # fmt: skip
    assert detail(db_path, closed).subject_name == "Kari Nordmann"
