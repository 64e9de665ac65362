"""Importing the subject register: counts, matching, one transaction, the search index, the
audit chain, and a file of 50,000 rows."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.core import clock
from app.core.errors import InvalidInput
from app.core.model import Role
from app.core.text import sort_key
from app.intake.registers import ColumnMapping
from app.services import subjects
from app.services.audit import verify_chain
from app.services.dto import SubjectDetail
from app.services.subject_import import (
    _Names,
    import_subjects,
    load_mapping,
    map_preview,
    preview,
    write_bad_rows,
)
from app.store import fts
from app.store.database import Database
from app.store.models import Subject

SAMPLE = ("registers", "erp-customers-cp1252.csv")
FORMULA = '=HYPERLINK("http://evil.example","klikk")'
HEADER = "Kundenr;Navn;E-post;Telefon;Adresse;Postnr;Sted;Kundetype;Siste kjøp;Siste kontakt\n"


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


def state(db: Database) -> tuple[int, int, int, int, int]:
    return tuple(  # type: ignore[return-value]
        count(db, t)
        for t in ("subject", "subject_email", "subject_phone", "subject_fts", "audit_log")
    )


def by_customer(db: Database, customer_no: str) -> SubjectDetail:
    with db.session() as s:
        sid = s.scalar(select(Subject.id).where(Subject.customer_no == customer_no))
    assert sid is not None, customer_no
    return subjects.get_subject(db, sid)


def write(tmp_path: Path, name: str, rows: str, header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + rows, encoding="utf-8")
    return path


# --- the sample -------------------------------------------------------------------------------


def test_the_sample_imports_its_good_rows(db: Database, samples: Path) -> None:
    before = count(db, "audit_log")
    report = import_subjects(db, samples.joinpath(*SAMPLE))
    assert (report.inserted, report.updated, report.rejected) == (5, 0, 2)
    assert report.written and not report.dry_run and not report.cancelled
    assert (report.encoding, report.separator, report.rows) == ("Windows-1252", ";", 7)
    assert [b.describe() for b in report.bad_rows] == [
        "row 7: invalid e-mail 'ikke-en-epost'; invalid phone '123'",
        "row 8: invalid date '32.13.2024' in last purchase",
    ]
    assert state(db)[:4] == (5, 5, 4, 5)

    kari = by_customer(db, "10482")
    assert kari.name == "Kari Nordmann"
    assert kari.pseudonym == f"S-{kari.id:06d}"
    assert kari.emails == ("kari.nordmann@example.no",)
    assert kari.phones == ("+4791234567",)
    assert kari.postal_address == "Storgata 12\n0155 Oslo"
    assert kari.roles == (Role.CUSTOMER,)
    assert (kari.last_purchase, kari.last_contact) == (dt.date(2025, 11, 14), dt.date(2026, 3, 2))
    assert by_customer(db, "10483").roles == (Role.SUPPLIER,)
    assert by_customer(db, "10485").last_purchase == dt.date(2024, 2, 29)
    with db.session() as s:
        stored = s.scalar(select(Subject).where(Subject.customer_no == "10485"))
        assert stored is not None and stored.sort_name == sort_key("Åse Ødegård")
        assert stored.created_at is not None

    # One audit row for the whole import: counts and the file's hash, no personal data.
    assert verify_chain(db).ok
    assert count(db, "audit_log") == before + 1
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT action, table_name, object_id, detail FROM audit_log ORDER BY id DESC")
        ).first()
    assert row is not None
    assert (row.action, row.table_name, row.object_id) == ("import subjects", "subject", "-")
    assert json.loads(row.detail) == {
        "inserted": 5,
        "updated": 0,
        "rejected": 2,
        "file_sha256": report.file_sha256,
    }


def test_the_formula_like_name_is_stored_as_text(db: Database, samples: Path) -> None:
    import_subjects(db, samples.joinpath(*SAMPLE))
    subject = by_customer(db, "10486")
    assert subject.name == FORMULA
    [found] = subjects.list_subjects(db, search="hyperlink")
    assert found.name == FORMULA


def test_imported_subjects_are_found_by_the_search_index(db: Database, samples: Path) -> None:
    import_subjects(db, samples.joinpath(*SAMPLE))

    def names(search: str) -> list[str]:
        return [r.name for r in subjects.list_subjects(db, search=search)]

    assert names("Ødegård") == ["Åse Ødegård"]
    assert names("odegard") == ["Åse Ødegård"]  # typed on a foreign keyboard
    assert names("912 34 567") == ["Kari Nordmann"]
    assert names("4791234567") == ["Kari Nordmann"]
    assert names("10484") == ["Per Hansen"]
    assert names("post@nordmann") == ["Ola Nordmann & Sønn AS"]
    assert names("Jon Olsen") == []  # a bad row
    pseudonym = by_customer(db, "10482").pseudonym
    assert names(pseudonym) == ["Kari Nordmann"]


def test_search_index_rows_are_what_index_row_makes(db: Database, samples: Path) -> None:
    import_subjects(db, samples.joinpath(*SAMPLE))
    with db.engine.connect() as conn:
        stored = {
            r.rowid: (r.name, r.contact, r.numbers)
            for r in conn.execute(text("SELECT rowid, name, contact, numbers FROM subject_fts"))
        }
    for sid, row in stored.items():
        d = subjects.get_subject(db, sid)
        expected = fts.index_row(d.name, d.emails, d.phones, [d.customer_no, None, d.pseudonym])
        assert row == (expected["name"], expected["contact"], expected["numbers"])


def test_a_second_import_updates_instead_of_duplicating(db: Database, samples: Path) -> None:
    import_subjects(db, samples.joinpath(*SAMPLE))
    first = state(db)
    report = import_subjects(db, samples.joinpath(*SAMPLE))
    assert (report.inserted, report.updated, report.rejected) == (0, 5, 2)
    assert state(db)[:4] == first[:4]
    assert state(db)[4] == first[4] + 1
    assert verify_chain(db).ok


def test_matching_by_customer_number_then_email_then_phone(
    db: Database, samples: Path, tmp_path: Path
) -> None:
    import_subjects(db, samples.joinpath(*SAMPLE))
    ids = {no: by_customer(db, no).id for no in ("10482", "10484", "10485")}
    path = write(
        tmp_path,
        "second.csv",
        # Same customer number, a new e-mail and a new address: updated, e-mail added.
        "10482;Kari Nordmann-Berg;kari@jobb.example;;Nygata 3;0159;Oslo;;;05.03.2026\n"
        # No customer number: found by e-mail; the phone is added.
        ";Per Hansen;PER.HANSEN@example.no;22 33 44 56;;;;Interessent;;\n"
        # Found by phone only.
        ";Åse Ødegård;;+47 987 65 432;;;;;01.02.2026;\n"
        # The e-mail of Kari, but another customer number: someone else.
        "99999;Kari N. Junior;kari.nordmann@example.no;;;;;Kunde;;\n",
    )
    report = import_subjects(db, path)
    assert (report.inserted, report.updated, report.rejected) == (1, 3, 0)
    assert count(db, "subject") == 6

    kari = subjects.get_subject(db, ids["10482"])
    assert kari.name == "Kari Nordmann-Berg"
    assert kari.emails == ("kari.nordmann@example.no", "kari@jobb.example")
    assert kari.phones == ("+4791234567",)  # kept: the row had none
    assert kari.postal_address == "Nygata 3\n0159 Oslo"
    assert kari.last_purchase == dt.date(2025, 11, 14)  # kept: the row had none
    assert kari.last_contact == dt.date(2026, 3, 5)
    assert kari.roles == (Role.CUSTOMER,)

    per = subjects.get_subject(db, ids["10484"])
    assert per.phones == ("+4740001514", "+4722334456")
    assert per.customer_no == "10484"
    assert per.roles == (Role.CUSTOMER, Role.STAKEHOLDER)  # roles are added to, not replaced

    ase = subjects.get_subject(db, ids["10485"])
    assert ase.last_purchase == dt.date(2026, 2, 1)
    assert ase.emails == ("ase@example.no",)

    junior = by_customer(db, "99999")
    assert junior.emails == ("kari.nordmann@example.no",)  # the shared address is on both

    # The search index follows the updates.
    assert [r.id for r in subjects.list_subjects(db, search="Nordmann-Berg")] == [ids["10482"]]
    assert [r.id for r in subjects.list_subjects(db, search="jobb")] == [ids["10482"]]
    assert [r.id for r in subjects.list_subjects(db, search="22334456")] == [ids["10484"]]
    assert verify_chain(db).ok


def test_rows_of_one_file_for_the_same_person_make_one_subject(
    db: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "twice.csv",
        "1;Kari Nordmann;kari@example.no;;;;;Kunde;;\n"
        "2;Ola Nordmann;ola@example.no;;;;;Kunde;;\n"
        "1;Kari Nordmann;kari@jobb.example;912 34 567;;;;Leverandør;;\n"
        ";Ola Nordmann;;40001514;;;;;;\n"
        ";Ola Nordmann;ola@example.no;22 33 44 55;;;;;;\n",
    )
    report = import_subjects(db, path)
    assert (report.inserted, report.updated) == (3, 2)
    kari = by_customer(db, "1")
    assert kari.emails == ("kari@example.no", "kari@jobb.example")
    assert kari.phones == ("+4791234567",)
    assert kari.roles == (Role.CUSTOMER, Role.SUPPLIER)
    ola = by_customer(db, "2")
    assert ola.phones == ("+4722334455",)
    assert count(db, "subject") == 3  # 40001514 matched nobody: a subject of its own


def test_dry_run_writes_nothing(db: Database, samples: Path) -> None:
    before = state(db)
    report = import_subjects(db, samples.joinpath(*SAMPLE), dry_run=True)
    assert (report.inserted, report.updated, report.rejected) == (5, 0, 2)
    assert report.dry_run and not report.written
    assert state(db) == before


def test_reject_all_writes_nothing_when_a_row_is_bad(db: Database, samples: Path) -> None:
    before = state(db)
    report = import_subjects(db, samples.joinpath(*SAMPLE), import_good_rows=False)
    assert not report.written
    assert report.rejected == 2 and report.good_rows == 5
    assert [b.row_number for b in report.bad_rows] == [7, 8]
    assert state(db) == before
    assert verify_chain(db).ok


def test_reject_all_imports_a_clean_file(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "clean.csv", "1;Kari Nordmann;kari@example.no;;;;;;;\n")
    report = import_subjects(db, path, import_good_rows=False)
    assert report.written and report.inserted == 1


def test_imported_subjects_are_stamped_as_the_orm_stamps_a_moment(
    db: Database, tmp_path: Path
) -> None:
    moment = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)  # a whole second
    clock.set(moment, ticking=False)
    import_subjects(db, write(tmp_path, "one.csv", "1;Kari Nordmann;kari@example.no;;;;;;;\n"))
    with db.engine.connect() as conn:
        stored = conn.scalar(text("SELECT created_at FROM subject WHERE customer_no = '1'"))
    assert stored == "2026-03-02 09:30:00.000000"  # the text the ORM writes, microseconds too
    with db.session() as s:
        created = s.scalar(select(Subject.created_at).where(Subject.customer_no == "1"))
    assert created == moment and created is not None and created.tzinfo is dt.UTC


def test_cancel_through_progress_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = generate(tmp_path / "big.csv", 25_000)
    before = state(db)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 20_000  # cancel after the second chunk was written

    report = import_subjects(db, path, progress=progress)
    assert report.cancelled and not report.written
    assert calls == [(10_000, 25_000), (20_000, 25_000)]
    assert state(db) == before
    assert verify_chain(db).ok


def test_a_file_level_error_leaves_the_database_unchanged(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    before = state(db)
    with pytest.raises(InvalidInput):
        import_subjects(db, path)
    with pytest.raises(InvalidInput, match="no column for the name"):
        import_subjects(
            db, write(tmp_path, "x.csv", "1;Kari;;;;;;;;\n"), ColumnMapping(email="E-post")
        )
    assert state(db) == before


def test_an_explicit_mapping(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("A;B;C\nKari Nordmann;kari@example.no;77\n", encoding="utf-8")
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps({"name": "A", "email": "B", "supplier_no": "C"}))
    mapping = load_mapping(mapping_file)
    report = import_subjects(db, path, mapping)
    assert report.inserted == 1
    [row] = subjects.list_subjects(db, search="kari")
    detail = subjects.get_subject(db, row.id)
    assert (detail.emails, detail.supplier_no, detail.customer_no) == (
        ("kari@example.no",), "77", None,
    )  # fmt: skip


def test_the_bad_rows_report_is_saved_as_safe_csv(db: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.csv",
        "1;=cmd|' /C calc'!A0;ola@;;;;;;;\n2;Kari;kari@example.no;;;;;;;\n",
    )
    report = import_subjects(db, path)
    out = write_bad_rows(report, tmp_path / "report.csv")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[0][:3] == ["row", "reasons", "Kundenr"]
    assert rows[1][:4] == ["2", "invalid e-mail 'ola@'", "1", "'=cmd|' /C calc'!A0"]
    assert len(rows) == 2


# --- preview --------------------------------------------------------------------------------


def test_preview_shows_encoding_mapping_and_first_rows(samples: Path) -> None:
    pre = preview(samples.joinpath(*SAMPLE), limit=3)
    assert (pre.encoding, pre.separator, pre.kind) == ("Windows-1252", ";", "csv")
    assert pre.mapping.name == "Navn" and pre.mapping.customer_no == "Kundenr"
    assert [r.row_number for r in pre.rows] == [2, 3, 4]
    assert pre.rows[0].cells[1] == "Kari Nordmann"
    full = preview(samples.joinpath(*SAMPLE))
    mapped = map_preview(full, full.mapping)
    assert [m.ok for m in mapped] == [True] * 5 + [False] * 2
    assert mapped[0].values[:3] == ("Kari Nordmann", "kari.nordmann@example.no", "+4791234567")
    assert mapped[5].reasons == ("invalid e-mail 'ikke-en-epost'", "invalid phone '123'")
    # Leaving the e-mail out of the mapping leaves only the phone to complain about.
    fewer = map_preview(full, full.mapping.with_column("email", None))
    assert fewer[5].reasons == ("invalid phone '123'",)


# --- the per-word name cache equals the functions it stands for -----------------------------


def test_cached_name_keys_equal_sort_key_and_index_row() -> None:
    rnd = random.Random(3)
    alphabet = "abcæøåÆØÅáÁŋŊđĐŧčšžßẞ ¨´`'-.&İıΣσς" + "\u0301\u00a0"
    names = ["Åse Ødegård", "Áile Ŋuolga", "Ola Nordmann & Sønn AS", FORMULA, "a¨ b", "ẞtraße"]
    names += [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 12))) for _ in range(3000)
    ]
    cache = _Names()
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        assert cache.sort_key(name) == sort_key(name), name
        assert cache.index_name(name) == fts.index_row(name, (), (), ())["name"], name


# --- a large file ---------------------------------------------------------------------------

FIRST = "Kari Ola Per Åse Øystein Ingrid Lars Nils Sigrid Bjørn Áile Ánde".split()
LAST = "Nordmann Hansen Olsen Berg Ødegård Johansen Larsen Dahl Haugen Ŋuolga".split()


def generate(path: Path, rows: int) -> Path:
    rnd = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER.strip().split(";"))
        for i in range(rows):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            w.writerow(
                (
                    str(100_000 + i),
                    f"{first} {last}",
                    f"kunde{i}@example.no",
                    f"9{rnd.randrange(10**7):07d}",
                    f"Storgata {rnd.randrange(1, 99)}",
                    "0155",
                    "Oslo",
                    rnd.choice(("Kunde", "Leverandør", "Interessent")),
                    f"{rnd.randrange(1, 29):02d}.{rnd.randrange(1, 13):02d}.2024",
                    "",
                )
            )
    return path


def test_fifty_thousand_rows(db: Database, tmp_path: Path) -> None:
    path = generate(tmp_path / "register.csv", 50_000)
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return True

    report = import_subjects(db, path, progress=progress)
    assert (report.inserted, report.updated, report.rejected) == (50_000, 0, 0)
    assert seen == [10_000, 20_000, 30_000, 40_000, 50_000, 50_000]
    assert state(db)[:4] == (50_000, 50_000, 50_000, 50_000)
    with db.session() as s:
        assert s.scalar(select(func.max(Subject.id))) == 50_000
        assert s.scalar(select(Subject.pseudonym).where(Subject.id == 50_000)) == "S-050000"
    assert [r.customer_no for r in subjects.list_subjects(db, search="kunde49999")] == ["149999"]
    assert verify_chain(db).ok


def indexes(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        return dict(
            conn.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            ).all()
        )


def test_a_bulk_import_sets_the_indexes_aside_and_builds_them_again(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import event

    from app.services import subject_import

    monkeypatch.setattr(subject_import, "BULK_ROWS", 100)
    before = indexes(db)
    dropped: list[str] = []

    def seen(_c: object, _cur: object, statement: str, *_: object) -> None:
        if statement.startswith("DROP INDEX"):
            dropped.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        report = import_subjects(db, generate(tmp_path / "bulk.csv", 300))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert report.inserted == 300
    assert len(dropped) == 10  # subject 6 (one of them partial), e-mail 2, phone 2
    assert indexes(db) == before
    with db.engine.connect() as conn:
        assert conn.scalar(text("PRAGMA integrity_check")) == "ok"
    # the indexes serve again: matching and search find the imported people
    again = import_subjects(db, generate(tmp_path / "bulk.csv", 300))
    assert again.inserted == 0 and state(db)[0] == 300  # matched, not duplicated
    assert [r.customer_no for r in subjects.list_subjects(db, search="kunde299")] == ["100299"]
    assert verify_chain(db).ok


def test_a_cancelled_bulk_import_keeps_every_index(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import subject_import

    monkeypatch.setattr(subject_import, "BULK_ROWS", 100)
    before, rows = indexes(db), state(db)
    report = import_subjects(
        db, generate(tmp_path / "big.csv", 25_000), progress=lambda done, _t: done < 20_000
    )
    assert report.cancelled and not report.written
    assert indexes(db) == before
    assert state(db) == rows
