"""`innsyn retention sweep`: table, CSV and JSON, names only when asked, bad dates refused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from app.cli import main
from app.store.database import open_database
from app.store.models import AuditLog, Subject


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


@pytest.fixture
def swept(db_path: Path) -> Path:
    db = open_database(db_path)
    try:
        with db.session() as s:
            s.execute(
                insert(Subject),
                [
                    {
                        "id": 1,
                        "pseudonym": "S-000001",
                        "name": "=Ola Nordmann",
                        "sort_name": "ola nordmann",
                        "postal_address": "",
                        "roles": "customer",
                        "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                        "last_purchase": dt.date(2024, 2, 29),
                    },
                    {
                        "id": 2,
                        "pseudonym": "S-000002",
                        "name": "Kari Nordmann",
                        "sort_name": "kari nordmann",
                        "postal_address": "",
                        "roles": "stakeholder",
                        "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                        "last_contact": dt.date(2023, 12, 1),
                    },
                ],
            )
    finally:
        db.close()
    return db_path


def test_json(capsys: pytest.CaptureFixture[str], swept: Path) -> None:
    db = ("--db", str(swept))
    code, out, err = run(
        capsys, *db, "retention", "sweep", "--as-of", "2027-02-28", "--format", "json"
    )
    assert code == 0 and err == []
    records = json.loads(out)
    assert records == [
        {
            "kind": "subject-data",
            "pseudonym": "S-000002",
            "activity": "Communications with customers, suppliers and stakeholders",
            "applies_to": "Correspondence and contact details",
            "rule": "Correspondence with customers, suppliers and stakeholders",
            "legal_reference": "LanoPro privacy policy: 3 years after the last contact",
            "due_on": "2026-12-01",
            "days_overdue": 89,
            "case_reference": None,
        },
        {
            "kind": "subject-data",
            "pseudonym": "S-000001",
            "activity": "Provision of products and services",
            "applies_to": "Other personal data",
            "rule": "Other customer data",
            "legal_reference": "LanoPro privacy policy: 3 years after the last purchase",
            "due_on": "2027-02-28",
            "days_overdue": 0,
            "case_reference": None,
        },
    ]
    code, out, _ = run(
        capsys, *db, "retention", "sweep", "--as-of", "2027-02-27", "--format", "json"
    )
    assert [r["pseudonym"] for r in json.loads(out)] == ["S-000002"]
    assert "Nordmann" not in out


def test_csv_with_names_is_neutralised_and_audited(
    capsys: pytest.CaptureFixture[str], swept: Path
) -> None:
    db = ("--db", str(swept))
    code, out, err = run(
        capsys, *db, "retention", "sweep", "--as-of", "2027-03-01", "--format", "csv", "--names"
    )
    assert code == 0 and err == []
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:4] == ["kind", "pseudonym", "name", "activity"]
    names = {row[1]: row[2] for row in rows[1:]}
    assert names == {"S-000001": "'=Ola Nordmann", "S-000002": "Kari Nordmann"}
    database = open_database(swept)
    try:
        with database.session() as s:
            actions = list(s.scalars(select(AuditLog.action)))
    finally:
        database.close()
    assert "show retention sweep" in actions


def test_table(capsys: pytest.CaptureFixture[str], swept: Path) -> None:
    db = ("--db", str(swept))
    code, out, err = run(capsys, *db, "retention", "sweep", "--as-of", "2027-02-28")
    assert code == 0 and err == []
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["OVERDUE", "DUE", "KIND", "PSEUDONYM"]
    assert lines[1].split()[:4] == ["89", "2026-12-01", "subject-data", "S-000002"]
    assert lines[2].split()[:4] == ["0", "2027-02-28", "subject-data", "S-000001"]
    # Aligned: each column starts at the same place on every line.
    start = lines[0].index("PSEUDONYM")
    assert lines[1][start:].startswith("S-000002") and lines[2][start:].startswith("S-000001")
    assert lines[0].index("LEGAL REFERENCE") == lines[1].index("LanoPro privacy policy")
    assert lines[-1] == "2 item(s) due for deletion as of 2027-02-28"
    assert "Nordmann" not in out

    code, out, _ = run(capsys, *db, "retention", "sweep", "--as-of", "2020-01-01")
    assert code == 0 and out == "nothing due for deletion as of 2020-01-01\n"


@pytest.mark.parametrize("bad", ["2027-02-30", "28.02.2027", "tomorrow"])
def test_a_bad_date_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], swept: Path, bad: str
) -> None:
    code, out, err = run(capsys, "--db", str(swept), "retention", "sweep", "--as-of", bad)
    assert code == 2 and out == ""
    assert err == [f"innsyn: --as-of {bad!r} is not a date (YYYY-MM-DD)"]


def test_a_bad_format_is_refused(capsys: pytest.CaptureFixture[str], swept: Path) -> None:
    code, _out, err = run(capsys, "--db", str(swept), "retention", "sweep", "--format", "xml")
    assert code == 2 and len(err) == 1 and "xml" in err[0]


@pytest.mark.parametrize("names", [False, True])
def test_json_is_printed_as_json_dump_prints_the_list(
    capsys: pytest.CaptureFixture[str], swept: Path, names: bool
) -> None:
    """Streamed a record at a time, the text is what json.dump(indent=2) gave the list."""
    from app.services import retention_sweep

    args = ["--db", str(swept), "retention", "sweep", "--as-of", "2027-03-01", "--format", "json"]
    code, out, _ = run(capsys, *args, *(["--names"] if names else []))
    assert code == 0
    db = open_database(swept)
    try:
        items = retention_sweep.sweep(db, dt.date(2027, 3, 1))
    finally:
        db.close()
    records = retention_sweep.sweep_records(items, names=names)
    assert len(records) == 2
    assert out == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    code, out, _ = run(capsys, *args[:5], "2020-01-01", "--format", "json")
    assert out == "[]\n"


def test_table_with_names_is_aligned_and_audited(
    capsys: pytest.CaptureFixture[str], swept: Path
) -> None:
    code, out, _ = run(
        capsys, "--db", str(swept), "retention", "sweep", "--as-of", "2027-03-01", "--names"
    )
    assert code == 0
    lines = out.splitlines()
    start = lines[0].index("NAME")
    assert lines[1][start:].startswith("Kari Nordmann")
    assert lines[2][start:].startswith("=Ola Nordmann")  # a terminal runs no formula
    activity = lines[0].index("ACTIVITY")
    assert lines[1][activity:].startswith("Communications")
    assert lines[2][activity:].startswith("Provision")
    assert lines[-1] == "2 item(s) due for deletion as of 2027-03-01"
