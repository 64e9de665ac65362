"""Every test: Qt offscreen, the user's directories inside tmp_path, a fresh database file,
a keyring that lives in tmp_path (never the user's own), and the one clock set to a fixed
moment (TEST_NOW), never the day the suite happens to run."""

from __future__ import annotations

import os

# Before anything imports Qt: without a display Qt aborts the whole process.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from app.core import clock
from app.core.model import Channel, RequestType
from app.services.dto import RequestInput
from app.store.database import Database, open_database

OSLO = ZoneInfo("Europe/Oslo")
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
# "Now" for every test unless it sets another moment: a Wednesday, a working day.
TEST_NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=OSLO)


def _set_clock(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime | dt.date) -> None:
    clock.set(moment)
    # The CLI run in another process (subprocess tests) starts from the same moment.
    monkeypatch.setenv(clock.NOW_ENV, clock.now_utc().isoformat())


@pytest.fixture(autouse=True)
def _test_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _set_clock(monkeypatch, TEST_NOW)
    yield
    clock.reset()


@pytest.fixture
def set_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime | dt.date], None]:
    """Move the clock: set_clock(date) is noon in Oslo that day; a datetime is taken as it is
    (naive means Oslo time). The clock keeps ticking from there."""

    def move(moment: dt.datetime | dt.date) -> None:
        _set_clock(monkeypatch, moment)

    return move


@pytest.fixture(autouse=True)
def _gui_thread_collection(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a GUI test, Python's cyclic garbage collection happens on the GUI thread only, as
    the application's GuiGarbageCollector arranges it: a worker thread that collected a
    widget of an earlier test would crash Qt."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # Nothing was collected during the test: what it left is all in the youngest
        # generation, and collecting that alone is cheap.
        gc.collect(0)
        gc.enable()


@pytest.fixture(autouse=True)
def _gui_language_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """A GUI test that switched the interface to Bokmål (a translator installed, the default
    QLocale changed) leaves the next test the English interface it expects."""
    if not {"qtbot", "qapp", "qapp_"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.ui import i18n

    before = QLocale()
    yield
    app = QCoreApplication.instance()
    if app is not None and i18n.current_language() != "en":
        i18n.remove_translators(app)
    if QLocale() != before:
        QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI speaks the locale's language: English unless a test asks for Bokmål, whatever
    the locale of the machine running the suite."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path / "home"
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("INNSYN_DATA_DIR", str(tmp_path / "data"))
    # Window layout and filters are remembered with QSettings: one store per test.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    yield
    keyring.set_keyring(previous)
    from app import logsetup

    logsetup.shutdown()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def samples() -> Path:
    assert SAMPLES.is_dir(), f"the shared samples are missing: {SAMPLES}"
    return SAMPLES


def oslo(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)


def phone_request(
    name: str = "Kari Nordmann",
    *,
    received: dt.datetime | None = None,
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
    phone: str | None = "+47 40 00 15 14",
    email: str | None = None,
    **kw: object,
) -> RequestInput:
    return RequestInput(
        channel=Channel.PHONE,
        types=types,
        name=name,
        received_at=received or oslo(2026, 3, 2),
        phone=phone,
        email=email,
        **kw,  # type: ignore[arg-type]
    )
