"""At 200% scaling (QT_SCALE_FACTOR=2) the main window and a case open with every button
at least as wide as its text needs. Qt reads the factor at start, so a child process runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from pathlib import Path
import keyring
from keyrings.alt.file import PlaintextKeyring
ring = PlaintextKeyring(); ring.file_path = sys.argv[1]; keyring.set_keyring(ring)
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
from app.store.database import open_database
from app.services.samples import add_sample_cases
from app.ui.main_window import MainWindow
db = open_database(Path(sys.argv[2]))
refs = add_sample_cases(db)
window = MainWindow(db)
window.show()
view = window.open_case(refs[0])
for _ in range(30):
    app.processEvents()
assert window.devicePixelRatio() == 2.0, window.devicePixelRatio()
squeezed = [
    b.objectName() or b.text()
    for top in (window, view)
    for b in top.findChildren(QPushButton)
    if b.isVisible() and b.width() < b.minimumSizeHint().width()
]
print("squeezed:", squeezed)
assert not squeezed
view.close(); window.close(); window.shutdown_jobs(); db.close()
print("ok")
"""


def test_main_window_and_case_at_200_percent(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": "2",
        "INNSYN_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "ring.cfg"), str(tmp_path / "db.sqlite3")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("ok")
