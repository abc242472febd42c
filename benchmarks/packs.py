"""Time the review packs (PDF) and an on-screen partner chart on synthetic journals.

Usage: ``python benchmarks/packs.py [--size 10000] [--chart-size 100000] [--runs 3] [--profile]``.
Prints the median seconds (wall and CPU) to write a one-year partner pack (of the busiest
partner, and of the first in the partners list, which ``gui.py`` times) and the one-year
portfolio pack (every active partner), and the time from a balance query to a painted chart
of the busiest partner over one and over ten years. See README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import generate
from brm_desk.domain.balance import PartnerBalance
from brm_desk.services.interchange.json_io import import_journal, read_import_file
from brm_desk.services.journal import Journal
from run import fmt_time, profiled

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))
TARGET_PARTNER_SECONDS = 1.5
TARGET_PORTFOLIO_SECONDS = 5.0
TARGET_CHART_SECONDS = 0.200


def journal_of(size: int, work_dir: Path) -> Path:
    """A journal file holding the synthetic journal of ``size`` meetings (import not timed)."""
    json_path = generate.OUT_DIR / f"journal-{size}.json"
    if not json_path.exists():
        generate.write_journal(size)
    db_path = work_dir / f"journal-{size}.db"
    if not db_path.exists():
        with Journal.create(db_path) as journal:
            import_journal(journal, read_import_file(json_path))
    return db_path


Row = tuple[str, float, float, float]
"""(what, median wall seconds, median CPU seconds, target seconds)."""


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds: on a shared machine the CPU time is the steadier one."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def partners_to_time(journal: Journal) -> list[tuple[str, str, int]]:
    """The busiest partner of the period, and the first in the partners list (the one
    ``gui.py`` times) when that is another: (id, name, engagements)."""
    balances = journal.balances.for_partners(*PERIOD)
    top = max(balances, key=lambda b: b.tally.total)
    first_id = journal.partners.listing()[0].id
    first = next((b for b in balances if b.partner_id == first_id), top)
    return [(b.partner_id, b.name, b.tally.total) for b in dict.fromkeys([top, first])]


def bench_packs(db_path: Path, runs: int, profile: bool, out: Path) -> list[Row]:
    from brm_desk.reports.review_pack import write_partner_pack, write_portfolio_pack

    rows: list[Row] = []
    with Journal.open(db_path) as journal:
        partners = len(journal.balances.for_partners(*PERIOD))

        def portfolio() -> int:
            return write_portfolio_pack(journal, *PERIOD, out / "portfolio.pdf")

        for number, (partner_id, name, engagements) in enumerate(partners_to_time(journal)):

            def partner(partner_id: str = partner_id) -> int:
                return write_partner_pack(journal, partner_id, *PERIOD, out / "partner.pdf")

            pages = partner()  # warm-up: imports, font registration
            label = f"partner pack, 2025 ({name}, {engagements:,} engagements, {pages} pages)"
            rows.append((label, *median_seconds(partner, runs), TARGET_PARTNER_SECONDS))
            with profiled(profile and number == 0, "partner-pack", generate.OUT_DIR):
                partner()
        label = f"portfolio pack, 2025 ({partners} partners)"
        rows.append((label, *median_seconds(portfolio, runs), TARGET_PORTFOLIO_SECONDS))
        with profiled(profile, "portfolio-pack", generate.OUT_DIR):
            portfolio()
    return rows


def bench_screen_chart(db_path: Path, runs: int) -> list[Row]:
    """What showing a partner's chart costs: the balance query, drawing into the figure the
    app keeps (the first partner builds it; the timed ones reuse it) and one Agg paint."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from brm_desk.reports.charts import ChartPalette, draw_balance, new_figure

    rows: list[Row] = []
    with Journal.open(db_path) as journal:
        everything = journal.balances.for_partners(date(2016, 1, 1), date(2025, 12, 31))
        top = max(everything, key=lambda b: b.tally.total)
        palette = ChartPalette.light()
        for years, start in ((1, date(2025, 1, 1)), (10, date(2016, 1, 1))):
            figure = new_figure(palette, (12.0, 3.6))
            canvas = FigureCanvasAgg(figure)

            def show(start: date = start, canvas: FigureCanvasAgg = canvas) -> PartnerBalance:
                balance = journal.balances.for_partner(top.partner_id, start, date(2025, 12, 31))
                draw_balance(canvas.figure, balance, palette=palette)
                canvas.draw()  # type: ignore[no-untyped-call]
                return balance

            show()
            engagements = show().tally.total
            label = f"partner chart on screen, {years} year(s) ({engagements:,} engagements)"
            rows.append((label, *median_seconds(show, runs), TARGET_CHART_SECONDS))
    return rows


def print_rows(rows: Sequence[Row]) -> None:
    width = max(len(row[0]) for row in rows)
    print(f"\n{'what':<{width}}  {'wall':>9}  {'CPU':>9}  {'target':>9}")
    for label, wall, cpu, target in rows:
        mark = "met" if wall <= target else "MISSED"
        print(
            f"{label:<{width}}  {fmt_time(wall):>9}  {fmt_time(cpu):>9}  {fmt_time(target):>9}"
            f"  {mark}"
        )
    print("(medians; 'met' judges the wall time)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="meetings for the packs")
    parser.add_argument(
        "--chart-size", type=int, default=100_000, help="meetings for the screen chart (0: skip)"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each")
    parser.add_argument("--profile", action="store_true", help="cProfile the packs")
    parser.add_argument("--work-dir", type=Path, help="keep the journals here (default: temp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brm-packs-") as temp:
        work_dir = args.work_dir or Path(temp)
        work_dir.mkdir(parents=True, exist_ok=True)
        print(f"Importing the {args.size:,}-meeting journal (not timed)…", flush=True)
        rows = bench_packs(journal_of(args.size, work_dir), args.runs, args.profile, Path(temp))
        if args.chart_size:
            print(f"Importing the {args.chart_size:,}-meeting journal (not timed)…", flush=True)
            rows += bench_screen_chart(journal_of(args.chart_size, work_dir), args.runs)
    print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
