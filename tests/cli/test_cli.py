"""The real command line, run as a subprocess on real journal files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from brm_desk import __version__
from brm_desk.domain.enums import Focus, MeetingType, Stance
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal
from empty_journal import NewJournal
from half_filled import half_filled

CliResult = subprocess.CompletedProcess[str]
Cli = Callable[..., CliResult]
ERROR = "brm-desk: error:"


def one_error_line(result: CliResult) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"brm-desk {__version__}"


def test_init_creates_a_journal_and_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = cli("init", db=path)
    assert first.returncode == 0, first.stderr
    assert path.exists()
    before = path.read_bytes()
    second = cli("init", db=path)
    assert second.returncode == 1
    assert "already exists" in one_error_line(second)
    assert path.read_bytes() == before


def test_db_option_may_follow_the_command(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "after.db"
    assert cli("init", "--db", str(path)).returncode == 0
    assert path.exists()


def test_db_comes_from_the_environment(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = cli("init", env={"BRM_DESK_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("frobnicate",), "invalid choice"),
        (("balance", "--from", "2026-02-30"), "not a date"),
        (("balance", "--from", "yesterday"), "not a date"),
        (("search",), "required"),
        (("search", "x", "--limit", "0"), "at least 1"),
        (("export",), "required"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    cli: Cli, journal_path: Path, args: tuple[str, ...], fragment: str
) -> None:
    result = cli(*args, db=journal_path)
    assert result.returncode == 2
    assert fragment in one_error_line(result)


def test_a_file_that_is_not_a_journal_is_refused_untouched(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n" * 20)
    before = path.read_bytes()
    result = cli("balance", db=path)
    assert result.returncode == 1
    assert "not a BRM Desk journal" in one_error_line(result)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "xdg-data") == ["notes.txt"]


def test_a_missing_journal_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("balance", db=tmp_path / "nowhere.db")
    assert result.returncode == 1
    assert "no journal here" in one_error_line(result)
    assert not (tmp_path / "nowhere.db").exists()


def _fill(path: Path) -> dict[str, str]:
    """Finance: a reactive request, a strategic meeting late in the evening far west."""
    far_west = timezone(timedelta(hours=-10))
    with Journal.create(path) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance", touch_cadence_days=30))
        hr = journal.partners.add(Partner(id="", name="HR", archived=True))
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title="Roadmap for the close",
                start=datetime(2026, 3, 31, 23, 30, tzinfo=far_west),
                duration_minutes=90,
                type=MeetingType.ROADMAP,
                focus=Focus.STRATEGIC,
                notes="Quarterly close automation is the real need.",
            )
        )
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title="Escalation: payroll run",
                start=datetime(2026, 4, 1, 9, 0, tzinfo=UTC),
                duration_minutes=45,
                type=MeetingType.ESCALATION,
                focus=Focus.REACTIVE,
            )
        )
        journal.requests.add(
            Request(
                id="",
                partner_id=finance.id,
                title="Printer on floor 3",
                received=date(2026, 3, 15),
                focus=Focus.REACTIVE,
            )
        )
        return {"finance": finance.id, "hr": hr.id}


def test_balance_json_has_exactly_the_spec_shape(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    result = cli("balance", "--from", "2026-03-01", "--to", "2026-04-30", "--json", db=journal_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["from"] == "2026-03-01"
    assert document["to"] == "2026-04-30"
    assert [p["name"] for p in document["partners"]] == ["Finance"]  # HR is archived
    finance = document["partners"][0]
    assert finance == {
        "name": "Finance",
        "reactive": 2,
        "routine": 0,
        "strategic": 1,
        "strategic_share": pytest.approx(1 / 3),
        "target_strategic_share": 0.6,
        "reactive_hours": 0.75,
        "routine_hours": 0.0,
        "strategic_hours": 1.5,
        "last_strategic": "2026-03-31",
        "days_since_strategic": 30,
        "overdue": False,
        "months": [
            {"month": "2026-03", "reactive": 1, "routine": 0, "strategic": 1},
            {"month": "2026-04", "reactive": 1, "routine": 0, "strategic": 0},
        ],
    }


def test_balance_names_an_archived_partner_and_refuses_an_unknown_one(
    cli: Cli, journal_path: Path
) -> None:
    _fill(journal_path)
    named = cli("balance", "--partner", "hr", "--json", db=journal_path)
    assert named.returncode == 0, named.stderr
    assert [p["name"] for p in json.loads(named.stdout)["partners"]] == ["HR"]
    unknown = cli("balance", "--partner", "Legal", db=journal_path)
    assert unknown.returncode == 1
    assert "no partner named 'Legal'" in one_error_line(unknown)


def test_balance_default_period_is_the_90_days_to_today(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    document = json.loads(cli("balance", "--json", db=journal_path).stdout)
    today = date.today()
    assert document["to"] == today.isoformat()
    assert document["from"] == (today - timedelta(days=90)).isoformat()
    only_to = json.loads(cli("balance", "--to", "2026-04-30", "--json", db=journal_path).stdout)
    assert only_to["from"] == "2026-01-30"
    assert [m["month"] for m in only_to["partners"][0]["months"]] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
    ]


def test_balance_refuses_an_inverted_period(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    result = cli("balance", "--from", "2026-05-01", "--to", "2026-04-01", db=journal_path)
    assert result.returncode == 1
    assert "after the end" in one_error_line(result)


def test_balance_table_lists_partners_and_flags_overdue(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    result = cli("balance", "--from", "2026-03-01", "--to", "2026-06-30", db=journal_path)
    assert result.returncode == 0, result.stderr
    finance_line = next(line for line in result.stdout.splitlines() if line.startswith("Finance"))
    assert "33%" in finance_line
    assert "2026-03-31" in finance_line
    assert "91 OVERDUE" in finance_line


def test_export_leaves_the_private_side_out_unless_included(
    new_journal: NewJournal, cli: Cli, journal_path: Path, tmp_path: Path
) -> None:
    with new_journal(journal_path) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance"))
        journal.contacts.add(
            Contact(
                id="", partner_id=finance.id, name="Tomasz", stance=Stance.SKEPTIC, notes="okapi"
            )
        )
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title="Steering group",
                start=datetime(2026, 3, 2, 9, tzinfo=UTC),
                notes="Agreed the plan",
                private_notes="My read: wombatfern",
            )
        )
        journal.requests.add(
            Request(
                id="",
                partner_id=finance.id,
                title="Ledger",
                received=date(2026, 3, 1),
                private_notes="quokkafish",
            )
        )
    shared, everything = tmp_path / "shared.json", tmp_path / "everything.json"
    result = cli("export", str(shared), db=journal_path)
    assert result.returncode == 0, result.stderr
    assert "private notes" in result.stdout
    assert cli("export", str(everything), "--include-private", db=journal_path).returncode == 0
    for word in ("wombatfern", "quokkafish", "okapi", "skeptic"):
        assert word not in shared.read_text(encoding="utf-8")
        assert word in everything.read_text(encoding="utf-8")
    assert "Agreed the plan" in shared.read_text(encoding="utf-8")


def test_search_prints_what_was_written_without_marks_or_prompts(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    note = half_filled(MeetingType.ESCALATION, fill=[False, False, True])
    with new_journal(journal_path) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance"))
        start = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
        journal.meetings.add(
            Meeting(id="", partner_id=finance.id, title="Payroll", start=start, notes=note.notes)
        )
    word = note.words[0]

    shown = cli("search", word, db=journal_path)
    found = cli("search", word, "--json", db=journal_path)

    assert shown.returncode == found.returncode == 0
    (hit,) = json.loads(found.stdout)
    assert f"[{word}]" in shown.stdout
    assert f"**{word}**" in hit["snippet"]
    for output in (shown.stdout, hit["snippet"].replace(f"**{word}**", word)):
        assert "**" not in output
        assert "#" not in output
        assert "[ ]" not in output
        assert [p for p in note.unfilled if p in output] == []


def test_backup_makes_a_journal_that_opens_and_refuses_to_overwrite(
    cli: Cli, journal_path: Path, tmp_path: Path
) -> None:
    ids = _fill(journal_path)
    target = tmp_path / "copy.db"
    result = cli("backup", "-o", str(target), db=journal_path)
    assert result.returncode == 0, result.stderr
    with Journal.open(target) as copy:
        assert copy.partners.get(ids["finance"]).name == "Finance"
    again = cli("backup", "-o", str(target), db=journal_path)
    assert again.returncode == 1
    assert "already exists" in one_error_line(again)


def test_backup_without_a_name_goes_to_the_data_folder(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    result = cli("backup", db=journal_path)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip().removeprefix("Backed up to "))
    assert written.exists()
    assert "xdg-data" in str(written)


def test_check_passes_on_a_healthy_journal(cli: Cli, journal_path: Path) -> None:
    _fill(journal_path)
    result = cli("check", db=journal_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK (2 partners, 0 contacts, 2 meetings, 1 requests)" in result.stdout


def run_app_until(
    tmp_path: Path, journal_path: Path, arguments: list[str], ending: signal.Signals
) -> subprocess.CompletedProcess[str]:
    """Start the app as a user does, wait until it has the journal open (its lock file, then
    today's backup), and end it with ``ending`` as a desktop session (or Ctrl+C) does."""
    data = tmp_path / "xdg-data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(data),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    command = [sys.executable, "-m", "brm_desk", *arguments]
    lock = journal_path.with_name(journal_path.name + ".lock")
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as app:
        for opened in (lock.exists, lambda: any(data.rglob("*-daily-*"))):
            deadline = time.monotonic() + 60
            while not opened():
                assert app.poll() is None, app.communicate()
                assert time.monotonic() < deadline, "the app did not open the journal"
                time.sleep(0.05)
        app.send_signal(ending)
        out, err = app.communicate(timeout=60)
    assert not lock.exists()  # released
    return subprocess.CompletedProcess(command, app.returncode, out, err)


def test_no_command_never_shows_a_traceback(tmp_path: Path, journal_path: Path) -> None:
    _fill(journal_path)
    result = run_app_until(tmp_path, journal_path, ["--db", str(journal_path)], signal.SIGINT)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_window_opens_with_db_equals_path(tmp_path: Path, journal_path: Path) -> None:
    _fill(journal_path)
    result = run_app_until(tmp_path, journal_path, [f"--db={journal_path}"], signal.SIGTERM)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_due_prints_what_the_app_reminds_of(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    """Dated from the real clock: the CLI has no other (assertions hold whatever the day)."""
    from reminder_journal import fill

    now = datetime.now().astimezone()
    with new_journal(journal_path) as journal:
        assert cli("due", db=journal_path).stdout == "Nothing is due.\n"
        fill(journal, now=now + timedelta(hours=1))
    result = cli("due", db=journal_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == [
        "ours_overdue", "ours_due", "theirs_late", "review_due", "touch_overdue"
    ]  # fmt: skip
    assert lines[0].endswith("Finance — Book the workshop")
    assert lines[0].split()[0] == (now.date() + timedelta(days=-2)).isoformat()

    found = json.loads(cli("due", "--json", db=journal_path).stdout)
    assert [item["title"] for item in found[:2]] == ["Book the workshop", "Send the roadmap"]
    assert set(found[0]) == {"key", "kind", "partner", "title", "body", "due"}
    assert found[-1] == {
        "key": "touch_overdue:leg:never",
        "kind": "touch_overdue",
        "partner": "Legal",
        "title": "Time for a strategic conversation",
        "body": "No strategic meeting yet (every 30 days)",
        "due": now.date().isoformat(),
    }


def test_due_on_a_missing_journal_is_one_error_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("due", db=tmp_path / "none.db")
    assert result.returncode == 1
    assert "no journal here" in one_error_line(result)
