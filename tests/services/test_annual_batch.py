"""The annual statements: who gets one, what each says, and the batch that writes them in
worker processes: complete files only, a combined file for printing, and a clean cancel."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.core import clock
from app.core.errors import InvalidInput, NotFound, RuleViolation
from app.core.model import Channel, RequestType
from app.services import cases, findings, register, statements
from app.services.dto import RequestInput
from app.services.statements import AnnualCandidate
from app.store.database import Database
from app.store.files import WriteFailed
from app.store.models import Restriction, Subject
from tests.conftest import OSLO, TEST_NOW

YEAR = TEST_NOW.year


def add_subject(
    db: Database,
    name: str,
    roles: str = "customer",
    *,
    erased: bool = False,
    last_purchase: dt.date | None = None,
    restricted: bool = False,
) -> int:
    with db.session() as s:
        subject = Subject(
            pseudonym=f"tmp-{name}",
            name=name,
            sort_name=name.casefold(),
            postal_address="Storgata 1\n0155 Oslo",
            roles=roles,
            last_purchase=last_purchase,
            created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            erased_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC) if erased else None,
        )
        s.add(subject)
        s.flush()
        subject.pseudonym = f"S-{subject.id:06d}"
        if restricted:
            s.add(Restriction(subject_id=subject.id, ground="a", since=dt.date(2026, 1, 5)))
        return subject.id


def pseudonym(subject_id: int) -> str:
    return f"S-{subject_id:06d}"


def pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def text_of(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if not n.endswith(".pdf") or n.startswith("."))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def printing(tmp_path: Path) -> Path:
    """A folder of its own for the combined file (the test's folder holds the database)."""
    folder = tmp_path / "print"
    folder.mkdir()
    return folder


@pytest.fixture
def customers(db: Database) -> list[int]:
    ids = [
        add_subject(db, f"Kunde {n} Ødegård", last_purchase=dt.date(2026, 3, 15)) for n in range(5)
    ]
    ids.append(add_subject(db, "Áile Ŋuolga", "customer,supplier", restricted=True))
    return ids


# --- who --------------------------------------------------------------------------------------------


def test_candidates_by_role(db: Database, customers: list[int]) -> None:
    supplier = add_subject(db, "Leverandør AS", "supplier")
    add_subject(db, "Slettet Person", "customer", erased=True)
    add_subject(db, "Customerish", "other")
    by_role = statements.annual_candidates(db, YEAR, "role", role="customer")
    assert [c.subject_id for c in by_role] == customers
    suppliers = statements.annual_candidates(db, YEAR, "role", role="supplier")
    assert [c.subject_id for c in suppliers] == [customers[-1], supplier]
    assert suppliers[0] == AnnualCandidate(customers[-1], pseudonym(customers[-1]), "Áile Ŋuolga")
    with pytest.raises(InvalidInput, match="role"):
        statements.annual_candidates(db, YEAR, "role", role="visitor")


def test_candidates_by_requests_that_year(db: Database) -> None:
    def log(name: str, types: tuple[RequestType, ...], when: dt.datetime) -> int:
        return cases.log_request(
            db,
            RequestInput(
                channel=Channel.PHONE,
                types=types,
                name=name,
                received_at=when,
                phone=None,
                email=f"{name.split()[0].lower()}@example.no",
                new_subject=True,
            ),
        ).subject_id

    this_year = dt.datetime(YEAR, 1, 2, 10, tzinfo=OSLO)
    asked = log("Anne Access", (RequestType.ACCESS, RequestType.ERASURE), this_year)
    log("Ebbe Erasure", (RequestType.ERASURE,), this_year)
    log("Frida Former", (RequestType.ACCESS,), dt.datetime(YEAR - 1, 6, 1, 10, tzinfo=OSLO))
    got = statements.annual_candidates(db, YEAR, "requests")
    assert [c.subject_id for c in got] == [asked]
    assert [c.pseudonym for c in got] == [pseudonym(asked)]


def test_candidates_hand_picked(db: Database, customers: list[int]) -> None:
    erased = add_subject(db, "Slettet Person", erased=True)
    picked = statements.annual_candidates(
        db, YEAR, "selected", subject_ids=(customers[2], customers[0], customers[2])
    )
    assert [c.subject_id for c in picked] == [customers[2], customers[0]]
    with pytest.raises(NotFound):
        statements.annual_candidates(db, YEAR, "selected", subject_ids=(999_999,))
    with pytest.raises(RuleViolation, match="erased"):
        statements.annual_candidates(db, YEAR, "selected", subject_ids=(erased,))
    with pytest.raises(InvalidInput):
        statements.annual_candidates(db, YEAR, "selected")
    with pytest.raises(InvalidInput, match="Unknown set"):
        statements.annual_candidates(db, YEAR, "everyone")
    with pytest.raises(InvalidInput, match="year"):
        statements.annual_candidates(db, YEAR + 1, "role", role="customer")


# --- what each says --------------------------------------------------------------------------------


def test_annual_statement_follows_roles_and_findings(db: Database) -> None:
    supplier = add_subject(db, "Leverandør AS", "supplier")
    data = statements.annual_statement_data(db, supplier, YEAR, "en")
    assert data.reference == f"{YEAR}/{pseudonym(supplier)}"
    assert data.processed and not data.restricted and data.data_copy == ()
    assert [s.activity_name for s in data.sections] == [
        "Communications with customers, suppliers and stakeholders",
        "Compliance with statutory obligations",
    ]
    assert data.sections[0].categories_held == ("Name and contact details", "Correspondence")

    # Their latest access case found analytics data: that activity is named too.
    logged = cases.log_request(
        db,
        RequestInput(
            channel=Channel.PHONE,
            types=(RequestType.ACCESS,),
            name="Leverandør AS",
            received_at=clock.now_oslo() - dt.timedelta(days=3),
            phone="+47 91 23 45 67",
            subject_id=supplier,
        ),
    )
    analytics = next(x.id for x in register.list_systems(db) if x.code == "web-analytics")
    findings.record_finding(
        db,
        logged.reference,
        analytics,
        searched_on=cases.today_oslo(),
        found=True,
        categories=("Online identifiers (cookies)",),
        notes="GA client id 123.456",
    )
    data = statements.annual_statement_data(db, supplier, YEAR, "en")
    names = [s.activity_name for s in data.sections]
    assert "Website analytics and remarketing (Google Analytics)" in names
    section = data.sections[names.index("Website analytics and remarketing (Google Analytics)")]
    assert section.categories_held == ("Online identifiers (cookies)",)
    assert "USA" in section.transfers and not section.source_is_subject
    assert data.data_copy == ()  # the copy belongs to the access request

    nobody = add_subject(db, "Ingen Rolle", "")
    assert not statements.annual_statement_data(db, nobody, YEAR, "nb").processed
    erased = add_subject(db, "Slettet Person", erased=True)
    with pytest.raises(RuleViolation):
        statements.annual_statement_data(db, erased, YEAR, "nb")


# --- the batch -----------------------------------------------------------------------------------------


def test_batch_writes_each_statement_and_a_combined_file(
    db: Database, customers: list[int], out: Path, printing: Path
) -> None:
    nobody = add_subject(db, "Ingen Rolle", "")
    combined = printing / "print.pdf"
    people = statements.annual_candidates(db, YEAR, "selected", subject_ids=(*customers, nobody))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    report = statements.run_annual_batch(db, people, YEAR, out, "nb", combined, progress)
    assert not report.cancelled and report.total == len(people)
    expected = [out / f"{pseudonym(i)}-{YEAR}.pdf" for i in customers]
    assert list(report.written) == expected
    assert sorted(os.listdir(out)) == sorted(p.name for p in expected)
    assert report.no_data == (pseudonym(nobody),)
    assert report.restricted == (pseudonym(customers[-1]),)
    assert report.skipped == ()
    assert report.combined == combined
    for path in (*expected, combined):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pages(combined) == sum(pages(p) for p in expected)
    printed = text_of(combined)
    for n in range(5):
        assert f"Kunde {n} Ødegård" in printed
    assert "Áile Ŋuolga" in printed and "Ingen Rolle" not in printed
    first = text_of(expected[0])
    assert f"{YEAR}/{pseudonym(customers[0])}" in first
    assert "lagres til 31.12.2036, bokføringsloven § 13" in first
    assert "Behandlingen er begrenset." in text_of(expected[-1])
    assert "Behandlingen er begrenset." not in first
    assert calls[-1] == (len(people) + 1, len(people) + 1)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert leftovers(out) == [] and os.listdir(printing) == ["print.pdf"]


def test_the_pool_has_two_workers_and_no_fork(
    db: Database, customers: list[int], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[dict[str, Any]] = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            created.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(statements, "ProcessPoolExecutor", Recording)
    people = statements.annual_candidates(db, YEAR, "role", role="customer")
    report = statements.run_annual_batch(db, people, YEAR, out, "en")
    assert len(report.written) == len(customers)
    assert len(created) == 1
    assert created[0]["max_workers"] == 2
    assert created[0]["mp_context"].get_start_method() in ("forkserver", "spawn")


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_leaves_only_complete_files(
    db: Database, out: Path, printing: Path, workers: int
) -> None:
    ids = [add_subject(db, f"Kunde {n}") for n in range(14)]
    people = statements.annual_candidates(db, YEAR, "selected", subject_ids=ids)
    combined = printing / "print.pdf"
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 3

    report = statements.run_annual_batch(
        db, people, YEAR, out, "nb", combined, progress, workers=workers
    )
    assert report.cancelled
    assert report.combined is None and not combined.exists()
    assert 3 <= len(report.written) < len(ids)
    files = sorted(os.listdir(out))
    assert files == sorted(p.name for p in report.written)
    for name in files:
        assert pages(out / name) >= 1  # each opens: complete
    assert leftovers(out) == [] and os.listdir(printing) == []
    assert max(seen) < len(ids) + 1


def test_cancel_before_anything_is_written(db: Database, out: Path) -> None:
    ids = [add_subject(db, f"Kunde {n}") for n in range(3)]
    people = statements.annual_candidates(db, YEAR, "selected", subject_ids=ids)
    report = statements.run_annual_batch(
        db, people, YEAR, out, "nb", out / "all.pdf", lambda _d, _t: False
    )
    assert report.cancelled and report.written == () and os.listdir(out) == []


def test_no_one_with_data_means_no_combined_file(db: Database, out: Path) -> None:
    ids = [add_subject(db, "Ingen Rolle", ""), add_subject(db, "Ingen Heller", "")]
    people = statements.annual_candidates(db, YEAR, "selected", subject_ids=ids)
    report = statements.run_annual_batch(db, people, YEAR, out, "en", out / "all.pdf")
    assert report.written == () and report.combined is None
    assert report.no_data == tuple(pseudonym(i) for i in ids)
    assert os.listdir(out) == []


def test_erased_meanwhile_is_skipped(db: Database, out: Path) -> None:
    keep, gone = add_subject(db, "Kunde En"), add_subject(db, "Kunde To")
    people = statements.annual_candidates(db, YEAR, "selected", subject_ids=(keep, gone))
    with db.session() as s:
        subject = s.get(Subject, gone)
        assert subject is not None
        subject.erased_at = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    report = statements.run_annual_batch(db, people, YEAR, out, "en", workers=1)
    assert report.skipped == (pseudonym(gone),)
    assert [p.name for p in report.written] == [f"{pseudonym(keep)}-{YEAR}.pdf"]


def test_bad_output_is_refused_before_anything(db: Database, out: Path) -> None:
    people = statements.annual_candidates(
        db, YEAR, "selected", subject_ids=(add_subject(db, "Kunde En"),)
    )
    with pytest.raises(WriteFailed):
        statements.run_annual_batch(db, people, YEAR, out / "missing", "nb")
    with pytest.raises(WriteFailed):
        statements.run_annual_batch(db, people, YEAR, out, "nb", out / "no" / "x.pdf")
    with pytest.raises(WriteFailed):
        statements.run_annual_batch(db, people, YEAR, out, "nb", out)
    with pytest.raises(InvalidInput):
        statements.run_annual_batch(db, people, YEAR, out, "de")
    assert os.listdir(out) == []
