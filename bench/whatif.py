"""What the recommended fixes would gain: each missed target's cause, measured against the
same generated database, next to the query or code path that would replace it.

Application code is not changed: the alternatives are raw SQL on the same (encrypted)
database, the same services called differently, or a scratch copy of the database with the
proposed indexes. Run after `python -m bench.run` (it reuses bench/data):

    .venv/bin/python -m bench.whatif [--size 1m]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench import env

CASE_COLS = (
    "c.id, c.reference, c.subject_id, c.types, c.channel, c.received_date, c.due_date, "
    "c.status, c.is_open, s.name"
)
CASE_JOIN = "FROM case_ c JOIN subject s ON s.id = c.subject_id"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def med(fn: Callable[[], Any], repeat: int = 5) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def once(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


class Raw:
    """One keyed connection of the application's engine, for SQL of our own."""

    def __init__(self, db: Any, cache_kib: int | None = None) -> None:
        self.conn = db.engine.connect()
        self.raw = self.conn.connection.dbapi_connection
        if cache_kib:
            self.raw.execute(f"PRAGMA cache_size = -{cache_kib}")

    def all(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        return self.raw.execute(sql, params).fetchall()  # type: ignore[no-any-return]

    def close(self) -> None:
        self.conn.close()


def report(title: str, lines: list[tuple[str, str, str]]) -> None:
    print(f"\n## {title}\n")
    width = max(len(a) for a, _, _ in lines)
    for what, now, fixed in lines:
        print(f"  {what.ljust(width)}  now {now:>10}   fixed {fixed:>10}")


# --- the case list ------------------------------------------------------------------------------


def case_list(db: Any, scratch_db: Any, n: int) -> None:
    from app.core.model import Status
    from app.services import cases
    from app.services.dto import CaseQuery

    raw = Raw(db)
    page = f"SELECT {CASE_COLS} {CASE_JOIN} "
    lines = [
        (
            "count for the first paint (count_cases: COUNT over the join)",
            ms(med(lambda: cases.count_cases(db, CaseQuery()))),
            ms(med(lambda: raw.all("SELECT count(*) FROM case_"))),
        ),
        (
            "scroll to the end (OFFSET count-200 over the join)",
            ms(once(lambda: cases.list_cases(db, CaseQuery(), offset=n - 200))),
            ms(med(lambda: cases.list_cases(db, CaseQuery(descending=True), offset=0))),
        ),
        (
            "  the middle (OFFSET n/2): ids from the index first, then 200 rows",
            ms(once(lambda: cases.list_cases(db, CaseQuery(), offset=n // 2))),
            ms(
                med(
                    lambda: raw.all(
                        page + "WHERE c.id IN (SELECT id FROM case_ ORDER BY due_date, id "
                        "LIMIT 200 OFFSET ?) ORDER BY c.due_date, c.id",
                        (n // 2,),
                    )
                )
            ),
        ),
    ]
    sraw = Raw(scratch_db)
    for status in (Status.CLOSED, Status.ANSWERED, Status.NEW):
        q = CaseQuery(statuses=(status,))
        lines.append(
            (
                f"filter '{status.value}': count + first page; fixed = index (status, due_date), "
                "count without the join",
                ms(once(lambda q=q: (cases.count_cases(db, q), cases.list_cases(db, q)))),
                ms(
                    med(
                        lambda s=status.value: (
                            sraw.all("SELECT count(*) FROM case_ WHERE status = ?", (s,)),
                            cases.list_cases(scratch_db, CaseQuery(statuses=(Status(s),))),
                        )
                    )
                ),
            )
        )
    raw.close()
    sraw.close()
    report("Case list (CaseTableModel pages from list_cases/count_cases)", lines)


# --- search -----------------------------------------------------------------------------------------


def search(db: Any, queries: tuple[str, ...]) -> None:
    from app.services import cases, subjects
    from app.services.dto import CaseQuery
    from app.store import fts

    raw = Raw(db)

    def subjects_fixed(match: str) -> None:
        # the first 50 in the index's order (then sorted by name), and the open cases counted
        # with the subject_id index (`+is_open` keeps the planner off ix_case_open_due)
        found = raw.all(
            "SELECT * FROM subject WHERE erased_at IS NULL AND id IN (SELECT rowid FROM "
            "subject_fts WHERE subject_fts MATCH ? ORDER BY rowid LIMIT 50) "
            "ORDER BY sort_name, id",
            (match,),
        )
        ids = [r[0] for r in found]
        if ids:
            marks = ",".join("?" * len(ids))
            raw.all(f"SELECT subject_id, id, address FROM subject_email WHERE subject_id IN ({marks})", tuple(ids))  # fmt: skip
            raw.all(f"SELECT subject_id, id, e164 FROM subject_phone WHERE subject_id IN ({marks})", tuple(ids))  # fmt: skip
            raw.all(
                f"SELECT subject_id, count(*) FROM case_ WHERE subject_id IN ({marks}) "
                "AND +is_open = 1 GROUP BY subject_id",
                tuple(ids),
            )

    def open_counts_now(ids: list[int]) -> None:
        marks = ",".join("?" * len(ids))
        raw.all(
            f"SELECT subject_id, count(*) FROM case_ WHERE subject_id IN ({marks}) "
            "AND is_open IS 1 GROUP BY subject_id",
            tuple(ids),
        )

    def cases_fixed(query: str, match: str) -> None:
        # FTS first: few matching people -> their cases by the subject_id index; many ->
        # the present plan (walk the due-date index until 50 are found)
        ids = [r[0] for r in raw.all("SELECT rowid FROM subject_fts WHERE subject_fts MATCH ? LIMIT 2001", (match,))]  # fmt: skip
        if len(ids) <= 2000:
            marks = ",".join("?" * len(ids)) or "NULL"
            # each condition on its own index (an OR with LIKE would scan the table)
            raw.all(
                f"SELECT {CASE_COLS} {CASE_JOIN} WHERE c.id IN (SELECT id FROM case_ WHERE "
                f"subject_id IN ({marks}) UNION SELECT id FROM case_ WHERE reference >= ? AND "
                "reference < ?) ORDER BY c.due_date, c.id LIMIT 50",
                (*ids, query, query + "\uffff"),
            )
        else:
            cases.list_cases(db, CaseQuery(text=query), limit=50)

    lines = []
    for q in queries:
        match = fts.match_expression(q) or ""
        hits = raw.all("SELECT count(*) FROM subject_fts WHERE subject_fts MATCH ?", (match,))[0][0]
        first = subjects.list_subjects(db, search=q, limit=50)
        lines.append(
            (
                f"subjects '{q}' ({hits:,} matches)",
                ms(med(lambda q=q: subjects.list_subjects(db, search=q, limit=50))),
                ms(med(lambda m=match: subjects_fixed(m))),
            )
        )
        if first:
            lines.append(
                (
                    "  of which: open cases counted (is_open index chosen)",
                    ms(med(lambda ids=[x.id for x in first]: open_counts_now(ids))),
                    "",
                )
            )
        lines.append(
            (
                f"cases '{q}'",
                ms(med(lambda q=q: cases.list_cases(db, CaseQuery(text=q), limit=50), 3)),
                ms(med(lambda q=q, m=match: cases_fixed(q, m), 3)),
            )
        )
        lines.append(
            (
                "  baseline: the FTS5 query alone, LIMIT 50",
                ms(
                    med(
                        lambda m=match: raw.all(
                            "SELECT rowid, name, contact FROM subject_fts WHERE subject_fts "
                            "MATCH ? LIMIT 50",
                            (m,),
                        )
                    )
                ),
                "",
            )
        )
    raw.close()
    report("Search (list_subjects / list_cases with text, first 50)", lines)


# --- the case log: export and the overview's year figures ----------------------------------------

LOG_SQL = (
    "SELECT c.reference, c.types, c.channel, c.received_date, c.identity_verified_on, "
    "c.identity_method, c.due_date, c.extended, c.extension_decided_on, c.extension_reason, "
    "c.answered_on, c.closed_on, c.status, c.refusal_reason, c.fee_decision, c.fee_amount, "
    "s.pseudonym, "
    "(SELECT count(*) FROM recipient_notice n WHERE n.case_id = c.id AND n.status != 'open'), "
    "(SELECT count(*) FROM recipient_notice n WHERE n.case_id = c.id) "
    "FROM case_ c JOIN subject s ON s.id = c.subject_id "
    "WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id"
)
_OUTCOME = {"answered": "answered", "closed": "answered", "refused": "refused"}


def core_log_rows(db: Any, start: dt.date, end: dt.date) -> Iterator[Any]:
    """The case log's rows from one Core query of the columns the log needs, streamed:
    no ORM entities, no identity map, dates parsed once per distinct value."""
    from app.core.caselog import CaseLogRow
    from app.core.deadlines import due_date

    days: dict[str, dt.date] = {}

    def day(text: str | None) -> dt.date | None:
        if text is None:
            return None
        value = days.get(text)
        if value is None:
            value = days[text] = dt.date.fromisoformat(text)
        return value

    types: dict[str, tuple[str, ...]] = {}
    raw = Raw(db)
    try:
        cursor = raw.raw.execute(
            LOG_SQL, (f"{start - dt.timedelta(days=1)} 22:00", f"{end} 23:59:59")
        )
        while chunk := cursor.fetchmany(5000):
            for (ref, kinds, channel, received_text, verified, method, due, extended, decided,
                 reason, answered, closed, status, refusal, _fee, amount, pseudo, done,
                 required) in chunk:  # fmt: skip
                received = day(received_text)
                assert received is not None
                if not start <= received <= end:
                    continue
                t = types.get(kinds) or types.setdefault(kinds, tuple(kinds.split(",")))
                yield CaseLogRow(
                    reference=ref, types=t, channel=channel, received=received,
                    identity_verified_on=day(verified), identity_method=method,
                    due=due_date(received) if extended else day(due),  # type: ignore[arg-type]
                    extension_decided_on=day(decided), extension_reason=reason,
                    extended_due=day(due) if extended else None, answered_on=day(answered),
                    closed_on=day(closed), status=status,
                    outcome=_OUTCOME.get(status, "withdrawn" if status == "withdrawn" else "open"),
                    refusal_reason=refusal, refusal_basis=None, fee_amount=amount,
                    notices_done=done, notices_required=required, subject=pseudo,
                )  # fmt: skip
    finally:
        raw.close()


def case_log(db: Any, n: int) -> None:
    import io

    from app.core.figures import year_figures
    from app.reports import caselog as writers
    from app.services import exports
    from app.services.cases import today_oslo

    today = today_oslo()
    wanted = min(100_000, n)
    raw = Raw(db)
    first = raw.all(
        "SELECT received_date FROM case_ ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET ?",
        (wanted - 1,),
    )[0][0]
    raw.close()
    start = dt.date.fromisoformat(first)
    year = today.year
    y0, y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def peak_mb(fn: Callable[[], Any]) -> float:
        import gc
        import tracemalloc

        gc.collect()
        tracemalloc.start()
        try:
            fn()
            return tracemalloc.get_traced_memory()[1] / 1e6
        finally:
            tracemalloc.stop()

    now_rows = once(lambda: exports.case_log_rows(db, received_from=start, received_to=today))
    fixed_rows = once(lambda: list(core_log_rows(db, start, today)))
    rows = exports.case_log_rows(db, received_from=start, received_to=today)
    write_csv = med(lambda rows=rows: writers.write_csv(rows, io.StringIO(newline="")), 3)
    rows = []
    figures_now = once(lambda: exports.figures_for_year(db, year))
    figures_fixed = once(lambda: year_figures(core_log_rows(db, y0, y1), year))
    # Python's own allocations at their peak (tracemalloc; SQLite's page cache is not in it)
    grown_now = peak_mb(lambda: exports.case_log_rows(db, received_from=start, received_to=today))
    grown_figures = peak_mb(lambda: exports.figures_for_year(db, year))
    grown_fixed = peak_mb(lambda: year_figures(core_log_rows(db, y0, y1), year))
    report(
        "The case log (export_case_log, and the overview's figures of the year)",
        [
            (f"read {wanted:,} log rows (case_log_rows: ORM entities)", ms(now_rows),
             ms(fixed_rows)),
            ("  peak Python memory for it", f"{grown_now:.0f} MB", "(streamed)"),
            ("  the CSV writer itself, for comparison", ms(write_csv), ""),
            (f"figures of {year} on the overview (read every case of the year)",
             ms(figures_now), ms(figures_fixed)),
            ("  peak Python memory for it", f"{grown_figures:.0f} MB", f"{grown_fixed:.0f} MB"),
        ],
    )  # fmt: skip


# --- starting --------------------------------------------------------------------------------------


def start_up(db: Any) -> None:
    from sqlalchemy import text

    from app.services import cases, subjects
    from app.services.dto import CaseQuery

    with db.engine.connect() as conn:
        check = once(lambda: conn.execute(text("PRAGMA quick_check")).scalar())
    code = (
        "import time, importlib, sys; t = time.perf_counter(); "
        "[importlib.import_module(m) for m in sys.argv[1:]]; "
        "print(time.perf_counter() - t)"
    )

    def import_time(*modules: str) -> float:
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", code, *modules],
                capture_output=True,
                text=True,
                check=True,
                cwd=env.ROOT,
            )
            runs.append(float(out.stdout.strip()))
        return min(runs)

    everything = import_time("app.ui.main_window", "app.cli")
    base = import_time("PySide6.QtWidgets", "sqlalchemy.orm", "app.core.model")
    lazy = {
        "alembic (only when the schema is behind)": import_time("alembic.command"),
        "reportlab + openpyxl (exports, at first export)": import_time("app.reports.caselog"),
        "extract_msg (Outlook files, at first .msg)": import_time("extract_msg"),
        "holidays (deadlines)": import_time("holidays"),
    }
    lines = [
        ("PRAGMA quick_check on every open (reads and decrypts every page)", ms(check), "0 (in the background / with the daily backup)"),
        ("import app.ui.main_window + app.cli", ms(everything), ""),
        ("  of which PySide6.QtWidgets + sqlalchemy.orm, the floor", ms(base), ""),
    ]  # fmt: skip
    lines += [(f"  {name}, alone", ms(t), "deferred") for name, t in lazy.items()]
    lines += [
        (
            "count_cases() for the case tab (COUNT over the join)",
            ms(med(lambda: cases.count_cases(db, CaseQuery()), 3)),
            "see case list",
        ),
        (
            "count_subjects() + first page of subjects for the subjects tab",
            ms(med(lambda: (subjects.count_subjects(db), subjects.list_subjects(db)), 3)),
            "",
        ),
    ]
    report("Cold start", lines)


# --- encryption --------------------------------------------------------------------------------------


def encryption(db: Any, plain: Any, n: int) -> None:
    queries = {
        "COUNT(*) of cases": ("SELECT count(*) FROM case_", ()),
        "count of 'closed' (index ix_case__status)": (
            "SELECT count(*) FROM case_ WHERE status = ?",
            ("closed",),
        ),
        "page in the middle, ids from the index first": (
            f"SELECT {CASE_COLS} {CASE_JOIN} WHERE c.id IN (SELECT id FROM case_ ORDER BY "
            "due_date, id LIMIT 200 OFFSET ?) ORDER BY c.due_date, c.id",
            (n // 2,),
        ),
    }
    lines = []
    for cache in (None, 65536):
        e, p = Raw(db, cache), Raw(plain, cache)
        for name, (sql, params) in queries.items():
            te = med(lambda sql=sql, params=params, e=e: e.all(sql, params))
            tp = med(lambda sql=sql, params=params, p=p: p.all(sql, params))
            label = "default page cache" if cache is None else f"cache_size {cache // 1024} MB"
            lines.append((f"{name}, {label}", f"{ms(te)}", f"{ms(tp)} plain ({te / tp:.1f}x)"))
        e.close()
        p.close()
    print("\n(here 'now' is the encrypted database, 'fixed' the unencrypted copy)")
    report("Encryption: page decryption on page-cache misses", lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", default="1m")
    ap.add_argument("--only", default="", help="case_list,search,case_log,start_up,encryption")
    args = ap.parse_args()
    env.isolate()
    from app.services.database import open_database
    from bench import generate, run

    folder = generate.ensure(args.size)
    n = generate.SIZES[args.size]
    only = set(filter(None, args.only.split(","))) or {
        "case_list", "search", "case_log", "start_up", "encryption"
    }  # fmt: skip
    db = open_database(folder / "innsyn.sqlite3", create=False)
    try:
        if "start_up" in only:
            start_up(db)
        if "case_list" in only:
            scratch = env.scratch() / "whatif.sqlite3"
            shutil.copyfile(folder / "innsyn.sqlite3", scratch)
            scratch_db = open_database(scratch, create=False)
            with scratch_db.engine.begin() as conn:
                conn.exec_driver_sql(
                    "CREATE INDEX IF NOT EXISTS ix_whatif_status_due ON case_ (status, due_date)"
                )
            try:
                case_list(db, scratch_db, n)
            finally:
                scratch_db.close()
                scratch.unlink(missing_ok=True)
        if "search" in only:
            search(db, run.NAME_QUERIES + run.EMAIL_QUERIES)
        if "case_log" in only:
            case_log(db, n)
        if "encryption" in only:
            plain = run.plain_database(folder / "plain.sqlite3")
            try:
                encryption(db, plain, n)
            finally:
                plain.close()
    finally:
        db.close()
        shutil.rmtree(env.scratch(), ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
