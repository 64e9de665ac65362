"""Cyclic garbage is collected on the GUI thread only while the GUI runs."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.ui.collector import GuiGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_worker_thread_never_collects_and_the_gui_thread_does(qtbot: QtBot) -> None:
    gc.enable()  # as a program starts
    owner = QWidget()
    qtbot.addWidget(owner)
    collector = GuiGarbageCollector(owner, every_ms=50)
    try:
        assert not gc.isenabled()
        threads: list[str] = []

        def record(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                threads.append(threading.current_thread().name)

        cycle = _Cycle()
        gone = weakref.ref(cycle)
        del cycle
        gc.callbacks.append(record)
        try:
            # A worker allocating far past every threshold does not collect.
            def allocate() -> None:
                junk = [[_Cycle() for _ in range(100)] for _ in range(200)]
                del junk

            worker = threading.Thread(target=allocate, name="worker")
            worker.start()
            worker.join()
            assert "worker" not in threads
            assert gone() is not None  # the cycle is still there
            qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
        finally:
            gc.callbacks.remove(record)
        assert threads and set(threads) == {threading.main_thread().name}
    finally:
        collector.stop()
    assert gc.isenabled()  # as it was before
    gc.disable()  # the suite's own fixture turns it back on after the test
