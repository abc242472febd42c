"""Measure the desktop app at scale: start-up, lists, scrolling, typing, charts, packs, memory.

Usage: ``python benchmarks/gui.py [--sizes 10000 100000] [--runs 7] [--bundle]``. Prints one
table per journal size (median of ``--runs``) with the ratio to a floor where one exists and
the target. See README.md ("The desktop app at scale").

- Start-up runs the real app as a whole process, ``startup_probe.py --db JOURNAL``: the app's
  own ``run`` with a probe on its window, which reports its first paint and the moment the
  dashboard shows rows, then closes it. The floor is ``bare_window.py``, a bare PySide6
  window started the same way. Under Xvfb when it is installed (a real X server), else Qt's
  offscreen platform. A bundle (``--bundle``) cannot take the probe: it and the bare
  window's bundle are timed from outside, until X shows their window (``xdotool``), and
  until the title names the journal; then they end on SIGTERM, as at a session's end.
- Everything else runs in one fresh process per size (``--views SIZE``), offscreen, on the
  real main window: each figure is the time until the UI thread is idle again and the window
  has repainted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT_DIR = HERE / "out"
VENV_APP = ROOT / ".venv" / "bin" / "brm-desk"
PROBE = HERE / "startup_probe.py"
BUNDLE_APP = ROOT / "dist" / "brm-desk" / "brm-desk"
BARE_BUNDLE = OUT_DIR / "bare-window" / "dist" / "bare-window" / "bare-window"
MARK = "brm-desk-timing"

# Targets (issue 7 and issue 3 point 10).
TARGETS: dict[str, tuple[float, str]] = {
    "first window (venv)": (1.5, "ratio"),
    "first window (bundle)": (1.5, "ratio"),
    "dashboard filled (venv)": (1.0, "seconds"),
    "journal in the title (bundle)": (1.0, "seconds"),
    "open Partners": (0.150, "seconds"),
    "open Meetings": (0.150, "seconds"),
    "open Requests": (0.150, "seconds"),
    "open Contacts": (0.150, "seconds"),
    "open Search": (0.150, "seconds"),
    "open Trash": (0.150, "seconds"),
    "open Dashboard": (0.250, "seconds"),
    "dashboard refresh": (0.250, "seconds"),
    "search view: a keystroke": (0.030, "seconds"),
    "meetings filter: a keystroke": (0.030, "seconds"),
    "requests filter: a keystroke": (0.030, "seconds"),
    "meetings filter: list shown": (0.150, "seconds"),
    "requests filter: list shown": (0.150, "seconds"),
    "partner chart": (0.200, "seconds"),
    "review pack: one partner, one year": (1.5, "seconds"),
    "review pack: portfolio, one year": (5.0, "seconds"),  # packs.py's target
    "memory after every view (RSS)": (300.0, "MB"),
}
TYPED = ("budget", "roadmap", "renewal", "not")


# --- journals ---------------------------------------------------------------------------


def journal_file(size: int, folder: Path) -> Path:
    """The journal of ``size`` meetings, imported once from generate.py's JSON and reused."""
    path = folder / f"gui-{size}.brmdesk"
    if path.exists():
        return path
    sys.path.insert(0, str(HERE))
    import generate

    source = OUT_DIR / f"journal-{size}.json"
    if not source.exists():
        generate.main(["--sizes", str(size), "--out", str(OUT_DIR)])
    folder.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for stale in folder.glob(partial.name + "*"):
        stale.unlink()
    print(f"importing {source.name} into {path} (once; later runs reuse it)…", flush=True)
    subprocess.run([str(VENV_APP), "--db", str(partial), "init"], check=True)
    subprocess.run([str(VENV_APP), "--db", str(partial), "import", str(source)], check=True)
    partial.rename(path)
    return path


# --- start-up as a whole process ---------------------------------------------------------


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """A real X server (Xvfb) when there is one, else Qt's offscreen platform."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    with tempfile.TemporaryDirectory() as folder:
        number = Path(folder) / "display"
        with number.open("w") as out:
            server = subprocess.Popen(
                ["Xvfb", "-displayfd", str(out.fileno()), "-screen", "0", "1400x900x24"],
                pass_fds=(out.fileno(),),
                stderr=subprocess.DEVNULL,
            )
        try:
            for _ in range(200):
                if number.read_text().strip():
                    break
                time.sleep(0.05)
            yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":" + number.read_text().strip()}
        finally:
            server.terminate()
            server.wait()


def timed_process(command: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting ``command`` to each event it reports, and to its exit."""
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    ended = time.monotonic()
    events = {
        line.split()[1]: float(line.split()[2]) - started
        for line in done.stderr.splitlines()
        if line.startswith(MARK)
    }
    if done.returncode != 0 or "window" not in events:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr[-800:]}")
    events["exit"] = ended - started
    return events


def build_bare_bundle() -> Path:
    """bare_window.py frozen the way build.spec freezes the app (one folder), built once."""
    if BARE_BUNDLE.exists():
        return BARE_BUNDLE
    work = BARE_BUNDLE.parents[2]
    print("building the bare-window bundle (once)…", flush=True)
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "pyinstaller"),
            "--noconfirm",
            "--log-level=WARN",
            "--onedir",
            "--name=bare-window",
            f"--distpath={work / 'dist'}",
            f"--workpath={work / 'build'}",
            f"--specpath={work}",
            str(HERE / "bare_window.py"),
        ],
        check=True,
    )
    return BARE_BUNDLE


def compile_bytecode() -> None:
    """Our modules' bytecode, as an installed app has it (pip compiles at install; PySide6's
    already is). A source checkout with ``$PYTHONDONTWRITEBYTECODE`` set would otherwise
    compile every module of ours at every start, which no user's install does."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "brm_desk"), quiet=1)


def timed_from_outside(command: Sequence[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from starting ``command`` until X shows a window titled "BRM Desk…" and until
    its title names a journal (a bare window's never does); then it is ended with SIGTERM.
    For programs that cannot carry the probe: the bundles."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    events: dict[str, float] = {}
    wanted = [("window", "^BRM Desk")]
    if "bare-window" not in command[0]:
        wanted.append(("filled", "^BRM Desk — "))
    try:
        for event, title in wanted:
            while event not in events:
                if process.poll() is not None or time.monotonic() - started > 120:
                    raise RuntimeError(f"{command[0]} ended or hung before its {event}")
                search = ["xdotool", "search", "--onlyvisible", "--name", title]
                if subprocess.run(search, env=env, capture_output=True, check=False).stdout:
                    events[event] = time.monotonic() - started
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=60)
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {err[-800:]!r}")
    events["exit"] = time.monotonic() - started
    return events


def measure_start(
    journal: Path, runs: int, bundle: bool, base_env: dict[str, str]
) -> dict[str, list[float]]:
    """First paint and dashboard rows: ours and the bare window take turns, after a warm-up."""
    if bundle:
        app = [str(BUNDLE_APP), "--db", str(journal)]
        bare = [str(build_bare_bundle()), "--stay"]
        timed = timed_from_outside
    else:
        compile_bytecode()
        app = [sys.executable, str(PROBE), "--db", str(journal)]
        bare = [sys.executable, str(HERE / "bare_window.py")]
        timed = timed_process
    how = "bundle" if bundle else "venv"
    filled = "journal in the title" if bundle else "dashboard filled"
    found: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {
            **base_env,
            "XDG_CONFIG_HOME": f"{home}/config",  # no remembered view: the dashboard first
            "XDG_CACHE_HOME": f"{home}/cache",  # kept across runs, as a user's is
            "XDG_DATA_HOME": f"{home}/data",  # the daily backup: made once, in the warm-up
        }
        for turn in range(runs + 1):
            order = [("ours", app), ("bare", bare)]
            for name, command in order if turn % 2 else order[::-1]:
                events = timed(command, env)
                if turn == 0:
                    continue  # warm-up: page cache, font cache
                if name == "bare":
                    found.setdefault(f"bare window ({how})", []).append(events["window"])
                else:
                    found.setdefault(f"first window ({how})", []).append(events["window"])
                    found.setdefault(f"{filled} ({how})", []).append(events["filled"])
                    found.setdefault(f"quit after filled ({how})", []).append(
                        events["exit"] - events["filled"]
                    )
    return found


# --- inside one process: the views ----------------------------------------------------------


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_views(journal_path: Path, runs: int) -> dict[str, list[float]]:
    """Run in a fresh process (``--views``): open the journal in the real window and use it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QModelIndex, Qt, QThreadPool

    from brm_desk.ui.app import application
    from brm_desk.ui.journal_opening import open_journal
    from brm_desk.ui.main_window import VIEW_NAMES, MainWindow

    app = application()
    pool = QThreadPool.globalInstance()

    def settle() -> None:
        """Until background queries are done and the UI thread is idle, then repaint."""
        while True:
            app.processEvents()
            if pool.activeThreadCount() == 0:
                app.processEvents()
                if pool.activeThreadCount() == 0:
                    break
            pool.waitForDone(2)
        window.repaint()

    def timed(action: Callable[[], Any]) -> float:
        started = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - started

    found: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        found.setdefault(name, []).append(seconds)

    window = MainWindow()
    window.show()
    journal = open_journal(journal_path)
    window.set_journal(journal)
    settle()
    rows = {name: VIEW_NAMES.index(name) for name in VIEW_NAMES}
    order = ["Partners", "Meetings", "Requests", "Contacts", "Search", "Trash", "Dashboard"]
    for name in order:  # the first visit builds what each view builds once
        window.sidebar.setCurrentRow(rows[name])
        settle()
    found["memory after every view (RSS)"] = [rss_mb()]
    for _ in range(runs):
        for name in order:
            add(f"open {name}", timed(lambda row=rows[name]: window.sidebar.setCurrentRow(row)))

    dashboard = window.pages[rows["Dashboard"]]
    window.sidebar.setCurrentRow(rows["Dashboard"])
    settle()
    for _ in range(runs):
        add("dashboard refresh", timed(dashboard.refresh))

    from brm_desk.ui.views.meetings import MeetingsPage

    meetings = window.pages[rows["Meetings"]]
    assert isinstance(meetings, MeetingsPage)
    window.sidebar.setCurrentRow(rows["Meetings"])
    settle()

    def scroll_to_end() -> None:
        table = meetings.table
        table.scrollToBottom()
        app.processEvents()
        while meetings.model.canFetchMore(QModelIndex()):
            table.scrollToBottom()
            app.processEvents()
        table.scrollToBottom()

    for _ in range(max(3, runs // 2)):
        meetings.model.reload()
        settle()
        add("scroll to the end of the meetings", timed(scroll_to_end))
    ascending = Qt.SortOrder.AscendingOrder
    for column, label in ((2, "title"), (1, "partner"), (0, "date")):
        for _ in range(runs):
            sort = meetings.table.sortByColumn
            add(f"meetings: sort by {label}", timed(lambda c=column, s=sort: s(c, ascending)))
    from brm_desk.ui.views.list_page import PagedListPage

    for name in ("Meetings", "Requests"):
        page = window.pages[rows[name]]
        assert isinstance(page, PagedListPage)
        window.sidebar.setCurrentRow(rows[name])
        settle()
        for word in TYPED:
            for end in range(1, len(word) + 1):
                box = page.search_box
                # The keystroke itself (the UI thread), then the filtered list after the pause.
                add(
                    f"{name.lower()} filter: a keystroke",
                    timed(lambda b=box, t=word[:end]: b.setText(t)),
                )
                page.answers.pause.stop()
                add(f"{name.lower()} filter: list shown", timed(page.filter_in_background))
            page.search_box.setText("")
            page.answers.pause.stop()
            page.refresh()
        settle()

    from brm_desk.ui.views.search import SearchPage

    search = window.pages[rows["Search"]]
    assert isinstance(search, SearchPage)
    window.sidebar.setCurrentRow(rows["Search"])
    settle()
    for word in TYPED:
        for end in range(1, len(word) + 1):
            search.search_box.setText(word[:end])
            add("search view: a keystroke", timed(search.search_now))
    search.search_box.setText("")
    settle()

    partners = window.pages[rows["Partners"]]
    window.sidebar.setCurrentRow(rows["Partners"])
    settle()
    table = partners.table  # type: ignore[attr-defined]
    for turn in range(runs + 1):
        seconds = timed(lambda r=turn % 5: table.selectRow(r))
        if turn:
            add("partner chart", seconds)
    found["memory after every view (RSS)"].append(rss_mb())

    from brm_desk.reports.review_pack import write_partner_pack, write_portfolio_pack

    # The first partner in the list (by name), not the busiest: at 100,000 meetings that is
    # Claims, 336 engagements in 2025 and a 109-page pack; packs.py times the busiest too.
    first = journal.partners.listing()[0]
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "pack.pdf"
        for _ in range(max(3, runs // 2)):
            add(
                "review pack: one partner, one year",
                timed(lambda: write_partner_pack(journal, first.id, start, end, pdf)),
            )
            add(
                "review pack: portfolio, one year",
                timed(lambda: write_portfolio_pack(journal, start, end, pdf)),
            )
    window.close()
    return found


# --- report ---------------------------------------------------------------------------------


def fmt(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 1:
        return f"{value:.2f} s"
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"


def report(size: int, found: dict[str, list[float]], load: tuple[float, float]) -> None:
    print(f"\n== {size:,} meetings · load average (1 min) {load[0]:.2f} → {load[1]:.2f} ==")
    print(f"{'':44}{'n':>4}{'median':>11}{'p90':>11}{'floor':>11}{'ratio':>8}  target")
    for name, values in found.items():
        if name.startswith("bare window"):
            continue
        unit = "MB" if name.startswith("memory") else "s"
        median = statistics.median(values)
        high = statistics.quantiles(values, n=10)[-1] if len(values) >= 4 else max(values)
        floor_name = name.replace("first window", "bare window")
        floor = statistics.median(found[floor_name]) if floor_name != name else None
        ratio = median / floor if floor else None
        verdict = ""
        if name in TARGETS:
            limit, kind = TARGETS[name]
            value = ratio if kind == "ratio" else median
            if unit == "MB":
                value = max(values)
            assert value is not None
            shown = f"{limit:.2f}×" if kind == "ratio" else fmt(limit, unit)
            verdict = f"≤ {shown}  {'met' if value <= limit else 'MISSED'}"
        floor_text = fmt(floor, unit) if floor else ""
        ratio_text = f"{ratio:.2f}×" if ratio else ""
        print(
            f"{name:44}{len(values):>4}{fmt(median, unit):>11}{fmt(high, unit):>11}"
            f"{floor_text:>11}{ratio_text:>8}  {verdict}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", action="store_true", help="also time the bundle's start")
    parser.add_argument("--only", choices=("start", "views"), help="one half only")
    parser.add_argument("--journal-dir", type=Path, default=OUT_DIR)
    parser.add_argument("--views", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.views:
        print(json.dumps(measure_views(args.views, args.runs)))
        return 0
    if args.bundle and not BUNDLE_APP.exists():
        parser.error(f"{BUNDLE_APP} is missing: run 'make bundle' first")
    if args.bundle and not (shutil.which("Xvfb") and shutil.which("xdotool")):
        parser.error("--bundle times the bundle's window from outside: it needs Xvfb and xdotool")
    results: dict[str, Any] = {}
    for size in args.sizes:
        journal = journal_file(size, args.journal_dir)
        load = os.getloadavg()[0]
        found: dict[str, list[float]] = {}
        if args.only != "views":
            with display() as screen:
                env = {**os.environ, **screen}
                found.update(measure_start(journal, args.runs, False, env))
                if args.bundle:
                    found.update(measure_start(journal, args.runs, True, env))
        if args.only != "start":
            with tempfile.TemporaryDirectory() as home:
                child = subprocess.run(
                    [sys.executable, __file__, "--views", str(journal), "--runs", str(args.runs)],
                    env={
                        **os.environ,
                        "QT_QPA_PLATFORM": "offscreen",
                        "XDG_CONFIG_HOME": f"{home}/config",
                        "XDG_DATA_HOME": f"{home}/data",
                    },
                    capture_output=True,
                    text=True,
                    check=False,
                )
            if child.returncode != 0:
                print(child.stderr, file=sys.stderr)
                return 1
            found.update(json.loads(child.stdout.strip().splitlines()[-1]))
        report(size, found, (load, os.getloadavg()[0]))
        results[str(size)] = found
    OUT_DIR.mkdir(exist_ok=True)
    saved = OUT_DIR / f"gui-{time.strftime('%Y%m%d-%H%M%S')}.json"
    saved.write_text(json.dumps(results, indent=1))
    print(f"\nevery timing: {saved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
