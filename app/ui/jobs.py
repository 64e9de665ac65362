"""Background work for the GUI: a cancellable job run on a QThreadPool.

The work itself (a service call) never touches Qt: it receives a plain ``progress(done,
total) -> bool`` callback and returns a value. Results, errors and progress reach the GUI
thread through queued signals, so widgets are only ever touched there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from app.core.errors import UserError

ProgressCallback = Callable[[int, int], bool]


class JobSignals(QObject):
    """Created on the GUI thread, so slots connected to it run there (queued)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


def failure_message(exc: BaseException) -> str:
    """What the officer may see: a UserError's own sentence, otherwise only the type of the
    exception (its text may hold personal data: a name, an e-mail, a path)."""
    if isinstance(exc, UserError):
        return str(exc)
    return QCoreApplication.translate(
        "Job", "An unexpected error occurred ({kind}). Nothing more was done."
    ).format(kind=type(exc).__name__)


class Job(QRunnable):
    """Runs ``fn(progress)`` on a worker thread.

    Emits ``signals.progress(done, total)`` for each report, then exactly one of
    ``signals.finished(result)`` or ``signals.failed(message)``. ``cancel()`` makes the
    progress callback return False; the work stops at its next check.
    """

    def __init__(self, fn: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        # Python keeps the object alive (the caller holds it); Qt must not delete it under us.
        self.setAutoDelete(False)
        self._fn = fn
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self.signals = JobSignals()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(int(done), int(total))
        return not self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:  # every failure is reported, never lost on the thread
            self._done.set()
            self.signals.failed.emit(failure_message(exc))
            return
        self._done.set()
        self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> Job:
        (pool or QThreadPool.globalInstance()).start(self)
        return self
