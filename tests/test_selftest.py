"""`innsyn --self-test` as a user (or CI, on the bundle) runs it: a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STEPS = (
    "ok  application files present",
    "ok  keyring backends available",
    "ok  database created and seeded (encrypted",
    "ok  request logged: ",
    "ok  statement rendered: PDF, ",
    "ok  audit chain created and verified: ",
    "ok  main window opened and closed (Qt ",
    "ok  statement read back by QtPdf: ",
    "self-test passed",
)
ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["INNSYN_DATA_DIR"] = str(data_dir)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TMPDIR"] = str(tmp_path / "tmp")  # where its temporary folder goes, to check it is gone
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [["--self-test"], ["self-test"]])
def test_self_test_passes_and_leaves_nothing(args: list[str], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    done = run(args, data_dir, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(STEPS), done.stdout
    for line, step in zip(lines, STEPS, strict=True):
        assert line.startswith(step), (line, step)
    assert "FAIL" not in done.stdout
    # Nothing of the user's was touched: no data folder, no log, no temporary folder left.
    assert not data_dir.exists()
    assert list((tmp_path / "tmp").iterdir()) == []
    # The test person's name stays inside the throw-away database.
    assert "Testesen" not in done.stdout + done.stderr


def test_a_failing_step_is_named_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app import selftest

    def broken(db: object, reference: str) -> bytes:
        return b"<html>not a pdf</html>"

    monkeypatch.setattr(selftest, "_render_statement", broken)
    monkeypatch.setattr(selftest.tempfile, "tempdir", str(tmp_path))
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "FAIL  statement rendered: SelfTestFailed: not a PDF (no %PDF- header)"
    assert out[-2].startswith("ok  request logged: ")
    assert [p for p in tmp_path.iterdir() if p.name.startswith("innsyn-selftest-")] == []


def test_count_pages_reads_the_bytes() -> None:
    from app.selftest import SelfTestFailed, count_pages

    two = b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n"
    two += b"3 0 obj <</Type/Page/Parent 1 0 R>>\n%%EOF\n"
    assert count_pages(two) == 2
    with pytest.raises(SelfTestFailed):
        count_pages(b"%PDF-1.4\n<< /Type /Page >>\n")  # truncated: no %%EOF
