"""`brm-desk review` as a subprocess: a PDF for a partner or the portfolio, one-line errors."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from brm_desk.domain.enums import MeetingType
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services.journal import Journal

CliResult = subprocess.CompletedProcess[str]
Cli = Callable[..., CliResult]
ERROR = "brm-desk: error:"
CET = timezone(timedelta(hours=1))


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with Journal.create(path, today=lambda: date(2026, 11, 24)) as journal:
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
                    )
                )
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
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Finance Roadmap 0" in text
    assert "Finance Escalation 5" not in text
    assert "Procurement" not in text
    assert not list(tmp_path.glob("*.part"))


def test_include_private_puts_private_meetings_in(
    cli: Cli, journal_file: Path, tmp_path: Path
) -> None:
    output = tmp_path / "finance.pdf"
    result = cli(
        "review", "--partner", "Finance", "--from", "2026-08-01", "--to", "2026-10-31",
        "-o", str(output), "--include-private", db=journal_file,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(str(output)).pages)
    assert "Finance Escalation 5" in text


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
