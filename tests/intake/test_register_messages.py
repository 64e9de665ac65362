"""Refusals of a register file, its column mapping, a backup, a retention rule and an export
read in Bokmål for a Norwegian officer (the English texts are what the other tests match)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.errors import DatabaseProblem, InvalidInput
from app.core.retention import RetentionRuleSpec, validate_rule
from app.intake.registers import ColumnMapping, open_register
from app.services import backup, exports
from app.store.database import Database


def test_a_file_that_is_no_register_is_refused_in_bokmal(tmp_path: Path) -> None:
    empty = tmp_path / "kunder.csv"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput) as exc:
        open_register(empty)
    assert exc.value.render("nb") == "kunder.csv er tom"
    old = tmp_path / "kunder.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(InvalidInput) as exc:
        open_register(old)
    assert exc.value.render("nb") == (
        "kunder.xls er en gammel Excel-arbeidsbok (.xls): lagre den som .xlsx eller som CSV"
    )
    assert str(exc.value) == (
        "kunder.xls is an old Excel (.xls) workbook: save it as .xlsx or as CSV"
    )


def test_a_mapping_names_the_field_in_the_readers_language() -> None:
    mapping = ColumnMapping(name="Navn", customer_no="Kundenr")
    with pytest.raises(InvalidInput) as exc:
        mapping.check(["Navn", "E-post"])
    assert exc.value.render("nb") == (
        "koblingen henter kundenummer fra kolonnen 'Kundenr', som filen ikke har"
    )
    assert str(exc.value) == (
        "the mapping takes the customer number from column 'Kundenr', which the file does not have"
    )
    with pytest.raises(InvalidInput) as bad:
        ColumnMapping.from_json("{ikke json")
    assert bad.value.render("nb") == "koblingen er ikke gyldig JSON (linje 1)"


def test_a_missing_backup_is_refused_in_bokmal(db: Database, tmp_path: Path) -> None:
    gone = tmp_path / "borte.innsyn-backup"
    with pytest.raises(DatabaseProblem) as exc:
        backup.restore(db.path, gone)
    assert exc.value.render("nb") == f"Det finnes ingen sikkerhetskopifil {gone}."


def test_a_retention_rule_is_refused_in_bokmal() -> None:
    with pytest.raises(InvalidInput) as exc:
        validate_rule(
            RetentionRuleSpec(period_years=101, period_months=0, after_event="last_purchase")
        )
    assert exc.value.render("nb") == "En lagringstid på 101 år er for lang (høyst 100)."


def test_a_reversed_period_is_refused_in_bokmal(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as exc:
        exports.export_case_log(
            db,
            tmp_path / "logg.csv",
            fmt="csv",
            received_from=dt.date(2026, 6, 1),
            received_to=dt.date(2026, 5, 1),
        )
    assert exc.value.render("nb") == "Perioden slutter før den begynner."
    assert not (tmp_path / "logg.csv").exists()
