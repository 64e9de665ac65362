"""`innsyn subjects import`: the counts first, then one line per bad row; a file that cannot
be read is refused with one line on stderr and the database left as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.dbutil import raw_connect

SAMPLE = ("registers", "erp-customers-cp1252.csv")
BAD_ROWS = [
    "row 7: invalid e-mail 'ikke-en-epost'; invalid phone '123'",
    "row 8: invalid date '32.13.2024' in last purchase",
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def counts(path: Path) -> tuple[int, int]:
    conn = raw_connect(path)
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("subject", "audit_log")
        )
    finally:
        conn.close()


def test_import_prints_counts_then_bad_rows(
    capsys: pytest.CaptureFixture[str], db_path: Path, samples: Path
) -> None:
    sample = str(samples.joinpath(*SAMPLE))
    code, out, err = run(capsys, "--db", str(db_path), "subjects", "import", sample)
    assert code == 0, err
    assert out == ["inserted 5, updated 0, rejected 2", *BAD_ROWS]
    assert counts(db_path)[0] == 5
    code, out, _ = run(capsys, "--db", str(db_path), "subjects", "import", sample)
    assert code == 0
    assert out[0] == "inserted 0, updated 5, rejected 2"
    assert counts(db_path)[0] == 5


def test_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, samples: Path
) -> None:
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    code, out, _ = run(
        capsys, "--db", str(db_path), "subjects", "import", str(samples.joinpath(*SAMPLE)),
        "--dry-run",
    )  # fmt: skip
    assert code == 0
    assert out == [
        "dry run, nothing written: would have inserted 5, updated 0, rejected 2",
        *BAD_ROWS,
    ]
    assert counts(db_path) == before


def test_reject_all_if_bad_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, samples: Path
) -> None:
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    code, out, _ = run(
        capsys, "--db", str(db_path), "subjects", "import", str(samples.joinpath(*SAMPLE)),
        "--reject-all-if-bad",
    )  # fmt: skip
    assert code == 1
    assert (
        out[0]
        == "nothing written (--reject-all-if-bad): would have inserted 5, updated 0, rejected 2"
    )
    assert out[1:] == BAD_ROWS
    assert counts(db_path) == before


def test_a_mapping_file(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    register = tmp_path / "export.csv"
    register.write_text("A,B,C\nKari Nordmann,kari@example.no,15.01.2026\n", encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"name": "A", "email": "B", "last_contact": "C"}))
    code, out, err = run(
        capsys, "--db", str(db_path), "subjects", "import", str(register), "--mapping", str(mapping)
    )
    assert code == 0, err
    assert out == ["inserted 1, updated 0, rejected 0"]


@pytest.mark.parametrize(
    ("content", "mapping", "message"),
    [
        (b"PK\x03\x04 damaged", None, "cannot be read as an .xlsx workbook"),
        (b"", None, "is empty"),
        (b"Navn;E-post\nKari;k@example.no\n", {"name": "Name"}, "does not have"),
        (b"Navn;E-post\nKari;k@example.no\n", {"nom": "Navn"}, "unknown fields"),
        (b"Kundenr;E-post\n1;k@example.no\n", None, "no column for the name"),
    ],
)
def test_a_file_level_error_exits_2_with_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    content: bytes,
    mapping: dict[str, str] | None,
    message: str,
) -> None:
    run(capsys, "--db", str(db_path), "init")
    before = counts(db_path)
    register = tmp_path / "register.csv"
    register.write_bytes(content)
    args = ["--db", str(db_path), "subjects", "import", str(register)]
    if mapping is not None:
        (tmp_path / "m.json").write_text(json.dumps(mapping))
        args += ["--mapping", str(tmp_path / "m.json")]
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == []
    assert len(err.splitlines()) == 1 and err.startswith("innsyn: ") and message in err
    assert counts(db_path) == before


def test_a_missing_file(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "subjects", "import", str(tmp_path / "none.csv")
    )
    assert code == 2
    assert err.strip() == f"innsyn: {tmp_path / 'none.csv'}: no such file"
    assert not db_path.exists()
