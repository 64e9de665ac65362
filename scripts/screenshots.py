"""Screenshots of the real application for the README's user guide.

Run through scripts/screenshots.sh, which starts it under Xvfb (a real X server) when
available. It uses a throwaway data folder and keyring with the sample cases, never yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="innsyn-shots-"))
    os.environ["INNSYN_DATA_DIR"] = str(scratch / "data")
    sys.path.insert(0, str(ROOT))

    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(scratch))
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))

    from app.services.samples import add_sample_cases
    from app.store.database import open_database
    from app.ui.i18n import install_language
    from app.ui.intake_dialog import IntakeDialog
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setApplicationName("Innsyn")
    install_language(app, os.environ.get("INNSYN_SHOT_LANG", "nb"))
    db = open_database(scratch / "data" / "innsyn.sqlite3")
    refs = add_sample_cases(db)
    OUT.mkdir(parents=True, exist_ok=True)

    window = MainWindow(db)
    window.resize(1280, 800)
    window.show()

    def shot(widget: object, name: str) -> None:
        for _ in range(20):
            app.processEvents()
        widget.grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
        print(f"docs/screenshots/{name}.png")

    window.dashboard.refresh()
    for _ in range(50):
        app.processEvents()
    shot(window, "1-overview")
    window.tabs.setCurrentWidget(window.cases_tab)
    shot(window, "2-cases")
    intake = IntakeDialog(db, parent=window)
    intake.resize(760, 900)
    intake.show()
    shot(intake, "3-phone-request")
    intake.close()
    view = window.open_case(refs[0])
    if view is not None:
        view.resize(1000, 900)
        shot(view, "4-case")
        view.close()
    window.tabs.setCurrentWidget(window.register_tab)  # built when first shown
    shot(window, "5-register")
    window.tabs.setCurrentWidget(window.retention_tab)
    for _ in range(200):  # the sweep is counted in the background when the tab opens
        if window.retention_view is not None and window.retention_view.model.rowCount():
            break
        app.processEvents()
        time.sleep(0.05)
    shot(window, "6-retention")
    window.close()
    window.shutdown_jobs()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
