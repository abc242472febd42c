"""Measure import, balance and search on synthetic journals and print a table of figures.

Usage: ``python benchmarks/run.py [--sizes 10000 100000] [--queries N] [--quick]``
(``make bench``). Each figure sets BRM Desk's own code against a floor: the same work done by
one raw SQL statement through the DB-API module of the same SQLite library the app runs on
(``store.journal_file.sqlite_dbapi``: the one SQLCipher's wheel bundles, plain files unkeyed),
on the same file, so a ratio near 1 means our layers cost little on top of what SQLite itself
must do. See README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import generate
from brm_desk.domain.enums import Focus
from brm_desk.services.interchange.json_io import import_journal, read_import_file
from brm_desk.services.journal import Journal
from brm_desk.store.journal_file import sqlite_dbapi
from brm_desk.store.search_index import BODY_WEIGHT, TITLE_WEIGHT, match_expression

SQLITE = sqlite_dbapi()
"""The floor's DB-API module: the same SQLite library as ours, so the ratios compare equal work."""

TARGET_SIZE = 100_000
TARGET_IMPORT_SECONDS = 30.0
TARGET_BALANCE_RATIO = 1.25
TARGET_SEARCH_RATIO = 1.5
"""Of all queries together, the median of ours over the floor's, and the p90 over the floor's."""
SEARCH_LIMIT = 50
QUERY_SEED = 7
# Rank bands of words.txt (1-based, inclusive); see README.md for how often each is found.
WORD_CLASSES: dict[str, tuple[int, int | None]] = {
    "common": (1, 120),
    "middling": (600, 1200),
    "rare": (2400, None),
}
MIN_QUERY_WORD = 3  # a search box starts searching at three letters

BALANCE_FLOOR_SQL = """
SELECT p.uid, b.month, sum(b.r), sum(b.ro), sum(b.s), sum(b.rm), sum(b.rom), sum(b.sm)
FROM (
    SELECT partner_id, substr(local_date, 1, 7) AS month,
           sum(focus = 'reactive') AS r, sum(focus = 'routine') AS ro,
           sum(focus = 'strategic') AS s,
           sum(CASE WHEN focus = 'reactive' THEN duration_minutes ELSE 0 END) AS rm,
           sum(CASE WHEN focus = 'routine' THEN duration_minutes ELSE 0 END) AS rom,
           sum(CASE WHEN focus = 'strategic' THEN duration_minutes ELSE 0 END) AS sm
    FROM meeting
    WHERE deleted_at IS NULL AND likelihood(local_date BETWEEN :start AND :end, 0.99)
    GROUP BY partner_id, month
    UNION ALL
    SELECT partner_id, substr(received, 1, 7), sum(focus = 'reactive'), sum(focus = 'routine'),
           sum(focus = 'strategic'), 0, 0, 0
    FROM request
    WHERE deleted_at IS NULL AND likelihood(received BETWEEN :start AND :end, 0.99)
    GROUP BY partner_id, substr(received, 1, 7)
) AS b
JOIN partner AS p ON p.id = b.partner_id
WHERE p.deleted_at IS NULL AND NOT p.archived
GROUP BY p.uid, b.month
"""
"""The fastest single statement we know for the same figures: focus pivoted into columns,
and SQLite told that the ten years cover the whole journal, so it sums along the
partner-and-month index without sorting (the statement ours sends, minus our layers)."""
SEARCH_FLOOR_SQL = (
    "SELECT rowid, snippet(search_fts, 1, '[', ']', '…', 12) FROM search_fts "
    "WHERE search_fts MATCH ? ORDER BY rank LIMIT 50"
)
# Not timed: the documents ours should find, ranked with ours' column weights.
SEARCH_CHECK_SQL = (
    f"SELECT rowid FROM search_fts WHERE search_fts MATCH ? "
    f"ORDER BY bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), rowid LIMIT 50"
)
DOCUMENT_IDS_SQL = """
SELECT d.kind, coalesce(m.uid, r.uid, c.uid, p.uid), d.id
FROM search_document AS d
LEFT JOIN meeting AS m ON d.kind = 'meeting' AND m.id = d.source_id
LEFT JOIN request AS r ON d.kind = 'request' AND r.id = d.source_id
LEFT JOIN contact AS c ON d.kind = 'contact' AND c.id = d.source_id
LEFT JOIN partner AS p ON d.kind = 'partner' AND p.id = d.source_id
"""


@dataclass
class Figure:
    """One row of the table: our times against the floor's, in seconds."""

    what: str
    ours: list[float]
    raw: list[float]
    matched: str = ""

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def raw_median(self) -> float:
        return statistics.median(self.raw)

    @property
    def ours_p90(self) -> float:
        return p90(self.ours)

    @property
    def raw_p90(self) -> float:
        return p90(self.raw)

    @property
    def ratio(self) -> float:
        return self.ours_median / self.raw_median


@dataclass
class SizeResult:
    """Everything measured on one journal size."""

    size: int
    counts: dict[str, int]
    json_mb: float
    read_seconds: float
    import_seconds: float
    db_mb: float
    fts_mb: float | None
    figures: list[Figure] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    load: list[float] = field(default_factory=list)

    @property
    def import_total(self) -> float:
        return self.read_seconds + self.import_seconds


def p90(values: Sequence[float]) -> float:
    """The 90th percentile (statistics.quantiles, exclusive method)."""
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]


def query_words(vocabulary: Sequence[str]) -> dict[str, list[str]]:
    """The candidate query words of each class, by rank band."""
    classes = {}
    for name, (first, last) in WORD_CLASSES.items():
        band = vocabulary[first - 1 : last]
        classes[name] = [w for w in band if len(w) >= MIN_QUERY_WORD]
    return classes


def draw_queries(
    classes: dict[str, list[str]], name: str, count: int, width: int, rng: random.Random
) -> list[str]:
    """``count`` queries whose last word is of class ``name``; words before it are common.

    Two rare words seldom meet in one note, so a query of two rare words finds nothing; a
    user narrows a common word with a rarer one ("budget overrun").
    """
    queries = []
    for _ in range(count):
        last = rng.choice(classes[name])
        first = [w for w in rng.sample(classes["common"], width) if w != last][: width - 1]
        queries.append(" ".join([*first, last]))
    return queries


def fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    milliseconds = seconds * 1000
    return f"{milliseconds:.1f} ms" if milliseconds >= 10 else f"{milliseconds:.2f} ms"


@contextmanager
def profiled(enabled: bool, name: str, out_dir: Path) -> Iterator[None]:
    """cProfile the block when asked; stats go to out/<name>.pstats and the top lines print."""
    if not enabled:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        path = out_dir / f"profile-{name}.pstats"
        profile.dump_stats(path)
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(18)
        print(f"\n--- profile {name} ({path}) ---")
        print("\n".join(text.getvalue().splitlines()[6:]), flush=True)


def captured_sql(journal: Journal, action: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements (with parameters) our code sends to SQLite while ``action`` runs."""
    from sqlalchemy import event

    statements: list[tuple[str, Any]] = []

    def remember(_c: object, _k: object, statement: str, parameters: Any, *_: object) -> None:
        statements.append((statement, parameters))

    engine = journal.database.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return statements


def print_plan(connection: Any, label: str, sql: str, parameters: Any) -> None:
    print(f"\n--- {label} ---\n{sql.strip()}")
    for _id, _parent, _unused, detail in connection.execute(
        f"EXPLAIN QUERY PLAN {sql}", parameters
    ):
        print(f"    {detail}")


# Import


def measure_import(json_path: Path, db_path: Path) -> tuple[float, float]:
    """Seconds to read the JSON file and to import it into the new journal at ``db_path``."""
    with Journal.create(db_path) as journal:
        started = time.perf_counter()
        data = read_import_file(json_path)
        read = time.perf_counter()
        import_journal(journal, data)
        done = time.perf_counter()
    return read - started, done - read


def profile_import(json_path: Path, db_path: Path, size: int) -> None:
    """The same import again under cProfile, into another new journal (not timed)."""
    with Journal.create(db_path) as journal, profiled(True, f"import-{size}", generate.OUT_DIR):
        import_journal(journal, read_import_file(json_path))


def file_sizes(db_path: Path) -> tuple[float, float | None]:
    """Main-file megabytes after a truncating checkpoint, and the full-text index's share."""
    with SQLITE.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            fts = connection.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'"
            ).fetchone()[0]
        except SQLITE.OperationalError:
            fts = None
    connection.close()
    return db_path.stat().st_size / 1e6, None if fts is None else fts / 1e6


# Balance


def balance_cells_ours(journal: Journal) -> dict[tuple[str, str, str], tuple[int, int]]:
    cells = {}
    for partner in journal.balances.for_partners(generate.PERIOD_FROM, generate.PERIOD_TO):
        for month in partner.months:
            for focus in Focus:
                count = month.tally.count(focus)
                if count:
                    key = (partner.partner_id, month.label, focus.value)
                    cells[key] = (count, month.tally.minutes(focus))
    return cells


def balance_floor(connection: Any) -> list[tuple[Any, ...]]:
    period = {"start": generate.PERIOD_FROM.isoformat(), "end": generate.PERIOD_TO.isoformat()}
    return connection.execute(BALANCE_FLOOR_SQL, period).fetchall()


def measure_balance(
    journal: Journal, connection: Any, runs: int, result: SizeResult, profile: bool
) -> None:
    """The balance of all partners over the ten years: ours against one raw aggregate."""
    ours_cells = balance_cells_ours(journal)
    raw_cells = {
        (uid, month, focus.value): (row[slot], row[slot + 3])
        for uid, month, *row in balance_floor(connection)
        for slot, focus in enumerate(Focus)
        if row[slot]
    }
    verdict = "agree" if ours_cells == raw_cells else "DIFFER"
    result.checks.append(f"balance: ours and the floor {verdict} on {len(raw_cells):,} cells")

    def ours() -> object:
        return journal.balances.for_partners(generate.PERIOD_FROM, generate.PERIOD_TO)

    def raw() -> object:
        return balance_floor(connection)

    ours_times, raw_times = alternate(ours, raw, runs, warmup=3)
    partners = len({key[0] for key in raw_cells})
    result.figures.append(
        Figure(f"balance: {partners} partners, 120 months", ours_times, raw_times)
    )
    with profiled(profile, f"balance-{result.size}", generate.OUT_DIR):
        for _ in range(runs):
            ours()


def alternate(
    ours: Callable[[], object], raw: Callable[[], object], runs: int, warmup: int
) -> tuple[list[float], list[float]]:
    """Time both ``runs`` times after a warm-up, taking turns at going first."""
    for _ in range(warmup):
        ours()
        raw()
    ours_times: list[float] = []
    raw_times: list[float] = []
    for run in range(runs):
        order = [(ours, ours_times), (raw, raw_times)]
        for action, times in order if run % 2 else reversed(order):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
    return ours_times, raw_times


# Search


def search_floor(connection: Any, text: str) -> list[tuple[int, str]]:
    return connection.execute(SEARCH_FLOOR_SQL, (match_expression(text),)).fetchall()


def match_count(connection: Any, text: str) -> int:
    """How many documents a query matches (not timed)."""
    return int(
        connection.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (match_expression(text),)
        ).fetchone()[0]
    )


def measure_search(
    journal: Journal,
    connection: Any,
    queries_per_class: int,
    repeats: int,
    result: SizeResult,
    profile: bool,
) -> None:
    """Top 50 with snippets for one- and two-word queries of each word class."""
    rng = random.Random(QUERY_SEED)
    classes = query_words(generate.load_vocabulary())
    documents = connection.execute("SELECT count(*) FROM search_document").fetchone()[0]
    search = journal.search
    documents_of = {(kind, uid): rowid for kind, uid, rowid in connection.execute(DOCUMENT_IDS_SQL)}
    differing = 0
    everything: list[str] = []
    all_ours: list[float] = []
    all_raw: list[float] = []
    for width in (1, 2):
        for name in classes:
            queries = draw_queries(classes, name, queries_per_class, width, rng)
            everything += queries
            for text in queries:  # warm-up, and the check that both find the same documents
                found = [documents_of[h.kind, h.id] for h in search.query(text, limit=SEARCH_LIMIT)]
                expected = connection.execute(SEARCH_CHECK_SQL, (match_expression(text),))
                differing += found != [rowid for (rowid,) in expected]
                search_floor(connection, text)
            ours_times: list[float] = []
            raw_times: list[float] = []
            for text in queries:
                ours_runs, raw_runs = alternate(
                    partial(search.query, text, limit=SEARCH_LIMIT),
                    partial(search_floor, connection, text),
                    repeats,
                    warmup=0,
                )
                ours_times.append(min(ours_runs))
                raw_times.append(min(raw_runs))
            counts = [match_count(connection, text) for text in queries]
            typical = statistics.median(counts)
            matched = f"{typical:>7,.0f} ({100 * typical / documents:.2g}% of documents)"
            label = f"search: {width} word{'s' if width > 1 else ''}, {name}"
            result.figures.append(Figure(label, ours_times, raw_times, matched))
            all_ours += ours_times
            all_raw += raw_times
    result.figures.append(Figure("search: all queries above", all_ours, all_raw))
    result.checks.append(
        f"search: {len(everything) - differing} of {len(everything)} queries find the same "
        "documents in the same order as bm25 with ours' column weights"
    )
    with profiled(profile, f"search-{result.size}", generate.OUT_DIR):
        for text in everything:
            search.query(text, limit=SEARCH_LIMIT)


# One size


def measure_size(size: int, args: argparse.Namespace, work_dir: Path) -> SizeResult:
    json_path = generate.journal_path(size)
    if args.regenerate or not json_path.exists():
        print(f"generating {json_path.name} …", flush=True)
        generate.write_journal(size)
    counts = {
        kind: len(items)
        for kind, items in json.loads(json_path.read_text(encoding="utf-8")).items()
        if isinstance(items, list)
    }
    db_path = work_dir / f"bench-{size}.brmdesk"
    load_before = os.getloadavg()[0]
    print(f"importing {json_path.name} …", flush=True)
    read_seconds, import_seconds = measure_import(json_path, db_path)
    if args.profile:
        profile_import(json_path, work_dir / f"profile-{size}.brmdesk", size)
    db_mb, fts_mb = file_sizes(db_path)
    result = SizeResult(
        size, counts, json_path.stat().st_size / 1e6, read_seconds, import_seconds, db_mb, fts_mb
    )
    connection = SQLITE.connect(db_path)
    try:
        with Journal.open(db_path) as journal:
            print("timing the balance …", flush=True)
            measure_balance(journal, connection, args.balance_runs, result, args.profile)
            print("timing search …", flush=True)
            measure_search(journal, connection, args.queries, args.repeats, result, args.profile)
            if args.explain:
                explain(journal, connection)
    finally:
        connection.close()
    result.load = [load_before, os.getloadavg()[0]]
    return result


def explain(journal: Journal, connection: Any) -> None:
    """Query plans of the floor and of every statement our code sends for the same work."""
    period = {"start": generate.PERIOD_FROM.isoformat(), "end": generate.PERIOD_TO.isoformat()}
    print_plan(connection, "balance floor", BALANCE_FLOOR_SQL, period)
    for number, (sql, parameters) in enumerate(
        captured_sql(
            journal,
            lambda: journal.balances.for_partners(generate.PERIOD_FROM, generate.PERIOD_TO),
        ),
        start=1,
    ):
        print_plan(connection, f"balance ours #{number}", sql, parameters)
    text = "strategy review"
    print_plan(connection, "search floor", SEARCH_FLOOR_SQL, (match_expression(text),))
    for number, (sql, parameters) in enumerate(
        captured_sql(journal, lambda: journal.search.query(text, limit=SEARCH_LIMIT)), start=1
    ):
        print_plan(connection, f"search ours #{number}", sql, parameters)


# Report


def print_report(results: Sequence[SizeResult]) -> None:
    print()
    print(
        f"BRM Desk benchmarks · Python {platform.python_version()} · SQLite "
        f"{SQLITE.sqlite_version} · {os.cpu_count()} cores · {platform.machine()}"
    )
    header = f"{'':40}{'n':>5}{'ours med':>11}{'ours p90':>11}{'raw med':>11}{'raw p90':>11}"
    for result in results:
        counts = result.counts
        print()
        print(
            f"== {result.size:,} meetings · {counts['requests']:,} requests · "
            f"{counts['partners']} partners · {counts['contacts']} contacts · "
            f"JSON {result.json_mb:.1f} MB =="
        )
        print(
            f"{'import (read JSON + import_journal)':40}{fmt_time(result.import_total):>16}"
            f"   read {fmt_time(result.read_seconds)}, import {fmt_time(result.import_seconds)}"
        )
        fts = "" if result.fts_mb is None else f"   full-text index {result.fts_mb:.1f} MB"
        print(f"{'database size after checkpoint':40}{result.db_mb:>13.1f} MB{fts}")
        print(f"{header}{'ratio':>8}  matches (median)")
        for figure in result.figures:
            row = (
                f"{figure.what:40}{len(figure.ours):>5}{fmt_time(figure.ours_median):>11}"
                f"{fmt_time(figure.ours_p90):>11}{fmt_time(figure.raw_median):>11}"
                f"{fmt_time(figure.raw_p90):>11}{figure.ratio:>7.2f}×  {figure.matched}"
            )
            print(row.rstrip())
        for check in result.checks:
            print(f"  check: {check}")
        if result.load:
            before, after = result.load
            print(f"  load average (1 min) before {before:.2f}, after {after:.2f}")
    print_targets(results)


def print_targets(results: Sequence[SizeResult]) -> None:
    """One line per target, judged at 100,000 meetings (or the largest size measured)."""
    result = max(results, key=lambda r: r.size)
    where = f"{result.size:,} meetings"
    if result.size != TARGET_SIZE:
        where += f" (the targets are set for {TARGET_SIZE:,}; only indicative here)"
    print(f"\nTargets at {where}")

    def line(what: str, value: str, met: bool) -> None:
        print(f"  {what:52}{value:>12}   {'met' if met else 'MISSED'}")

    line(
        f"import ≤ {TARGET_IMPORT_SECONDS:.0f} s",
        fmt_time(result.import_total),
        result.import_total <= TARGET_IMPORT_SECONDS,
    )
    for figure in result.figures:
        if figure.what.startswith("balance"):
            line(
                f"balance median ≤ {TARGET_BALANCE_RATIO}× raw",
                f"{figure.ratio:.2f}×",
                figure.ratio <= TARGET_BALANCE_RATIO,
            )
    pooled = next(figure for figure in result.figures if figure.what.startswith("search: all"))
    line(
        f"search median ≤ {TARGET_SEARCH_RATIO}× raw (all queries)",
        f"{pooled.ratio:.2f}×",
        pooled.ratio <= TARGET_SEARCH_RATIO,
    )
    p90_ratio = pooled.ours_p90 / pooled.raw_p90
    line(
        f"search p90 ≤ {TARGET_SEARCH_RATIO}× raw p90 (all queries)",
        f"{p90_ratio:.2f}×",
        p90_ratio <= TARGET_SEARCH_RATIO,
    )


def save_results(results: Sequence[SizeResult]) -> Path:
    generate.OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = generate.OUT_DIR / f"results-{stamp}.json"
    path.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N", help="meetings per journal")
    parser.add_argument("--queries", type=int, help="queries per word class and width")
    parser.add_argument(
        "--repeats", type=int, default=3, help="timings per query (the best counts)"
    )
    parser.add_argument("--balance-runs", type=int, help="timed runs of the balance")
    parser.add_argument("--quick", action="store_true", help="10,000 meetings, fewer runs")
    parser.add_argument("--regenerate", action="store_true", help="rewrite the JSON files")
    parser.add_argument("--profile", action="store_true", help="cProfile ours, save .pstats")
    parser.add_argument("--explain", action="store_true", help="print query plans")
    parser.add_argument("--work-dir", type=Path, help="where the journals go (default: temp)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ([10_000] if args.quick else list(generate.SIZES))
    args.queries = args.queries or (10 if args.quick else 40)
    args.balance_runs = args.balance_runs or (7 if args.quick else 21)
    results = []
    with tempfile.TemporaryDirectory(prefix="brm-bench-", dir=args.work_dir) as work_dir:
        for size in args.sizes:
            results.append(measure_size(size, args, Path(work_dir)))
    print_report(results)
    print(f"\nfigures saved to {save_results(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
