"""Exports for Datatilsynet, read back: the case log (CSV, XLSX, PDF), the evidence pack
with its manifest, the dossier, and the yearly figures against a hand-built set."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.model import FeeDecision, IdentityResult, RequestType, Status
from app.reports.caselog import Cancelled
from app.services import cases, workflow
from app.services.exports import (
    case_log_rows,
    dossier_pdf,
    export_case_log,
    export_evidence_pack,
    figures_for_year,
)
from app.services.intake import draft_from_email
from app.store.database import Database
from tests.conftest import oslo, phone_request
from tests.dbutil import raw_connect

FORMULA_NAME = '=HYPERLINK("http://evil.example")'


def pdf_text(data: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def handled(db: Database) -> dict[str, str]:
    """Five cases of 2025: on time, late, extended and on time, refused, still open."""
    on_time = cases.log_request(
        db, phone_request("Anne Punktlig", received=oslo(2025, 1, 6))
    ).reference
    cases.record_identity(db, on_time, method="call-back", result=IdentityResult.VERIFIED,
                          on=dt.date(2025, 1, 7))  # fmt: skip
    workflow.mark_answered(db, on_time, on=dt.date(2025, 1, 16), method="post")  # 10 days
    late = cases.log_request(
        db, phone_request(FORMULA_NAME, phone=None, received=oslo(2025, 2, 3))
    ).reference
    workflow.mark_answered(db, late, on=dt.date(2025, 3, 10), method="e-mail")  # 35 days, late
    extended = cases.log_request(
        db, phone_request("Erik Utsatt", phone=None, received=oslo(2025, 3, 3),
                          types=(RequestType.ACCESS, RequestType.ERASURE))
    ).reference  # fmt: skip
    cases.extend(db, extended, reason="Ten systems to search", decided_on=dt.date(2025, 3, 20))
    workflow.mark_answered(db, extended, on=dt.date(2025, 5, 2), method="post")  # 60 days, on time
    first = cases.log_request(
        db, phone_request("Rita Gjentar", received=oslo(2025, 6, 2), phone="41111111")
    )
    workflow.mark_answered(db, first.reference, on=dt.date(2025, 6, 12), method="post")
    refused = cases.log_request(
        db,
        phone_request("Rita Gjentar", phone="41111111", received=oslo(2025, 7, 1),
                      fee_decision=FeeDecision.REFUSE, refusal_reason="Same request monthly"),
    ).reference  # fmt: skip
    open_ = cases.log_request(
        db, phone_request("Olav Åpen", phone=None, received=oslo(2025, 12, 1))
    ).reference
    return {"on_time": on_time, "late": late, "extended": extended, "refused": refused,
            "open": open_, "first": first.reference}  # fmt: skip


def test_case_log_csv_is_safe_and_pseudonymised(
    db: Database, handled: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "log.csv"
    n = export_case_log(db, out, fmt="csv", received_from=dt.date(2025, 1, 1),
                        received_to=dt.date(2025, 12, 31))  # fmt: skip
    assert n == 6
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not raw[3:].startswith(b"\xef\xbb\xbf")  # one BOM, not two
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["Reference"] == handled["on_time"]
    text = raw.decode("utf-8-sig")
    assert "Anne Punktlig" not in text and "S-000001" in text
    assert FORMULA_NAME not in text
    names_out = tmp_path / "names.csv"
    export_case_log(db, names_out, fmt="csv", received_from=dt.date(2025, 1, 1),
                    received_to=dt.date(2025, 12, 31), names=True)  # fmt: skip
    with_names = names_out.read_text(encoding="utf-8-sig")
    assert "Anne Punktlig" in with_names
    assert "'" + FORMULA_NAME.replace('"', '""') in with_names  # neutralised, still quoted
    conn = raw_connect(db.path)
    audit = conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'export case log' ORDER BY id"
    ).fetchall()
    conn.close()
    assert [json.loads(d[0])["names_included"] for d in audit] == [False, True]
    assert all("Anne" not in d[0] for d in audit)


def test_the_csv_header_follows_the_language_and_its_values_do_not(
    db: Database, handled: dict[str, str], tmp_path: Path
) -> None:
    lines = {}
    for lang in ("en", "nb"):
        out = tmp_path / f"log-{lang}.csv"
        export_case_log(db, out, fmt="csv", received_from=dt.date(2025, 1, 1),
                        received_to=dt.date(2025, 12, 31), lang=lang)  # fmt: skip
        lines[lang] = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines["en"][0].startswith("Reference,Request types,Channel,Received,")
    assert lines["nb"][0].startswith("Referanse,Type henvendelse,Kanal,Mottatt,")
    assert lines["nb"][1:] == lines["en"][1:]
    rows = list(csv.DictReader(lines["nb"]))
    assert {r["Kanal"] for r in rows} == {"phone"}
    assert {r["Utfall"] for r in rows} == {"answered", "refused", "open"}
    assert {r["Innen fristen"] for r in rows} == {"yes", "no", ""}


def test_case_log_xlsx_has_dates_and_text(
    db: Database, handled: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "log.xlsx"
    export_case_log(db, out, fmt="xlsx", received_from=dt.date(2025, 1, 1),
                    received_to=dt.date(2025, 12, 31), names=True)  # fmt: skip
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert values[0][0] == handled["on_time"]
    received = [v for v in values[0] if isinstance(v, dt.datetime | dt.date)]
    assert received and received[0].year == 2025
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == FORMULA_NAME]
    assert cells and cells[0].data_type == "s"


def test_case_log_pdf_reads_back(db: Database, handled: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "log.pdf"
    export_case_log(db, out, fmt="pdf", received_from=dt.date(2025, 1, 1),
                    received_to=dt.date(2025, 12, 31), lang="nb")  # fmt: skip
    text = pdf_text(out.read_bytes())
    for ref in handled.values():
        assert ref in text
    assert "Side 1 av" in text


def test_a_cancelled_export_leaves_no_file(
    db: Database, handled: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "log.xlsx"
    with pytest.raises(Cancelled):
        export_case_log(db, out, fmt="xlsx", received_from=dt.date(2025, 1, 1),
                        received_to=dt.date(2025, 12, 31), progress=lambda d, t: False)  # fmt: skip
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.name != "log.xlsx"]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]


def test_log_rows_know_on_time_extension_refusal(db: Database, handled: dict[str, str]) -> None:
    rows = {r.reference: r for r in case_log_rows(db, received_from=dt.date(2025, 1, 1),
                                                  received_to=dt.date(2025, 12, 31))}  # fmt: skip
    assert rows[handled["on_time"]].on_time is True
    assert rows[handled["on_time"]].identity_method == "call-back"
    assert rows[handled["late"]].on_time is False
    assert rows[handled["extended"]].on_time is True
    assert rows[handled["extended"]].extended_due == dt.date(2025, 6, 3)
    assert rows[handled["refused"]].outcome == "refused"
    assert rows[handled["refused"]].refusal_reason == "Same request monthly"
    assert rows[handled["open"]].on_time is None


def test_yearly_figures_against_the_hand_built_set(db: Database, handled: dict[str, str]) -> None:
    figures = figures_for_year(db, 2025)
    assert figures.requests == 6
    assert figures.by_channel["phone"] == 6
    assert figures.by_month[0] == 1 and figures.by_month[11] == 1
    assert figures.extensions == 1
    assert figures.refusals == 1
    assert figures.answered_on_time == 3  # 10, 60 (extended), 10 days; 35 days is late
    assert figures.median_days is not None


def test_evidence_pack_is_complete_and_verifiable(
    db: Database, samples: Path, tmp_path: Path
) -> None:
    draft = draft_from_email(samples / "email" / "access-request-nb.eml")
    logged = cases.log_request(db, draft.request)
    cases.record_identity(db, logged.reference, method="reply from the e-mail address on record",
                          result=IdentityResult.VERIFIED, on=dt.date(2026, 3, 3))  # fmt: skip
    cases.extend(db, logged.reference, reason="Many systems", decided_on=dt.date(2026, 3, 20))
    out = tmp_path / "pack.zip"
    entries = export_evidence_pack(db, logged.reference, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        for item in manifest["files"]:
            assert hashlib.sha256(zf.read(item["name"])).hexdigest() == item["sha256"]
        original = next(n for n in names if n.startswith("originals/"))
        assert zf.read(original) == (samples / "email" / "access-request-nb.eml").read_bytes()
        dossier = pdf_text(zf.read("dossier.pdf"))
        row = zf.read("case-log.csv").decode("utf-8-sig")
    assert {"dossier.pdf", "case-log.csv", "manifest.json"} <= set(names)
    assert manifest["audit_chain"]["verified"] is True
    assert len(entries) == len(manifest["files"])
    assert logged.reference in row
    for expected in (logged.reference, "reply from the e-mail address on record", "Many systems",
                     "Kari Nordmann", "extended", "received"):  # fmt: skip
        assert expected in dossier


def test_dossier_of_a_phone_case(db: Database) -> None:
    ref = cases.log_request(db, phone_request(notes="Ringte fra jobben, vil vite alt")).reference
    workflow.change_status(db, ref, Status.IN_PROGRESS, "Searching")
    text = pdf_text(dossier_pdf(db, ref, lang="nb"))
    assert "Saksmappe" in text and ref in text
    assert "Ringte fra jobben" in text
    assert "Tidslinje" in text and "Side 1 av" in text


def emailed_case_with_decisions(db: Database, samples: Path) -> str:
    draft = draft_from_email(samples / "email" / "access-request-nb.eml")
    ref = cases.log_request(db, draft.request).reference
    cases.record_identity(db, ref, method="reply from the e-mail address on record",
                          result=IdentityResult.VERIFIED, on=dt.date(2026, 3, 3))  # fmt: skip
    cases.extend(db, ref, reason="Mange systemer", decided_on=dt.date(2026, 3, 20))
    return ref


def test_the_dossier_reads_in_bokmal_without_english_values(db: Database, samples: Path) -> None:
    text = " ".join(
        pdf_text(dossier_pdf(db, emailed_case_with_decisions(db, samples), lang="nb")).split()
    )
    for expected in (
        "Emne", "Mottakstidspunkt fra", "Metode svar fra e-postadressen vi har registrert",
        "Resultat bekreftet", "Bekreftet 03.03.2026", "Forlengelse besluttet 20.03.2026",
        "Art. 12 nr. 3: ny frist", "den registrerte varslet", "Krav innsyn", "Kanal e-post",
        "Status under behandling", "Frist 02.06.2026",
    ):  # fmt: skip
        assert expected in text, expected
    facts = text.split("Tidslinje")[0]
    for english in ("Time of receipt", "Method", "reply from the e-mail address",
                    "verified", "Extension decided", "Krav access", "Kanal email",
                    "received-header", "date-header"):  # fmt: skip
        assert english not in facts, english


def test_the_dossier_reads_in_english(db: Database, samples: Path) -> None:
    text = " ".join(
        pdf_text(dossier_pdf(db, emailed_case_with_decisions(db, samples), lang="en")).split()
    )
    for expected in ("Subject", "Method reply from the e-mail address on record",
                     "Result verified", "Extension decided 20 March 2026", "person told",
                     "Request access", "Status in progress", "Due 2 June 2026"):  # fmt: skip
        assert expected in text, expected
    assert "Forlengelse" not in text and "bekreftet" not in text


def test_cli_exports(db: Database, handled: dict[str, str], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    db.close()
    base = ["--db", str(db.path)]
    out = tmp_path / "log.csv"
    assert main([*base, "export", "log", "--from", "2025-01-01", "--to", "2025-12-31",
                 "--format", "csv", "--out", str(out)]) == 0  # fmt: skip
    assert "6 cases" in capsys.readouterr().out and out.exists()
    assert main([*base, "export", "log", "--from", "2025-13-01", "--to", "2025-12-31",
                 "--format", "csv", "--out", str(tmp_path / "x.csv")]) == 2  # fmt: skip
    assert not (tmp_path / "x.csv").exists()
    pack = tmp_path / "case.zip"
    assert main([*base, "export", "case", handled["late"], "--out", str(pack)]) == 0
    assert zipfile.ZipFile(pack).namelist()
    assert main([*base, "export", "case", "2025-9999", "--out", str(tmp_path / "n.zip")]) == 2
    report = tmp_path / "annual.pdf"
    assert main([*base, "report", "annual", "--year", "2025", "--out", str(report)]) == 0
    assert "2025" in pdf_text(report.read_bytes())
