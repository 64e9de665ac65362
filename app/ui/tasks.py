"""Background work for the GUI: one typed task runner per window (Anki's QueryOp and
CollectionOp are the model).

A task is a plain function (a service call) that receives a ``progress(done, total) -> bool``
callback and returns a value of type T. It runs on a worker thread of the runner's pool and
never touches Qt; what it reports reaches the GUI thread through queued signals, where the
runner calls ``on_progress(done, total)``, then exactly one of ``on_success(result)`` or
``on_failure(exc)``. ``Task.cancel()`` makes the progress callback return False: the work
stops at its next check.

Without an ``on_failure`` the failure is reported for the officer: a ``UserError`` as its
message, anything else (a bug) logged without personal data and shown in the crash report
dialog. The runner keeps its running tasks alive and drops them once their result is
delivered; on closing its window it cancels them and waits for them, so no worker outlives
the window and no callback arrives into a deleted widget.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressBar, QWidget

from app.core.errors import UserError
from app.ui.crash import show_crash_report
from app.ui.formatting import problem_text

__all__ = [
    "WINDOW_TASKS",
    "BackgroundCalls",
    "ProgressCallback",
    "Task",
    "TaskRunner",
    "failure_message",
    "report_failure",
    "window_tasks",
]

log = logging.getLogger(__name__)

T = TypeVar("T")
_RUNNERS: dict[int, TaskRunner] = {}
ProgressCallback = Callable[[int, int], bool]


def tr(text: str) -> str:
    """Translate a text of this module's helpers (no QObject of their own)."""
    return QCoreApplication.translate("TaskRunner", text)


def failure_message(exc: BaseException) -> str:
    """What the officer may see inline: a UserError's own sentence, otherwise only the type
    of the exception (its text may hold personal data: a name, an e-mail, a path)."""
    if isinstance(exc, UserError):
        return problem_text(exc)
    return QCoreApplication.translate(
        "Job", "An unexpected error occurred ({kind}). Nothing more was done."
    ).format(kind=type(exc).__name__)


def report_failure(parent: QWidget | None, exc: BaseException) -> QWidget:
    """The default failure handling: a UserError is told as it is; anything else is a bug,
    logged by type and place (never its text) and shown in the crash report dialog. Returns
    the message box or dialog shown (not modal: the window stays usable)."""
    if isinstance(exc, UserError):
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Innsyn"), problem_text(exc), parent=parent)
        box.setObjectName("taskProblem")
        box.open()
        return box
    return show_crash_report(exc, parent)


class _Relay(QObject):
    """Lives on the GUI thread (a child of the runner): the signals the worker emits reach
    its own slots queued, so the task's callbacks run on the GUI thread. Deleted with the
    runner (and so with its window), which drops whatever is still queued."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, task: Task[Any], runner: TaskRunner) -> None:
        super().__init__(runner)
        self._task = task
        self.progressed.connect(self._on_progressed)
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self._task.deliver_progress(done, total)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._task.deliver_success(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._task.deliver_failure(exc)


class Task(Generic[T]):
    """One piece of background work of a TaskRunner (made by `TaskRunner.run`)."""

    def __init__(
        self,
        runner: TaskRunner,
        work: Callable[[ProgressCallback], T],
        *,
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int], None] | None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        self._runner = runner
        self._on_cancel = on_cancel
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._cancelled = threading.Event()
        self._returned = threading.Event()  # the work function has returned or raised
        self.delivered = False  # on_success / on_failure has been called (GUI thread)
        self._relay = _Relay(self, runner)

    # --- for the GUI thread -----------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the work to stop: its next progress check returns False (and `on_cancel`, for
        work that does not check progress, interrupts it: an SQLite read, say)."""
        if self._cancelled.is_set():
            return
        self._cancelled.set()
        if self._on_cancel is not None and not self._returned.is_set():
            self._on_cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        """The work has returned (its result may still be on its way to the GUI thread)."""
        return self._returned.is_set()

    # --- on the worker ----------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> bool:
        self._relay.progressed.emit(int(done), int(total))
        return not self._cancelled.is_set()

    def run_on_worker(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # every failure is reported, never lost on the thread
            self._returned.set()
            self._relay.failed.emit(exc)
            return
        self._returned.set()
        self._relay.succeeded.emit(result)

    # --- back on the GUI thread -------------------------------------------------------------

    def deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self._runner.closed:
            self._on_progress(done, total)

    def deliver_success(self, result: Any) -> None:
        self._finish()
        if self._on_success is not None and not self._runner.closed:
            self._on_success(result)

    def deliver_failure(self, exc: BaseException) -> None:
        self._finish()
        if self._runner.closed:
            return
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            report_failure(self._runner.parent_widget, exc)

    def _finish(self) -> None:
        self.delivered = True
        self._runner.forget(self)
        self._relay.deleteLater()


class TaskRunner(QObject):
    """Runs the background tasks of one window (or of one widget with work of its own).

    ``run(work, on_success=..., on_failure=..., on_progress=..., on_cancel=...)`` starts a
    task on the runner's own thread pool and returns it. Closing the window (its Close
    event) cancels the running tasks and waits for them; their outcome is still delivered,
    unless the window was deleted (the runner goes with it, and what was queued with it).
    ``shutdown()``, which a window calls before the database closes, cancels, waits, and
    delivers nothing after.
    """

    def __init__(self, window: QWidget, *, max_threads: int | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._pool = QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task[Any]] = []
        self.closed = False
        # Held here until Qt destroys the runner: its Python side (and the tasks it holds)
        # must not go before the C++ side, whatever happens to the window's wrapper.
        _RUNNERS[id(self)] = self
        self.destroyed.connect(functools.partial(_RUNNERS.pop, id(self), None))
        window.installEventFilter(self)

    @property
    def parent_widget(self) -> QWidget:
        return self._window

    def run(
        self,
        work: Callable[[ProgressCallback], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Task[T]:
        task: Task[T] = Task(
            self,
            work,
            on_success=on_success,
            on_failure=on_failure,
            on_progress=on_progress,
            on_cancel=on_cancel,
        )
        self._tasks.append(task)
        self.closed = False  # a window shown again runs again
        # A Python callable: Qt's runnable holds it (and so the task) until run() returned.
        self._pool.start(task.run_on_worker)
        return task

    @property
    def tasks(self) -> list[Task[Any]]:
        """The tasks started and not yet delivered."""
        return list(self._tasks)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def forget(self, task: Task[Any]) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the workers to return (not for their results to be delivered)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = -1) -> bool:
        """Cancel every task and wait for the workers; no callback is delivered after."""
        self.closed = True
        self.cancel_all()
        done = self._pool.waitForDone(msecs)
        if done:
            self._tasks.clear()
        return done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is getattr(self, "_window", None)
            and event.type() == QEvent.Type.Close
            and self._tasks
        ):
            # Cancel and wait; what they return is still delivered (the window still exists:
            # a dialog closes itself once its cancelled work has ended).
            self.cancel_all()
            self.wait()
        return False


WINDOW_TASKS = "windowTasks"  # the object name of a window's own runner


def window_tasks(widget: QWidget) -> TaskRunner:
    """The task runner of the window `widget` is shown in, made the first time one is asked
    for (a panel shown on its own is its own window). Asked for when work starts, not when
    the widget is built: a panel may be put into its window later."""
    window = widget.window()
    found = window.findChild(TaskRunner, WINDOW_TASKS, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(found, TaskRunner):
        return found
    runner = TaskRunner(window)
    runner.setObjectName(WINDOW_TASKS)
    return runner


class BackgroundCalls(QObject):
    """The slow service calls of one panel, on its window's task runner. While a call runs,
    the buttons that would start it again are disabled and `bar` (a busy indicator the
    panel places) shows. Its result reaches `on_success` on the GUI thread; without an
    `on_failure`, a UserError is shown in a message box as it is and anything else goes to
    the crash report dialog."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._held: dict[QWidget, int] = {}  # button -> calls holding it disabled
        self._was_enabled: dict[QWidget, bool] = {}  # its state before the first of them
        self.running: list[Task[Any]] = []
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{owner.objectName() or 'panel'}Busy")
        self.bar.setAccessibleName(tr("Working in the background"))
        self.bar.setRange(0, 0)  # no counts: busy
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.bar.hide()

    @property
    def busy(self) -> bool:
        return bool(self.running)

    def keep_disabled(self) -> None:
        """Disable again the buttons of running calls (after a refresh that enabled them)."""
        for button, count in self._held.items():
            if count > 0:
                button.setEnabled(False)

    def run(
        self,
        work: Callable[[], T],
        *,
        buttons: Sequence[QWidget] = (),
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Task[T]:
        """Start `work` (which must not touch a widget: read what it needs before)."""
        held = list(buttons)
        for button in held:
            if button not in self._held:  # the state before the first call that holds it
                self._was_enabled[button] = button.isEnabled()
            self._held[button] = self._held.get(button, 0) + 1
            button.setEnabled(False)
        self.bar.show()
        task: Task[T] | None = None

        def ended() -> None:
            if task is not None and task in self.running:
                self.running.remove(task)
            for button in held:
                self._held[button] -= 1
                if self._held[button] <= 0:
                    del self._held[button]
                    button.setEnabled(self._was_enabled.pop(button))
            self.bar.setVisible(bool(self.running))

        def succeeded(result: T) -> None:
            ended()
            on_success(result)

        def failed(exc: BaseException) -> None:
            ended()
            if on_failure is not None:
                on_failure(exc)
            elif isinstance(exc, UserError):
                QMessageBox.warning(self._owner, tr("Innsyn"), problem_text(exc))
            else:
                report_failure(self._owner, exc)

        task = window_tasks(self._owner).run(
            lambda _progress: work(), on_success=succeeded, on_failure=failed
        )
        self.running.append(task)
        return task
