"""Opening a case database: where it lives, its key, migrating it, seeding it, checking it,
and short sessions.

The full check (SQLite's `quick_check`, which reads and decrypts every page: 1.2 s at 100k
cases, 12 s at 1M) is not paid at every opening. SQLCipher checks each page's HMAC whenever
it reads it, so damage to a page that is used is found anyway. The full check runs at
opening only when it is due: the last process that had the file open ended without closing
it (an open marker left behind, see `_OpenMarker`), no full check has passed on this
computer within `FULL_CHECK_MAX_AGE`, or the caller asks for it. Otherwise `check_pending`
says so and the GUI runs `FullCheck` in the background once its window is shown. A passing
daily backup counts as a full check: it reads every page and checks its copy.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import secrets
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core import clock
from app.core.errors import DatabaseProblem, UserError
from app.core.messages import os_reason
from app.store import audit, keys, migrate
from app.store.cipherfile import (
    FileKind,
    encrypt_in_place,
    file_kind,
    file_salt,
    finish_interrupted_encryption,
    opens_with,
)
from app.store.engine import (
    Keying,
    connect_raw,
    make_engine,
    make_session_factory,
    session_scope,
    user_facing,
)
from app.store.paths import data_dir
from app.store.seed import seed_database
from app.store.sqlite_errors import SqliteErrorCode, error_code

log = logging.getLogger(__name__)


def default_database_path() -> Path:
    return data_dir() / "innsyn.sqlite3"


def current_user() -> str:
    return audit.os_user()


# --- what this computer remembers about a database, outside it --------------------------------

STATE_FILE = "database-checks.json"
_state_lock = threading.Lock()


def _state_path() -> Path:
    return data_dir() / STATE_FILE


def _state_key(path: Path) -> str:
    return str(path.expanduser().resolve())


def _load_state() -> dict[str, Any]:
    try:
        data = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered(path: Path, database_id: str) -> dict[str, Any]:
    """What this computer noted about the database file at `path` (when it last passed a
    full check, the audit chain's last verified row): never personal data, never a key.
    Empty when nothing is known, or when the file there is another database now."""
    entry = _load_state().get(_state_key(path))
    if not isinstance(entry, dict) or entry.get("database_id") != database_id:
        return {}
    return entry


def remember(path: Path, database_id: str, **values: Any) -> None:
    """Note `values` for the database at `path` (None removes a value). Atomic; the last
    writer wins, which is harmless for what is kept here."""
    with _state_lock:
        state = _load_state()
        key = _state_key(path)
        entry = state.get(key)
        if not isinstance(entry, dict) or entry.get("database_id") != database_id:
            entry = {"database_id": database_id}
        for name, value in values.items():
            if value is None:
                entry.pop(name, None)
            else:
                entry[name] = value
        state[key] = entry
        _save_state(state)


def forget(path: Path) -> None:
    """Forget what was noted about the file at `path` (it was replaced by a backup)."""
    with _state_lock:
        state = _load_state()
        if state.pop(_state_key(path), None) is not None:
            _save_state(state)


def _save_state(state: dict[str, Any]) -> None:
    target = _state_path()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(state, fh, indent=1, sort_keys=True)
    os.replace(tmp, target)


def _utcnow() -> dt.datetime:
    return clock.now_utc()


def last_full_check(path: Path, database_id: str) -> dt.datetime | None:
    """When the file last passed a full check on this computer (UTC), if it did."""
    value = remembered(path, database_id).get("full_check")
    try:
        when = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    # Written with its offset; one without (edited by hand) cannot be compared with now.
    return when if when is not None and when.utcoffset() is not None else None


def record_full_check(path: Path, database_id: str) -> None:
    remember(path, database_id, full_check=_utcnow().isoformat(timespec="seconds"))


# --- open markers: was the database closed the last time? ---------------------------------------


class _OpenMarker:
    """An empty file next to the database, locked by this process for as long as it has the
    database open, removed when it closes it. A marker that can be locked by someone else
    was left by a process that ended without closing the database (a crash, a kill, a power
    cut). One marker per opening, so the GUI and a CLI command may have the file open at
    once. The OS drops the lock when a process dies, whatever the cause."""

    PREFIX_FORMAT = ".{name}.open-"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @classmethod
    def prefix(cls, database: Path) -> str:
        return cls.PREFIX_FORMAT.format(name=database.name)

    @classmethod
    def create(cls, database: Path) -> _OpenMarker:
        name = f"{cls.prefix(database)}{os.getpid()}-{secrets.token_hex(4)}"
        marker = cls(database.with_name(name))
        fd = os.open(marker.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        if not _try_lock(fd):  # cannot happen with a name of our own; be safe anyway
            os.close(fd)
            marker.path.unlink(missing_ok=True)
            raise OSError("the open marker could not be locked")
        marker._fd = fd
        _LIVE_MARKERS.add(marker.path)
        return marker

    @classmethod
    def left_behind(cls, database: Path) -> list[Path]:
        """Markers of this database whose process ended without closing it."""
        prefix = cls.prefix(database)
        found = []
        try:
            candidates = [p for p in database.parent.iterdir() if p.name.startswith(prefix)]
        except OSError:
            return []
        for candidate in candidates:
            if candidate in _LIVE_MARKERS:
                continue  # ours: this process has the database open (once more)
            try:
                fd = os.open(candidate, os.O_RDWR)
            except OSError:
                continue  # gone meanwhile, or not ours to judge
            try:
                if _try_lock(fd):
                    found.append(candidate)
            finally:
                os.close(fd)  # also drops the lock just taken
        return found

    def release(self) -> None:
        if self._fd is None:
            return
        _LIVE_MARKERS.discard(self.path)
        fd, self._fd = self._fd, None
        # Closed first: Windows does not remove a file that is still open.
        os.close(fd)
        self.path.unlink(missing_ok=True)


_LIVE_MARKERS: set[Path] = set()


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the file, without waiting; False when someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


# --- the database ------------------------------------------------------------------------------

FULL_CHECK_MAX_AGE = dt.timedelta(days=7)


class FileCheck(StrEnum):
    """When `open_database` runs the full check."""

    WHEN_DUE = "when-due"  # after an unclean shutdown, or when the last one is too old
    NOW = "now"  # always (innsyn audit verify)
    LATER = "later"  # never: the caller runs `FullCheck` itself (innsyn check)


@dataclass
class Database:
    path: Path
    engine: Engine
    factory: sessionmaker[Session]
    keying: Keying = field(repr=False)
    database_id: str
    migration: migrate.MigrationResult | None = field(default=None)
    # Set once, when this opening created the key: for the recovery sheet, then dropped.
    new_recovery_key: str | None = field(default=None, repr=False)
    converted_from_plaintext: bool = False
    # The full check did not run at opening: run `FullCheck` soon, in the background.
    check_pending: bool = False
    # Why it ran at opening ("" when it did not): "unclean shutdown", "no full check for a
    # week", "asked", "new database", "upgraded".
    checked_at_open: str = ""
    # What a full check found since opening (None: nothing, or not checked).
    damage_found: str | None = None
    _marker: _OpenMarker | None = field(default=None, repr=False)
    # Markers left by processes that did not close it: removed once a full check passes.
    _left_behind: list[Path] = field(default_factory=list, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with session_scope(self.factory) as s:
            yield s

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()
        if self._marker is not None:
            self._marker.release()
            self._marker = None

    def full_check_passed(self) -> None:
        """Note that every page was read and checked just now (a full check, a backup)."""
        record_full_check(self.path, self.database_id)
        self.check_pending = False
        for stale in self._left_behind:
            stale.unlink(missing_ok=True)
        self._left_behind = []

    def full_check_failed(self, problem: str) -> None:
        """Damage was found: the next opening checks again before anything else."""
        self.damage_found = problem
        remember(self.path, self.database_id, full_check=None)


def quick_check(conn: Any) -> str:
    """SQLite's quick check on a DB-API connection: "ok", or what it found. A page that
    does not decrypt (its HMAC does not match) stops the check with an error; that is
    damage too, and is reported the same way."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except Exception as exc:
        if error_code(exc) not in (SqliteErrorCode.CORRUPT, SqliteErrorCode.NOTADB):
            raise
        return str(exc)
    return "; ".join(str(r[0]) for r in rows[:3]) or "no answer"


class FullCheck:
    """SQLite's quick check over every page, on a connection of its own (the driver lets go
    of the GIL while SQLite works, so the GUI stays responsive). `cancel()` interrupts it
    from another thread. `run()` returns None when the file is intact, else what was found;
    either way it is noted for the next opening."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None
        self._cancelled = threading.Event()
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            if self._conn is not None:
                self._conn.interrupt()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> str | None:
        """None: intact (or cancelled: see `cancelled`); otherwise the problem, in words."""
        if self.cancelled:
            return None
        conn = connect_raw(self.db.path, self.db.keying)
        with self._lock:
            self._conn = conn
        try:
            if self.cancelled:
                return None
            try:
                found = quick_check(conn)
            except Exception:
                if self.cancelled:
                    return None
                raise
        finally:
            with self._lock:
                self._conn = None
            conn.close()
        if found == "ok":
            self.db.full_check_passed()
            return None
        problem = f"{self.db.path.name} is damaged (SQLite quick check: {found})."
        self.db.full_check_failed(problem)
        return problem


def _keying_for_existing(path: Path, secret: str | None) -> tuple[Keying, bool]:
    """The keying that opens an encrypted file; True when it came from the user (so it is
    to be stored in this computer's keyring)."""
    db_id = keys.database_id(file_salt(path))
    keyring_error: keys.KeyringUnavailable | None = None
    try:
        stored = keys.load_key(db_id)
    except keys.KeyringUnavailable as exc:
        stored, keyring_error = None, exc
    if stored is not None:
        keying = Keying(raw_key=stored)
        if opens_with(path, keying):
            return keying, False
        if secret is None:
            raise keys.WrongKey("store.keyring_key_wrong", file=path.name)
    if secret is None:
        if file_kind(path) is FileKind.NOT_A_DATABASE:
            raise DatabaseProblem("store.not_innsyn", file=path.name)
        if keyring_error is not None:
            raise keys.KeyNeeded("store.key_needed_because", file=path.name, reason=keyring_error)
        raise keys.KeyNeeded("store.key_needed", file=path.name)
    raw = keys.parse_recovery_key(secret)
    keying = Keying(raw_key=raw) if raw is not None else Keying(passphrase=secret)
    if not opens_with(path, keying):
        if raw is not None:
            raise keys.WrongKey("store.recovery_key_wrong", file=path.name)
        raise keys.WrongKey("store.passphrase_wrong", file=path.name)
    return keying, raw is not None


MIN_PASSPHRASE = 12


def _reason(exc: BaseException) -> object:
    """Why a step failed, for a message: a user error in the reader's language, a system
    refusal by its reason, anything else by its type only (a library's English text, or
    personal data in it, stays out of the message)."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        return os_reason(exc)
    return type(exc).__name__


def _checked_passphrase(passphrase: str) -> Keying:
    if len(passphrase) < MIN_PASSPHRASE:
        raise DatabaseProblem("store.passphrase_short", minimum=MIN_PASSPHRASE)
    return Keying(passphrase=passphrase)


def open_database(
    path: Path | None = None,
    *,
    create: bool = True,
    secret: str | None = None,
    new_passphrase: str | None = None,
    check: FileCheck = FileCheck.WHEN_DUE,
) -> Database:
    """Open (creating and seeding if allowed), unlock, migrate and, when `check` says so,
    check a database file (see the module's docstring).

    `secret` is what the officer typed when asked (recovery key or passphrase);
    `new_passphrase` makes a new database passphrase-keyed instead of keyring-keyed.
    Raises a DatabaseProblem (KeyNeeded, WrongKey, KeyringUnavailable...) with a message
    that says which; "... is damaged (...)" when the full check finds damage."""
    path = (path or default_database_path()).expanduser().resolve()
    if path.is_dir():
        raise DatabaseProblem("store.is_folder", path=str(path))
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise DatabaseProblem("store.file_read_only", file=path.name)
    finish_interrupted_encryption(path)
    kind = file_kind(path)
    if kind in (FileKind.MISSING, FileKind.EMPTY) and not create:
        raise DatabaseProblem("store.no_database", path=str(path))
    if kind is FileKind.NOT_A_DATABASE:
        raise DatabaseProblem("store.not_innsyn", file=path.name)

    recovery: str | None = None
    converted = False
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if new_passphrase is not None:
            keying = _checked_passphrase(new_passphrase)
        else:
            keying = keys.new_keying()
            assert keying.raw_key is not None and keying.salt is not None
            keys.store_key(keys.database_id(keying.salt), keying.raw_key)
            recovery = keys.format_recovery_key(keying.raw_key)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    elif kind is FileKind.PLAINTEXT:
        if new_passphrase is not None:
            keying = _checked_passphrase(new_passphrase)
        else:
            keying = keys.new_keying()
            assert keying.raw_key is not None and keying.salt is not None
            keys.store_key(keys.database_id(keying.salt), keying.raw_key)
            recovery = keys.format_recovery_key(keying.raw_key)
        try:
            encrypt_in_place(path, keying)
        except Exception as exc:
            if keying.salt is not None:
                keys.forget_key(keys.database_id(keying.salt))
            raise DatabaseProblem(
                "store.encryption_failed", file=path.name, reason=_reason(exc)
            ) from exc
        converted = True
    else:
        keying, typed = _keying_for_existing(path, secret)
        if typed and keying.raw_key is not None:
            try:  # next time this computer opens it without asking
                keys.store_key(keys.database_id(file_salt(path)), keying.raw_key)
            except keys.KeyringUnavailable:
                pass

    left_behind = _OpenMarker.left_behind(path)
    try:
        marker: _OpenMarker | None = _OpenMarker.create(path)
    except OSError:  # a file system without locks: a crash cannot be told from a close then
        log.warning("no open marker for the database (the file system refused it)")
        marker = None
    audit.install()
    engine = make_engine(path, keying)
    try:
        result = migrate.upgrade(engine, path, keying)
        factory = make_session_factory(engine)
        with session_scope(factory) as s:
            seed_database(s)
        database_id = keys.database_id(file_salt(path))
        reason = _why_check_now(check, path, database_id, result, bool(left_behind))
        if reason:
            raw = engine.raw_connection()
            try:
                ok = quick_check(raw.driver_connection)
            finally:
                raw.close()
            if ok != "ok":
                remember(path, database_id, full_check=None)
                raise DatabaseProblem("store.damaged", file=path.name, detail=ok)
    except DatabaseProblem:
        engine.dispose()
        if marker is not None:
            marker.release()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if marker is not None:
            marker.release()
        problem = user_facing(exc)
        if problem is not None:
            raise problem from exc
        raise DatabaseProblem("store.cannot_open", file=path.name) from exc
    except BaseException:
        engine.dispose()
        if marker is not None:
            marker.release()
        raise
    db = Database(
        path=path,
        engine=engine,
        factory=factory,
        keying=keying,
        database_id=database_id,
        migration=result,
        new_recovery_key=recovery,
        converted_from_plaintext=converted,
        check_pending=not reason,
        checked_at_open=reason,
        _marker=marker,
        _left_behind=left_behind,
    )
    if reason:
        db.full_check_passed()
    return db


def _why_check_now(
    check: FileCheck,
    path: Path,
    database_id: str,
    migration: migrate.MigrationResult,
    unclean: bool,
) -> str:
    """Why the full check runs at this opening; "" when it can wait."""
    if check is FileCheck.NOW:
        return "asked"
    if check is FileCheck.LATER:
        return ""
    if migration.created:
        return "new database"  # empty: the check costs nothing
    if migration.from_revision != migration.to_revision:
        return "upgraded"  # rare, and the copy aside has just read every page anyway
    if unclean:
        return "unclean shutdown"
    last = last_full_check(path, database_id)
    if last is None or _utcnow() - last > FULL_CHECK_MAX_AGE:
        return "no full check for a week"
    return ""
