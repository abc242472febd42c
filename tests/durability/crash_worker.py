"""Run by test_crash_safety.py in a subprocess that gets killed with SIGKILL at random.

``crash_worker.py WORKLOAD JOURNAL [PASSPHRASE]``: prints ``ready`` once the journal is open,
then one line per change *after* it was committed, so the test knows which changes were
acknowledged before the kill.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from brm_desk.domain.enums import Side
from brm_desk.domain.records import Action, Meeting, Partner
from brm_desk.services import maintenance
from brm_desk.services.journal import Journal


def say(line: str) -> None:
    print(line, flush=True)


def meeting_with(partner_id: str, number: int, actions: int) -> Meeting:
    return Meeting(
        id="",
        partner_id=partner_id,
        title=f"m{number} with {actions} actions",
        start=datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(hours=number),
        notes=f"notes of meeting {number} " * 40,
        actions=tuple(
            Action(text=f"action {i} of {number}", side=Side.PARTNER, due=date(2026, 12, 1))
            for i in range(actions)
        ),
    )


def edits(journal: Journal) -> None:
    """Partners and meetings added, and meetings rewritten with a new number of actions."""
    number = 0
    while True:
        partner = journal.partners.add(Partner(id="", name=f"p{number}", notes="x" * 500))
        meeting = journal.meetings.add(meeting_with(partner.id, number, number % 7))
        say(f"added {number}")
        changed = meeting_with(partner.id, number, (number + 3) % 7)
        journal.meetings.update(
            Meeting(**{**_fields(changed), "id": meeting.id})  # type: ignore[arg-type]
        )
        say(f"updated {number}")
        number += 1


def _fields(meeting: Meeting) -> dict[str, object]:
    return {name: getattr(meeting, name) for name in Meeting.__dataclass_fields__}


def json_import(journal: Journal) -> None:
    from brm_desk.services.interchange.json_io import import_journal
    from brm_desk.services.sample_journal import read_sample

    document = read_sample()
    say("importing")
    import_journal(journal, document)
    say("imported")
    time.sleep(600)  # the test kills it; it never exits by itself


def backups(journal: Journal) -> None:
    folder = journal.path.parent / "copies"
    number = 0
    while True:
        maintenance.backup(journal, folder / f"copy-{number}.brmdesk")
        say(f"backup {number}")
        number += 1


def backups_in_the_data_folder(journal: Journal) -> None:
    """Backups by hand into the journal's backups folder, one after another."""
    from brm_desk.services.locations import backups_dir

    number = len(list(backups_dir(journal.path).glob("by-hand-*")))
    while True:
        maintenance.backup(journal, backups_dir(journal.path) / f"by-hand-{number}.brmdesk")
        say(f"backup {number}")
        number += 1


WORKLOADS = {
    "edits": edits,
    "import": json_import,
    "backups": backups,
    "data-folder-backups": backups_in_the_data_folder,
}


def main() -> None:
    workload, path = sys.argv[1], Path(sys.argv[2])
    passphrase = sys.argv[3] if len(sys.argv) > 3 else None
    journal = Journal.open(path, passphrase=passphrase)
    say("ready")
    WORKLOADS[workload](journal)


if __name__ == "__main__":
    main()
