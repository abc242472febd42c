"""`brm-desk review` as a subprocess: a PDF for a partner or the portfolio, its figures those
of `brm-desk balance`, one-line errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from brm_desk.domain.balance import previous_period
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.domain.words import day
from brm_desk.services.journal import Journal
from empty_journal import built_once

CliResult = subprocess.CompletedProcess[str]
Cli = Callable[..., CliResult]
ERROR = "brm-desk: error:"
CET = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def filled_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Finance and Procurement, twelve weekly meetings and three requests each: built once
    for this module (sixty writes), copied for each test by :func:`journal_file`."""

    def fill(journal: Journal) -> None:
        for name in ("Finance", "Procurement"):
            partner = journal.partners.add(Partner(id="", name=name))
            for week in range(12):
                kind = (MeetingType.ROADMAP, MeetingType.ESCALATION)[week % 2]
                journal.meetings.add(
                    Meeting(
                        id="",
                        partner_id=partner.id,
                        title=f"{name} {kind.label} {week}",
                        start=datetime(2026, 8, 3, 10, tzinfo=CET) + timedelta(weeks=week),
                        type=kind,
                        focus=kind.default_focus,
                        notes=f"Notes for week {week}",
                        private=week == 5,
                        duration_minutes=30 + 15 * (week % 3),
                    )
                )
            for n in range(3):
                journal.requests.add(
                    Request(id="", partner_id=partner.id, title=f"{name} ask {n}",
                            received=date(2026, 9, 1 + n), private=n == 1)
                )  # fmt: skip

    return built_once(tmp_path_factory, fill, today=lambda: date(2026, 11, 24))


@pytest.fixture
def journal_file(filled_journal: Path, tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    shutil.copy(filled_journal, path)
    return path


def one_error_line(result: CliResult) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def pages_reported(result: CliResult, output: Path) -> int:
    match = re.fullmatch(rf"Wrote {re.escape(str(output))} \((\d+) pages\)\n", result.stdout)
    assert match, result.stdout
    return int(match.group(1))


def test_review_writes_a_partner_pack(cli: Cli, journal_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "finance.pdf"
    result = cli(
        "review", "--partner", "Finance", "--from", "2026-08-01", "--to", "2026-10-31",
        "-o", str(output), db=journal_file,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(output))
    assert len(reader.pages) == pages_reported(result, output)
    assert len(reader.pages) <= 6
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "At a glance" in text
    assert "Appendix: meeting log" not in text
    assert "Procurement" not in text
    assert not list(tmp_path.glob("*.part"))


def test_the_log_is_an_appendix_when_asked_for(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "finance.pdf"
    result = cli(
        "review", "--partner", "Finance", "--from", "2026-08-01", "--to", "2026-10-31",
        "-o", str(output), "--with-log", db=journal_file,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(str(output)).pages)
    assert "Appendix: meeting log" in text
    assert "Finance Roadmap 0" in text
    assert "Finance Escalation 5" not in text


def test_include_private_puts_private_meetings_in(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "finance.pdf"
    result = cli(
        "review", "--partner", "Finance", "--from", "2026-08-01", "--to", "2026-10-31",
        "-o", str(output), "--include-private", "--with-log", db=journal_file,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(str(output)).pages)
    assert "Finance Escalation 5" in text
    assert "Finance ask 1" in text


@pytest.mark.parametrize("audience", ["partner", "internal"])
@pytest.mark.parametrize("private", [[], ["--include-private"]])
def test_the_packs_figures_are_the_balance_commands(
    cli: Cli,
    journal_file: Path,
    tmp_path: Path,
    audience: str,
    private: list[str],
    balances: dict[tuple[str, ...], Any],
) -> None:
    """Privacy changes words, never numbers: private meetings and requests count."""
    period = ["--from", "2026-08-01", "--to", "2026-10-31"]
    before = previous_period(date(2026, 8, 1), date(2026, 10, 31))
    earlier = ["--from", before[0].isoformat(), "--to", before[1].isoformat()]
    output = tmp_path / "finance.pdf"
    result = cli("review", "--partner", "Finance", *period, "-o", str(output),
                 "--audience", audience, *private, db=journal_file)  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(output)).pages).split())
    (now,) = balance(cli, journal_file, balances, "--partner", "Finance", *period)["partners"]
    (then,) = balance(cli, journal_file, balances, "--partner", "Finance", *earlier)["partners"]
    assert now["reactive"] + now["routine"] + now["strategic"] == 15  # 12 meetings, 3 requests
    for focus in Focus:
        hours = now[f"{focus.value}_hours"]
        assert f"{focus.label} {now[focus.value]} {hours:.1f} {then[focus.value]}" in text
    total = now["reactive"] + now["routine"] + now["strategic"]
    assert f"{total} Engagements: 12 meetings and 3 requests" in text
    assert f"{now['strategic_share']:.0%} Strategic share, target 60%" in text
    assert f"{now['strategic']} strategic of {now['reactive'] + now['strategic']} reactive" in text
    last = date.fromisoformat(now["last_strategic"])
    days = now["days_since_strategic"]
    assert f"{day(last)}, {days} day{'' if days == 1 else 's'} before 31 Oct 2026" in text
    assert ("overdue: more than" in text) is now["overdue"]

    portfolio = tmp_path / "portfolio.pdf"
    result = cli("review", *period, "-o", str(portfolio), "--audience", audience, *private,
                 db=journal_file)  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(portfolio)).pages).split())
    for figures in balance(cli, journal_file, balances, *period)["partners"]:
        share = f"{figures['strategic_share']:.0%}"
        total = figures["reactive"] + figures["routine"] + figures["strategic"]
        assert f"{figures['name']} {share} 60%" in text
        assert f"{total} {day(date.fromisoformat(figures['last_strategic']))}" in text


@pytest.fixture(scope="module")
def balances() -> dict[tuple[str, ...], Any]:
    """`brm-desk balance --json` by its arguments: every test here has a copy of the same
    journal, so the command runs once for each set of arguments in the module."""
    return {}


def balance(cli: Cli, journal_file: Path, seen: dict[tuple[str, ...], Any], *arguments: str) -> Any:
    if arguments not in seen:
        result = cli("balance", *arguments, "--json", db=journal_file)
        assert result.returncode == 0, result.stderr
        seen[arguments] = json.loads(result.stdout)
    return seen[arguments]


def test_a_bad_audience_is_a_usage_error(cli: Cli, journal_file: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.pdf"
    result = cli("review", "--audience", "board", "-o", str(output), db=journal_file)
    assert result.returncode == 2
    assert "board" in one_error_line(result)
    assert not output.exists()


def test_review_without_a_partner_writes_the_portfolio_pack(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "portfolio.pdf"
    result = cli("review", "--to", "2026-10-31", "-o", str(output), db=journal_file)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(output))
    assert len(reader.pages) == pages_reported(result, output)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Portfolio review" in text
    assert "Finance" in text
    assert "Procurement" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--partner", "Nobody"], "no partner named 'Nobody'"),
        (["--from", "2026-10-01", "--to", "2026-09-01"], "from:"),
    ],
)
def test_review_errors_are_one_line_and_write_nothing(
    cli: Cli, journal_file: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    output = tmp_path / "out.pdf"
    result = cli("review", *arguments, "-o", str(output), db=journal_file)
    assert result.returncode == 1
    assert message in one_error_line(result)
    assert not output.exists()


def test_review_refuses_an_output_that_is_not_a_pdf(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    result = cli("review", "-o", str(tmp_path / "pack.docx"), db=journal_file)
    assert result.returncode == 1
    assert "*.pdf" in one_error_line(result)


def test_review_into_a_missing_folder_is_a_clear_error(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "missing" / "pack.pdf"
    result = cli("review", "-o", str(output), db=journal_file)
    assert result.returncode == 1
    assert "does not exist" in one_error_line(result)


def test_review_help_describes_every_option(cli: Cli) -> None:
    result = cli("review", "--help")
    assert result.returncode == 0
    options = result.stdout.split("options:")[1]
    described = re.findall(r"^  (-[^\n]*?)(?:  +\S|\n {8,}\S)", options, flags=re.MULTILINE)
    listed = re.findall(r"^  (-\S+)", options, flags=re.MULTILINE)
    assert len(described) == len(listed) >= 6  # each option has words after it
    for words in ("portfolio pack", "YYYY-MM-DD", "default: today", "the PDF", "private notes"):
        assert words in " ".join(options.split())
