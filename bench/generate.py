"""Realistic benchmark databases: subjects and cases at 10k, 100k and 1M.

Each size is generated once into bench/data/<size>/ (gitignored) and reused while the
generator and the schema stay the same:

- `innsyn.sqlite3`: an Innsyn database made by `open_database` (encrypted, migrated,
  seeded), filled with SQLAlchemy Core executemany straight into its tables: subjects with
  Norwegian and Sámi names, e-mails and +47 phones, their search index rows, and as many
  cases over ten years (every request type, channel and status, extensions, identity checks,
  answers, refusals), with their timelines and one audit-chain row per case;
- `plain.sqlite3`: the same database unencrypted (`sqlcipher_export`), for the baselines and
  the encryption comparison;
- `key`: the database id and raw key (synthetic data; the keyring is in memory);
- `meta.json`: what was generated, by which generator version, at which schema revision.

    .venv/bin/python -m bench.generate [--sizes 10k,100k,1m] [--force]
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import hashlib
import json
import math
import random
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bench import env

GENERATOR_VERSION = 3
SEED = 20260302
CHUNK = 50_000
OSLO = ZoneInfo("Europe/Oslo")

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

# --- the people ----------------------------------------------------------------------------
# (name, weight): the common names much more common, as in the population register.

FIRST_NAMES = [
    ("Kari", 9), ("Ola", 9), ("Anne", 10), ("Per", 8), ("Inger", 7), ("Jan", 9), ("Lars", 7),
    ("Marit", 6), ("Bjørn", 6), ("Ingrid", 6), ("Knut", 5), ("Liv", 5), ("Arne", 5),
    ("Astrid", 4), ("Øystein", 4), ("Åse", 3), ("Nils", 4), ("Sigrid", 3), ("Håkon", 3),
    ("Solveig", 3), ("Ragnhild", 2), ("Jørgen", 3), ("Tor", 3), ("Geir", 3), ("Trond", 3),
    ("Hilde", 4), ("Espen", 3), ("Silje", 4), ("Magnus", 4), ("Nora", 4), ("Emil", 4),
    ("Ida", 4), ("Jonas", 4), ("Maja", 3), ("Sander", 3), ("Thea", 3), ("Henrik", 4),
    ("Ingeborg", 2), ("Mathias", 3), ("Sofie", 3), ("Aksel", 2), ("Tiril", 2), ("Sindre", 2),
    ("Vilde", 2), ("Eirik", 3), ("Frøydis", 1), ("Sunniva", 2), ("Halvor", 1), ("Gunnhild", 1),
    ("Torbjørn", 2), ("Ådne", 1), ("Kjersti", 2), ("Ørjan", 1), ("Synnøve", 1), ("Vegard", 2),
    ("Gro", 1), ("Mohammed", 2), ("Fatima", 1), ("Piotr", 1), ("Agnieszka", 1), ("Ali", 1),
    # Sámi
    ("Áile", 1), ("Ánde", 1), ("Máret", 1), ("Niillas", 1), ("Biret", 1), ("Ánte", 1),
    ("Risten", 1), ("Sunná", 1), ("Ovllá", 1), ("Gáddja", 1), ("Elle", 1), ("Inga", 1),
    ("Heaika", 1), ("Jovnna", 1), ("Mikkal", 1), ("Ráhkel", 1), ("Áslat", 1), ("Sárá", 1),
]  # fmt: skip
LAST_NAMES = [
    ("Hansen", 10), ("Johansen", 9), ("Olsen", 9), ("Larsen", 8), ("Andersen", 8),
    ("Pedersen", 8), ("Nilsen", 8), ("Kristiansen", 5), ("Jensen", 5), ("Karlsen", 5),
    ("Johnsen", 5), ("Pettersen", 5), ("Eriksen", 5), ("Berg", 4), ("Haugen", 4), ("Hagen", 4),
    ("Johannessen", 3), ("Andreassen", 3), ("Jacobsen", 3), ("Dahl", 3), ("Jørgensen", 3),
    ("Halvorsen", 3), ("Henriksen", 3), ("Lund", 3), ("Sørensen", 3), ("Jakobsen", 3),
    ("Moen", 3), ("Gundersen", 2), ("Iversen", 2), ("Strand", 2), ("Solberg", 2),
    ("Svendsen", 2), ("Eide", 2), ("Knutsen", 2), ("Martinsen", 2), ("Paulsen", 2),
    ("Bakken", 2), ("Kristoffersen", 2), ("Mathisen", 2), ("Lie", 2), ("Amundsen", 2),
    ("Nguyen", 2), ("Rasmussen", 2), ("Ødegård", 1), ("Ødegaard", 1), ("Aas", 1),
    ("Bråten", 1), ("Sæther", 1), ("Østby", 1), ("Nordmann", 2), ("Bjørkli", 1), ("Fjeld", 1),
    ("Vik", 2), ("Khan", 1), ("Kowalski", 1), ("Ahmed", 1), ("Ali", 1),
    # Sámi (č, đ, ŋ, š, ŧ, ž included)
    ("Gaup", 1), ("Sara", 1), ("Somby", 1), ("Hætta", 1), ("Eira", 1), ("Buljo", 1),
    ("Utsi", 1), ("Turi", 1), ("Bongo", 1), ("Balto", 1), ("Oskal", 1), ("Skum", 1),
    ("Guttorm", 1), ("Labba", 1), ("Máttá", 1), ("Ŋuolga", 1), ("Čuoigá", 1), ("Đuolbba", 1),
    ("Šiellá", 1), ("Ŧoalli", 1), ("Žieŋa", 1),
]  # fmt: skip
STREETS = (
    "Storgata", "Kirkegata", "Fjordgata", "Bryggen", "Industriveien", "Skolegata", "Parkveien",
    "Sjøgata", "Dronningens gate", "Kongens gate", "Møllevegen", "Bjørkeveien", "Åsveien",
    "Čuoikkaluodda", "Márkanluodda", "Ringveien", "Strandveien", "Løkkeveien",
)  # fmt: skip
PLACES = (
    ("0155", "Oslo", 12), ("0460", "Oslo", 8), ("5003", "Bergen", 6), ("7010", "Trondheim", 5),
    ("9008", "Tromsø", 3), ("1337", "Sandvika", 3), ("3015", "Drammen", 3),
    ("4006", "Stavanger", 4), ("9730", "Karasjok", 1), ("9520", "Guovdageaidnu", 1),
    ("9900", "Kirkenes", 1), ("8006", "Bodø", 2), ("2317", "Hamar", 2), ("4610", "Kristiansand", 3),
)  # fmt: skip
DOMAINS = (
    ("gmail.example", 30), ("online.example", 12), ("hotmail.example", 10),
    ("outlook.example", 8), ("epost.example", 5), ("firma.example", 5), ("kommune.example", 3),
    ("icloud.example", 4), ("yahoo.example", 3), ("altibox.example", 4), ("lyse.example", 2),
)  # fmt: skip
ASCII = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "á": "a", "ŋ": "n", "č": "c", "đ": "d", "š": "s",
     "ŧ": "t", "ž": "z", " ": ""}
)  # fmt: skip

# --- the cases -----------------------------------------------------------------------------

TYPE_SETS = (
    ("access", 55), ("erasure", 17), ("rectification", 6), ("objection", 6),
    ("restriction", 2), ("access,erasure", 7), ("access,rectification", 3),
    ("erasure,objection", 2), ("access,objection", 1), ("rectification,erasure", 0.5),
    ("access,rectification,erasure,restriction,objection", 0.2),
)  # fmt: skip
CHANNELS = (("email", 58), ("phone", 27), ("letter", 10), ("in-person", 5))
# By the case's age: (status, weight).
STATUS_RECENT = (
    ("new", 30), ("awaiting identity", 15), ("in progress", 35), ("answered", 15),
    ("withdrawn", 3), ("refused", 2),
)  # fmt: skip
STATUS_MIDDLE = (
    ("answered", 40), ("closed", 30), ("in progress", 12), ("awaiting identity", 5),
    ("refused", 5), ("withdrawn", 5), ("new", 3),
)  # fmt: skip
STATUS_OLD = (
    ("closed", 72), ("answered", 14), ("refused", 4), ("withdrawn", 7), ("in progress", 2),
    ("awaiting identity", 0.7), ("new", 0.3),
)  # fmt: skip
OPEN = frozenset({"new", "awaiting identity", "in progress"})
IDENTITY_METHODS = (
    ("reply from the e-mail address on record", 40),
    ("call-back to the phone number on record", 20),
    ("customer number and details of a recent purchase", 15),
    ("BankID signature", 15),
    ("ID document shown in person (no copy kept)", 4),
    ("letter to the postal address on record", 4),
    ("other (described in the notes)", 2),
)
ANSWER_METHODS = (("e-mail", 70), ("post", 20), ("handed over", 5), ("phone", 5))
NOTES = (
    "Ringte inn og ba om innsyn i alt vi har registrert om henne.",
    "Vil vite hvilke opplysninger kundeklubben har, og hvor lenge de lagres.",
    "Ønsker å bli slettet fra nyhetsbrev og kunderegister.",
    "Reklamerte på levering i fjor; vil ha kopi av korrespondansen.",
    "Called about marketing e-mails; wants them to stop.",
    "Adressen er feil i kunderegisteret; ny adresse oppgitt i samtalen.",
    "Mener at vi har delt opplysninger med et inkassobyrå uten grunnlag.",
    "",
)
EXTENSION_REASONS = (
    "Forespørselen gjelder opplysninger i fem systemer og krever manuell gjennomgang.",
    "Mange henvendelser i samme periode (kampanje), jf. art. 12 nr. 3.",
)
REFUSAL_REASONS = (
    "Åpenbart grunnløs: samme forespørsel besvart for to uker siden.",
    "Opplysningene er unntatt etter personopplysningsloven § 16 første ledd bokstav e.",
)


def _weighted(pairs: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    values = [p[0] for p in pairs]
    cum: list[float] = []
    total = 0.0
    for _, w in pairs:
        total += w
        cum.append(total)
    return values, cum


class Picker:
    """random.choices with the cumulative weights computed once."""

    def __init__(self, rnd: random.Random, pairs: Sequence[tuple[Any, float]]) -> None:
        self.values, self.cum = _weighted(pairs)
        self.rnd = rnd
        self.total = self.cum[-1]

    def __call__(self) -> Any:
        from bisect import bisect

        return self.values[bisect(self.cum, self.rnd.random() * self.total)]


# --- where and whether ------------------------------------------------------------------------


def size_dir(label: str) -> Path:
    return env.DATA / label


def parse_sizes(text: str) -> list[str]:
    labels = [s.strip().lower() for s in text.split(",") if s.strip()]
    for label in labels:
        if label not in SIZES:
            raise SystemExit(f"unknown size {label!r}: use {', '.join(SIZES)}")
    return labels


def _head() -> str:
    from app.store.migrate import head_revision

    return head_revision()


def is_current(label: str) -> bool:
    folder = size_dir(label)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        meta.get("generator") == GENERATOR_VERSION
        and meta.get("schema") == _head()
        and meta.get("subjects") == SIZES[label]
        and (folder / "innsyn.sqlite3").exists()
        and (folder / "plain.sqlite3").exists()
        and (folder / "key").exists()
    )


def meta(label: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((size_dir(label) / "meta.json").read_text("utf-8"))
    return result


def ensure(label: str, *, force: bool = False, quiet: bool = False) -> Path:
    """The folder of a generated database of this size, generating it if needed (or
    upgrading it, when only the schema moved on: as an officer's database would be)."""
    env.DATA.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(env.DATA / f".{label}.lock", "w") as lock:  # one generator per size at a time
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and not is_current(label) and _upgradable(label):
            _upgrade(label, quiet=quiet)
        if force or not is_current(label):
            generate(label, quiet=quiet)
    env.remember_key(size_dir(label) / "key")
    return size_dir(label)


def _upgradable(label: str) -> bool:
    folder = size_dir(label)
    try:
        info = meta(label)
    except (OSError, ValueError):
        return False
    return (
        info.get("generator") == GENERATOR_VERSION
        and info.get("subjects") == SIZES[label]
        and info.get("schema") != _head()
        and all((folder / f).exists() for f in ("innsyn.sqlite3", "plain.sqlite3", "key"))
    )


def _upgrade(label: str, *, quiet: bool) -> None:
    """The application's migrations applied to both files (the generated rows stay)."""
    from alembic import command

    from app.store.engine import Keying, make_engine
    from app.store.migrate import _alembic_config, known_revisions

    folder = size_dir(label)
    info = meta(label)
    if info.get("schema") not in known_revisions():
        return  # written by a newer schema: generate afresh
    started = time.perf_counter()
    _, key_hex = (folder / "key").read_text("ascii").split()
    for name, keying in (
        ("innsyn.sqlite3", Keying(raw_key=bytes.fromhex(key_hex))),
        ("plain.sqlite3", None),
    ):
        engine = make_engine(folder / name, keying)
        try:
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
    info["schema"] = _head()
    info["upgraded"] = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    (folder / "meta.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    if not quiet:
        print(
            f"upgraded {label} to schema {info['schema']} in {time.perf_counter() - started:.1f} s"
        )


# --- generating --------------------------------------------------------------------------------


def _compiled(conn: Any, table: Any, columns: Sequence[str]) -> str:
    from sqlalchemy import insert

    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    if tuple(compiled.positiontup or ()) != tuple(columns):
        raise AssertionError(f"unexpected parameter order {compiled.positiontup}")
    return str(compiled)


class _Text:
    """The text the models' SQLite Date and moment (UtcDateTime) columns hold, values cached.
    Moments here are naive datetimes meaning UTC: the stored text, before it is text."""

    def __init__(self, conn: Any) -> None:
        from sqlalchemy import Date

        from app.store.models import Case

        dialect = conn.dialect
        self._date = Date().dialect_impl(dialect).bind_processor(dialect)
        self._stamp = Case.__table__.c.received_at.type.dialect_impl(dialect).bind_processor(
            dialect
        )
        self._dates: dict[dt.date, str] = {}

    def date(self, day: dt.date | None) -> str | None:
        if day is None:
            return None
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = self._date(day)
        return text

    def stamp(self, moment: dt.datetime) -> str:
        return moment.isoformat(" ", "microseconds")  # what the processor writes, at C speed

    def check(self) -> None:
        moment = dt.datetime(2026, 3, 2, 10, 15, 7, 12)
        stored = self._stamp(moment.replace(tzinfo=dt.UTC))
        assert self.stamp(moment) == stored, "the stored text of a moment changed"


def _subjects(rnd: random.Random, n: int, today: dt.date) -> Iterator[dict[str, Any]]:
    from app.core.text import sort_key
    from app.store import fts

    first = Picker(rnd, FIRST_NAMES)
    last = Picker(rnd, LAST_NAMES)
    domain = Picker(rnd, DOMAINS)
    place = Picker(rnd, [((p, c), w) for p, c, w in PLACES])
    sort_keys: dict[str, str] = {}
    folded: dict[str, str] = {}
    for sid in range(1, n + 1):
        given = first()
        if rnd.random() < 0.15:
            given = f"{given} {first()}"
        family = last()
        if rnd.random() < 0.05:
            family = f"{last()}-{family}" if rnd.random() < 0.5 else f"{last()} {family}"
        name = f"{given} {family}"
        r = rnd.random()
        if r < 0.80:
            roles, customer, supplier = "customer", f"K{100000 + sid}", None
        elif r < 0.85:
            roles, customer, supplier = "supplier", None, f"L{20000 + sid}"
        elif r < 0.90:
            roles, customer, supplier = "customer,supplier", f"K{100000 + sid}", f"L{20000 + sid}"
        elif r < 0.95:
            roles, customer, supplier = "stakeholder", None, None
        else:
            roles, customer, supplier = "other", None, None
        emails: list[str] = []
        e = rnd.random()
        n_emails = 0 if e < 0.05 else 1 if e < 0.90 else 2
        for k in range(n_emails):
            g = given.split()[0].lower().translate(ASCII)
            f = family.replace("-", " ").split()[-1].lower().translate(ASCII)
            style = rnd.random()
            if style < 0.45:
                local = f"{g}.{f}"
            elif style < 0.65:
                local = f"{g}{f}"
            elif style < 0.80:
                local = f"{g[0]}.{f}"
            else:
                local = f"{g}_{f}{rnd.randrange(60, 100)}"
            if rnd.random() < 0.6 or k:
                local += str(rnd.randrange(1, 10_000))
            emails.append(f"{local}@{domain()}")
        phones: list[str] = []
        p = rnd.random()
        n_phones = 0 if p < 0.12 else 1 if p < 0.95 else 2
        for _ in range(n_phones):
            lead = rnd.choice("4499") if rnd.random() < 0.85 else rnd.choice("2357")
            phones.append(f"+47{lead}{rnd.randrange(10**7):07d}")
        postcode, city = place()
        address = f"{rnd.choice(STREETS)} {rnd.randrange(1, 140)}\n{postcode} {city}"
        if rnd.random() < 0.1:
            address = f"Postboks {rnd.randrange(1, 900)}\n{postcode} {city}"
        customerish = customer is not None
        last_purchase = today - dt.timedelta(days=rnd.randrange(3650)) if customerish else None
        last_contact = today - dt.timedelta(days=rnd.randrange(3650))
        key = sort_keys.get(name)
        if key is None:
            key = sort_keys[name] = sort_key(name)
        index_name = folded.get(name)
        if index_name is None:
            index_name = folded[name] = fts.index_row(name, (), (), ())["name"]
        pseudonym = f"S-{sid:06d}"
        row = fts.index_row("", emails, phones, (customer, supplier, pseudonym))
        yield {
            "id": sid,
            "pseudonym": pseudonym,
            "name": name,
            "sort_name": key,
            "address": address,
            "roles": roles,
            "customer_no": customer,
            "supplier_no": supplier,
            "last_purchase": last_purchase,
            "last_contact": last_contact,
            "emails": emails,
            "phones": phones,
            "fts": (sid, index_name, row["contact"], row["numbers"]),
        }


def _received_times(rnd: random.Random, n: int, now: dt.datetime) -> list[dt.datetime]:
    """n receipt times over the last ten years, more of them lately, in office hours
    mostly, fewer at weekends; sorted (cases are logged in the order they arrive)."""
    span = 3650
    out = []
    for _ in range(n):
        days = int(span * (1 - math.sqrt(rnd.random())))  # density rising towards today
        day = now.date() - dt.timedelta(days=days)
        if day.weekday() >= 5 and rnd.random() < 0.7:
            day -= dt.timedelta(days=day.weekday() - 4)  # mostly moved to the Friday
        hour = rnd.choice((8, 9, 9, 10, 10, 11, 12, 13, 13, 14, 14, 15, 16, 17, 20, 22))
        moment = dt.datetime(
            day.year, day.month, day.day, hour, rnd.randrange(60), rnd.randrange(60), tzinfo=OSLO
        )
        out.append(min(moment.astimezone(dt.UTC).replace(tzinfo=None), now))
    out.sort()
    return out


def generate(label: str, *, quiet: bool = False) -> None:
    n = SIZES[label]
    folder = size_dir(label)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)
    say = (lambda *_: None) if quiet else print
    started = time.perf_counter()
    say(f"generating {label}: {n:,} subjects and {n:,} cases into {folder}")

    from app.store.database import open_database

    db = open_database(folder / "innsyn.sqlite3")
    assert db.keying.raw_key is not None
    (folder / "key").write_text(f"{db.database_id} {db.keying.raw_key.hex()}\n", "ascii")
    (folder / "key").chmod(0o600)
    counts: dict[str, int] = {}
    try:
        with db.engine.connect() as conn:
            raw = conn.connection.dbapi_connection  # pragmas outside SQLAlchemy's BEGIN
            assert raw is not None
            raw.execute("PRAGMA cache_size = -1048576")  # 1 GB while writing
            raw.execute("PRAGMA synchronous = OFF")  # throw-away data: no fsyncs
            counts = _fill(conn, n, say)
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.commit()
    finally:
        db.close()
    filled = time.perf_counter() - started
    say(f"  filled in {filled:.1f} s; writing the unencrypted copy")
    _plain_copy(folder, db.keying)
    seconds = time.perf_counter() - started
    info = {
        "generator": GENERATOR_VERSION,
        "schema": _head(),
        "subjects": n,
        "cases": n,
        **counts,
        "seconds": round(seconds, 1),
        "encrypted_mb": round((folder / "innsyn.sqlite3").stat().st_size / 1e6, 1),
        "plain_mb": round((folder / "plain.sqlite3").stat().st_size / 1e6, 1),
        "generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    (folder / "meta.json").write_text(json.dumps(info, indent=2) + "\n", "utf-8")
    say(
        f"  done in {seconds:.1f} s: {info['encrypted_mb']} MB encrypted, "
        f"{info['plain_mb']} MB plain"
    )


def _plain_copy(folder: Path, keying: Any) -> None:
    from app.store.engine import connect_raw

    target = folder / "plain.sqlite3"
    target.unlink(missing_ok=True)
    conn = connect_raw(folder / "innsyn.sqlite3", keying)
    try:
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()


def _fill(conn: Any, n: int, say: Any) -> dict[str, int]:
    from app.core import deadlines
    from app.store import audit
    from app.store.models import (
        AuditLog,
        Case,
        CaseEvent,
        ReferenceCounter,
        Subject,
        SubjectEmail,
        SubjectPhone,
    )

    rnd = random.Random(SEED + n)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    today = now.date()
    fmt = _Text(conn)
    fmt.check()
    user = "personvern"

    # subjects, their contacts and their search index rows
    t = time.perf_counter()
    sql_subject = _compiled(
        conn,
        Subject.__table__,
        ("id", "pseudonym", "name", "sort_name", "postal_address", "roles", "customer_no",
         "supplier_no", "last_purchase", "last_contact", "created_at"),
    )  # fmt: skip
    sql_email = _compiled(conn, SubjectEmail.__table__, ("subject_id", "address"))
    sql_phone = _compiled(conn, SubjectPhone.__table__, ("subject_id", "e164"))
    sql_fts = "INSERT INTO subject_fts(rowid, name, contact, numbers) VALUES (?, ?, ?, ?)"
    first_seen = fmt.stamp(now - dt.timedelta(days=3650))
    n_emails = n_phones = 0
    contact_of: list[tuple[str | None, str | None]] = [(None, None)]  # by subject id
    batch: list[dict[str, Any]] = []

    def write_subjects(rows: list[dict[str, Any]]) -> None:
        nonlocal n_emails, n_phones
        subjects = [
            (r["id"], r["pseudonym"], r["name"], r["sort_name"], r["address"], r["roles"],
             r["customer_no"], r["supplier_no"], fmt.date(r["last_purchase"]),
             fmt.date(r["last_contact"]), first_seen)
            for r in rows
        ]  # fmt: skip
        emails = [(r["id"], a) for r in rows for a in r["emails"]]
        phones = [(r["id"], p) for r in rows for p in r["phones"]]
        conn.exec_driver_sql(sql_subject, subjects)
        if emails:
            conn.exec_driver_sql(sql_email, emails)
        if phones:
            conn.exec_driver_sql(sql_phone, phones)
        conn.exec_driver_sql(sql_fts, [r["fts"] for r in rows])
        conn.commit()
        n_emails += len(emails)
        n_phones += len(phones)

    for row in _subjects(rnd, n, today):
        contact_of.append(
            (
                row["emails"][0] if row["emails"] else None,
                row["phones"][0] if row["phones"] else None,
            )
        )
        batch.append(row)
        if len(batch) == CHUNK:
            write_subjects(batch)
            batch = []
    if batch:
        write_subjects(batch)
    say(
        f"  {n:,} subjects, {n_emails:,} e-mails, {n_phones:,} phones: {time.perf_counter() - t:.1f} s"
    )

    # cases, their timelines and the audit chain
    t = time.perf_counter()
    case_cols = (
        "id", "reference", "subject_id", "types", "channel", "language", "received_at",
        "received_date", "due_date", "status", "is_open", "extended", "extension_decided_on",
        "extension_reason", "extension_told_on", "identity_method", "identity_result",
        "identity_verified_on", "identity_requested_on", "identity_received_on",
        "fee_decision", "fee_amount", "fee_reason", "refusal_reason", "answered_on",
        "answer_method", "closed_on", "call_notes", "contact_email", "contact_phone",
        "created_at", "created_by",
    )  # fmt: skip
    sql_case = _compiled(conn, Case.__table__, case_cols)
    sql_event = _compiled(conn, CaseEvent.__table__, ("case_id", "at", "user", "kind", "detail"))
    sql_audit = _compiled(
        conn,
        AuditLog.__table__,
        ("id", "at", "user", "action", "table_name", "object_id", "detail", "prev_hash", "hash"),
    )
    types = Picker(rnd, TYPE_SETS)
    channels = Picker(rnd, CHANNELS)
    recent, middle, old = (Picker(rnd, s) for s in (STATUS_RECENT, STATUS_MIDDLE, STATUS_OLD))
    methods = Picker(rnd, IDENTITY_METHODS)
    answer_methods = Picker(rnd, ANSWER_METHODS)
    received_times = _received_times(rnd, n, now)
    numbers: dict[int, int] = {}
    last = conn.exec_driver_sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first()
    audit_id, prev_hash = (last[0], last[1]) if last else (0, audit.GENESIS)
    case_rows: list[tuple[Any, ...]] = []
    event_rows: list[tuple[Any, ...]] = []
    audit_rows: list[tuple[Any, ...]] = []
    n_events = 0
    day = dt.timedelta(days=1)
    # audit.canonical's encoding, with the encoder made once
    canonical = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
    assert canonical({"b": "æ", "a": 1}) == audit.canonical({"b": "æ", "a": 1})

    def flush() -> None:
        if not case_rows:
            return
        conn.exec_driver_sql(sql_case, case_rows)
        conn.exec_driver_sql(sql_event, event_rows)
        conn.exec_driver_sql(sql_audit, audit_rows)
        conn.commit()
        case_rows.clear()
        event_rows.clear()
        audit_rows.clear()

    for cid, received_at in enumerate(received_times, start=1):
        received = deadlines.receipt_date(received_at)
        age = (today - received).days
        subject_id = 1 + int(n * rnd.random() ** 1.15)  # some people ask again and again
        subject_id = min(subject_id, n)
        year = received.year
        numbers[year] = number = numbers.get(year, 0) + 1
        reference = f"{year}-{number:04d}"
        kinds = types()
        channel = channels()
        status = (recent if age <= 30 else middle if age <= 120 else old)()
        is_open = status in OPEN
        original_due = deadlines.due_date(received)
        extended = rnd.random() < 0.04 and age > 20
        due = deadlines.due_date(received, extended=True) if extended else original_due
        decided = told = reason = None
        if extended:
            decided = min(received + dt.timedelta(days=rnd.randrange(3, 25)), original_due)
            told = decided
            reason = rnd.choice(EXTENSION_REASONS)
        method = result = verified = requested = arrived = None
        if status != "new":
            method = methods()
            if status == "awaiting identity":
                result = "pending"
                requested = min(received + dt.timedelta(days=rnd.randrange(0, 5)), today)
            else:
                result = "verified" if rnd.random() < 0.93 else "not verified"
                verified = min(received + dt.timedelta(days=rnd.randrange(0, 8)), today)
                if rnd.random() < 0.2:
                    requested, arrived = received, verified
        fee = fee_amount = fee_reason = refusal = None
        if status == "refused":
            refusal = rnd.choice(REFUSAL_REASONS)
            fee = "refuse" if rnd.random() < 0.3 else None
        elif "access" in kinds and rnd.random() < 0.02:
            fee = "free"
        elif "access" in kinds and rnd.random() < 0.003:
            fee, fee_amount = "fee", rnd.choice((250, 500, 750))
            fee_reason = "Fjerde forespørsel om samme opplysninger innen ett år."
        answered = answer_method = closed = None
        if status in ("answered", "closed"):
            limit = max(1, (due - received).days)
            late = rnd.random() < 0.06
            days = limit + rnd.randrange(1, 20) if late else rnd.randrange(1, limit + 1)
            answered = min(received + dt.timedelta(days=days), today)
            answer_method = answer_methods()
            if status == "closed":
                closed = min(answered + dt.timedelta(days=rnd.randrange(0, 30)), today)
        elif status in ("refused", "withdrawn"):
            closed = min(received + dt.timedelta(days=rnd.randrange(1, 30)), today)
        email, phone = contact_of[subject_id]
        created = received_at + dt.timedelta(minutes=rnd.randrange(1, 240))
        created = min(created, now)
        case_rows.append(
            (cid, reference, subject_id, kinds, channel, "en" if rnd.random() < 0.08 else "nb",
             fmt.stamp(received_at), fmt.date(received), fmt.date(due), status, is_open,
             extended, fmt.date(decided), reason, fmt.date(told), method, result,
             fmt.date(verified), fmt.date(requested), fmt.date(arrived), fee, fee_amount,
             fee_reason, refusal, fmt.date(answered), answer_method, fmt.date(closed),
             rnd.choice(NOTES) if channel == "phone" else "",
             email if channel == "email" else None, phone if channel == "phone" else None,
             fmt.stamp(created), user)
        )  # fmt: skip
        stamp = fmt.stamp(created)
        event_rows.append((cid, stamp, user, "received", f"{channel} request: {kinds}"))
        if method:
            at = fmt.stamp(dt.datetime.combine(verified or requested or received, created.time()))
            event_rows.append((cid, at, user, "identity", f"{method}: {result}"))
        if extended:
            at = fmt.stamp(dt.datetime.combine(decided, created.time()))  # type: ignore[arg-type]
            event_rows.append((cid, at, user, "extended", f"due {original_due} → {due}\n{reason}"))
        if answered is not None:
            at = fmt.stamp(dt.datetime.combine(answered, created.time()))
            event_rows.append((cid, at, user, "answered", f"{answered} by {answer_method}"))
        if closed is not None:
            at = fmt.stamp(dt.datetime.combine(closed, created.time()) + day / 3)
            event_rows.append((cid, at, user, "status", f"→ {status}"))
        # the audit chain: one row per case, as the ORM hook writes it
        audit_id += 1
        detail = canonical({"reference": reference, "subject_id": subject_id})
        at_iso = created.replace(tzinfo=dt.UTC).isoformat(timespec="microseconds")
        content = canonical(
            {"id": audit_id, "at": at_iso, "user": user, "action": "insert", "table": "case_",
             "object_id": str(cid), "detail": detail}
        )  # fmt: skip
        digest = hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()
        audit_rows.append(
            (audit_id, at_iso, user, "insert", "case_", str(cid), detail, prev_hash, digest)
        )
        prev_hash = digest
        if len(case_rows) == CHUNK:
            n_events += len(event_rows)
            flush()
    n_events += len(event_rows)
    flush()
    conn.exec_driver_sql(
        "INSERT INTO audit_anchor (id, last_id, last_hash) VALUES (1, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash",
        (audit_id, prev_hash),
    )
    conn.exec_driver_sql(
        _compiled(conn, ReferenceCounter.__table__, ("year", "last_number")),
        list(numbers.items()),
    )
    conn.commit()
    say(f"  {n:,} cases, {n_events:,} events, {n:,} audit rows: {time.perf_counter() - t:.1f} s")
    return {"emails": n_emails, "phones": n_phones, "events": n_events, "audit_rows": audit_id}


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate the benchmark databases.")
    ap.add_argument("--sizes", default="10k,100k")
    ap.add_argument("--force", action="store_true", help="generate again even if current")
    args = ap.parse_args()
    env.isolate()
    for label in parse_sizes(args.sizes):
        if is_current(label) and not args.force:
            print(f"{label}: current ({size_dir(label)})")
            continue
        ensure(label, force=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
