"""The one engine factory: every connection gets the same key and pragmas.

This is the one place that knows how a connection is opened and encrypted (SQLCipher 4).
A database has either a random 256-bit raw key with a salt of our choosing (kept in the OS
keyring; no key derivation per connection) or a passphrase (SQLCipher's PBKDF2).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import DatabaseProblem
from app.store.sqlite_errors import SqliteErrorCode, error_code

BUSY_TIMEOUT_MS = 5000
# SQLCipher decrypts and HMAC-checks every page it reads into its cache; the default 8 MB
# cache made a large case list re-decrypt the same index pages (1M cases: count 87 ms
# against 1 ms). Per connection, taken only as it fills; the GUI keeps one or two.
CACHE_KIB = 65536
KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class Keying:
    """How to unlock one database file. `repr` never shows the secret."""

    raw_key: bytes | None = field(default=None, repr=False)
    salt: bytes | None = field(default=None, repr=False)  # with raw_key, for new files
    passphrase: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if (self.raw_key is None) == (self.passphrase is None):
            raise ValueError("a database is keyed by a raw key or by a passphrase")
        if self.raw_key is not None and len(self.raw_key) != KEY_BYTES:
            raise ValueError("a raw key has 32 bytes")
        if self.salt is not None and len(self.salt) != SALT_BYTES:
            raise ValueError("a salt has 16 bytes")

    def pragma(self) -> str:
        if self.raw_key is not None:
            blob = self.raw_key.hex() + (self.salt.hex() if self.salt else "")
            return f"PRAGMA key = \"x'{blob}'\""
        assert self.passphrase is not None
        return "PRAGMA key = '" + self.passphrase.replace("'", "''") + "'"


def apply_key(dbapi_connection: Any, keying: Keying | None) -> None:
    """Must be the first statement on a new connection."""
    cur = dbapi_connection.cursor()
    try:
        cur.execute("PRAGMA cipher_log_level = NONE")  # no page errors on stderr
        if keying is not None:
            cur.execute(keying.pragma())
    finally:
        cur.close()


def connect_raw(path: Path, keying: Keying | None) -> Any:
    """A plain DB-API connection (for backups, conversion and checks), keyed."""
    conn = sqlcipher.connect(str(path))
    apply_key(conn, keying)
    return conn


def make_engine(path: Path, keying: Keying | None = None) -> Engine:
    # SQLCipher's build of SQLite (3.5x, FTS5 with secure-delete) on every platform, rather
    # than whatever SQLite the Python interpreter was linked with.
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling fights SAVEPOINTs and explicit BEGINs;
        # SQLAlchemy emits BEGIN itself (see _on_begin).
        dbapi_connection.isolation_level = None
        apply_key(dbapi_connection, keying)
        cur = dbapi_connection.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA secure_delete=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def user_facing(exc: BaseException) -> DatabaseProblem | None:
    """The error a user can act on (disk full, read-only, busy, damaged), else None (a bug)."""
    code = error_code(exc)
    if code is SqliteErrorCode.FULL:
        return DatabaseProblem("store.disk_full")
    if code is SqliteErrorCode.READONLY:
        return DatabaseProblem("store.read_only")
    if code in (SqliteErrorCode.BUSY, SqliteErrorCode.LOCKED):
        return DatabaseProblem("store.busy")
    if code is SqliteErrorCode.IOERR:
        return DatabaseProblem("store.io_error")
    if code is SqliteErrorCode.CORRUPT:
        return DatabaseProblem("store.corrupt")
    if code is SqliteErrorCode.NOTADB:
        return DatabaseProblem("store.not_a_database_damaged")
    if code is SqliteErrorCode.CANTOPEN:
        return DatabaseProblem("store.cant_open")
    return None


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One short unit of work: commit on success, roll back on any error. Errors a user can
    act on become a DatabaseProblem that says what happened."""
    session = factory()
    try:
        yield session
        session.commit()
    except DBAPIError as exc:
        _rollback_quietly(session)
        problem = user_facing(exc)
        if problem is not None:
            raise problem from exc
        raise
    except BaseException:
        _rollback_quietly(session)
        raise
    finally:
        session.close()


def _rollback_quietly(session: Session) -> None:
    try:
        session.rollback()
    except DBAPIError:  # the connection itself failed: nothing was committed anyway
        pass
