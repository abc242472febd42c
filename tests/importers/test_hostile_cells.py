"""Hostile values in and out (issue 13): a CSV cell never runs as a spreadsheet formula, and a
JSON number of thousands of digits gets our one-line error naming its field."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.services.interchange.csv_export import csv_text, write_csv
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells_written(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    text = csv_text(header, rows)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1-555-0100", "'+1-555-0100"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tindent", "'\tindent"),
        ("\rreturn", "'\rreturn"),
        ("-", "'-"),
        ("- a list item", "'- a list item"),
        ("-1e5", "'-1e5"),
        ("-٣", "'-٣"),
        ("-3", "-3"),  # a plain negative number runs nothing and stays a number
        ("-2.5", "-2.5"),
        ("3-2", "3-2"),
        ("Budget", "Budget"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_goes_out_as_text(cell: str, written: str) -> None:
    assert cells_written([cell], [[cell]]) == [[written], [written]]


@given(st.text(max_size=40))
def test_no_cell_starts_a_formula_and_none_is_changed_but_by_its_apostrophe(cell: str) -> None:
    [[out]] = cells_written(["Title"], [[cell]])[1:]
    assert out in (cell, "'" + cell)
    if out.startswith(FORMULA_STARTS):  # only a plain negative number goes out as it is
        assert out == cell
        assert re.fullmatch(r"-[0-9]+(\.[0-9]+)?", cell)


def test_the_file_holds_the_same_cells(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    assert write_csv(path, ["Title", "Delta"], [["-2+3+cmd|' /C calc'!A0", "-3"]]) == 1
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["Title", "Delta"], ["'-2+3+cmd|' /C calc'!A0", "-3"]]


@pytest.mark.parametrize(
    ("field", "where"),
    [
        ("duration_minutes", '"duration_minutes" (id "m1")'),
        ("satisfaction", '"satisfaction" (id "m1")'),
        ("tags", '"tags" (id "m1")'),
    ],
)
def test_a_number_of_thousands_of_digits_is_named_by_its_field(
    new_journal: NewJournal, cli: Cli, journal_path: Path, tmp_path: Path, field: str, where: str
) -> None:
    new_journal(journal_path).close()
    huge = "9" * 5000
    value = f"[{huge}]" if field == "tags" else huge
    meeting = (
        '{"id": "m1", "partner": "p1", "title": "Kick-off", '
        f'"start": "2026-03-02T09:00:00+01:00", "{field}": {value}}}'
    )
    path = tmp_path / "huge.json"
    path.write_text(
        '{"format": "brm-desk-journal", "version": 1, '
        f'"partners": [{{"id": "p1", "name": "Finance"}}], "meetings": [{meeting}]}}'
    )
    result = cli("import", str(path), db=journal_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"brm-desk: error: {path}: {where}: a number of 5,000 digits is longer than any field "
        "takes.\n"
    )


def test_a_long_but_readable_number_still_meets_the_field_rules(
    new_journal: NewJournal, cli: Cli, journal_path: Path, tmp_path: Path
) -> None:
    new_journal(journal_path).close()
    path = tmp_path / "long.json"
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "p1", "name": "Finance", "touch_cadence_days": 10**40}],
    }
    path.write_text(json.dumps(document))
    result = cli("import", str(path), db=journal_path)
    assert result.returncode == 1
    assert "touch_cadence_days" in result.stderr
