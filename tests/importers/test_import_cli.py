"""`brm-desk import` for calendars and CSV files, run as the real command line."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from brm_desk.domain.records import Contact, Partner
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

DATA = Path(__file__).with_name("data")
CliResult = subprocess.CompletedProcess[str]
Cli = Callable[..., CliResult]


@pytest.fixture
def db(journal_path: Path, new_journal: NewJournal) -> Path:
    with new_journal(journal_path) as journal:
        hr = journal.partners.add(Partner(id="", name="HR"))
        journal.contacts.add(
            Contact(id="", partner_id=hr.id, name="Ben Ortiz", email="ben.ortiz@hr.example.com")
        )
    return journal_path


def exported(cli: Cli, db: Path, tmp_path: Path) -> dict[str, list[dict[str, object]]]:
    target = tmp_path / "out.json"
    assert cli("export", str(target), "--include-private", db=db).returncode == 0
    document: dict[str, list[dict[str, object]]] = json.loads(target.read_text())
    return document


def test_a_calendar_is_imported_once_and_reimport_adds_nothing(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    first = cli("import", str(DATA / "google_hr.ics"), "--partner", "hr", db=db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Added 8 meetings. Skipped 1: 1 cancelled."
    again = cli("import", str(DATA / "google_hr.ics"), "--partner", "HR", db=db)
    assert again.stdout.strip() == "Added 0 meetings, 8 already up to date. Skipped 1: 1 cancelled."
    meetings = exported(cli, db, tmp_path)["meetings"]
    assert len(meetings) == 8
    starts = sorted(str(m["start"]) for m in meetings)
    assert starts[0] == "2026-03-05T10:00:00-05:00"
    assert "2026-03-10T10:00:00-04:00" in starts


def test_format_overrides_the_file_name(cli: Cli, db: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "calendar.txt"
    shutil.copy(DATA / "google_hr.ics", renamed)
    result = cli("import", str(renamed), "--format", "ics", "--partner", "HR", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added 8 meetings.")


def test_a_csv_is_imported_with_a_map_option(cli: Cli, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(
        "Ticket;When;Priority;Caller\nNew starter kit;2026-03-01;High;Ben Ortiz\n"
        "Org chart tool;2026-03-02;Low;\n",
        encoding="utf-8-sig",
    )
    result = cli(
        "import", str(path), "--partner", "HR", "--map", "title=Ticket,received=When", db=db
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Read tickets.csv as UTF-8 (with BOM), semicolon-separated; columns: urgency=Priority, "
        "raised_by=Caller, title=Ticket, received=When.",
        "Added 2 requests.",
    ]
    requests = exported(cli, db, tmp_path)["requests"]
    assert sorted((r["title"], r["received"], r["urgency"]) for r in requests) == [
        ("New starter kit", "2026-03-01", 4),
        ("Org chart tool", "2026-03-02", 2),
    ]
    assert all(r["raised_by"] for r in requests if r["title"] == "New starter kit")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("data/google_hr.ics",), "say whose meetings these are with --partner NAME"),
        (("data/google_hr.ics", "--partner", "Nobody"), "no partner named 'Nobody'"),
        (("data/google_hr.ics", "--partner", "HR", "--map", "title=x"), "--map applies to CSV"),
        (("bad.csv", "--partner", "HR"), "row 3 (line 3) has 1 cells, but the header has 2"),
        (("errors.csv", "--partner", "HR"), "2 problems, nothing was imported: row 2 (line 2), "),
        (("picture.ics", "--partner", "HR"), "is not a calendar file (it holds binary data)"),
        (("cut.ics", "--partner", "HR"), "line 5: the file ends before END:VEVENT"),
        (("tickets.csv", "--partner", "HR", "--map", "titel=A"), "'titel' is not a request field"),
    ],
)
def test_bad_files_and_options_get_one_line_and_change_nothing(
    cli: Cli, db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "bad.csv").write_text("Title,Opened\nOne,2026-03-01\nTwo\n")
    (tmp_path / "errors.csv").write_text("Title,Opened\nOne,yesterday\n,2026-03-01\n")
    (tmp_path / "tickets.csv").write_text("A,B\nx,y\n")
    (tmp_path / "picture.ics").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "cut.ics").write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Cut\r\n"
    )
    files = {"data": str(DATA)}
    first, *rest = args
    folder, _, name = first.partition("/")
    target = str(Path(files[folder]) / name) if name else str(tmp_path / first)
    result = cli("import", target, *rest, db=db)
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("brm-desk: error: ")
    assert message in line
    assert "Traceback" not in result.stderr
    with Journal.open(db) as journal:
        hr = journal.partners.find("HR")
        assert journal.meetings.of_partner(hr.id) == []
        assert journal.requests.of_partner(hr.id) == []


def test_map_on_a_json_import_is_a_clear_error(cli: Cli, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_text("{}")
    result = cli("import", str(path), "--map", "title=x", db=db)
    assert result.returncode == 1
    assert result.stderr.strip() == "brm-desk: error: --map applies to CSV imports only"
