"""Where the unnamed (O_TMPFILE) write is missing, a write goes through a journalled
`.partial` file; what a killed writer left is removed at the next start, and a file whose
writer still runs is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import __main__ as entry
from app.store import files


@pytest.fixture
def named_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """As off Linux: no unnamed files."""
    monkeypatch.setattr(files, "_unnamed", lambda folder: None)


def _journal() -> Path:
    from app.store.paths import data_dir

    return data_dir() / "partial-files.txt"


def test_a_named_write_journals_its_partial_file_and_clears_it(
    named_writes: None, tmp_path: Path
) -> None:
    target = tmp_path / "export.csv"
    with files.private_output(target) as tmp:
        assert tmp.name.endswith(".partial")
        assert _journal().read_text(encoding="utf-8") == f"{os.getpid()}\t{tmp}\n"
        tmp.write_bytes(b"a;b\n")
    assert target.read_bytes() == b"a;b\n"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert not _journal().exists()
    assert not any(p.name.endswith(".partial") for p in tmp_path.iterdir())


def test_the_leftover_of_a_killed_writer_is_removed_at_start(
    named_writes: None, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # A real writer, killed in the middle of its write (SIGKILL: no clean-up runs).
    code = f"""
import sys, time
from pathlib import Path
from app.store import files
files._unnamed = lambda folder: None
with files.private_output(Path({str(out / "case-log.xlsx")!r})) as tmp:
    tmp.write_bytes(b"Kari Nordmann" * 1000)
    print("writing", flush=True)
    time.sleep(60)
"""
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=Path.cwd()
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    leftover = [p for p in out.iterdir() if p.name.endswith(".partial")]
    assert len(leftover) == 1
    # While the writer runs, a start elsewhere leaves its file alone.
    assert files.sweep_partial_files() == 0
    assert leftover[0].exists()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert leftover[0].exists()  # the killed writer could not clean up

    assert entry.main(["deadline", "2026-11-02"]) == 0  # any start sweeps
    assert list(out.iterdir()) == []
    assert not _journal().exists()


def test_an_old_journal_line_without_a_process_id_is_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".report.pdf.1234.partial"
    stale.write_bytes(b"x")
    unrelated = tmp_path / "not-ours.pdf"
    unrelated.write_bytes(b"y")
    _journal().write_text(f"{stale}\n{unrelated}\n", encoding="utf-8")
    assert files.sweep_partial_files() == 1
    assert not stale.exists()
    assert unrelated.exists()  # only `.partial` files are ever removed
