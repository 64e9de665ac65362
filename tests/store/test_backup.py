"""Encrypted backups: written whole, rotated, restored only after verification."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from app.cli import main
from app.core.backups import backups_to_keep, last_expiry
from app.core.errors import DatabaseProblem
from app.services import cases
from app.services.backup import list_backups, make_backup, prune_backups, restore
from app.store.cipherfile import SQLITE_MAGIC
from app.store.database import Database, open_database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

NAME = "Berit Backupsen"


def test_backup_is_encrypted_owner_only_and_opens_with_the_same_key(
    db: Database, tmp_path: Path
) -> None:
    cases.log_request(db, phone_request(NAME))
    path = make_backup(db, tmp_path / "share")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    assert not raw.startswith(SQLITE_MAGIC) and NAME.encode() not in raw
    assert raw[:16] == db.path.read_bytes()[:16]  # same id: the keyring entry opens it
    conn = raw_connect(path)
    assert conn.execute("SELECT name FROM subject").fetchall() == [(NAME,)]
    conn.close()
    assert [p.name for p in (tmp_path / "share").iterdir()] == [path.name]  # no partial file


def test_restore_verifies_then_replaces_and_keeps_the_current_file(
    db: Database, tmp_path: Path
) -> None:
    first = cases.log_request(db, phone_request(NAME)).reference
    backup = make_backup(db, tmp_path / "b")
    later = cases.log_request(db, phone_request("Etter Backup", received=oslo(2026, 3, 5)))
    db.close()
    result = restore(db.path, backup)
    assert result.kept_aside is not None and result.kept_aside.exists()
    restored = open_database(db.path)
    assert cases.get_case(restored, first).subject_name == NAME
    with pytest.raises(Exception, match=later.reference):
        cases.get_case(restored, later.reference)
    restored.close()


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(db: Database, tmp_path: Path) -> None:
    ref = cases.log_request(db, phone_request(NAME)).reference
    backup = make_backup(db, tmp_path / "b")
    db.close()
    data = bytearray(backup.read_bytes())
    data[5000:5100] = b"\x00" * 100  # a page no longer decrypts
    backup.write_bytes(bytes(data))
    before = db.path.read_bytes()
    with pytest.raises(DatabaseProblem):
        restore(db.path, backup)
    assert db.path.read_bytes() == before
    reopened = open_database(db.path)
    assert cases.get_case(reopened, ref).subject_name == NAME
    reopened.close()
    not_backup = tmp_path / "b" / "notes.sqlite3"
    not_backup.write_text("hello")
    with pytest.raises(DatabaseProblem, match="not a backup"):
        restore(db.path, not_backup)


def test_rotation_keeps_7_daily_4_weekly_12_monthly(db: Database, tmp_path: Path) -> None:
    start = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
    times = [start + dt.timedelta(days=d) for d in range(400)]
    keep = backups_to_keep(times)
    newest = times[-1]
    daily = {t for t in keep if (newest - t).days < 7}
    assert len(daily) == 7
    assert len(keep) <= 7 + 4 + 12
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12
    # Through the files: 40 days of backups leave at most 7 + 4 + 12.
    folder = tmp_path / "rot"
    for d in range(40):
        make_backup(
            db,
            folder,
            now=dt.datetime(2026, 1, 1, 3, 0, tzinfo=dt.UTC) + dt.timedelta(days=d),
            prune=False,
        )
    removed = prune_backups(db.database_id, folder)
    left = list_backups(db.database_id, folder)
    assert len(left) + len(removed) == 40
    assert len(left) <= 7 + 4 + 12
    assert left[0].taken_at == dt.datetime(2026, 2, 9, 3, 0, tzinfo=dt.UTC)


def test_last_backup_expiry() -> None:
    times = [dt.datetime(2026, 3, d, 3, tzinfo=dt.UTC) for d in range(1, 20)]
    assert last_expiry(times, dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)) == dt.date(2027, 3, 1)
    assert last_expiry(times, dt.datetime(2026, 2, 1, tzinfo=dt.UTC)) is None


def test_cli_backup_and_restore(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = cases.log_request(db, phone_request(NAME)).reference
    db.close()
    assert main(["--db", str(db.path), "backup", "--to", str(tmp_path / "cli")]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert backup.exists()
    assert main(["--db", str(db.path), "restore", str(backup)]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", str(db.path), "restore", str(backup), "--yes"]) == 0
    reopened = open_database(db.path)
    assert cases.get_case(reopened, ref).subject_name == NAME
    reopened.close()
