"""What the GUI and the CLI use of the storage layer, through the services: the database
handle and how it is opened, unlocked and checked, the key's problems a user can act on,
and the owner-only writer for every file the officer saves. The GUI and the CLI import these
from here, never from app.store, so that the layer below can change behind one door."""

from __future__ import annotations

from app.store.database import (
    MIN_PASSPHRASE,
    Database,
    FileCheck,
    FullCheck,
    default_database_path,
    open_database,
)
from app.store.files import WriteFailed, write_private
from app.store.keys import (
    NO_KEYRING_MESSAGE,
    KeyNeeded,
    KeyringUnavailable,
    WrongKey,
    database_id_of,
    keyring_available,
)
from app.store.paths import DATA_DIR_ENV

__all__ = [
    "DATA_DIR_ENV",
    "MIN_PASSPHRASE",
    "NO_KEYRING_MESSAGE",
    "Database",
    "FileCheck",
    "FullCheck",
    "KeyNeeded",
    "KeyringUnavailable",
    "WriteFailed",
    "WrongKey",
    "database_id_of",
    "default_database_path",
    "keyring_available",
    "open_database",
    "write_private",
]
