"""Killing the workbench (SIGKILL) in the middle of long work loses nothing that was
committed, leaves no partial output file, and the database passes integrity_check.
The work runs in a real child process; the test kills it once it is well under way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.services import cases
from app.services.dto import CaseQuery
from app.store.database import Database, open_database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

ROOT = Path(__file__).resolve().parents[1]

CHILD_PRELUDE = """
import sys, time
from pathlib import Path
import keyring
from keyrings.alt.file import PlaintextKeyring
ring = PlaintextKeyring()
ring.file_path = sys.argv[1]
keyring.set_keyring(ring)
from app.store.database import open_database
db = open_database(Path(sys.argv[2]), create=False)
def slowly(done, total):
    print("progress", done, total, flush=True)
    time.sleep(0.02)
    return True
"""


def run_and_kill(tmp_path: Path, db: Database, body: str, *extra: str, kill_at: int = 5) -> None:
    db.close()
    script = CHILD_PRELUDE + textwrap.dedent(body)
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "keyring.cfg"), str(db.path), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "INNSYN_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert child.stdout is not None
    seen = 0
    for line in child.stdout:
        if line.startswith("progress"):
            seen += 1
            if seen == kill_at:
                break
    else:
        _, err = child.communicate(timeout=60)
        pytest.fail(f"the child finished before it could be killed: {err}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # Worker processes it started must not outlive it (they would hold its pipes open).
    child.communicate(timeout=60)


def integrity(path: Path) -> str:
    conn = raw_connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_killed_during_an_export_leaves_no_partial_file(db: Database, tmp_path: Path) -> None:
    for i in range(60):
        cases.log_request(
            db, phone_request(f"Person {i}", phone=None, received=oslo(2025, 3, 1 + i % 28))
        )
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    run_and_kill(
        tmp_path,
        db,
        """
        import datetime as dt
        import app.reports.caselog
        from app.services.exports import export_case_log
        app.reports.caselog.PROGRESS_EVERY = 2  # report often, so the kill lands mid-file
        export_case_log(db, Path(sys.argv[3]), fmt="pdf", received_from=dt.date(2025, 1, 1),
                        received_to=dt.date(2025, 12, 31), progress=slowly)
        """,
        str(out_dir / "log.pdf"),
    )
    assert list(out_dir.iterdir()) == []
    assert integrity(db.path) == "ok"
    reopened = open_database(db.path)
    assert cases.count_cases(reopened, CaseQuery()) == 60
    reopened.close()


def test_killed_during_e_mail_imports_keeps_what_was_committed(
    db: Database, tmp_path: Path, samples: Path
) -> None:
    files = [samples / "email" / "access-request-nb.eml"] * 200
    list_file = tmp_path / "files.txt"
    list_file.write_text("\n".join(map(str, files)))
    run_and_kill(
        tmp_path,
        db,
        """
        from app.services.intake import import_email_files
        paths = [Path(p) for p in Path(sys.argv[3]).read_text().splitlines()]
        import_email_files(db, paths, progress=slowly)
        """,
        str(list_file),
    )
    assert integrity(db.path) == "ok"
    reopened = open_database(db.path)
    rows = cases.list_cases(reopened, CaseQuery(sort="reference"), limit=1000)
    reopened.close()
    # Every case that was committed is whole: each has its evidence.
    assert len(rows) >= 3
    refs = [r.reference for r in rows]
    assert refs == [f"2026-{n:04d}" for n in range(1, len(refs) + 1)]


def test_killed_during_a_register_import_writes_nothing(db: Database, tmp_path: Path) -> None:
    """The import is one transaction: killed half-way, none of its rows are there."""
    cases.log_request(db, phone_request("Before Import", phone=None))
    register = tmp_path / "kunder.csv"
    lines = ["Kundenr;Navn;E-post;Siste kjøp"]
    lines += [f"K{i:06d};Kunde Nummer {i};kunde{i}@example.no;01.02.2024" for i in range(30_000)]
    register.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_and_kill(
        tmp_path,
        db,
        """
        from app.services.subject_import import import_subjects
        import_subjects(db, Path(sys.argv[3]), progress=slowly)
        """,
        str(register),
        kill_at=1,
    )
    assert integrity(db.path) == "ok"
    reopened = open_database(db.path)
    from app.services.subjects import count_subjects

    assert count_subjects(reopened) == 1  # only the person who was there before
    reopened.close()


def test_killed_during_annual_statements_leaves_only_complete_files(
    db: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from app.core.model import Role

    for i in range(40):
        cases.log_request(
            db, phone_request(f"Kunde {i}", phone=None, roles=(Role.CUSTOMER,), new_subject=True)
        )
    out = tmp_path / "annual"
    out.mkdir()
    combined = tmp_path / "all.pdf"
    run_and_kill(
        tmp_path,
        db,
        """
        from app.services.statements import annual_candidates, run_annual_batch
        people = annual_candidates(db, 2026, "role", role="customer")
        run_annual_batch(db, people, 2026, Path(sys.argv[3]), "nb", combined=Path(sys.argv[4]),
                         progress=slowly)
        """,
        str(out),
        str(combined),
        kill_at=3,
    )
    import time

    time.sleep(2)  # any worker still running finishes or dies with its pipe
    assert not combined.exists()
    for pdf in out.iterdir():
        assert pdf.suffix == ".pdf" and not pdf.name.startswith("."), pdf.name
        assert len(PdfReader(pdf).pages) >= 1
    assert integrity(db.path) == "ok"
