"""Writers wait their turn (issue 13): two real ``brm-desk import`` processes started together
on one journal both succeed, and nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from brm_desk.domain.records import Partner
from brm_desk.services import maintenance
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

MEETINGS_PER_PARTNER = 20
PARTNERS = 30


def journal_file(prefix: str) -> dict[str, object]:
    """A JSON journal whose ids all start with ``prefix`` (600 meetings)."""
    partners = [{"id": f"{prefix}-p{i}", "name": f"{prefix} partner {i}"} for i in range(PARTNERS)]
    meetings = [
        {
            "id": f"{prefix}-m{i}-{j}",
            "partner": f"{prefix}-p{i}",
            "title": f"{prefix} meeting {j}",
            "start": f"2026-03-{1 + j % 28:02d}T09:00:00+01:00",
            "notes": "Notes of a meeting. " * 20,
        }
        for i in range(PARTNERS)
        for j in range(MEETINGS_PER_PARTNER)
    ]
    return {"format": "brm-desk-journal", "version": 1, "partners": partners, "meetings": meetings}


def start_import(path: Path, file: Path, tmp_path: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg-data")}
    return subprocess.Popen(
        [sys.executable, "-m", "brm_desk", "--db", str(path), "import", str(file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


@pytest.mark.slow
def test_two_imports_started_together_both_succeed_and_lose_nothing(
    new_journal: NewJournal, tmp_path: Path
) -> None:
    files = []
    for prefix in ("a", "b"):
        file = tmp_path / f"{prefix}.json"
        file.write_text(json.dumps(journal_file(prefix)))
        files.append(file)
    for run in range(4):
        path = tmp_path / f"run-{run}.brmdesk"
        new_journal(path).close()
        processes = [start_import(path, file, tmp_path) for file in files]
        for process in processes:
            out, errors = process.communicate(timeout=120)
            assert process.returncode == 0, errors  # never "busy in another program"
            assert "Added 30 partners, 0 contacts, 600 meetings" in out
        with Journal.open(path) as journal:
            counts = maintenance.check(journal).counts
        assert counts["partners"] == 2 * PARTNERS
        assert counts["meetings"] == 2 * PARTNERS * MEETINGS_PER_PARTNER


def test_a_writer_waits_for_another_instead_of_failing(
    new_journal: NewJournal, tmp_path: Path
) -> None:
    """The unit of work takes the write lock at BEGIN, so the busy timeout applies to it."""
    path = tmp_path / "journal.brmdesk"
    new_journal(path).close()
    first, second = Journal.open(path), Journal.open(path)
    try:
        first.partners.add(Partner(id="", name="Before"))
        holding = threading.Event()

        def hold_the_write_lock() -> None:
            with first.database.transaction() as tx:
                first.partners._insert(tx, Partner(id="held", name="Held"))
                holding.set()
                time.sleep(1.0)

        holder = threading.Thread(target=hold_the_write_lock)
        holder.start()
        holding.wait(10)
        assert [p.name for p in second.partners.listing()] == ["Before"]  # a read never waits
        second.partners.update(second.partners.find("Before"))  # reads, then writes: waits
        second.partners.add(Partner(id="", name="After"))
        holder.join()
        assert sorted(p.name for p in second.partners.listing()) == ["After", "Before", "Held"]
    finally:
        first.close()
        second.close()
