"""Pulses from a survey tool's CSV: mapping, every bad row named, all or nothing, the CLI."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Contact, Partner
from brm_desk.services.interchange.csv_mapping import PULSES, check_mapping, guess_mapping
from brm_desk.services.interchange.csv_pulses import (
    export_pulses,
    import_pulses,
    plan_pulses,
    read_answer,
)
from brm_desk.services.interchange.csv_read import parse_csv, read_csv
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]

FORMS = (
    "ID,Start time,Completion time,Email,Name,Which business unit are you in?,"
    "How much do you trust Group IT to do what it says?,How responsive is Group IT?,"
    "How much value does Group IT deliver?,"
    "How likely are you to recommend Group IT to a colleague?,Anything else?\n"
    "1,2026-11-02 09:01,2026-11-02 09:04,anna@example.com,Anna Berg,Finance,"
    '4 - Agree,3,5,9,"Quick, and they listen."\n'
    "2,2026-11-03 10:11,2026-11-03 10:15,x@example.com,Someone,Group Finance,2,2,3,4,\n"
)


@pytest.fixture
def loaded(journal: Journal) -> Journal:
    finance = journal.partners.add(Partner(id="fin", name="Finance", business_unit="Group Finance"))
    journal.partners.add(Partner(id="hr", name="HR"))
    journal.contacts.add(
        Contact(id="anna", partner_id=finance.id, name="Anna Berg", email="anna@example.com")
    )
    return journal


def write(tmp_path: Path, text: str, name: str = "survey.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_forms_export_is_mapped_by_its_questions_and_imported(
    loaded: Journal, tmp_path: Path
) -> None:
    table = read_csv(write(tmp_path, FORMS))
    mapping = guess_mapping(table.header, PULSES)
    assert mapping == {
        "partner": "Which business unit are you in?",
        "taken_on": "Completion time",
        "trust": "How much do you trust Group IT to do what it says?",
        "responsiveness": "How responsive is Group IT?",
        "value_delivered": "How much value does Group IT deliver?",
        "net_promoter": "How likely are you to recommend Group IT to a colleague?",
        "comment": "Anything else?",
        "answered_by": "Email",
    }
    plan = plan_pulses(loaded, table, check_mapping(mapping, table.header, kind=PULSES))
    assert plan.problems == ()
    report = import_pulses(loaded, plan)
    assert report.summary() == (
        "Added 2 pulses. 1 'answered by' names matched no contact of their partner and were "
        "left empty."
    )
    first, second = sorted(loaded.pulses.listing("fin"), key=lambda p: p.taken_on)
    assert (first.taken_on, first.trust, first.responsiveness, first.value_delivered) == (
        date(2026, 11, 2),
        4,
        3,
        5,
    )
    assert (first.net_promoter, first.comment, first.answered_by_id) == (
        9,
        "Quick, and they listen.",
        "anna",
    )
    assert second.answered_by_id is None  # "Group Finance" is Finance's business unit


def test_every_bad_row_is_named_and_nothing_is_written(loaded: Journal, tmp_path: Path) -> None:
    text = (
        "Business unit,Date,Trust,Responsiveness,Value delivered,NPS,Comment\n"
        "Finance,2026-11-02,4,4,4,9,fine\n"
        "Finance,2026-11-02,7,4,4,9,too high\n"
        "Nobody,2026-11-02,3,3,3,5,\n"
        "HR,31/12/2026,3,3,3,5,\n"
        "HR,2026-11-05,,3,3,5,no trust\n"
        "HR,2026-11-05,3,3,3,often,\n"
    )
    table = read_csv(write(tmp_path, text))
    mapping = check_mapping(guess_mapping(table.header, PULSES), table.header, kind=PULSES)
    plan = plan_pulses(loaded, table, mapping)
    assert [str(p) for p in plan.problems] == [
        "row 3 (line 3), column 'Trust': trust: must be from 1 to 5 (got 7)",
        "row 4 (line 4), column 'Business unit': partner: 'Nobody' is no partner of the journal",
        "row 5 (line 5), column 'Date': '31/12/2026' is not a date the import can read "
        "(use YYYY-MM-DD)",
        "row 6 (line 6), column 'Trust': trust: is empty",
        "row 7 (line 7), column 'NPS': 'often' is not an answer from 0 to 10",
    ]
    with pytest.raises(ImportFileError, match="5 problems, nothing was imported"):
        import_pulses(loaded, plan)
    assert loaded.pulses.listing() == []


def test_required_columns_must_be_mapped_unless_one_partner_is_given(tmp_path: Path) -> None:
    table = read_csv(write(tmp_path, "Date,Trust,Responsiveness,Value,NPS\n2026-11-02,4,4,4,9\n"))
    guessed = guess_mapping(table.header, PULSES)
    with pytest.raises(ImportFileError, match=r"no column is mapped to the partner; map one"):
        check_mapping(guessed, table.header, kind=PULSES)
    assert check_mapping(guessed, table.header, kind=PULSES, given=("partner",)) == guessed


def test_exported_pulses_come_back_in_as_they_went_out(loaded: Journal, tmp_path: Path) -> None:
    import_pulses(
        loaded,
        plan_pulses(
            loaded,
            read_csv(write(tmp_path, FORMS)),
            guess_mapping(read_csv(write(tmp_path, FORMS)).header, PULSES),
        ),
    )
    out = tmp_path / "pulses.csv"
    assert export_pulses(loaded, out) == 2
    table = read_csv(out)
    again = plan_pulses(loaded, table, guess_mapping(table.header, PULSES))
    assert again.problems == ()
    key = lambda p: (p.partner_id, p.taken_on, p.trust, p.net_promoter, p.comment)  # noqa: E731
    assert sorted(map(key, again.pulses)) == sorted(map(key, loaded.pulses.listing()))


ANSWERS = st.one_of(
    st.integers(-3, 14).map(str),
    st.sampled_from(["4 - Agree", "9 (very likely)", "", " 3 ", "Agree", "3.5", "1/5"]),
    st.text(max_size=6),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(ANSWERS, ANSWERS, ANSWERS, ANSWERS), min_size=1, max_size=6))
def test_a_row_becomes_a_pulse_exactly_when_every_answer_is_in_range(
    new_journal: NewJournal,
    rows: list[tuple[str, str, str, str]],
) -> None:
    """Whatever the cells hold, each row is a pulse or a problem naming its row, never both,
    and a pulse holds the numbers the cells begin with."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Partner", "Trust", "Responsiveness", "Value", "NPS"])
    for row in rows:
        writer.writerow(["Finance", *row])
    import tempfile

    with (
        tempfile.TemporaryDirectory() as folder,
        new_journal(Path(folder) / "j.db", today=lambda: date(2026, 11, 24)) as journal,
    ):
        journal.partners.add(Partner(id="fin", name="Finance"))
        table = parse_csv(Path("survey.csv"), buffer.getvalue())
        plan = plan_pulses(journal, table, guess_mapping(table.header, PULSES))
        troubled = {p.row for p in plan.problems}
        assert len(plan.pulses) + len(troubled) == len(rows)
        pulses = iter(plan.pulses)
        for number, cells in enumerate(rows, start=2):
            ranges = [(1, 5), (1, 5), (1, 5), (0, 10)]
            numbers = []
            for cell, (low, high) in zip(cells, ranges, strict=True):
                try:
                    numbers.append(read_answer(cell, low, high) if cell.strip() else None)
                except ValueError:
                    numbers.append(None)
            good = all(
                n is not None and low <= n <= high
                for n, (low, high) in zip(numbers, ranges, strict=True)
            )
            assert good == (number not in troubled)
            if good:
                pulse = next(pulses)
                assert [
                    pulse.trust,
                    pulse.responsiveness,
                    pulse.value_delivered,
                    pulse.net_promoter,
                ] == numbers


@pytest.mark.parametrize(
    ("cell", "number"), [("4", 4), ("4 - Agree", 4), ("10", 10), ("9 (very likely)", 9)]
)
def test_an_answer_is_the_number_it_begins_with(cell: str, number: int) -> None:
    assert read_answer(cell, 0, 10) == number


@pytest.mark.parametrize("cell", ["Agree", "3.5", "1/5", "-1", "", "110"])
def test_an_answer_without_a_number_of_its_own_is_refused(cell: str) -> None:
    with pytest.raises(ValueError, match="is not an answer from 0 to 10"):
        read_answer(cell, 0, 10)


# The command line


@pytest.fixture
def db(journal_path: Path, new_journal: NewJournal) -> Path:
    with new_journal(journal_path) as journal:
        journal.partners.add(Partner(id="fin", name="Finance", business_unit="Group Finance"))
        journal.partners.add(Partner(id="hr", name="HR"))
    return journal_path


def test_the_cli_imports_a_survey_with_kind_pulses(cli: Cli, db: Path, tmp_path: Path) -> None:
    done = cli("import", str(write(tmp_path, FORMS)), "--kind", "pulses", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("Added 2 pulses.")
    with Journal.open(db) as journal:
        assert len(journal.pulses.listing("fin")) == 2


def test_the_cli_names_bad_rows_and_writes_nothing(cli: Cli, db: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "Partner,Trust,Responsiveness,Value,NPS\nFinance,4,4,4,12\n")
    done = cli("import", str(bad), "--kind", "pulses", db=db)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"brm-desk: error: {bad}: 1 problem, nothing was imported: row 2 (line 2), "
        "column 'NPS': net_promoter: must be from 0 to 10 (got 12)."
    )
    assert "Traceback" not in done.stderr
    with Journal.open(db) as journal:
        assert journal.pulses.listing() == []


def test_one_partner_for_a_whole_survey_comes_from_partner(
    cli: Cli, db: Path, tmp_path: Path
) -> None:
    survey = write(tmp_path, "Trust,Responsiveness,Value,NPS\n4,4,4,8\n3,3,3,6\n")
    done = cli("import", str(survey), "--kind", "pulses", "--partner", "hr", db=db)
    assert done.returncode == 0, done.stderr
    with Journal.open(db) as journal:
        assert len(journal.pulses.listing("hr")) == 2


def test_kind_pulses_wants_a_csv_file(cli: Cli, db: Path, tmp_path: Path) -> None:
    done = cli("import", str(write(tmp_path, "{}", "a.json")), "--kind", "pulses", db=db)
    assert done.returncode == 1
    assert done.stderr.startswith("brm-desk: error: --kind pulses reads a CSV file")


# The mapping dialog, for its second kind of record


def test_the_mapping_dialog_previews_pulses_and_stops_at_a_bad_row(
    qtbot: QtBot, loaded: Journal, tmp_path: Path, qt_settings: QSettings
) -> None:
    from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog

    table = read_csv(write(tmp_path, FORMS))
    dialog = CsvMappingDialog(
        loaded, table, loaded.partners.listing(), None, qt_settings, kind=PULSES
    )
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Import pulses — survey.csv"
    assert dialog.preview.rowCount() == 2
    assert dialog.import_button.text() == "Import 2 pulses"
    assert dialog.import_button.isEnabled()
    trust = dialog.field_boxes["trust"]
    trust.setCurrentIndex(trust.findData("ID"))  # 1 and 2: fine; now map NPS to Start time
    nps = dialog.field_boxes["net_promoter"]
    nps.setCurrentIndex(nps.findData("Start time"))
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.item(0).text().startswith("row 2 (line 2), column 'Start time':")
