"""The benchmarks' surroundings: their own folders, keyring and Qt platform, never the
officer's; and a description of the machine they ran on.

Every benchmark process (the runner and the GUI probes it starts) calls `isolate()` before it
imports anything of the application.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"  # gitignored: generated databases, reused between runs

_scratch: Path | None = None


def scratch() -> Path:
    """A temporary folder for this process (HOME, data and config dirs, outputs)."""
    global _scratch
    if _scratch is None:
        _scratch = Path(tempfile.mkdtemp(prefix="innsyn-bench-"))
    return _scratch


def isolate(home: Path | None = None) -> Path:
    """Point HOME, the XDG folders and INNSYN_DATA_DIR into a temporary folder, run Qt
    offscreen, and install the in-memory keyring. Returns the folder."""
    home = home or scratch()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[var] = str(path)
    os.environ["INNSYN_DATA_DIR"] = str(home / "data")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    install_keyring()
    return home


# --- the keyring ------------------------------------------------------------------------------


def install_keyring() -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        """Holds the benchmark databases' keys in this process only."""

        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.entries: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.entries.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    if type(keyring.get_keyring()).__name__ != "MemoryKeyring":
        keyring.set_keyring(MemoryKeyring())


def remember_key(key_file: Path) -> None:
    """Put a generated database's key (kept beside it in bench/data) in the keyring."""
    from app.store import keys

    db_id, raw = key_file.read_text(encoding="ascii").split()
    keys.store_key(db_id, bytes.fromhex(raw))


# --- the machine ------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def machine() -> dict[str, str]:
    import PySide6
    import sqlalchemy
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(":memory:")
    try:
        cipher_sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
        cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        conn.close()
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": _cpu_model(),
        "cores": f"{os.cpu_count()} logical ({affinity} usable)",
        "memory": f"{_memory_gb():.1f} GB",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite (python's sqlite3)": sqlite3.sqlite_version,
        "sqlcipher": f"{cipher} (SQLite {cipher_sqlite})",
        "sqlalchemy": sqlalchemy.__version__,
        "pyside6": PySide6.__version__,
    }


def rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    now = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return now, peak
