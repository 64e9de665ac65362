"""File-level work on database files: what a file is, encrypting a plaintext one in place,
and removing a file so that its bytes do not linger."""

from __future__ import annotations

import contextlib
import os
from enum import Enum
from pathlib import Path
from typing import Any

from app.core.errors import DatabaseProblem
from app.store.engine import SALT_BYTES, Keying, connect_raw, user_facing
from app.store.sqlite_errors import SqliteErrorCode, error_code

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileKind(Enum):
    MISSING = "missing"
    EMPTY = "empty"
    PLAINTEXT = "plaintext"
    ENCRYPTED = "encrypted"  # or random bytes shaped like it: only a key can tell
    NOT_A_DATABASE = "not a database"


def file_kind(path: Path) -> FileKind:
    if not path.exists():
        return FileKind.MISSING
    size = path.stat().st_size
    if size == 0:
        return FileKind.EMPTY
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == SQLITE_MAGIC:
        return FileKind.PLAINTEXT
    # SQLCipher files are whole pages (at least 512 bytes each).
    if size >= 1024 and size % 512 == 0:
        return FileKind.ENCRYPTED
    return FileKind.NOT_A_DATABASE


def file_salt(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES)


def opens_with(path: Path, keying: Keying | None) -> bool:
    """True when the key opens the file, False when it does not (wrong key, or not a
    database); any other failure (read-only, busy, disk error) is raised as what it is."""
    try:
        conn = connect_raw(path, keying)
    except Exception as exc:
        raise user_facing(exc) or DatabaseProblem("store.cannot_open", file=path.name) from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception as exc:
        if error_code(exc) is SqliteErrorCode.NOTADB:
            return False
        raise user_facing(exc) or DatabaseProblem("store.cannot_open", file=path.name) from exc
    finally:
        conn.close()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on every platform
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def secure_remove(path: Path) -> None:
    """Overwrite a file with zeros, flush it, then unlink it (no-op when absent)."""
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as fh:
        chunk = b"\x00" * 65536
        left = size
        while left > 0:
            n = min(left, len(chunk))
            fh.write(chunk[:n])
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


def _table_counts(conn: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts_%'"
        )
    ]
    # Table names come from sqlite_master itself.
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608


def _plain_sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def encrypt_in_place(path: Path, keying: Keying) -> None:
    """Replace a plaintext database by an encrypted copy: fold its WAL in, move it aside
    (atomic), write and verify the encrypted copy, swap it in (atomic), then overwrite and
    remove the plaintext. `finish_interrupted_encryption` completes a run cut short."""
    conn = connect_raw(path, None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    plain = path.with_name(path.name + ".plaintext")
    os.replace(path, plain)
    _fsync_dir(path.parent)
    _encrypt_from(plain, path, keying)


def _encrypt_from(plain: Path, path: Path, keying: Keying) -> None:
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = connect_raw(plain, None)
    try:
        key_sql = keying.pragma().removeprefix("PRAGMA key = ")
        src.execute(f"ATTACH DATABASE ? AS encrypted KEY {key_sql}", (str(tmp),))
        src.execute("SELECT sqlcipher_export('encrypted')")
        src.execute("DETACH DATABASE encrypted")
        expected = _table_counts(src)
    finally:
        src.close()
    check = connect_raw(tmp, keying)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0]
        counts = _table_counts(check)
    finally:
        check.close()
    if ok != "ok" or counts != expected:
        tmp.unlink(missing_ok=True)
        os.replace(plain, path)
        raise RuntimeError("the encrypted copy did not verify; the database was left as it was")
    with tmp.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    secure_remove(plain)
    for side in _plain_sidecars(plain):
        secure_remove(side)


def finish_interrupted_encryption(path: Path) -> bool:
    """After a crash during `encrypt_in_place`: put things right. Returns True if it acted."""
    plain = path.with_name(path.name + ".plaintext")
    tmp = path.with_name(path.name + ".encrypting")
    if not plain.exists():
        if tmp.exists():
            tmp.unlink()
        return False
    if path.exists() and file_kind(path) is FileKind.ENCRYPTED:
        # The swap happened; only the plaintext's removal was cut short.
        secure_remove(plain)
        tmp.unlink(missing_ok=True)
        return True
    tmp.unlink(missing_ok=True)
    os.replace(plain, path)  # back to the start: it will be encrypted again
    return True
