"""Where the application's own files live (the data folder). Light on purpose: every start
asks it (the sweep of partial files), before anything heavier is imported."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Innsyn"
DATA_DIR_ENV = "INNSYN_DATA_DIR"  # tests and portable installs point this elsewhere


def data_dir_path() -> Path:
    """Where the application's own files live, without creating the folder."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))


def data_dir() -> Path:
    path = data_dir_path()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
