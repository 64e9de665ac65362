"""The rights of Art. 16-21 and the Art. 19 notices, end to end through the services, against
a real (encrypted) database file; letters read back from the PDF."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.core.backups import last_expiry
from app.core.errors import InvalidInput, RuleViolation
from app.core.messages import format_date
from app.core.model import Channel, RequestType, Status
from app.services import backup, cases, register, rights, subjects, workflow
from app.services.audit import verify_chain
from app.services.dto import CaseQuery, EmailEvidence, RequestInput
from app.store.database import Database
from app.store.models import Finding, ProcessingActivity, System
from tests.conftest import oslo
from tests.dbutil import raw_connect

NAME = "Ragnhild Ødegård"
FOLDED = "odegard"  # how the search index spells her name for ASCII keyboards
EMAIL = "ragnhild.odegard@example.no"
PHONE = "+4791234567"
PHONE_NATIONAL = "91234567"
CUSTOMER_NO = "K-778899"
STREET = "Fjellveien 12"
RECEIVED = oslo(2026, 11, 2)


# --- helpers --------------------------------------------------------------------------------------


def request(
    types: tuple[RequestType, ...],
    *,
    name: str = NAME,
    email: str | None = EMAIL,
    phone: str | None = PHONE,
    evidence: EmailEvidence | None = None,
    **kw: object,
) -> RequestInput:
    return RequestInput(
        channel=Channel.EMAIL if evidence else Channel.PHONE,
        types=types,
        name=name,
        received_at=RECEIVED,
        email=email,
        phone=phone,
        email_evidence=evidence,
        **kw,  # type: ignore[arg-type]
    )


def evidence() -> EmailEvidence:
    raw = (
        f"From: {NAME} <{EMAIL}>\r\nSubject: Slett meg\r\n\r\nHei, dette er {NAME}, "
        f"telefon {PHONE_NATIONAL}. Slett alt om meg.\r\n"
    ).encode()
    return EmailEvidence(
        filename="ragnhild-odegard.eml",
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        media_type="message/rfc822",
        sender_name=NAME,
        sender_email=EMAIL,
        reply_to=EMAIL,
        forwarded_by=None,
        subject_line=f"Slett meg – {NAME}",
        body_text=f"Hei, dette er {NAME}, telefon {PHONE_NATIONAL}. Slett alt om meg.",
        received_source="received-header",
        attachment_names=("ragnhild-odegard-kvittering.pdf",),
        message_id="<slett-ragnhild@example.no>",
    )


def answer(db: Database, ref: str) -> None:
    workflow.mark_answered(db, ref, on=cases.today_oslo(), method="post")


def activity_id(db: Database, code: str) -> int:
    return next(a.id for a in register.list_activities(db) if a.code == code)


def recipient_id(db: Database, code: str) -> int:
    return next(r.id for r in register.list_recipients(db) if r.code == code)


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def plaintext(db_path: Path, out: Path) -> bytes:
    """The whole database decrypted to a plain SQLite file (as anyone with the key could),
    its bytes and those of its WAL, if any."""
    conn = raw_connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE '{out}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    data = out.read_bytes()
    wal = out.with_name(out.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return data


PERSONAL = (
    NAME,
    "Ødegård",
    FOLDED,
    EMAIL,
    PHONE,
    PHONE_NATIONAL,
    CUSTOMER_NO,
    STREET,
)


def found_in(data: bytes) -> list[str]:
    return [p for p in PERSONAL if p.encode("utf-8") in data]


# --- rectification (Art. 16) ------------------------------------------------------------------------


def test_rectification_changes_fields_with_events_and_clears_old_values_on_close(
    db: Database,
) -> None:
    ref = cases.log_request(
        db, request((RequestType.RECTIFICATION,), name="Ragnhild Odegard", address="Gamleveien 1")
    ).reference
    changes = rights.rectify(
        db,
        ref,
        {
            "name": "  Ragnhild   Ødegård ",
            "postal_address": f"{STREET}\n5003 Bergen",
            "emails": f"{EMAIL.upper()}, ny@example.no",
            "phones": "912 34 567",  # the same number, typed otherwise: not a change
            "last_purchase": "2026-03-15",
        },
    )
    assert [c.field for c in changes] == ["name", "postal_address", "emails", "last_purchase"]
    by_field = {c.field: c for c in changes}
    assert by_field["name"].old_value == "Ragnhild Odegard"
    assert by_field["name"].new_value == NAME
    assert by_field["postal_address"].old_value == "Gamleveien 1"
    assert by_field["emails"].old_value == EMAIL
    assert by_field["emails"].new_value == f"{EMAIL}, ny@example.no"
    assert by_field["last_purchase"].old_value is None

    subject = subjects.get_subject(db, cases.get_case(db, ref).subject_id)
    assert subject.name == NAME
    assert subject.postal_address == f"{STREET}\n5003 Bergen"
    assert subject.emails == (EMAIL, "ny@example.no")
    assert subject.phones == (PHONE,)
    assert subject.last_purchase == dt.date(2026, 3, 15)
    # the search index follows: the new name is found, the old spelling only by folding
    assert [r.name for r in subjects.list_subjects(db, search="Ødegård")] == [NAME]
    assert subjects.list_subjects(db, search="ny@example") != []

    events = [e for e in cases.get_case(db, ref).events if e.kind == "rectified"]
    assert len(events) == 1
    assert events[0].detail == "name, postal address, emails, last purchase"
    assert "Ødegård" not in events[0].detail and "Gamleveien" not in events[0].detail

    # closing: the old values (the inaccurate data) go; the new ones stay
    answer(db, ref)
    for notice in rights.notices(db, ref):
        rights.mark_notified(db, notice.id, cases.today_oslo(), "e-mail")
    workflow.close_case(db, ref)
    after = rights.field_changes(db, ref)
    assert [c.old_value for c in after] == [None, None, None, None]
    assert [c.new_value for c in after] == [
        NAME,
        f"{STREET}\n5003 Bergen",
        f"{EMAIL}, ny@example.no",
        "2026-03-15",
    ]
    detail = cases.get_case(db, ref)
    assert detail.status is Status.CLOSED and detail.closed_on == cases.today_oslo()
    assert "rectification history cleared" in [e.kind for e in detail.events]


def test_rectification_checks_values_like_intake(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    with pytest.raises(InvalidInput, match="not a valid e-mail"):
        rights.rectify(db, ref, {"name": "Ragnhild Ø.", "emails": "ikke-en-adresse"})
    with pytest.raises(InvalidInput, match="not a valid phone"):
        rights.rectify(db, ref, {"phones": "123"})
    with pytest.raises(InvalidInput, match="cannot be corrected"):
        rights.rectify(db, ref, {"roles": "supplier"})
    with pytest.raises(InvalidInput, match="future"):
        rights.rectify(db, ref, {"last_contact": cases.today_oslo() + dt.timedelta(days=1)})
    with pytest.raises(InvalidInput, match="Nothing to correct"):
        rights.rectify(db, ref, {"name": NAME, "emails": [EMAIL]})
    # nothing of the refused calls was written
    assert rights.field_changes(db, ref) == []
    assert subjects.get_subject(db, cases.get_case(db, ref).subject_id).name == NAME

    other = cases.log_request(db, request((RequestType.ACCESS,), phone=None)).reference
    with pytest.raises(RuleViolation, match="not a request for rectification"):
        rights.rectify(db, other, {"name": "Someone Else"})


def test_system_tasks_from_the_register(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    tasks = rights.create_system_tasks(db, ref, "rectify")
    assert sorted(t.system for t in tasks) == sorted(s.name for s in register.list_systems(db))
    assert all(t.kind == "rectify" and t.done_on is None for t in tasks)
    assert rights.create_system_tasks(db, ref, "rectify") == tasks  # idempotent
    with pytest.raises(InvalidInput, match="Unknown task"):
        rights.create_system_tasks(db, ref, "shred")

    crm = next(t for t in tasks if t.system == "CRM")
    with pytest.raises(InvalidInput, match="future"):
        rights.mark_task_done(db, crm.id, cases.today_oslo() + dt.timedelta(days=1))
    done = rights.mark_task_done(db, crm.id, cases.today_oslo(), "corrected by Sales")
    assert done.done_on == cases.today_oslo() and done.notes == "corrected by Sales"
    assert [t.done_on is not None for t in rights.system_tasks(db, ref)].count(True) == 1
    assert "rectify in CRM: done" in cases.get_case(db, ref).events[-1].detail


# --- erasure (Art. 17) ------------------------------------------------------------------------------


def erasure_case(db: Database, *, last_purchase: str = "2026-03-15") -> str:
    ref = cases.log_request(db, request((RequestType.ERASURE, RequestType.RECTIFICATION))).reference
    rights.rectify(db, ref, {"last_purchase": last_purchase})
    return ref


def test_default_matrix_keeps_bookkeeping_and_erases_the_rest(db: Database) -> None:
    ref = erasure_case(db)
    lines = rights.draw_up_erasure_matrix(db, ref)
    shown = {(ln.activity, ln.applies_to): ln for ln in lines}
    financial = shown[("Provision of products and services", "Invoices and payments")]
    assert financial.decision == "keep"
    assert financial.until == dt.date(2036, 12, 31)  # 31.12 of the purchase year + 10
    assert financial.ground == "Art. 17(3)(b) legal obligation: bokføringsloven § 13"
    assert financial.is_default and financial.reason == ""
    assert "ERP and accounting" in financial.systems

    statutory = shown[
        ("Compliance with statutory obligations", "All data kept under the obligation")
    ]
    assert statutory.decision == "keep" and statutory.until is None  # as long as the law says
    assert statutory.ground.startswith("Art. 17(3)(b) legal obligation")

    erased = {k for k, ln in shown.items() if ln.decision == "erase"}
    assert erased == {
        ("Provision of products and services", "Other personal data"),
        ("Communications with customers, suppliers and stakeholders", "Correspondence and contact details"),
        ("Website analytics and remarketing (Google Analytics)", "Analytics data"),
    }  # fmt: skip
    assert all(ln.ground == "" and ln.until is None for ln in lines if ln.decision == "erase")
    # created once: the second call shows the same lines
    assert rights.erasure_matrix(db, ref) == lines

    access = cases.log_request(db, request((RequestType.ACCESS,), phone=None)).reference
    with pytest.raises(RuleViolation, match="not a request for erasure"):
        rights.erasure_matrix(db, access)


def test_bookkeeping_whose_period_has_run_out_is_erased(db: Database) -> None:
    ref = erasure_case(db, last_purchase="2012-05-01")  # kept until 31.12.2022: gone
    lines = rights.draw_up_erasure_matrix(db, ref)
    financial = next(ln for ln in lines if ln.applies_to == "Invoices and payments")
    assert financial.decision == "erase"


def test_changing_a_default_needs_a_reason(db: Database) -> None:
    ref = erasure_case(db)
    analytics = next(
        ln for ln in rights.draw_up_erasure_matrix(db, ref) if ln.applies_to == "Analytics data"
    )
    with pytest.raises(InvalidInput, match="needs a reason"):
        rights.set_erasure_line(db, analytics.id, "keep", None, "Art. 17(3)(e) legal claims")
    with pytest.raises(InvalidInput, match=r"Art\. 17\(3\) ground"):
        rights.set_erasure_line(db, analytics.id, "keep", reason="a dispute")
    with pytest.raises(InvalidInput, match=r"Art\. 18\(1\) ground"):
        rights.set_erasure_line(db, analytics.id, "restrict", ground="x", reason="why")
    with pytest.raises(InvalidInput, match="Unknown decision"):
        rights.set_erasure_line(db, analytics.id, "shred", reason="why")
    unchanged = next(ln for ln in rights.erasure_matrix(db, ref) if ln.id == analytics.id)
    assert unchanged.is_default and unchanged.decision == "erase"

    line = rights.set_erasure_line(
        db, analytics.id, "restrict", ground="b", reason="The person asked for restriction instead"
    )
    assert (line.decision, line.ground, line.is_default) == ("restrict", "Art. 18(1)(b)", False)
    assert line.reason == "The person asked for restriction instead"
    event = cases.get_case(db, ref).events[-1]
    assert event.kind == "erasure matrix"
    assert event.detail.endswith("Analytics data: erase → restrict")


def test_apply_erasure_leaves_no_trace_of_the_person(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    ref = cases.log_request(
        db,
        request(
            (RequestType.ERASURE,),
            evidence=evidence(),
            address=f"{STREET}\n5003 Bergen",
            customer_no=CUSTOMER_NO,
            notes=f"{NAME} ringte fra {PHONE_NATIONAL}",
        ),
    ).reference
    cases.add_note(db, ref, f"Called back {NAME} on {PHONE}; she confirmed {EMAIL}")
    cases.extend(db, ref, reason=f"Searches for {NAME} in nine systems")
    # a second case of the same person (linked on the phone), with a correction and a letter
    other = cases.log_request(
        db, request((RequestType.ACCESS, RequestType.RECTIFICATION), email=None)
    ).reference
    assert cases.get_case(db, other).subject_id == cases.get_case(db, ref).subject_id
    rights.rectify(db, other, {"last_purchase": "2026-03-15", "customer_no": "K-12345678"})
    rights.rectify(db, other, {"customer_no": CUSTOMER_NO})
    rights.store_rights_letter(db, other, "rectification-confirmation", "nb")
    with db.session() as s:  # a finding of the access search, with the values found
        case_id = cases.get_case(db, other).id
        crm = s.scalar(select(System).where(System.code == "crm"))
        assert crm is not None
        s.add(Finding(case_id=case_id, system_id=crm.id, found=True, notes=f"{NAME}\n{EMAIL}"))
    rights.mark_not_notified(
        db, rights.notices(db, other)[0].id, f"{NAME} is not known to them", ground="impossible"
    )

    # The control: the person is there before, in the decrypted file.
    assert found_in(plaintext(db_path, tmp_path / "before.db")) == list(PERSONAL)
    dry = rights.apply_erasure(db, ref, dry_run=True)
    assert dry.dry_run and dry.erased_at is None and dry.letter is None
    assert found_in(plaintext(db_path, tmp_path / "dry.db")) == list(PERSONAL)

    result = rights.apply_erasure(db, ref, letter_lang="en")
    assert not result.dry_run and result.erased_at is not None
    assert {(e.activity, e.applies_to) for e in result.erased} == {
        ("Provision of products and services", "Other personal data"),
        ("Communications with customers, suppliers and stakeholders", "Correspondence and contact details"),
        ("Website analytics and remarketing (Google Analytics)", "Analytics data"),
    }  # fmt: skip
    assert [(k.applies_to, k.until) for k in result.kept] == [
        ("Invoices and payments", dt.date(2036, 12, 31)),
        ("All data kept under the obligation", None),
    ]
    assert any("search index" in w for w in result.workbench)

    leftovers = found_in(plaintext(db_path, tmp_path / "after.db"))
    assert leftovers == [], f"still in the database after erasure: {leftovers}"

    # the cases stay in the log under the pseudonym; search and subject lists forget her
    pseudonym = result.pseudonym
    rows = cases.list_cases(db, CaseQuery())
    assert {r.reference: r.subject for r in rows} == {ref: pseudonym, other: pseudonym}
    assert cases.list_cases(db, CaseQuery(text="Ødegård")) == []
    assert subjects.list_subjects(db, search="Ragnhild") == []
    assert subjects.count_subjects(db, search="Ragnhild") == 0  # the index's own count
    listed = subjects.list_subjects(db, limit=1000)
    assert cases.get_case(db, ref).subject_id not in {r.id for r in listed}
    assert subjects.count_subjects(db) == len(listed)  # the erased one is not counted
    detail = cases.get_case(db, ref)
    assert detail.subject_name == pseudonym and detail.call_notes == "[erased]"
    assert detail.contact_email is None and detail.contact_phone is None
    assert detail.email is not None and detail.email.body_text == "[erased]"
    assert detail.email.subject_line == "[erased]"  # the record shows something was removed
    kinds = {e.kind: e.detail for e in detail.events}
    assert kinds["note"] == "[erased]"
    assert kinds["received"] == "email request: erasure"  # safe details stay
    assert kinds["extended"].endswith("\n[erased]")
    kept_notes = [e.detail for e in detail.events if e.kind == "erasure kept"]
    assert any(
        "Invoices and payments" in n
        and "kept in ERP and accounting" in n
        and "2036-12-31" in n
        and "bokføringsloven § 13" in n
        for n in kept_notes
    ), kept_notes
    docs = cases.get_case(db, other).documents
    assert docs and all(d.size == 0 and len(d.sha256) == 64 for d in docs)
    assert subjects.get_subject(db, detail.subject_id).erased

    assert verify_chain(db).ok

    # and it cannot be applied twice, nor the person be written to again
    with pytest.raises(RuleViolation, match="was applied"):
        rights.apply_erasure(db, ref)
    with pytest.raises(RuleViolation, match="erased"):
        rights.store_rights_letter(db, other, "rectification-confirmation", "en")


def test_erasure_confirmation_letter_and_backup_expiry(db: Database) -> None:
    ref = erasure_case(db)
    taken = backup.make_backup(db)
    assert taken.exists()
    analytics = next(
        ln for ln in rights.draw_up_erasure_matrix(db, ref) if ln.applies_to == "Analytics data"
    )
    rights.set_erasure_line(db, analytics.id, "restrict", ground="c", reason="legal claim")
    result = rights.apply_erasure(db, ref, letter_lang="en", name_recipients=True)
    assert result.erased_at is not None
    times = [b.taken_at for b in backup.list_backups(db.database_id)]
    expected = last_expiry(times, result.erased_at)
    assert expected is not None and result.backup_expiry == expected
    assert rights.last_backup_expiry(db, result.erased_at) == expected

    assert (
        result.letter is not None and result.letter_filename == f"{ref}-erasure-confirmation-en.pdf"
    )
    out = pdf_text(result.letter)
    today = format_date(cases.today_oslo(), "en")
    for phrase in (
        "Your data have been erased",
        f"We erased your personal data on {today} (GDPR Article 17)",
        "What we have erased",
        "Communications with customers, suppliers and stakeholders",
        "What we keep, and why",
        "Invoices and payments: kept until 31 December 2036",
        "bokføringsloven § 13",
        "restrict: store only, Art. 18(1)(c)",
        f"The last backup holding your data expires on {format_date(expected, 'en')}",
        "Who we have shared your data with",
        "Google Ireland Limited (Google Analytics)",
        NAME,
        "Datatilsynet",
    ):
        assert phrase in out, phrase
    # the letter names her: kept only as its SHA-256
    letter = next(d for d in cases.get_case(db, ref).documents if d.id == result.letter_document_id)
    assert letter.size == 0 and letter.sha256 == hashlib.sha256(result.letter).hexdigest()
    # the restricted line became a restriction of the pseudonymous subject
    restrictions = rights.subject_restrictions(db, cases.get_case(db, ref).subject_id)
    assert [(r.activity, r.ground) for r in restrictions] == [
        ("Website analytics and remarketing (Google Analytics)", "c")
    ]
    with pytest.raises(RuleViolation, match="written when the erasure is applied"):
        rights.store_rights_letter(db, ref, "erasure-confirmation", "en")


def test_erasure_confirmation_in_norwegian_without_backups(db: Database) -> None:
    ref = erasure_case(db)
    result = rights.apply_erasure(db, ref)  # the case's language: nb
    assert result.backup_expiry is None and result.letter is not None
    out = pdf_text(result.letter)
    assert "Opplysningene dine er slettet" in out
    assert "Hva vi beholder, og hvorfor" in out
    assert "lagres til 31.12.2036" in out
    assert "sikkerhetskopien" not in out  # no backup held her data: nothing to say
    # The register's texts in Bokmål, never its English (issue 13).
    assert "Kommunikasjon med kunder, leverandører og interessenter" in out
    assert "Fakturaer og betalinger: lagres til 31.12.2036" in out
    for english in ("Communications with customers", "Invoices and payments", "Other personal"):
        assert english not in out, english
    assert "Hvem vi har delt" not in out  # she did not ask who the recipients are


def test_an_erasure_with_a_letter_the_register_cannot_write_is_refused_whole(
    db: Database,
) -> None:
    """A Norwegian letter the register lacks Bokmål for is refused, naming what to write,
    and the erasure is not applied: nothing is erased without its letter."""
    ref = erasure_case(db)
    with db.session() as s:
        activity = s.scalars(
            select(ProcessingActivity).where(ProcessingActivity.code == "communications")
        ).one()
        activity.name_nb = ""
    with pytest.raises(RuleViolation) as refused:
        rights.apply_erasure(db, ref)
    assert "«Communications with customers, suppliers and stakeholders» (navn)" in (
        refused.value.render("nb")
    )
    detail = cases.get_case(db, ref)
    assert not subjects.get_subject(db, detail.subject_id).erased
    assert not [e for e in detail.events if e.kind.startswith("erasure")]


def test_kept_data_come_back_on_their_date(db: Database) -> None:
    ref = erasure_case(db)
    rights.apply_erasure(db, ref)
    assert rights.kept_until_items(db, dt.date(2036, 12, 30)) == []
    due = rights.kept_until_items(db, dt.date(2036, 12, 31))
    assert [(i.reference, i.applies_to, i.until) for i in due] == [
        (ref, "Invoices and payments", dt.date(2036, 12, 31))
    ]
    assert due[0].pseudonym.startswith("S-") and "ERP and accounting" in due[0].systems
    rights.mark_kept_erased(db, due[0].line_id, cases.today_oslo())
    assert rights.kept_until_items(db, dt.date(2040, 1, 1)) == []


def test_closing_an_erasure_case_needs_the_erasure_applied(db: Database) -> None:
    ref = erasure_case(db)
    answer(db, ref)
    with pytest.raises(RuleViolation, match="apply the erasure before closing"):
        workflow.close_case(db, ref, note="all done")
    rights.apply_erasure(db, ref)
    with pytest.raises(RuleViolation, match="still open"):
        workflow.close_case(db, ref)
    workflow.close_case(db, ref, note="Recipients to be told by the finance team next week")
    assert cases.get_case(db, ref).status is Status.CLOSED


# --- restriction (Art. 18) ----------------------------------------------------------------------------


def test_restriction_banner_and_lifting_only_after_telling(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RESTRICTION,))).reference
    subject_id = cases.get_case(db, ref).subject_id
    assert not rights.is_restricted(db, subject_id)
    with pytest.raises(InvalidInput, match="a, b, c or d"):
        rights.restrict(db, ref, "e")

    r = rights.restrict(db, ref, "a")
    assert rights.is_restricted(db, subject_id)
    banner = rights.active_restrictions(db, subject_id)
    assert [(b.activity, b.ground, b.since, b.case_reference) for b in banner] == [
        (None, "a", cases.today_oslo(), ref)
    ]
    with pytest.raises(RuleViolation, match="already restricted"):
        rights.restrict(db, ref, "b", activity_id=activity_id(db, "analytics"))

    with pytest.raises(RuleViolation, match="must be told before"):
        rights.lift_restriction(db, r.id, cases.today_oslo())
    assert rights.is_restricted(db, subject_id)

    rights.record_restriction_notice(db, r.id, cases.today_oslo())
    lifted = rights.lift_restriction(db, r.id, cases.today_oslo())
    assert lifted.lifted_on == cases.today_oslo() and not lifted.active
    assert not rights.is_restricted(db, subject_id)
    assert rights.active_restrictions(db, subject_id) == []
    kinds = [e.kind for e in cases.get_case(db, ref).events]
    # restricting draws up the notices to the recipients of what is restricted
    assert kinds[-4:] == ["restricted", "notices", "restriction told", "restriction lifted"]


# --- objection (Art. 21) --------------------------------------------------------------------------------


def test_objection_to_marketing_stops_it_the_same_day(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.OBJECTION,))).reference
    analytics = activity_id(db, "analytics")
    objection = rights.object_to_marketing(db, ref, analytics)
    assert objection.direct_marketing
    assert objection.recorded_on == objection.stopped_on == cases.today_oslo()
    assert objection.activity == "Website analytics and remarketing (Google Analytics)"
    event = cases.get_case(db, ref).events[-1]
    assert event.kind == "objection" and "direct marketing stopped" in event.detail
    with pytest.raises(RuleViolation, match="was stopped on"):
        rights.object_to_marketing(db, ref, analytics)

    with pytest.raises(InvalidInput, match="outcome"):
        rights.object_to_processing(db, ref, activity_id(db, "communications"), "  ")
    general = rights.object_to_processing(
        db, ref, activity_id(db, "communications"), "Our legitimate interest does not override"
    )
    assert not general.direct_marketing and general.stopped_on is None
    subject_id = cases.get_case(db, ref).subject_id
    assert [o.id for o in rights.subject_objections(db, subject_id)] == [objection.id, general.id]


# --- notices (Art. 19) -------------------------------------------------------------------------------


def test_notices_per_recipient_and_closing_with_an_open_notice(db: Database) -> None:
    ref = erasure_case(db)  # rectified too (the last purchase): every activity's recipients
    listed = rights.notices(db, ref)
    assert sorted(n.recipient for n in listed) == sorted(
        r.name for r in register.list_recipients(db)
    )
    assert all(n.status == "open" for n in listed)
    assert rights.notices(db, ref) == listed  # created once

    google = next(n for n in listed if n.recipient_id == recipient_id(db, "google"))
    done = rights.mark_notified(db, google.id, cases.today_oslo(), "e-mail")
    assert (done.status, done.notified_on, done.method) == (
        "notified",
        cases.today_oslo(),
        "e-mail",
    )
    with pytest.raises(InvalidInput, match="impossible or disproportionate"):
        rights.mark_not_notified(db, listed[0].id, "   ")
    with pytest.raises(InvalidInput, match="impossible or disproportionate"):
        rights.mark_not_notified(db, listed[0].id, "no address", ground="inconvenient")
    skipped = rights.mark_not_notified(
        db, listed[0].id, "The provider has no copy of customer data", ground="impossible"
    )
    assert skipped.status == "not notified"
    assert skipped.reason == "impossible: The provider has no copy of customer data"
    assert rights.open_notice_count(db, ref) == 2

    rights.apply_erasure(db, ref)
    answer(db, ref)
    with pytest.raises(RuleViolation, match="2 recipient notice"):
        workflow.close_case(db, ref)
    assert cases.get_case(db, ref).status is Status.ANSWERED
    workflow.close_case(db, ref, note="The authorities received nothing about this customer")
    detail = cases.get_case(db, ref)
    assert detail.status is Status.CLOSED
    assert [e.kind for e in detail.events][-2:] == ["status", "closed with open notices"]
    assert detail.events[-1].detail == (
        "Delivery and payment partners, Public authorities, when legally required, to protect "
        "legal interests, or to detect and prevent fraud"
    )
    with db.session() as s:
        from app.store.models import Case

        case = s.scalar(select(Case).where(Case.reference == ref))
        assert case is not None
        assert case.close_note == "The authorities received nothing about this customer"
    with pytest.raises(RuleViolation, match="closed"):
        rights.mark_notified(db, listed[1].id, cases.today_oslo(), "post")


def test_notices_follow_the_affected_activities(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RESTRICTION,))).reference
    assert rights.notices(db, ref) == []  # nothing changed yet: nobody to tell
    rights.restrict(db, ref, "d", activity_id=activity_id(db, "analytics"))
    assert [n.recipient for n in rights.notices(db, ref)] == [
        "Google Ireland Limited (Google Analytics)"
    ]


def test_recipient_notice_letter_and_email_text(db: Database) -> None:
    ref = cases.log_request(
        db, request((RequestType.RECTIFICATION,), name="Ragnhild Odegard", customer_no=CUSTOMER_NO)
    ).reference
    rights.rectify(db, ref, {"name": NAME, "postal_address": f"{STREET}\n5003 Bergen"})
    it_ops = recipient_id(db, "it-operations")
    filename, pdf = rights.render_rights_letter(db, ref, "recipient-notice", "en", it_ops)
    assert filename == f"{ref}-recipient-notice-it-operations-en.pdf"
    out = pdf_text(pdf)
    for phrase in (
        "IT operations provider",  # the addressee
        "Notice of a change to personal data (GDPR Article 19)",
        "that the data have been corrected",
        f"The notice concerns: {NAME}, customer number {CUSTOMER_NO}.",
        f"Name {NAME}",
        f"Postal address {STREET} 5003 Bergen",
        f"quoting our reference {ref}",
    ):
        assert phrase in out, phrase
    assert "Ragnhild Odegard" not in out  # the old value is not theirs to have
    assert "Datatilsynet" not in out  # the complaint paragraph is the person's
    notice = next(n for n in rights.notices(db, ref) if n.recipient_id == it_ops)
    assert notice.document_id is not None
    _, pdf_nb = rights.render_rights_letter(db, ref, "recipient-notice", "nb", it_ops)
    out_nb = pdf_text(pdf_nb)
    for phrase in (
        "Melding om endring av personopplysninger (personvernforordningen art. 19)",
        "om at opplysningene er rettet",
        f"Meldingen gjelder: {NAME}, kundenummer {CUSTOMER_NO}.",
        f"Navn {NAME}",
        f"Oppgi vår referanse {ref}",
    ):
        assert phrase in out_nb, phrase
    assert "Datatilsynet" not in out_nb

    text = rights.notice_email_text(db, notice.id, "nb")
    lines = text.splitlines()
    assert lines[0] == f"Melding etter personvernforordningen art. 19, vår referanse {ref}"
    assert f"Meldingen gjelder: {NAME}, kundenummer {CUSTOMER_NO}." in text
    assert f"- Navn: {NAME}" in text
    assert "opplysningene er rettet" in text
    assert "<b>" not in text and "Ragnhild Odegard" not in text
    assert lines[-1].startswith("Personvernansvarlig, ")


# --- letters -------------------------------------------------------------------------------------------


LETTERS = {
    ("rectification-confirmation", "en"): [
        "Your data have been corrected",
        "GDPR Article 16",
        "The data as they are now recorded",
        "Postal address Fjellveien 12",
        "Last purchase 15 March 2026",
    ],
    ("rectification-confirmation", "nb"): [
        "Opplysningene dine er rettet",
        "personvernforordningen art. 16",
        "Postadresse Fjellveien 12",
        "Siste kjøp 15.03.2026",
    ],
    ("restriction-confirmation", "en"): [
        "Processing of your data is restricted",
        "GDPR Article 18",
        "Processing restricted All processing of your personal data",
        "Article 18(1)(a): you contest the accuracy of the data",
        "We will tell you before the restriction is lifted",
    ],
    ("restriction-confirmation", "nb"): [
        "Behandlingen av opplysningene dine er begrenset",
        "All behandling av personopplysningene dine",
        "Art. 18 nr. 1 bokstav a",
        "Vi gir deg beskjed før begrensningen oppheves",
    ],
    ("restriction-lift-notice", "en"): [
        "The restriction of processing will be lifted",
        "We will lift the restriction on {today}",
        "as Article 18(3) requires",
    ],
    ("restriction-lift-notice", "nb"): [
        "Begrensningen av behandlingen oppheves",
        "Vi opphever begrensningen {today}",
        "slik art. 18 nr. 3 krever",
    ],
    ("objection-confirmation", "en"): [
        "We have stopped using your data for direct marketing",
        "We stopped that processing on {today}",
        "Article 21(3)",
        "Website analytics and remarketing (Google Analytics)",
    ],
    ("objection-confirmation", "nb"): [
        "Vi har sluttet å bruke opplysningene dine til direkte markedsføring",
        "Vi stanset denne behandlingen {today}",
        "art. 21 nr. 3",
    ],
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_rights_letters_say_what_they_must(db: Database, lang: str) -> None:
    ref = cases.log_request(
        db,
        request(
            (
                RequestType.RECTIFICATION,
                RequestType.RESTRICTION,
                RequestType.OBJECTION,
            ),
            address="Gamleveien 1",
        ),
    ).reference
    rights.rectify(
        db, ref, {"postal_address": f"{STREET}\n5003 Bergen", "last_purchase": "2026-03-15"}
    )
    rights.restrict(db, ref, "a")
    rights.object_to_marketing(db, ref, activity_id(db, "analytics"))
    today = format_date(cases.today_oslo(), lang)  # 25.11.2026, 25 November 2026
    documents_before = len(cases.get_case(db, ref).documents)
    for kind in (
        "rectification-confirmation",
        "restriction-confirmation",
        "restriction-lift-notice",
        "objection-confirmation",
    ):
        stored = rights.store_rights_letter(db, ref, kind, lang)
        out = pdf_text(stored.content)
        expected = [p.format(today=today) for p in LETTERS[(kind, lang)]]
        expected += [NAME, f"{STREET} 5003 Bergen", "Datatilsynet, Postboks 458 Sentrum"]
        missing = [p for p in expected if p not in out]
        assert not missing, f"{kind} ({lang}) lacks {missing}"
        assert "{" not in out and "}" not in out
        assert "Gamleveien" not in out  # the inaccurate address is never printed
        assert stored.filename == f"{ref}-{kind}-{lang}.pdf"
    detail = cases.get_case(db, ref)
    assert len(detail.documents) == documents_before + 4
    assert [e.kind for e in detail.events].count("letter") == 4
    stored_doc = detail.documents[-1]
    assert stored_doc.kind == "letter" and stored_doc.size > 1000


def test_letters_name_the_recipients_only_when_asked(db: Database) -> None:
    ref = cases.log_request(db, request((RequestType.RECTIFICATION,))).reference
    rights.rectify(db, ref, {"customer_no": CUSTOMER_NO})
    _, plain = rights.render_rights_letter(db, ref, "rectification-confirmation", "en")
    _, named = rights.render_rights_letter(
        db, ref, "rectification-confirmation", "en", name_recipients=True
    )
    assert "Who we have shared your data with" not in pdf_text(plain)
    out = pdf_text(named)
    assert "Who we have shared your data with" in out
    for recipient in register.list_recipients(db):
        assert recipient.name in out
    with pytest.raises(RuleViolation, match="No restriction"):
        rights.render_rights_letter(db, ref, "restriction-confirmation", "en")
    with pytest.raises(InvalidInput, match="Unknown letter"):
        rights.render_rights_letter(db, ref, "reminder", "en")
    with pytest.raises(InvalidInput, match="language"):
        rights.render_rights_letter(db, ref, "rectification-confirmation", "de")
