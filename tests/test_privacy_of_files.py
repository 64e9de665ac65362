"""What the workbench writes outside the database holds no personal data, everything it
writes is owner-only, and no temporary file outlives the work (a real workflow, run as the
officer's automation would run it: the CLI in a child process)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME, EMAIL, PHONE = "Synnøve Personvernsen", "synnove.p@example.no", "+47 912 34 567"
SECRETS = [NAME, "Personvernsen", EMAIL, "91234567", "4791234567", "Nordmann"]


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_full_workflow_leaves_no_personal_data_in_files(tmp_path: Path, samples: Path) -> None:
    data = tmp_path / "data"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    ring = tmp_path / "ring"
    ring.mkdir()
    env = {
        **os.environ,
        "INNSYN_DATA_DIR": str(data),
        "TMPDIR": str(scratch),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(ring),  # keyrings.alt's file keyring lives here in this test
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
    }
    cli(env, "init")
    ref = cli(
        env, "request", "add", "--channel", "phone", "--type", "access,erasure", "--name", NAME,
        "--email", EMAIL, "--phone", PHONE, "--notes", f"{NAME} ringte", "--received",
        "2026-03-02T10:00",
    ).splitlines()[0]  # fmt: skip
    cli(env, "request", "import-email", str(samples / "email" / "access-request-nb.eml"))
    listing = cli(env, "cases", "list", "--format", "json")
    assert NAME in listing and ref in listing
    cli(env, "backup")
    cli(env, "audit", "verify")

    written = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name == "innsyn.log" for p in written)
    log_text = (data / "logs" / "innsyn.log").read_text(encoding="utf-8")
    assert ref in log_text  # it does log, by reference
    for path in written:
        content = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in content, f"{secret!r} found in {path.name}"
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, f"{path.name} is not owner-only"
    for folder in [data, *[p for p in data.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, f"{folder} is not owner-only"
    assert list(scratch.iterdir()) == []
