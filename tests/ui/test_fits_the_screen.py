"""Every editor and dialog fits a laptop's screen with its buttons visible: 1024×700, 1366×768
and 2048×1400 at 200 % scaling (each run in its own app, on a screen of that size)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.sample_journal import read_sample

WORKER = Path(__file__).with_name("fit_worker.py")
EVERY_DIALOG = {
    "new-meeting",
    "meeting",
    "new-request",
    "request",
    "partner",
    "contact",
    "export-pack",
    "csv-mapping",
    "csv-pulses",
    "pulse",
    "calendar-preview",
    "restore",
    "welcome",
    "passphrase",
    "new-passphrase",
    "drafts-offer",
    "prep-brief",
    "calendar-sources",
    "inbox-filing",
    "communication",
    "assessments",
    "new-assessment",
    "assessment",
    "stakeholder-map",
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.brmdesk"
    with Journal.create(path) as journal:
        import_journal(journal, read_sample())
    return path


def measured(sample: Path, tmp_path: Path, width: int, height: int, scale: int) -> Any:
    """What the worker found on a ``width`` × ``height`` screen scaled by ``scale``."""
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    worker = subprocess.run(
        [sys.executable, str(WORKER), str(sample)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr
    return json.loads(worker.stdout)


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1024, 700, 1), (1366, 768, 1), (2048, 1400, 2)],
    ids=["1024x700", "1366x768", "2048x1400@200%"],
)
def test_every_editor_and_dialog_fits_with_its_buttons(
    sample: Path, tmp_path: Path, width: int, height: int, scale: int
) -> None:
    found = measured(sample, tmp_path, width, height, scale)
    assert set(found) == EVERY_DIALOG
    for name, seen in found.items():
        x, y, frame_width, frame_height = seen["frame"]
        left, top, room_width, room_height = seen["available"]
        assert (room_width, room_height) == (width // scale, height // scale)
        assert left <= x, name
        assert top <= y, name
        assert x + frame_width <= left + room_width, (name, seen)
        assert y + frame_height <= top + room_height, (name, seen)
        smallest_width, smallest_height = seen["minimum"]
        assert smallest_width <= room_width, (name, seen)  # never forced past the screen
        assert smallest_height <= room_height, (name, seen)
        assert seen["cut_buttons"] == [], (name, seen)
