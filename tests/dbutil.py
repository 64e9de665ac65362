"""Reading a test's database file directly (with its key from the test keyring), as an
auditor with the key would, or as a tamperer would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring

from app.store import keys
from app.store.cipherfile import file_salt
from app.store.engine import Keying, connect_raw


def raw_connect(path: Path) -> Any:
    key = keys.load_key(keys.database_id(file_salt(path)))
    assert key is not None, f"no key for {path.name} in the test keyring"
    return connect_raw(path, Keying(raw_key=key))


_OPEN_AND_DIE = """
import os, sys
from pathlib import Path
import keyring
from keyrings.alt.file import PlaintextKeyring
ring = PlaintextKeyring()
ring.file_path = sys.argv[2]
keyring.set_keyring(ring)
from app.store.database import open_database
open_database(Path(sys.argv[1]), create=False)
os._exit(0)  # without closing the database, as a crash, a kill or a power cut leaves it
"""


def crash_while_open(path: Path) -> None:
    """A process that opens the database and ends without closing it (in a child process
    with this test's keyring and data folder)."""
    ring = keyring.get_keyring()
    ring_file = getattr(ring, "file_path", None)
    assert ring_file, "the test keyring lives in a file"
    subprocess.run(
        [sys.executable, "-c", _OPEN_AND_DIE, str(path), str(ring_file)],
        env=dict(os.environ),
        check=True,
        timeout=120,
        capture_output=True,
    )


def damage_a_data_page(path: Path) -> None:
    """Overwrite part of a page near the end of the (closed) file: one written last, holding
    case data, which opening the database does not read (the schema's pages come first)."""
    data = bytearray(path.read_bytes())
    page = (len(data) // 4096 - 3) * 4096
    data[page + 100 : page + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
