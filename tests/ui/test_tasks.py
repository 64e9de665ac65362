"""The GUI's task runner: typed results on the GUI thread, failures told as they should be,
cancelling, and closing a window with work still running."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.core.errors import InvalidInput
from app.ui.crash import CrashDialog
from app.ui.tasks import ProgressCallback, TaskRunner, failure_message

SECRET = "kari.nordmann@example.no"


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    shown = QMainWindow()
    qtbot.addWidget(shown)
    return shown


def test_success_delivers_the_typed_result_on_the_gui_thread(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window)
    worker: list[threading.Thread] = []
    reports: list[tuple[int, int, threading.Thread]] = []
    results: list[tuple[int, threading.Thread]] = []

    def work(progress: ProgressCallback) -> int:
        worker.append(threading.current_thread())
        for i in range(3):
            progress(i, 3)
        return 42

    def on_success(result: int) -> None:
        results.append((result, threading.current_thread()))

    task = runner.run(
        work,
        on_success=on_success,
        on_progress=lambda done, total: reports.append((done, total, threading.current_thread())),
    )
    assert runner.busy and runner.tasks == [task]
    qtbot.waitUntil(lambda: bool(results))
    assert results == [(42, threading.main_thread())]
    assert worker and worker[0] is not threading.main_thread()
    assert reports == [(i, 3, threading.main_thread()) for i in range(3)]
    assert task.done and task.delivered
    assert not runner.busy  # dropped once delivered


def test_on_failure_receives_the_exception_itself(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window)
    caught: list[BaseException] = []
    problem = InvalidInput("The phone number is not valid.")

    def work(_progress: ProgressCallback) -> None:
        raise problem

    runner.run(work, on_success=lambda _r: pytest.fail("no result"), on_failure=caught.append)
    qtbot.waitUntil(lambda: bool(caught))
    assert caught == [problem]
    assert failure_message(problem) == "The phone number is not valid."
    inline = failure_message(KeyError(SECRET))
    assert "KeyError" in inline and "kari" not in inline


def test_a_user_error_is_shown_as_its_message(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window)

    def work(_progress: ProgressCallback) -> None:
        raise InvalidInput("The phone number is not valid.")

    runner.run(work)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)))
    (box,) = window.findChildren(QMessageBox)
    assert box.text() == "The phone number is not valid."
    assert box.isVisible()
    assert not window.findChildren(CrashDialog)
    box.close()


def test_a_bug_reaches_the_crash_dialog_and_the_log_holds_no_message(
    qtbot: QtBot, window: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner(window)

    def look_up_person(_progress: ProgressCallback) -> None:
        name = SECRET  # a local holding personal data must not leak either
        raise KeyError(name)

    with caplog.at_level(logging.ERROR):
        runner.run(look_up_person)
        qtbot.waitUntil(lambda: bool(window.findChildren(CrashDialog)))
    (dialog,) = window.findChildren(CrashDialog)
    report = dialog.report.toPlainText()
    assert "builtins.KeyError" in report and "look_up_person" in report
    assert "kari" not in report
    assert "look_up_person" in caplog.text
    assert "kari" not in caplog.text and "example.no" not in caplog.text
    assert not window.findChildren(QMessageBox)
    dialog.close()


def test_cancel_stops_the_task_at_its_next_progress_check(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window)
    started = threading.Event()
    go_on = threading.Event()
    answers: list[bool] = []
    results: list[str] = []

    def work(progress: ProgressCallback) -> str:
        started.set()
        go_on.wait(10)
        for i in range(100):
            keep_going = progress(i, 100)
            answers.append(keep_going)
            if not keep_going:
                return f"stopped at {i}"
        return "done"

    task = runner.run(work, on_success=results.append)
    assert started.wait(10)
    task.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: bool(results))
    assert results == ["stopped at 0"]
    assert answers == [False]
    assert task.cancelled


def test_closing_the_window_cancels_and_waits(qtbot: QtBot) -> None:
    window = QMainWindow()
    runner = TaskRunner(window)
    started = threading.Event()
    finished_work: list[bool] = []
    late: list[object] = []

    def work(progress: ProgressCallback) -> str:
        started.set()
        while progress(0, 1):  # runs until cancelled
            time.sleep(0.01)  # a sleep: a timed Event.wait never ends under libfaketime
        finished_work.append(True)
        return "cancelled"

    task = runner.run(work, on_success=late.append)
    assert started.wait(10)
    window.show()
    window.close()
    # The close cancelled the task and waited for the worker: it has returned.
    assert task.cancelled and finished_work == [True]
    assert runner.wait(0)
    # The window still exists: what the cancelled work returned is delivered to it.
    qtbot.waitUntil(lambda: not runner.busy)
    assert late == ["cancelled"]


def test_shutdown_cancels_waits_and_delivers_nothing_after(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window)
    started = threading.Event()
    late: list[object] = []

    def work(progress: ProgressCallback) -> str:
        started.set()
        while progress(0, 1):
            time.sleep(0.01)  # a sleep: a timed Event.wait never ends under libfaketime
        return "cancelled"

    runner.run(work, on_success=late.append, on_progress=late.append)
    assert started.wait(10)
    assert runner.shutdown()
    assert not runner.busy
    qtbot.wait(50)  # queued results, had any been left, would arrive now
    assert late == []


def test_results_queued_for_a_deleted_window_are_dropped(qtbot: QtBot) -> None:
    window = QWidget()
    runner = TaskRunner(window)
    release = threading.Event()
    late: list[int] = []
    destroyed: list[bool] = []

    def work(_progress: ProgressCallback) -> int:
        release.wait(10)
        return 1

    runner.run(work, on_success=late.append)
    window.destroyed.connect(lambda: destroyed.append(True))
    release.set()
    assert runner.wait(10_000)  # the result is now queued for the GUI thread
    shiboken6.delete(window)  # the window goes before the queue is read
    assert destroyed == [True]
    qtbot.wait(50)
    assert late == []


def test_tasks_run_at_once_up_to_the_pools_size(qtbot: QtBot, window: QWidget) -> None:
    runner = TaskRunner(window, max_threads=1)
    order: list[str] = []
    done: list[str] = []

    def make(name: str) -> Callable[[ProgressCallback], str]:
        def work(_progress: ProgressCallback) -> str:
            order.append(name)
            return name

        return work

    runner.run(make("first"), on_success=done.append)
    runner.run(make("second"), on_success=done.append)
    qtbot.waitUntil(lambda: len(done) == 2)
    assert order == ["first", "second"] and done == ["first", "second"]
    assert QThreadPool.globalInstance().activeThreadCount() == 0  # never the global pool
