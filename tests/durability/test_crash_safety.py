"""Crash safety: a process killed with SIGKILL at a random moment leaves a journal that
passes the integrity check and holds each change whole or not at all.

Each test kills a real subprocess many times, at random points during imports, edits and
backups, then reopens the journal and checks it (and, once, with ``brm-desk check``).
The random delays come from a seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from brm_desk.services import maintenance
from brm_desk.services.journal import Journal
from brm_desk.store.database import create_database

WORKER = Path(__file__).with_name("crash_worker.py")
PASSPHRASE = "crash test passphrase"
SEED = int(os.environ.get("BRM_DESK_CRASH_SEED", "20261124"))
KILLS = int(os.environ.get("BRM_DESK_CRASH_KILLS", "8"))

Cli = Callable[..., subprocess.CompletedProcess[str]]


def run_and_kill(
    journal: Path, workload: str, delay: float, passphrase: str | None, after: str = "ready"
) -> list[str]:
    """Start the worker, wait until it prints ``after`` (it is ready, by default), let it
    work ``delay`` s more, then SIGKILL it.

    Returns the lines it printed before it died: the changes it saw committed.
    """
    command = [sys.executable, str(WORKER), workload, str(journal)]
    if passphrase:
        command.append(passphrase)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    output = b""
    while f"{after}\n".encode() not in output:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        assert ready, f"the worker printed no {after!r} in 60 s"
        chunk = os.read(process.stdout.fileno(), 65536)
        assert chunk, process.stderr.read().decode() if process.stderr else "worker died"
        output += chunk
    deadline = time.monotonic() + delay
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([process.stdout], [], [], left)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            output += chunk
    process.send_signal(signal.SIGKILL)
    rest, errors = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, errors.decode()
    return (output + rest).decode().splitlines()


@pytest.fixture(scope="module")
def empty_journals(tmp_path_factory: pytest.TempPathFactory) -> dict[str | None, Path]:
    """A new, empty journal, plain and encrypted with PASSPHRASE, by passphrase: made once
    (migrations and key derivation), copied for each run by :func:`fresh_journal`."""
    folder = tmp_path_factory.mktemp("empty")
    made: dict[str | None, Path] = {}
    for passphrase in (None, PASSPHRASE):
        made[passphrase] = folder / f"{'encrypted' if passphrase else 'plain'}.brmdesk"
        create_database(made[passphrase], passphrase)
    return made


def fresh_journal(
    empty: dict[str | None, Path], tmp_path: Path, run: int, passphrase: str | None = None
) -> Path:
    folder = tmp_path / f"run-{run}"
    folder.mkdir()
    path = folder / "journal.brmdesk"
    shutil.copy(empty[passphrase], path)
    return path


def reopened_and_checked(path: Path, passphrase: str | None) -> Journal:
    journal = Journal.open(path, passphrase=passphrase)
    report = maintenance.check(journal)
    assert report.ok, report.problems
    return journal


def checked_counts(path: Path, passphrase: str | None) -> dict[str, int]:
    """What the journal at ``path`` holds, once the integrity check has passed on it."""
    with Journal.open(path, passphrase=passphrase) as journal:
        report = maintenance.check(journal)
    assert report.ok, report.problems
    return report.counts


@pytest.mark.slow
def test_killed_during_edits_every_change_is_whole_or_absent(
    empty_journals: dict[str | None, Path], tmp_path: Path, cli: Cli
) -> None:
    rng = random.Random(SEED)
    for run in range(KILLS):
        passphrase = PASSPHRASE if run % 2 else None
        path = fresh_journal(empty_journals, tmp_path, run, passphrase)
        lines = run_and_kill(path, "edits", rng.uniform(0.05, 0.6), passphrase)
        acknowledged = [line for line in lines if re.match(r"(added|updated) \d+$", line)]
        with reopened_and_checked(path, passphrase) as journal:
            partners = {p.name: p for p in journal.partners.listing()}
            last = max((int(name[1:]) for name in partners), default=-1)
            for partner in partners.values():
                number = int(partner.name[1:])
                meetings = journal.meetings.of_partner(partner.id)
                if not meetings:  # killed between adding the partner and its meeting
                    assert number == last
                    continue
                (meeting,) = meetings
                match = re.fullmatch(r"m(\d+) with (\d+) actions", meeting.title)
                assert match, meeting.title
                assert int(match.group(1)) == number
                assert int(match.group(2)) in (number % 7, (number + 3) % 7)
                assert len(meeting.actions) == int(match.group(2))  # the rows came with it
            for line in acknowledged:  # committed before the kill: still there (durable)
                verb, number = line.split()
                assert f"p{number}" in partners
                if verb == "updated":
                    (meeting,) = journal.meetings.of_partner(partners[f"p{number}"].id)
                    assert meeting.title.endswith(f"{(int(number) + 3) % 7} actions")
    env = {"BRM_DESK_PASSPHRASE": PASSPHRASE}
    result = cli("check", db=tmp_path / f"run-{KILLS - 1}" / "journal.brmdesk", env=env)
    assert result.returncode == 0, result.stderr
    assert ": OK (" in result.stdout


@pytest.mark.slow
def test_killed_during_an_import_the_journal_holds_all_of_it_or_none(
    empty_journals: dict[str | None, Path], tmp_path: Path
) -> None:
    rng = random.Random(SEED + 1)
    outcomes = set()
    for run in range(KILLS):
        path = fresh_journal(empty_journals, tmp_path, run)
        # An import of the sample takes 0.2–0.6 s on a quiet machine, seconds on a busy one:
        # the first kill lands as it starts and the last once it is done, the others at random.
        if run == KILLS - 1:
            lines = run_and_kill(path, "import", 0.0, None, after="imported")
        else:
            lines = run_and_kill(path, "import", 0.0 if run == 0 else rng.uniform(0.0, 1.4), None)
        counts = checked_counts(path, None)
        if "imported" in lines:
            assert counts["meetings"] == 411
        assert counts in (
            {"partners": 0, "contacts": 0, "meetings": 0, "requests": 0},
            {"partners": 7, "contacts": 31, "meetings": 411, "requests": 96},
        )
        outcomes.add(counts["meetings"])
    assert outcomes == {0, 411}, "the kills should land both before and after the commit"


def copy_number(copy: Path) -> int:
    return int(copy.stem.split("-")[1])


@pytest.mark.slow
def test_killed_during_backups_every_backup_is_whole_or_absent(
    empty_journals: dict[str | None, Path], tmp_path: Path
) -> None:
    rng = random.Random(SEED + 2)
    source = fresh_journal(empty_journals, tmp_path, 0)
    with Journal.open(source) as journal:
        from brm_desk.services.interchange.json_io import import_journal
        from brm_desk.services.sample_journal import read_sample

        import_journal(journal, read_sample())
    for run in range(1, KILLS + 1):
        folder = tmp_path / f"run-{run}"
        folder.mkdir()
        path = folder / "journal.brmdesk"
        shutil.copyfile(source, path)
        passphrase = None
        lines = run_and_kill(path, "backups", rng.uniform(0.0, 0.8), passphrase)
        acknowledged = {int(line.split()[1]) for line in lines if line.startswith("backup ")}
        copies = folder / "copies"
        finished = sorted(copies.glob("copy-*.brmdesk"), key=copy_number) if copies.exists() else []
        assert set(map(copy_number, finished)) >= acknowledged
        if finished:  # the newest was likeliest cut short; the journal did not change, so
            # every whole backup of it is byte for byte the same (before opening changes it)
            assert all(copy.read_bytes() == finished[-1].read_bytes() for copy in finished)
            assert checked_counts(finished[-1], passphrase)["meetings"] == 411
        assert checked_counts(path, passphrase)["meetings"] == 411
