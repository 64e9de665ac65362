"""`innsyn rectify | restrict | restriction lift | object` and `innsyn report annual
--format json`: the rights of Art. 16-21 headless, through the services the rights panel
uses, and the annual figures as data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.model import RequestType
from app.services import cases, exports, rights, subjects
from app.services.dto import SubjectDetail
from app.store.database import open_database
from tests.conftest import oslo
from tests.test_cli_case import log, refused, run


def subject_of(db_path: Path, ref: str) -> SubjectDetail:
    db = open_database(db_path)
    try:
        return subjects.get_subject(db, cases.get_case(db, ref).subject_id)
    finally:
        db.close()


def restrictions_of(db_path: Path, ref: str) -> list[rights.RestrictionView]:
    db = open_database(db_path)
    try:
        return rights.subject_restrictions(db, cases.get_case(db, ref).subject_id)
    finally:
        db.close()


@pytest.fixture
def ref(db_path: Path) -> str:
    return log(
        db_path,
        RequestType.RECTIFICATION,
        RequestType.RESTRICTION,
        RequestType.OBJECTION,
        received=oslo(2026, 11, 10),
    )


# --- rectify ----------------------------------------------------------------------------------------


def test_rectify_several_fields(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, err = run(capsys, db_path, "rectify", ref,
                         "--field", "name", "--value", "Kari Nordmann Berg",
                         "--field", "emails", "--value", "kari@example.no, kb@example.no",
                         "--field", "last-purchase", "--value", "2026-10-01")  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        "name: Kari Nordmann → Kari Nordmann Berg",
        "emails: (none) → kari@example.no, kb@example.no",
        "last_purchase: (none) → 2026-10-01",
    ]
    s = subject_of(db_path, ref)
    assert s.name == "Kari Nordmann Berg"
    assert s.emails == ("kari@example.no", "kb@example.no")
    assert s.last_purchase == dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--field", "shoe_size", "--value", "42"], "unknown field 'shoe_size' (choose: name, postal_address, emails"),
        (["--field", "name"], "each --field with its --value"),
        ([], "at least one --field"),
        (["--field", "name", "--value", "A B", "--field", "name", "--value", "C D"], "twice"),
        (["--field", "last_contact", "--value", "1.10.2026"], "YYYY-MM-DD"),
        (["--field", "last_contact", "--value", "2026-12-01"], "future"),
        (["--field", "emails", "--value", "not-an-address"], "e-mail"),
        (["--field", "name", "--value", "Kari Nordmann"], "Nothing to correct"),
    ],
)  # fmt: skip
def test_rectify_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "rectify", ref, *args)


def test_rectify_needs_a_rectification_case(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    refused(capsys, db_path, "rectif", "rectify", access, "--field", "name", "--value", "A B")
    refused(capsys, db_path, "no case", "rectify", "2026-0404", "--field", "name", "--value", "A")


# --- restrict and lift ----------------------------------------------------------------------------------


def test_restrict_one_activity_then_lift_it(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, err = run(capsys, db_path, "restrict", ref, "--ground", "c",
                         "--activity", "Communications with customers, suppliers and stakeholders",
                         "--until", "2027-01-31")  # fmt: skip
    assert code == 0, err
    assert "restricted since 2026-11-25 (Art. 18(1)(c), planned until 2027-01-31)" in out
    (r,) = restrictions_of(db_path, ref)
    assert (r.ground, r.since, r.until, r.lifted_on) == ("c", dt.date(2026, 11, 25),
                                                          dt.date(2027, 1, 31), None)  # fmt: skip
    assert r.activity is not None and r.activity.startswith("Communications")
    refused(capsys, db_path, "already restricted", "restrict", ref, "--ground", "a",
            "--activity", r.activity)  # fmt: skip

    code, out, err = run(capsys, db_path, "restriction", "lift", ref, "--told-on", "2026-11-25")
    assert code == 0, err
    assert out.strip().endswith("lifted on 2026-11-25 (person told 2026-11-25)")
    (r,) = restrictions_of(db_path, ref)
    assert r.person_told_on == dt.date(2026, 11, 25) and r.lifted_on == dt.date(2026, 11, 25)
    refused(capsys, db_path, "no restriction is in force", "restriction", "lift", ref,
            "--told-on", "2026-11-25")  # fmt: skip


def test_restrict_the_whole_subject(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, _ = run(capsys, db_path, "restrict", ref, "--ground", "a")
    assert code == 0
    assert out.strip() == f"{ref}: the whole subject restricted since 2026-11-25 (Art. 18(1)(a))"
    (r,) = restrictions_of(db_path, ref)
    assert r.activity_id is None and r.active


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ground", "e"], "unknown ground 'e' (choose: a, b, c, d)"),
        (["--ground", "a", "--activity", "Astrology"], "unknown activity 'Astrology' (choose: "),
        (["--ground", "a", "--until", "2026-11-25"], "after today"),
        (["--ground", "a", "--until", "next week"], "YYYY-MM-DD"),
        ([], "--ground"),
    ],
)
def test_restrict_refuses(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    refused(capsys, db_path, message, "restrict", ref, *args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--told-on", "2026-11-26"], "future"),
        (["--told-on", "2026-11-24", "--on", "2026-11-23"], "after the person is told"),
        (["--told-on", "2026-11-20"], "before the restriction began"),
        (["--told-on", "2026-11-25", "--activity", "Astrology"], "unknown activity"),
        (["--told-on", "25/11/2026"], "YYYY-MM-DD"),
    ],
)
def test_lift_refuses_and_records_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, args: list[str], message: str
) -> None:
    run(capsys, db_path, "restrict", ref, "--ground", "a")
    refused(capsys, db_path, message, "restriction", "lift", ref, *args)
    (r,) = restrictions_of(db_path, ref)
    assert r.person_told_on is None and r.lifted_on is None


def test_lift_without_a_restriction_or_case(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    refused(capsys, db_path, "no restriction is in force", "restriction", "lift", ref,
            "--told-on", "2026-11-25")  # fmt: skip
    refused(capsys, db_path, "no case", "restriction", "lift", "2026-0404",
            "--told-on", "2026-11-25")  # fmt: skip


# --- object ----------------------------------------------------------------------------------------------


def test_object_stops_the_marketing_activity(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str
) -> None:
    code, out, err = run(capsys, db_path, "object", ref)
    assert code == 0, err
    assert out.strip() == (
        f"{ref}: direct marketing in 'Website analytics and remarketing (Google Analytics)' "
        "stopped on 2026-11-25"
    )
    db = open_database(db_path)
    try:
        (o,) = rights.subject_objections(db, cases.get_case(db, ref).subject_id)
    finally:
        db.close()
    assert o.direct_marketing and o.stopped_on == dt.date(2026, 11, 25)
    assert o.activity == "Website analytics and remarketing (Google Analytics)"
    refused(capsys, db_path, "was stopped on 2026-11-25", "object", ref)


def test_object_refuses(capsys: pytest.CaptureFixture[str], db_path: Path, ref: str) -> None:
    access = log(db_path, RequestType.ACCESS, received=oslo(2026, 11, 10))
    refused(capsys, db_path, "objection", "object", access)
    refused(
        capsys, db_path, "unknown activity 'Astrology'", "object", ref, "--activity", "Astrology"
    )
    refused(capsys, db_path, "no case", "object", "2026-0404")


# --- the annual report as JSON ---------------------------------------------------------------------------


def test_annual_report_json_carries_the_pdfs_figures(
    capsys: pytest.CaptureFixture[str], db_path: Path, ref: str, tmp_path: Path
) -> None:
    run(capsys, db_path, "case", "extend", ref, "--reasons", "Several systems")
    run(capsys, db_path, "case", "answer", ref, "--on", "2026-11-24", "--method", "e-mail")
    other = log(db_path, RequestType.ACCESS, received=oslo(2026, 3, 2))
    run(capsys, db_path, "case", "status", other, "refused", "--note", "Manifestly unfounded")

    out = tmp_path / "annual.json"
    code, printed, err = run(capsys, db_path, "report", "annual", "--year", "2026",
                             "--format", "json", "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert printed.strip() == f"annual report 2026 written to {out}: 2 requests"
    data = json.loads(out.read_text("utf-8"))
    assert data["year"] == 2026 and data["requests"] == 2
    assert (data["answered"], data["answered_on_time"], data["answered_late"]) == (1, 1, 0)
    assert data["share_on_time"] == 1.0
    assert data["median_days"] == data["p90_days"] == 14
    assert data["extensions"] == 1 and data["refusals"] == 1
    assert data["refusals_by_reason"] == {"Manifestly unfounded": 1}
    assert data["by_type"]["access"] == 1 and data["by_type"]["rectification"] == 1
    assert data["by_type"]["erasure"] == 0
    assert data["by_month"][2] == 1 and data["by_month"][10] == 1 and sum(data["by_month"]) == 2
    assert data["by_type_month"]["access"][2] == 1
    assert data["by_channel"]["phone"] == 2
    db = open_database(db_path)
    try:
        figures = exports.figures_for_year(db, 2026)
    finally:
        db.close()
    assert data["by_type"] == dict(figures.by_type)
    assert data["fees"] == figures.fees and data["fees_total"] == figures.fees_total

    # The PDF prints the same: the default format keeps working.
    pdf = tmp_path / "annual.pdf"
    code, _, err = run(capsys, db_path, "report", "annual", "--year", "2026", "--out", str(pdf))
    assert code == 0, err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Manifestly unfounded" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2017", "--format", "json"], "no figures for 2017"),
        (["--year", "2027", "--format", "json"], "no figures for 2027"),
        (["--year", "2026", "--format", "xml"], "invalid choice"),
    ],
)
def test_annual_report_refuses(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    ref: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "annual.json"
    refused(capsys, db_path, message, "report", "annual", *args, "--out", str(out))
    assert not out.exists()
