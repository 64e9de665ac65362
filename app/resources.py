"""Where the files that ship with the application live (source tree or PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return root() / "db"


def seed_register_file() -> Path:
    return root() / "db" / "seed" / "lanopro_register.json"


def resources_dir() -> Path:
    return root() / "resources"
