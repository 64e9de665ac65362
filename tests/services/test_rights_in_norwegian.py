"""Erasure, restriction and the system checklist in Bokmål (issue 13): a refusal reads as one
Norwegian sentence, and each timeline event of these rights reads back in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.errors import InvalidInput, NotFound, RuleViolation, UserError
from app.core.event_text import event_text
from app.core.model import RequestType
from app.services import cases, rights
from app.store.database import Database
from tests.services.test_rights import activity_id, erasure_case, request


def last_event(db: Database, ref: str, kind: str) -> tuple[str, str, str]:
    event = [e for e in cases.get_case(db, ref).events if e.kind == kind][-1]
    return (
        event.detail,
        event_text(event.kind, event.params, event.detail, "en"),
        event_text(event.kind, event.params, event.detail, "nb"),
    )


def refused(kind: type[UserError], call: object, *args: object, **kw: object) -> UserError:
    with pytest.raises(kind) as caught:
        call(*args, **kw)  # type: ignore[operator]
    return caught.value


# --- erasure ------------------------------------------------------------------------------------


def analytics_line(db: Database, ref: str) -> int:
    lines = rights.draw_up_erasure_matrix(db, ref)
    return next(ln.id for ln in lines if ln.applies_to == "Analytics data")


def test_erasure_matrix_refusals_in_bokmal(db: Database) -> None:
    ref = erasure_case(db)
    line = analytics_line(db, ref)
    unknown = refused(InvalidInput, rights.set_erasure_line, db, line, "shred", reason="why")
    assert str(unknown) == "Unknown decision 'shred'; use erase, keep or restrict."
    assert unknown.render("nb") == "Ukjent vedtak «shred»; velg slette, beholde eller begrense."
    no_ground = refused(InvalidInput, rights.set_erasure_line, db, line, "keep", reason="x")
    assert no_ground.render("nb") == (
        "Å beholde opplysninger krever et grunnlag etter art. 17 nr. 3 "
        "(for eksempel en rettslig forpliktelse)."
    )
    passed = refused(
        InvalidInput, rights.set_erasure_line, db, line, "keep", dt.date(2026, 11, 25), "e"
    )
    assert str(passed) == (
        "Kept until 25 November 2026: that date has come, so the data may be erased."
    )
    assert passed.render("nb") == (
        "Beholdt til 25.11.2026: den datoen er nådd, så opplysningene kan slettes."
    )
    restrict = refused(InvalidInput, rights.set_erasure_line, db, line, "restrict", ground="x")
    assert restrict.render("nb") == (
        "Begrensning krever et grunnlag etter art. 18 nr. 1: bokstav a, b, c eller d."
    )
    reason = refused(InvalidInput, rights.set_erasure_line, db, line, "restrict", ground="b")
    assert reason.render("nb") == (
        "Å endre en standardlinje krever en begrunnelse "
        "(hvorfor disse opplysningene behandles annerledes)."
    )
    missing = refused(NotFound, rights.set_erasure_line, db, 999, "erase")
    assert missing.render("nb") == "Det finnes ingen slettelinje 999."


def test_applied_erasure_refusals_in_bokmal(db: Database) -> None:
    ref = erasure_case(db)
    language = refused(InvalidInput, rights.apply_erasure, db, ref, letter_lang="de")
    assert str(language) == "Unknown language 'de'; use nb or en."
    assert language.render("nb") == "Ukjent språk «de»; velg nb (bokmål) eller en (engelsk)."
    result = rights.apply_erasure(db, ref)
    again = refused(RuleViolation, rights.apply_erasure, db, ref)
    assert str(again) == f"The erasure for {result.pseudonym} was applied on 25 November 2026."
    assert again.render("nb") == f"Slettingen for {result.pseudonym} ble gjennomført 25.11.2026."
    line = rights.erasure_matrix(db, ref)[0]
    final = refused(RuleViolation, rights.set_erasure_line, db, line.id, "erase")
    assert final.render("nb") == "Slettingen ble gjennomført 25.11.2026: linjen er endelig."

    erased = next(ln for ln in rights.erasure_matrix(db, ref) if ln.decision == "erase")
    only_kept = refused(RuleViolation, rights.mark_kept_erased, db, erased.id, erased.applied_on)
    assert only_kept.render("nb") == (
        "Bare opplysninger som er beholdt etter en gjennomført sletting, kan merkes som slettet."
    )
    kept = next(ln for ln in rights.erasure_matrix(db, ref) if ln.until is not None)
    future = refused(InvalidInput, rights.mark_kept_erased, db, kept.id, dt.date(2026, 11, 26))
    assert future.render("nb") == "Slettedatoen kan ikke ligge fram i tid."


def test_erasure_events_read_in_bokmal(db: Database) -> None:
    ref = erasure_case(db)
    line = analytics_line(db, ref)
    detail, en, nb = last_event(db, ref, "erasure matrix")
    assert (detail, en) == ("5 default lines from the register",) * 2
    assert nb == "5 standardlinjer fra protokollen"

    rights.set_erasure_line(db, line, "restrict", ground="b", reason="The person asked")
    detail, en, nb = last_event(db, ref, "erasure matrix")
    assert (
        en
        == detail
        == (
            "Website analytics and remarketing (Google Analytics) / Analytics data: erase → restrict"
        )
    )
    assert nb == (
        "Website analytics and remarketing (Google Analytics) / Analytics data: "
        "slette endret til begrense"
    )
    rights.set_erasure_line(db, line, "keep", dt.date(2027, 6, 30), "Art. 17(3)(e) legal claims")
    detail, en, nb = last_event(db, ref, "erasure matrix")
    assert detail.endswith("Analytics data: restrict → keep until 2027-06-30")
    assert en.endswith("Analytics data: restrict → keep until 30 June 2027")
    assert nb.endswith("Analytics data: begrense endret til beholde fram til 30.06.2027")

    result = rights.apply_erasure(db, ref)
    events = [e for e in cases.get_case(db, ref).events if e.kind == "erasure kept"]
    texts = {e.params["applies_to"]: e for e in events if e.params}
    analytics = texts["Analytics data"]
    assert event_text(analytics.kind, analytics.params, analytics.detail, "nb") == (
        "Analytics data (Website analytics and remarketing (Google Analytics)): beholdt i "
        "Website analytics (Google Analytics) til 30.06.2027, Art. 17(3)(e) legal claims. "
        "Arbeidsbenken selv har ingen av disse opplysningene."
    )
    for event in events:
        assert event_text(event.kind, event.params, event.detail, "en") == event.detail.replace(
            "until 2036-12-31", "until 31 December 2036"
        ).replace("until 2027-06-30", "until 30 June 2027")
    statutory = texts["All data kept under the obligation"]
    assert "så lenge loven krever det" in event_text(
        statutory.kind, statutory.params, statutory.detail, "nb"
    )

    detail, en, nb = last_event(db, ref, "erasure applied")
    assert en == detail
    assert nb == (
        f"2 linjer slettet, 3 beholdt eller begrenset; arbeidsbenkens egne opplysninger om "
        f"{result.pseudonym} slettet"
    )
    detail, en, nb = last_event(db, ref, "letter")
    assert en == detail and detail.startswith("erasure-confirmation (nb) written at erasure")
    assert nb.startswith("bekreftelse på sletting (nb) skrevet ved slettingen, SHA-256 ")
    assert nb.endswith("; innholdet er ikke tatt vare på")


def test_kept_data_erased_reads_in_bokmal(db: Database) -> None:
    ref = erasure_case(db)
    rights.apply_erasure(db, ref)
    due = next(ln for ln in rights.erasure_matrix(db, ref) if ln.until is not None)
    rights.mark_kept_erased(db, due.id, dt.date(2026, 11, 25))
    detail, en, nb = last_event(db, ref, "kept data erased")
    assert detail == "Provision of products and services / Invoices and payments: 2026-11-25"
    assert en == "Provision of products and services / Invoices and payments: 25 November 2026"
    assert nb == "Provision of products and services / Invoices and payments: slettet 25.11.2026"


# --- restriction ----------------------------------------------------------------------------------


def restriction_case(db: Database) -> str:
    return cases.log_request(db, request((RequestType.RESTRICTION,))).reference


def test_restriction_refusals_in_bokmal(db: Database) -> None:
    ref = restriction_case(db)
    ground = refused(InvalidInput, rights.restrict, db, ref, "e")
    assert ground.render("nb") == "Velg grunnlaget etter art. 18 nr. 1: bokstav a, b, c eller d."
    ending = refused(InvalidInput, rights.restrict, db, ref, "a", until=dt.date(2026, 11, 25))
    assert ending.render("nb") == "En begrensning med planlagt slutt må slutte etter i dag."
    r = rights.restrict(db, ref, "a")
    pseudonym = cases.get_case(db, ref).subject_pseudonym
    again = refused(RuleViolation, rights.restrict, db, ref, "b")
    assert str(again) == f"{pseudonym} is already restricted since 25 November 2026."
    assert again.render("nb") == (
        f"Behandlingen av opplysningene om {pseudonym} er allerede begrenset fra 25.11.2026."
    )
    early = refused(RuleViolation, rights.lift_restriction, db, r.id, dt.date(2026, 11, 25))
    assert early.render("nb") == (
        "Den registrerte må varsles før begrensningen oppheves (art. 18 nr. 3): "
        "send varselet og registrer først datoen det ble sendt."
    )
    future = refused(
        InvalidInput, rights.record_restriction_notice, db, r.id, dt.date(2026, 11, 26)
    )
    assert future.render("nb") == "Den registrerte kan ikke ha blitt varslet fram i tid."
    before = refused(
        InvalidInput, rights.record_restriction_notice, db, r.id, dt.date(2026, 11, 24)
    )
    assert before.render("nb") == (
        "Den registrerte kan ikke ha blitt varslet før begrensningen begynte."
    )
    missing = refused(NotFound, rights.lift_restriction, db, 999, dt.date(2026, 11, 25))
    assert missing.render("nb") == "Det finnes ingen begrensning 999."
    rights.record_restriction_notice(db, r.id, dt.date(2026, 11, 25))
    rights.lift_restriction(db, r.id, dt.date(2026, 11, 25))
    lifted = refused(RuleViolation, rights.lift_restriction, db, r.id, dt.date(2026, 11, 25))
    assert str(lifted) == "The restriction was lifted on 25 November 2026."
    assert lifted.render("nb") == "Begrensningen ble opphevet 25.11.2026."


def test_restriction_of_one_activity_refused_again_in_bokmal(db: Database) -> None:
    ref = restriction_case(db)
    analytics = activity_id(db, "analytics")
    rights.restrict(db, ref, "b", activity_id=analytics)
    pseudonym = cases.get_case(db, ref).subject_pseudonym
    again = refused(RuleViolation, rights.restrict, db, ref, "c", activity_id=analytics)
    name = "Website analytics and remarketing (Google Analytics)"
    assert str(again) == f"{pseudonym} is already restricted for {name} since 25 November 2026."
    assert again.render("nb") == (
        f"Behandlingen av opplysningene om {pseudonym} er allerede begrenset for {name} "
        "fra 25.11.2026."
    )


def test_restriction_events_read_in_bokmal(db: Database) -> None:
    ref = restriction_case(db)
    r = rights.restrict(db, ref, "a", until=dt.date(2027, 1, 31))
    assert last_event(db, ref, "restricted") == (
        "the whole subject: Art. 18(1)(a), planned until 2027-01-31",
        "the whole subject: Art. 18(1)(a), planned until 31 January 2027",
        "alle opplysninger om den registrerte: art. 18 nr. 1 bokstav a, planlagt til 31.01.2027",
    )
    rights.record_restriction_notice(db, r.id, dt.date(2026, 11, 25))
    assert last_event(db, ref, "restriction told") == (
        "person told of the lifting 2026-11-25",
        "person told of the lifting 25 November 2026",
        "den registrerte varslet om opphevingen 25.11.2026",
    )
    rights.lift_restriction(db, r.id, dt.date(2026, 11, 25))
    assert last_event(db, ref, "restriction lifted") == (
        "the whole subject: lifted 2026-11-25",
        "the whole subject: lifted 25 November 2026",
        "alle opplysninger om den registrerte: opphevet 25.11.2026",
    )

    rights.restrict(db, ref, "c", activity_id=activity_id(db, "analytics"))
    name = "Website analytics and remarketing (Google Analytics)"
    assert last_event(db, ref, "restricted") == (
        f"{name}: Art. 18(1)(c)",
        f"{name}: Art. 18(1)(c)",
        f"{name}: art. 18 nr. 1 bokstav c",
    )
