"""A full disk and a read-only file: a clear message, the last committed state intact, no
half-written rows. Uses a small tmpfs of its own (needs the right to mount, as in CI)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import DatabaseProblem
from app.services import cases
from app.services.dto import CaseQuery
from app.store.database import open_database
from tests.conftest import phone_request
from tests.dbutil import raw_connect


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2400k", "tmpfs", str(mount)],
        capture_output=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_says_so_and_loses_nothing_committed(small_disk: Path) -> None:
    db = open_database(small_disk / "cases.sqlite3")
    saved: list[str] = []
    long_notes = "Samtalenotat. " * 1400  # ~20 kB a case
    with pytest.raises(DatabaseProblem, match="disk is full"):
        for i in range(500):
            saved.append(
                cases.log_request(
                    db, phone_request(f"Person {i}", phone=None, notes=long_notes)
                ).reference
            )
    assert len(saved) > 5
    assert cases.count_cases(db, CaseQuery()) == len(saved)
    db.close()
    conn = raw_connect(small_disk / "cases.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM case_").fetchone() == (len(saved),)
    conn.close()


def test_a_read_only_file_says_so_and_changes_nothing(small_disk: Path) -> None:
    path = small_disk / "cases.sqlite3"
    db = open_database(path)
    ref = cases.log_request(db, phone_request()).reference
    db.close()
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(DatabaseProblem, match="read-only"):
        opened = open_database(path)
        try:
            cases.add_note(opened, ref, "will not be saved")
        finally:
            opened.close()
    assert path.read_bytes() == before
