"""benchmarks/startup_probe.py: the real app, run with a probe, reports its first paint and
first rows, then quits by itself (what benchmarks/gui.py times start-up with)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui_data import fill

from brm_desk.services.journal import Journal

PROBE = Path(__file__).parents[2] / "benchmarks" / "startup_probe.py"


def test_the_app_reports_first_paint_then_first_rows_and_quits(tmp_path: Path) -> None:
    path = tmp_path / "timed.brmdesk"
    with Journal.create(path) as journal:
        fill(journal)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE), "--db", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    events = [line.split() for line in done.stderr.splitlines() if line.startswith("brm-desk-")]
    assert [name for _mark, name, _time in events] == ["main", "window", "filled"]
    times = [float(seconds) for _mark, _name, seconds in events]
    assert times == sorted(times)


def test_the_product_reads_no_timing_or_smoke_switch() -> None:
    """Benchmarks and tests drive the app through parameters, never the environment."""
    source = Path(__file__).parents[2] / "src"
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "BRM_DESK_TIMING" not in text, path
        assert "BRM_DESK_SMOKE" not in text, path
