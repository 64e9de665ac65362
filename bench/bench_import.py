"""Benchmark: importing a subject register of a million rows.

Generates an ERP-style CSV (Norwegian names, e-mails, +47 phones, dd.mm.yyyy dates) in a
temporary folder, then times, in the same run:

- ours: `import_subjects` into a fresh Innsyn database (encrypted, with its indexes and the
  search index), validating and normalising every row;
- the baseline: `csv.reader` + `sqlite3.executemany` of the raw text into one table of the
  same columns (no validation, no indexes, no encryption);

and prints the ratio (target: at most 2.5x). Not part of the test suite:

    .venv/bin/python bench/bench_import.py [--rows 1000000] [--twice] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST = (
    "Kari Ola Per Åse Øystein Ingrid Lars Nils Sigrid Bjørn Astrid Håkon Solveig Knut Ragnhild "
    "Jørgen Marit Tor Liv Geir Anne Trond Hilde Espen Silje Magnus Nora Emil Ida Jonas Maja "
    "Sander Thea Henrik Ingeborg Mathias Sofie Aksel Tiril Sindre Vilde Eirik Frøydis Áile Ánde "
    "Máret Niillas Sunniva Halvor Gunnhild Torbjørn Ådne Kjersti Ørjan Synnøve Vegard Gro"
).split()
LAST = (
    "Nordmann Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen "
    "Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen "
    "Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen "
    "Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen "
    "Ødegård Ødegaard Aas Bråten Sæther Østby Ŋuolga Gaup Sara Somby Hætta Bjørkli Fjeld Vik"
).split()
STREETS = "Storgata Kirkegata Fjordgata Bryggen Industriveien Skolegata Parkveien Sjøgata".split()
PLACES = (("0155", "Oslo"), ("5003", "Bergen"), ("7010", "Trondheim"), ("9008", "Tromsø"),
          ("1337", "Sandvika"), ("3015", "Drammen"), ("4006", "Stavanger"), ("9730", "Karasjok"))  # fmt: skip
DOMAINS = ("example.no", "epost.example", "firma.example", "online.example", "posten.example")
HEADER = ("Kundenr", "Navn", "E-post", "Telefon", "Adresse", "Postnr", "Sted", "Kundetype",
          "Siste kjøp", "Siste kontakt")  # fmt: skip
ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "á": "a", "ŋ": "n"})


def generate(path: Path, rows: int, seed: int = 20260302) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        for i in range(rows):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            local = f"{first}.{last}".lower().translate(ASCII)
            mobile = rnd.choice(("9", "9", "9", "41", "46", "47", "48"))
            mobile += f"{rnd.randrange(10**8):08d}"[: 8 - len(mobile)]
            phone = rnd.choice(
                (f"{mobile[:3]} {mobile[3:5]} {mobile[5:]}", f"+47 {mobile}", mobile)
            )
            postcode, place = rnd.choice(PLACES)
            y1, y2 = rnd.randrange(2015, 2026), rnd.randrange(2015, 2026)
            w.writerow(
                (
                    str(100_000 + i),
                    f"{first} {last}",
                    f"{local}{i}@{rnd.choice(DOMAINS)}",
                    phone,
                    f"{rnd.choice(STREETS)} {rnd.randrange(1, 120)}",
                    postcode,
                    place,
                    rnd.choice(("Kunde", "Kunde", "Kunde", "Leverandør", "Interessent")),
                    f"{rnd.randrange(1, 29):02d}.{rnd.randrange(1, 13):02d}.{y1}",
                    f"{rnd.randrange(1, 29):02d}.{rnd.randrange(1, 13):02d}.{y2}",
                )
            )


def baseline(csv_path: Path, db_path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE register (customer_no TEXT, name TEXT, email TEXT, phone TEXT, "
        "address TEXT, postcode TEXT, city TEXT, role TEXT, last_purchase TEXT, "
        "last_contact TEXT)"
    )
    sql = "INSERT INTO register VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    conn.execute("BEGIN")
    with csv_path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        chunk: list[list[str]] = []
        for record in reader:
            chunk.append(record)
            if len(chunk) == 10_000:
                conn.executemany(sql, chunk)
                chunk = []
        if chunk:
            conn.executemany(sql, chunk)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def ours(csv_path: Path, folder: Path, twice: bool = False) -> tuple[float, object, float | None]:
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    os.environ["INNSYN_DATA_DIR"] = str(folder / "data")
    ring = PlaintextKeyring()
    ring.file_path = str(folder / "keyring.cfg")
    keyring.set_keyring(ring)  # the benchmark's database key stays in the temp folder

    from app.services.subject_import import import_subjects
    from app.store.database import open_database

    db = open_database(folder / "innsyn.sqlite3")
    try:
        started = time.perf_counter()
        report = import_subjects(db, csv_path)
        took = time.perf_counter() - started
        again = None
        if twice:  # the same register once more: every row matches, nothing changes
            started = time.perf_counter()
            import_subjects(db, csv_path)
            again = time.perf_counter() - started
        return took, report, again
    finally:
        db.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--twice", action="store_true", help="also time importing it again")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="innsyn-bench-"))
    try:
        csv_path = folder / "register.csv"
        t = time.perf_counter()
        generate(csv_path, args.rows)
        size = csv_path.stat().st_size / 1e6
        print(f"generated {args.rows:,} rows ({size:.0f} MB) in {time.perf_counter() - t:.1f} s")
        base = baseline(csv_path, folder / "baseline.sqlite3")
        print(f"baseline (csv.reader + sqlite3.executemany): {base:6.2f} s")
        took, report, again = ours(csv_path, folder, args.twice)
        print(
            f"ours (import_subjects):                      {took:6.2f} s  "
            f"({args.rows / took:,.0f} rows/s; inserted {report.inserted:,}, "  # type: ignore[attr-defined]
            f"updated {report.updated:,}, rejected {report.rejected:,})"  # type: ignore[attr-defined]
        )
        if again is not None:
            print(f"ours again (every row matches, none changes): {again:6.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"ratio: {took / base:.2f}x (target <= 2.5x); peak memory {peak:,.0f} MB")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
