"""The application log: counts, states and errors, never personal data.

Third-party loggers that may echo what they parse (extract-msg logs raw message properties)
are held to CRITICAL, so nothing from an e-mail reaches the file.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

QUIET_LIBRARIES = ("extract_msg", "olefile", "RTFDE", "compressed_rtf", "alembic", "sqlalchemy")


def log_dir() -> Path:
    from app.store.paths import data_dir

    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def configure(level: int = logging.INFO) -> Path:
    """Log to a rotating owner-only file in the data directory; returns its path."""
    path = log_dir() / "innsyn.log"
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    shutdown()
    root = logging.getLogger()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler._innsyn = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return path


def shutdown() -> None:
    """Detach and close our log file (before another is configured, and at exit)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_innsyn", False):
            root.removeHandler(handler)
            handler.close()
