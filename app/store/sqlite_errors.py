"""SQLite's primary result codes by name (https://sqlite.org/rescode.html), as qutebrowser's
`SqliteErrorCode`: the driver reports an extended code whose low byte is the primary one."""

from __future__ import annotations

from enum import IntEnum


class SqliteErrorCode(IntEnum):
    BUSY = 5  # another connection holds the lock
    LOCKED = 6  # a table in this connection is locked
    READONLY = 8  # the file or its folder may not be written
    IOERR = 10  # the operating system reported a disk error
    CORRUPT = 11  # the file is damaged
    FULL = 13  # the disk is full
    CANTOPEN = 14  # the file cannot be opened
    NOTADB = 26  # not a database (or, with SQLCipher, not opened by this key)


def error_code(exc: BaseException) -> SqliteErrorCode | None:
    """The primary SQLite code of a driver error (or of the one a SQLAlchemy error wraps),
    None for anything else or a code without a name here."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    try:
        return SqliteErrorCode(code & 0xFF)
    except ValueError:
        return None
