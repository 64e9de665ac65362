"""The headless commands: output a script can rely on, and bad input refused cleanly."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import TEST_NOW
from tests.dbutil import raw_connect

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def counts(path: Path) -> tuple[int, int, int]:
    conn = raw_connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("case_", "subject", "case_event")
        )
    finally:
        conn.close()


def test_init_creates_and_seeds(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "init")
    assert code == 0 and "created and seeded" in out[0]
    code, out, _ = run(capsys, "--db", str(db_path), "init")
    assert "up to date" in out[0]


def test_request_add_prints_the_reference_first(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    db = ("--db", str(db_path))
    code, out, _ = run(
        capsys, *db, "request", "add", "--channel", "phone", "--type", "access,erasure",
        "--name", "Áile Ŋuolga", "--phone", "400 01 514", "--received", "2026-03-02T10:15",
    )  # fmt: skip
    assert code == 0
    assert out[0] == "2026-0001"
    assert out[-1] == "due 2026-04-07"
    # Same phone: linked to the existing subject, and it says so.
    code, out, _ = run(
        capsys, *db, "request", "add", "--channel", "email", "--type", "objection",
        "--name", "Aile N", "--phone", "+4740001514", "--received", "2026-03-03T09:00",
    )  # fmt: skip
    assert out[0] == "2026-0002"
    assert "linked to existing subject" in out[1] and "phone" in out[1]
    code, out, _ = run(
        capsys, *db, "request", "add", "--channel", "letter", "--type", "access",
        "--name", "Áile Ŋuolga", "--phone", "+4740001514", "--new-subject",
        "--received", "2026-03-04",
    )  # fmt: skip
    assert out[0] == "2026-0003" and out[1].startswith("new subject")

    code, out, _ = run(capsys, *db, "cases", "list", "--format", "json")
    data = json.loads("\n".join(out))
    assert "\n".join(out) == json.dumps(data, ensure_ascii=False, indent=2)  # streamed alike
    assert [c["reference"] for c in data] == ["2026-0001", "2026-0002", "2026-0003"]
    first = data[0]
    assert first["types"] == ["access", "erasure"]
    assert first["channel"] == "phone"
    assert first["received"] == "2026-03-02"
    assert first["due"] == "2026-04-07"
    assert first["status"] == "new"
    assert first["subject"] == "Áile Ŋuolga"
    code, out, _ = run(capsys, *db, "cases", "list", "--format", "csv")
    assert out[0].startswith("reference,types,channel,received,due")
    assert len(out) == 4
    code, out, _ = run(capsys, *db, "cases", "list", "--open")
    assert out[0].split()[0] == "REFERENCE" and len(out) == 4
    # aligned: every line's subject starts where the header's does
    col = out[0].index("SUBJECT")
    assert all(line[col - 2 : col] == "  " and line[col] != " " for line in out)
    assert {line[col:] for line in out[1:]} == {"Áile Ŋuolga"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "fax", "--type", "access", "--name", "X"], "invalid choice"),
        (["--channel", "phone", "--type", "access,gossip", "--name", "X"], "gossip"),
        (["--channel", "phone", "--type", "access", "--name", "X", "--phone", "12"], "phone"),
        (["--channel", "phone", "--type", "access", "--name", "X", "--email", "a@"], "e-mail"),
        (["--channel", "phone", "--type", "access", "--name", "x" * 10_000], "200"),
        (["--channel", "phone", "--type", "access", "--name", "X", "--received", "tomorrow"],
         "not an ISO"),
        (["--channel", "phone", "--type", "access", "--name", "X", "--received", "2099-01-01"],
         "future"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, args: list[str], message: str
) -> None:
    run(capsys, "--db", str(db_path), "request", "add", "--channel", "phone", "--type",
        "access", "--name", "Kari", "--received", "2026-01-05")  # fmt: skip
    before = counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "request", "add", *args)
    assert code == 2
    assert out == []
    assert len(err.strip().splitlines()) == 1 and message in err
    assert counts(db_path) == before


@pytest.mark.parametrize(
    ("environ", "option", "message"),
    [
        ({"LANG": "nb_NO.UTF-8"}, [], "innsyn: '123' er ikke et gyldig telefonnummer: for kort"),
        ({"LANG": "C"}, [], "innsyn: '123' is not a valid phone number: too short"),
        ({"LANG": "en_GB.UTF-8"}, ["--lang", "nb"], "er ikke et gyldig telefonnummer"),
        ({"LANG": "nb_NO.UTF-8"}, ["--lang=en"], "is not a valid phone number"),
    ],
)
def test_refusals_speak_the_locale_or_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    environ: dict[str, str],
    option: list[str],
    message: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    code, out, err = run(capsys, *option, "--db", str(db_path), "request", "add", "--channel",
                         "phone", "--type", "access", "--name", "X", "--phone", "123")  # fmt: skip
    assert code == 2 and out == []
    assert len(err.strip().splitlines()) == 1 and message in err
    assert counts(db_path) == before


def test_a_bokmal_refusal_in_another_process_too(db_path: Path) -> None:
    env = {**os.environ, "LANG": "nb_NO.UTF-8", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "request", "add", "--channel",
         "phone", "--type", "access", "--name", "X", "--phone", "123"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "innsyn: '123' er ikke et gyldig telefonnummer: for kort"


def test_import_email_prints_the_reference(
    capsys: pytest.CaptureFixture[str], db_path: Path, samples: Path
) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "request", "import-email",
        str(samples / "email" / "erasure-request-en-html.eml"),
    )  # fmt: skip
    assert code == 0, err
    assert out[0] == "2026-0001"
    assert "received 2026-02-28T00:31+01:00" in out[1]
    assert out[2] == "due 2026-03-30"


def test_import_of_a_file_without_sender_needs_a_name(
    capsys: pytest.CaptureFixture[str], db_path: Path, samples: Path, tmp_path: Path
) -> None:
    # Without a usable date the receipt falls back to the file's time: make it a day before
    # the test's "now", whatever day the file was checked out.
    copy = tmp_path / "outlook-strange-date.msg"
    shutil.copyfile(samples / "email" / "outlook-strange-date.msg", copy)
    stamp = (TEST_NOW - dt.timedelta(days=1)).timestamp()
    os.utime(copy, (stamp, stamp))
    msg = str(copy)
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "request", "import-email", msg)
    assert code == 2 and "--name" in err and counts(db_path) == before
    code, out, err = run(
        capsys, "--db", str(db_path), "request", "import-email", msg, "--name", "Ukjent Avsender"
    )
    assert code == 0, err
    assert out[0].count("-") == 1 and len(out[0]) == 9


def test_import_of_a_non_email_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    fake = tmp_path / "invoice.eml"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), "request", "import-email", str(fake))
    assert code == 2 and "invoice.eml" in err and out == []
    assert counts(db_path) == before
    code, out, err = run(
        capsys, "--db", str(db_path), "request", "import-email", str(tmp_path / "nope.eml")
    )
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize(
    ("received", "extended", "due"),
    [
        ("2026-01-31", False, "2026-03-02"),
        ("2026-03-02", False, "2026-04-07"),
        ("2028-01-31", False, "2028-02-29"),
        ("2026-01-31", True, "2026-04-30"),
    ],
)
def test_deadline_command(
    capsys: pytest.CaptureFixture[str], received: str, extended: bool, due: str
) -> None:
    code, out, _ = run(capsys, "deadline", received, *(["--extended"] if extended else []))
    assert code == 0
    assert out[0] == due
    assert len(out) >= 2 and "due" in out[1]


def test_deadline_command_refuses_a_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "deadline", "2026-02-30")
    assert code == 2 and out == [] and "2026-02-30" in err


def test_cases_list_on_a_missing_database_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "cases", "list")
    assert code == 2 and "no database" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_python_dash_m_app_runs_the_same_commands(tmp_path: Path) -> None:
    env = {**os.environ, "INNSYN_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "deadline", "2026-03-02"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2026-04-07"


def test_a_reader_that_goes_away_ends_the_listing_quietly(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`innsyn cases list | head -2`: no traceback when the pipe closes, status 141."""
    db = ["--db", str(db_path)]
    run(capsys, *db, "init")
    for name in ("Kari Nordmann", "Ola Nordmann"):
        run(capsys, *db, "request", "add", "--channel", "phone", "--type", "access",
            "--name", name)  # fmt: skip
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone
    with capsys.disabled(), os.fdopen(write_end, "w", buffering=1) as closed_pipe:
        monkeypatch.setattr(sys, "stdout", closed_pipe)
        code = main([*db, "cases", "list", "--format", "json"])
        monkeypatch.undo()
    assert code == 141
    assert counts(db_path)[0] == 2  # nothing changed


@pytest.mark.parametrize(
    ("args", "bokmal"),
    [
        (["request", "import-email", "nowhere.eml"], "innsyn: nowhere.eml: filen finnes ikke"),
        (["report", "annual", "--year", "2017", "--out", "-"],
         "innsyn: Det finnes ingen tall for 2017."),
        (["request", "add", "--channel", "fax", "--type", "access", "--name", "X"],
         "innsyn: argumentet --channel: ugyldig valg 'fax' (velg blant 'phone', 'email', "
         "'letter', 'in-person')"),
    ],
)  # fmt: skip
def test_the_commands_own_refusals_read_in_bokmal(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    args: list[str],
    bokmal: str,
) -> None:
    run(capsys, "--db", str(db_path), "init")
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    before = counts(db_path)
    code, out, err = run(capsys, "--db", str(db_path), *args)
    assert code != 0 and err.strip() == bokmal
    assert counts(db_path) == before
