"""`innsyn --self-test`: does this installation (a PyInstaller bundle above all) work?

Runs the path an officer's first day takes, on throw-away data in a temporary folder that
is removed afterwards: a new encrypted database, seeded; a logged request; a statement PDF;
the audit chain; the main window on Qt's offscreen platform. The database key goes to a
keyring that lives in memory for this run only: the self-test never touches the user's
keyring, data folder or settings. One line per step; exit 0 when all pass, 1 otherwise.

This module imports Qt (like the GUI) because the bundle's Qt plugins are part of what it
checks; it is a diagnostic at the top of the application, beside the CLI, not a layer.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from app.core import clock

__all__ = ["SelfTestFailed", "run_self_test"]

T = TypeVar("T")

# Test-only packages that must never ship in the bundle.
TEST_ONLY = ("keyrings.alt", "pytest", "pytestqt", "pypdf")
# The keyring backend(s) each platform's bundle must carry (and register as entry points).
PLATFORM_KEYRINGS = {
    "linux": ("SecretService", "libsecret", "KWallet"),
    "win32": ("Windows",),
    "darwin": ("macOS",),
}
_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


class SelfTestFailed(Exception):
    pass


def _memory_keyring() -> Any:
    """A keyring backend that keeps entries in a dict, for this process only. Defined on
    demand: keyring registers every backend class it sees as a candidate for the default."""
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()
            self._entries: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._entries.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._entries[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self._entries.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    return MemoryKeyring()


@contextlib.contextmanager
def _isolated(folder: Path) -> Iterator[None]:
    """Data folder, settings and keyring of this run: all inside `folder`, all restored."""
    import keyring

    from app.store.paths import DATA_DIR_ENV

    saved_env = {k: os.environ.get(k) for k in (DATA_DIR_ENV, "QT_QPA_PLATFORM")}
    os.environ[DATA_DIR_ENV] = str(folder / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = keyring.get_keyring() if _keyring_initialised() else None
    keyring.set_keyring(_memory_keyring())
    try:
        yield
    finally:
        if previous is not None:
            keyring.set_keyring(previous)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _keyring_initialised() -> bool:
    import keyring.core

    return getattr(keyring.core, "_keyring_backend", None) is not None


# --- the steps ----------------------------------------------------------------------------


def check_files() -> str:
    from app.resources import migrations_dir, resources_dir, seed_register_file

    needed = [
        migrations_dir() / "env.py",
        seed_register_file(),
        resources_dir() / "fonts" / "DejaVuSans.ttf",
        resources_dir() / "fonts" / "LICENSE-DejaVu.txt",
        resources_dir() / "letters" / "nb.json",
        resources_dir() / "letters" / "en.json",
        resources_dir() / "icons" / "innsyn.svg",
    ]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise SelfTestFailed("missing: " + ", ".join(missing))
    versions = list((migrations_dir() / "versions").glob("*.py"))
    if not versions:
        raise SelfTestFailed("no migrations in " + str(migrations_dir() / "versions"))
    return f"application files present ({len(versions)} migrations, fonts, letters, icons)"


def check_keyring_backends() -> str:
    from importlib.metadata import entry_points

    wanted = PLATFORM_KEYRINGS.get(sys.platform, ())
    registered = {ep.name: ep.value for ep in entry_points(group="keyring.backends")}
    missing = [name for name in wanted if name not in registered]
    if missing:
        raise SelfTestFailed("keyring backends not registered: " + ", ".join(missing))
    for name in wanted:
        importlib.import_module(registered[name])
    foreign = sorted(v for v in registered.values() if not v.startswith("keyring."))
    if getattr(sys, "frozen", False) and foreign:
        raise SelfTestFailed("unexpected keyring backends in the bundle: " + ", ".join(foreign))
    return "keyring backends available: " + (", ".join(wanted) or "none for this platform")


def check_no_test_packages() -> str:
    present = [name for name in TEST_ONLY if _importable(name)]
    if present:
        raise SelfTestFailed("test-only packages in the bundle: " + ", ".join(present))
    return "no test-only packages in the bundle"


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def count_pages(pdf: bytes) -> int:
    """Pages of a ReportLab PDF, read from its bytes (page objects are not compressed)."""
    if not pdf.startswith(b"%PDF-"):
        raise SelfTestFailed("not a PDF (no %PDF- header)")
    if b"%%EOF" not in pdf[-64:]:
        raise SelfTestFailed("the PDF is truncated (no %%EOF)")
    return len(_PAGE.findall(pdf))


def _request() -> Any:

    from app.core.model import Channel, RequestType
    from app.services.dto import RequestInput

    received = clock.now_oslo().replace(microsecond=0)
    return RequestInput(
        channel=Channel.PHONE,
        types=(RequestType.ACCESS,),
        name="Selvtest Testesen",  # invented: the self-test never sees a real person
        received_at=received,
        phone="+47 40 00 00 00",
        notes="self-test",
        language="nb",
        new_subject=True,
    )


def _render_statement(db: Any, reference: str) -> bytes:
    from app.services.statements import generate_statement

    return bytes(generate_statement(db, reference, "nb").content)


def _qt_application(settings_dir: Path | None = None) -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    if settings_dir is not None:  # whatever the window remembers stays in the temporary folder
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "innsyn"])
        app.setOrganizationName("Innsyn")
        app.setApplicationName("Innsyn")
    return app


def check_main_window(db: Any, settings_dir: Path) -> str:
    from PySide6.QtCore import QCoreApplication, qVersion
    from PySide6.QtWidgets import QApplication

    _qt_application(settings_dir)
    from app.ui.main_window import MainWindow

    window = MainWindow(db)
    try:
        title = window.windowTitle()
        window.build_all_tabs()  # the tabs built when first opened: every view is bundled
    finally:
        window.shutdown_jobs()
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()
    if not title:
        raise SelfTestFailed("the main window has no title")
    return (
        f"main window opened and closed (Qt {qVersion()}, platform {QApplication.platformName()})"
    )


def check_qtpdf(pdf_file: Path) -> str:
    """QtPdf is a module of its own in the bundle (library and plugins): it reads the PDF."""
    from PySide6.QtPdf import QPdfDocument

    _qt_application()
    document = QPdfDocument()
    try:
        error = document.load(str(pdf_file))
        pages = document.pageCount()
    finally:
        document.close()
    if error != QPdfDocument.Error.None_ or pages < 1:
        raise SelfTestFailed(f"QtPdf could not read the statement ({error.name}, {pages} pages)")
    return f"statement read back by QtPdf: {pages} page(s)"


def run_self_test(out: Callable[[str], None] = print) -> int:
    passed = False
    step = "preparing a temporary folder"
    folder = Path(tempfile.mkdtemp(prefix="innsyn-selftest-"))
    db = None
    try:
        with _isolated(folder):
            step = "application files"
            out("ok  " + check_files())
            step = "keyring backends"
            out("ok  " + check_keyring_backends())
            if getattr(sys, "frozen", False):
                step = "test-only packages"
                out("ok  " + check_no_test_packages())

            step = "database created and seeded"
            from app.services import cases, register
            from app.services.audit import record, verify_chain
            from app.store.cipherfile import FileKind, file_kind
            from app.store.database import open_database

            db = open_database(folder / "selftest.sqlite3", create=True)
            if not (db.migration and db.migration.created):
                raise SelfTestFailed("the database was not created")
            if file_kind(db.path) is not FileKind.ENCRYPTED:
                raise SelfTestFailed(f"the database file is {file_kind(db.path).value}")
            activities = register.list_activities(db)
            if not activities:
                raise SelfTestFailed("the seed register is empty")
            out(
                f"ok  database created and seeded (encrypted, {len(activities)} processing "
                "activities)"
            )

            step = "request logged"
            logged = cases.log_request(db, _request())
            listed = cases.list_cases(db, _open_query(), today=cases.today_oslo())
            if logged.reference not in {c.reference for c in listed}:
                raise SelfTestFailed("the new case is not in the list of open cases")
            out(f"ok  request logged: {logged.reference}, due {logged.due.isoformat()}")

            step = "statement rendered"
            pdf = _render_statement(db, logged.reference)
            pages = count_pages(pdf)
            if pages < 1:
                raise SelfTestFailed("the statement has no pages")
            out(f"ok  statement rendered: PDF, {pages} page(s), {len(pdf)} bytes")

            step = "audit chain"
            record(db, "self-test", "case_", logged.reference)
            report = verify_chain(db)
            if not report.ok or report.rows < 1:
                raise SelfTestFailed(report.problem or "the audit chain is empty")
            out(f"ok  audit chain created and verified: {report.rows} rows")

            step = "main window"
            out("ok  " + check_main_window(db, folder / "settings"))

            step = "statement read back by QtPdf"
            pdf_file = folder / "statement.pdf"
            pdf_file.write_bytes(pdf)
            out("ok  " + check_qtpdf(pdf_file))
            passed = True
    except Exception as exc:  # every failure is reported as the step that failed
        out(f"FAIL  {step}: {type(exc).__name__}: {exc}")
        return 1
    finally:
        if db is not None:
            db.close()
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        out(f"FAIL  cleaning up: {folder} could not be removed")
        return 1
    out("self-test passed" if passed else "FAIL  self-test incomplete")
    return 0 if passed else 1


def _open_query() -> Any:
    from app.services.dto import CaseQuery

    return CaseQuery(open_only=True)
