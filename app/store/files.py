"""Writing what the workbench produces (exports, statements, sheets) to the officer's disk:
owner-only, complete or not at all.

On Linux the file is written unnamed (O_TMPFILE) and only linked into the folder when
complete, so even a killed process leaves nothing behind. Elsewhere (or on a filesystem
without O_TMPFILE) it is written under a temporary name, renamed when complete, removed on
any error, and recorded in a journal so that one left by a killed process is removed at the
next start."""

from __future__ import annotations

import contextlib
import ctypes
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from app.core.errors import UserError
from app.core.messages import os_reason


class WriteFailed(UserError):
    pass


_AT_FDCWD = -100
_AT_EMPTY_PATH = 0x1000


def _journal() -> Path:
    from app.store.paths import data_dir

    return data_dir() / "partial-files.txt"


def _journal_add(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(_journal(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\t{path}\n")


def _journal_entries(journal: Path) -> list[tuple[int | None, str]]:
    """(writer's process id, path) of each line; None for a line without an id."""
    entries: list[tuple[int | None, str]] = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        pid_text, tab, path = line.partition("\t")
        if not tab:
            entries.append((None, line))
        elif pid_text.isdigit():
            entries.append((int(pid_text), path))
    return [(pid, path) for pid, path in entries if path]


def _rewrite_journal(journal: Path, entries: list[tuple[int | None, str]]) -> None:
    if not entries:
        journal.unlink()
        return
    text = "".join(f"{path}\n" if pid is None else f"{pid}\t{path}\n" for pid, path in entries)
    journal.write_text(text, encoding="utf-8")


def _journal_remove(path: Path) -> None:
    journal = _journal()
    with contextlib.suppress(OSError):
        rest = [(pid, line) for pid, line in _journal_entries(journal) if line != str(path)]
        _rewrite_journal(journal, rest)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    except OSError:
        return False
    return True


def _journal_if_any() -> Path:
    """The journal's path without creating the data folder (a start with nothing to sweep
    leaves no trace, as the self-test checks)."""
    from app.store.paths import data_dir_path

    return data_dir_path() / "partial-files.txt"


def sweep_partial_files() -> int:
    """Remove the temporary files left by a process that was killed while writing one.

    Only where the unnamed (O_TMPFILE) write is not available, that is off Linux or on a
    filesystem without it, does a write go through a named `.partial` file, journalled with
    the writer's process id. Called at every start (app/__main__.py): a file whose writer
    is still running (another window, a CLI run) is left alone; one whose writer is gone is
    removed, so that an erased person's data does not outlive a killed export."""
    journal = _journal_if_any()
    try:
        entries = _journal_entries(journal)
    except OSError:
        return 0
    removed = 0
    kept: list[tuple[int | None, str]] = []
    for pid, line in entries:
        if pid is not None and _alive(pid):
            kept.append((pid, line))
            continue
        path = Path(line)
        if path.name.endswith(".partial") and path.exists():
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    with contextlib.suppress(OSError):
        _rewrite_journal(journal, kept)
    return removed


def _check_target(target: Path) -> Path:
    target = target.expanduser()
    if target.is_dir():
        raise WriteFailed("store.target_is_folder", path=str(target))
    if not target.parent.is_dir():
        raise WriteFailed("store.no_folder", path=str(target.parent))
    return target


def _unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o600)
    except OSError:  # not supported by this filesystem
        return None


def _link_unnamed(fd: int, named: Path) -> None:
    """Give the finished unnamed file a name: linkat(AT_EMPTY_PATH), else through /proc,
    else (no privilege for either) a copy under a journalled temporary name."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.linkat(fd, b"", _AT_FDCWD, os.fsencode(named), _AT_EMPTY_PATH) == 0:
            return
    except (OSError, AttributeError):
        pass
    try:
        os.link(f"/proc/self/fd/{fd}", named, follow_symlinks=True)
        return
    except OSError:
        pass
    _journal_add(named)
    out = os.open(named, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        while chunk := os.read(fd, 1 << 20):
            os.write(out, chunk)
        os.fsync(out)
    finally:
        os.close(out)
        _journal_remove(named)


@contextlib.contextmanager
def private_output(target: Path) -> Iterator[Path]:
    """Yields a path to write the whole file to; on success it appears at `target` (0600),
    on any error or cancel nothing appears."""
    target = _check_target(target)
    fd = _unnamed(target.parent)
    if fd is not None:
        try:
            yield Path(f"/proc/self/fd/{fd}")
            os.fsync(fd)
            named = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
            _link_unnamed(fd, named)
            os.replace(named, target)
            os.chmod(target, 0o600)
        except OSError as exc:
            raise WriteFailed("store.not_written", file=target.name, reason=os_reason(exc)) from exc
        finally:
            os.close(fd)
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    except OSError as exc:
        raise WriteFailed(
            "store.cannot_write_here", file=target.name, reason=os_reason(exc)
        ) from exc
    _journal_add(tmp)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteFailed("store.not_written", file=target.name, reason=os_reason(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _journal_remove(tmp)


def write_private(target: Path, content: bytes) -> Path:
    with private_output(target) as tmp:
        tmp.write_bytes(content)
    return target


def write_private_stream(target: Path, writer: Callable[[BinaryIO], None]) -> Path:
    with private_output(target) as tmp, tmp.open("wb") as fh:
        writer(fh)
    return target
