"""The full check of the database file (every page read and checked) is off the start path:
it runs at opening only after an unclean shutdown, when the last one is over a week old, or
when asked; otherwise later (`FullCheck`), and a passing backup counts as one. Damage is
still found, and remembered until a check passes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.cli import main
from app.core import clock
from app.core.errors import DatabaseProblem
from app.services import cases
from app.services.backup import make_backup
from app.store import database
from app.store.database import Database, FileCheck, FullCheck, open_database
from tests.conftest import phone_request
from tests.dbutil import crash_while_open, damage_a_data_page


def filled(path: Path) -> None:
    """A database with enough cases that its middle pages hold case data only."""
    db = open_database(path)
    for i in range(30):
        cases.log_request(db, phone_request(f"Person {i}", phone=None, notes="x" * 3000))
    db.close()


def markers(path: Path) -> list[str]:
    return [p.name for p in path.parent.iterdir() if p.name.startswith(f".{path.name}.open-")]


def test_a_new_database_is_checked_and_a_clean_one_is_not_checked_again(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.checked_at_open == "new database" and not db.check_pending
    assert len(markers(db_path)) == 1  # while it is open
    db.close()
    assert markers(db_path) == []
    again = open_database(db_path)
    assert again.checked_at_open == "" and again.check_pending
    again.close()


def test_an_unclean_shutdown_checks_the_whole_file_at_the_next_opening(db_path: Path) -> None:
    filled(db_path)
    crash_while_open(db_path)
    assert len(markers(db_path)) == 1  # left behind
    db = open_database(db_path)
    assert db.checked_at_open == "unclean shutdown" and not db.check_pending
    assert len(markers(db_path)) == 1  # only this opening's own
    db.close()
    assert markers(db_path) == []
    calm = open_database(db_path)
    assert calm.checked_at_open == ""
    calm.close()


def test_damage_untouched_at_opening_is_found_after_an_unclean_shutdown(db_path: Path) -> None:
    filled(db_path)
    damage_a_data_page(db_path)
    clean = open_database(db_path)  # the damaged page is not read to open it
    assert clean.check_pending
    clean.close()
    crash_while_open(db_path)
    with pytest.raises(DatabaseProblem, match="damaged"):
        open_database(db_path)
    # Still owed: the evidence stays until a check passes.
    with pytest.raises(DatabaseProblem, match="damaged"):
        open_database(db_path)


def test_the_background_check_finds_untouched_damage_and_the_next_opening_checks(
    db_path: Path,
) -> None:
    filled(db_path)
    damage_a_data_page(db_path)
    db = open_database(db_path)
    assert db.check_pending
    problem = FullCheck(db).run()
    assert problem is not None and "damaged" in problem
    assert db.damage_found == problem
    db.close()
    with pytest.raises(DatabaseProblem, match="damaged"):
        open_database(db_path)


def test_a_passing_check_is_remembered_and_a_week_later_it_runs_at_opening(
    db_path: Path,
) -> None:
    filled(db_path)
    db = open_database(db_path)
    assert db.check_pending
    assert FullCheck(db).run() is None
    assert not db.check_pending
    checked = database.last_full_check(db.path, db.database_id)
    assert checked is not None
    assert clock.now_utc() - checked < dt.timedelta(minutes=1)
    week_ago = checked - database.FULL_CHECK_MAX_AGE - dt.timedelta(hours=1)
    database.remember(db.path, db.database_id, full_check=week_ago.isoformat())
    db.close()
    late = open_database(db_path)
    assert late.checked_at_open == "no full check for a week"
    late.close()
    asked = open_database(db_path, check=FileCheck.NOW)
    assert asked.checked_at_open == "asked"
    asked.close()


def test_a_remembered_check_without_a_time_zone_is_no_check(db_path: Path) -> None:
    db = open_database(db_path)
    naive = clock.now_utc().replace(tzinfo=None).isoformat(timespec="seconds")
    database.remember(db.path, db.database_id, full_check=naive)  # an edited file, say
    assert database.last_full_check(db.path, db.database_id) is None
    db.close()
    again = open_database(db_path)
    assert again.checked_at_open == "no full check for a week"
    again.close()


def test_a_backup_counts_as_a_full_check(db: Database, tmp_path: Path) -> None:
    database.remember(db.path, db.database_id, full_check=None)
    assert database.last_full_check(db.path, db.database_id) is None
    make_backup(db, tmp_path / "backups")
    assert database.last_full_check(db.path, db.database_id) is not None
    assert not db.check_pending


_HOLD_OPEN = """
import sys
from pathlib import Path
import keyring
from keyrings.alt.file import PlaintextKeyring
ring = PlaintextKeyring()
ring.file_path = sys.argv[2]
keyring.set_keyring(ring)
from app.store.database import open_database
db = open_database(Path(sys.argv[1]), create=False)
print("open", flush=True)
sys.stdin.readline()
db.close()
"""


def test_another_process_with_the_database_open_is_no_unclean_shutdown(db_path: Path) -> None:
    filled(db_path)
    ring_file = getattr(keyring.get_keyring(), "file_path", "")
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(db_path), ring_file],
        env=dict(os.environ),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as other:
        assert other.stdin is not None and other.stdout is not None
        try:
            assert other.stdout.readline().strip() == "open"
            db = open_database(db_path)
            assert db.checked_at_open == ""  # the other one's marker is locked: it is alive
            db.close()
        finally:
            other.stdin.write("\n")
            other.stdin.flush()
        assert other.wait(timeout=60) == 0
    assert markers(db_path) == []


def test_a_cancelled_check_reports_nothing(db: Database) -> None:
    check = FullCheck(db)
    check.cancel()
    assert check.run() is None and check.cancelled
    assert db.check_pending is False  # a new database: checked at opening


def test_cli_check_and_audit_verify_read_every_page(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled(db_path)
    assert main(["--db", str(db_path), "check"]) == 0
    assert "every page" in capsys.readouterr().out
    damage_a_data_page(db_path)
    assert main(["--db", str(db_path), "check"]) == 1
    assert "damaged" in capsys.readouterr().err
    # Found once, checked at every opening until a check passes: any command says so.
    assert main(["--db", str(db_path), "cases", "list"]) == 2
    assert "damaged" in capsys.readouterr().err
    assert main(["--db", str(db_path), "audit", "verify"]) == 2
    assert "damaged" in capsys.readouterr().err


def test_a_file_system_without_locks_still_opens(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(db_path)
    monkeypatch.setattr(database, "_try_lock", lambda _fd: False)
    db = open_database(db_path)
    assert markers(db_path) == [] and db.check_pending
    db.close()
