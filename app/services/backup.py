"""Encrypted backups with SQLite's online backup API (same key, same salt: the keyring entry
opens them), rotation 7 daily / 4 weekly / 12 monthly, verified restore."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core import clock
from app.core.backups import backups_to_keep
from app.core.errors import DatabaseProblem
from app.core.messages import os_reason
from app.services import config
from app.store import database, keys, migrate
from app.store.cipherfile import FileKind, file_kind, file_salt, opens_with
from app.store.database import Database
from app.store.engine import Keying, connect_raw

log = logging.getLogger(__name__)
_NAME = re.compile(r"^innsyn-(?P<id>[0-9a-f]{8})-(?P<ts>\d{8}-\d{6})\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # aware UTC (the file name's time, to the second)
    size: int


def _target_dir(to: Path | None) -> Path:
    target = (to or config.backup_dir()).expanduser()
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise DatabaseProblem(
            "backup.folder_unusable", path=str(target), reason=os_reason(exc)
        ) from exc
    return target


def list_backups(db_id: str, folder: Path | None = None) -> list[BackupInfo]:
    """This database's backups in the folder, newest first."""
    target = (folder or config.backup_dir()).expanduser()
    if not target.is_dir():
        return []
    found = []
    for p in target.iterdir():
        m = _NAME.match(p.name)
        if m and m["id"] == db_id[:8]:
            taken = dt.datetime.strptime(m["ts"], "%Y%m%d-%H%M%S").replace(tzinfo=dt.UTC)
            found.append(BackupInfo(p, taken, p.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(
    db: Database, to: Path | None = None, *, now: dt.datetime | None = None, prune: bool = True
) -> Path:
    """A consistent encrypted copy, written under a temporary name, verified, then renamed."""
    folder = _target_dir(to)
    taken = clock.in_utc(now or clock.now_utc()).replace(microsecond=0)
    final = folder / f"innsyn-{db.database_id[:8]}-{taken:%Y%m%d-%H%M%S}.sqlite3"
    tmp = folder / f".{final.name}.partial"
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = connect_raw(db.path, db.keying)
        dst = connect_raw(tmp, _same_file_keying(db))
        try:
            src.backup(dst)
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if ok != "ok":
            raise DatabaseProblem("backup.did_not_verify", detail=ok)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseProblem("backup.not_written", reason=os_reason(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("backup written (%d bytes)", final.stat().st_size)
    # Every page of the database was read (and its HMAC checked) for the copy, and the copy
    # passed the quick check: as good as a full check of the database itself.
    db.full_check_passed()
    if prune:
        prune_backups(db.database_id, folder)
    return final


def _same_file_keying(db: Database) -> Keying:
    """Raw-key databases keep their salt in backups, so the keyring entry opens them."""
    if db.keying.raw_key is not None:
        return Keying(raw_key=db.keying.raw_key, salt=file_salt(db.path))
    return db.keying


def prune_backups(db_id: str, folder: Path | None = None) -> list[Path]:
    backups = list_backups(db_id, folder)
    keep = backups_to_keep(b.taken_at for b in backups)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def backup_if_due(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """The daily backup: one per calendar day (UTC) is enough."""
    now = clock.in_utc(now or clock.now_utc())
    latest = list_backups(db.database_id)
    if latest and latest[0].taken_at.date() == now.date():
        return None
    return make_backup(db, now=now)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path | None


def verify_backup(backup: Path, keying: Keying) -> str:
    """Integrity and schema checks; returns the schema revision or raises."""
    if file_kind(backup) is not FileKind.ENCRYPTED or not opens_with(backup, keying):
        raise DatabaseProblem("backup.not_of_this_database", file=backup.name)
    conn = connect_raw(backup, keying)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise DatabaseProblem("backup.damaged", file=backup.name, detail=ok)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except DatabaseProblem:
        raise
    except Exception as exc:
        raise DatabaseProblem("backup.not_innsyn_backup", file=backup.name) from exc
    finally:
        conn.close()
    revision = row[0] if row else ""
    if revision not in migrate.known_revisions():
        raise DatabaseProblem("backup.newer_schema", file=backup.name, revision=revision)
    return revision


def keying_for_file(path: Path, secret: str | None = None) -> Keying:
    key = keys.load_key(keys.database_id(file_salt(path)))
    if key is not None:
        return Keying(raw_key=key)
    if secret:
        raw = keys.parse_recovery_key(secret)
        return Keying(raw_key=raw) if raw else Keying(passphrase=secret)
    raise keys.KeyNeeded("backup.key_needed", file=path.name)


def restore(
    db_path: Path,
    backup: Path,
    *,
    secret: str | None = None,
    before_swap: Callable[[], None] | None = None,
) -> RestoreResult:
    """Replace the (closed) database by a verified backup; the current file is kept aside."""
    backup = backup.expanduser().resolve()
    if not backup.is_file():
        raise DatabaseProblem("backup.no_such_backup", path=str(backup))
    if file_kind(backup) is not FileKind.ENCRYPTED:
        raise DatabaseProblem("backup.not_a_backup", file=backup.name)
    keying = keying_for_file(backup, secret)
    verify_backup(backup, keying)
    folder = db_path.parent
    stamp = clock.now_local().strftime("%Y%m%d-%H%M%S")
    tmp = folder / f".{db_path.name}.restoring"
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = connect_raw(backup, keying)
    dst = connect_raw(tmp, Keying(raw_key=keying.raw_key, salt=file_salt(backup))
                      if keying.raw_key else keying)  # fmt: skip
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if before_swap is not None:
        before_swap()
    aside = None
    if db_path.exists():
        aside = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{db_path.suffix}")
        os.replace(db_path, aside)
        for side in ("-wal", "-shm"):
            p = db_path.with_name(db_path.name + side)
            if p.exists():
                os.replace(p, aside.with_name(aside.name + side))
    os.replace(tmp, db_path)
    # What this computer remembered about the file (its last full check, the audit chain's
    # last verified row) was about the one kept aside; the backup has just been checked.
    database.forget(db_path)
    database.record_full_check(db_path, keys.database_id(file_salt(db_path)))
    if keying.raw_key is not None:
        try:
            keys.store_key(keys.database_id(file_salt(db_path)), keying.raw_key)
        except keys.KeyringUnavailable:
            pass
    log.info("database restored from a backup")
    return RestoreResult(backup, aside)
