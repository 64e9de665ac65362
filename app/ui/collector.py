"""Python's garbage collection on the GUI thread only (Anki's GarbageCollector is the model).

The cyclic collector runs in whichever thread happens to allocate when a threshold is
reached: a worker reading the database may then free a window, a dialog or a model that
the GUI thread is still painting, and Qt crashes (a segmentation fault, seen in the test
suite while an export ran). While the GUI runs, automatic collection is off and the GUI
thread collects on a timer instead; reference counting still frees everything that is not
in a cycle at once, so memory stays bounded.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["COLLECT_EVERY_MS", "GuiGarbageCollector"]

COLLECT_EVERY_MS = 2_000


class GuiGarbageCollector(QObject):
    """Turns automatic collection off while it lives and collects on the GUI thread.

    ``stop()`` (or the parent's destruction, through the Python side) turns automatic
    collection back on, as it was before."""

    def __init__(self, parent: QObject, *, every_ms: int = COLLECT_EVERY_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect now, on the calling (GUI) thread: the youngest generation when only it is
        over its threshold, everything when the older ones are too (as Python would)."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        if counts[2] >= thresholds[2] or counts[1] >= thresholds[1]:
            return gc.collect()
        return gc.collect(0)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
