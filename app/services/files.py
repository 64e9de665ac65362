"""Writing what the workbench produces (exports, statements, sheets) to the officer's disk:
owner-only, under a temporary name renamed only when complete, nothing left on error."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.core.errors import UserError


class WriteFailed(UserError):
    pass


def _tmp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.partial")


@contextlib.contextmanager
def private_output(target: Path) -> Iterator[Path]:
    """Yields a temporary path next to `target` (0600) to write to; on success it is flushed
    and renamed over `target`, on any error it is removed."""
    target = target.expanduser()
    if target.is_dir():
        raise WriteFailed(f"{target} is a folder; choose a file name.")
    if not target.parent.is_dir():
        raise WriteFailed(f"The folder {target.parent} does not exist.")
    tmp = _tmp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
    except OSError as exc:
        raise WriteFailed(f"{target.name} cannot be written here: {exc.strerror}.") from exc
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteFailed(f"{target.name} could not be written: {exc.strerror}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private(target: Path, content: bytes) -> Path:
    with private_output(target) as tmp:
        tmp.write_bytes(content)
    return target


def write_private_stream(target: Path, writer: Callable[[BinaryIO], None]) -> Path:
    with private_output(target) as tmp, tmp.open("wb") as fh:
        writer(fh)
    return target
