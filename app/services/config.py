"""Settings that belong to this computer rather than to a database: where backups go.
Kept as JSON in the user's config directory; never personal data, never a key."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import platformdirs

from app.store.paths import APP_NAME, DATA_DIR_ENV, data_dir


def config_path() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    base = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, False))
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    return base / "settings.json"


def load() -> dict[str, Any]:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(values: dict[str, Any]) -> None:
    path = config_path()
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(values, fh, indent=2, sort_keys=True)
    os.replace(tmp, path)


def backup_dir() -> Path:
    chosen = load().get("backup_dir")
    path = Path(chosen) if chosen else data_dir() / "backups"
    return path


def set_backup_dir(path: Path) -> None:
    values = load()
    values["backup_dir"] = str(path)
    save(values)
