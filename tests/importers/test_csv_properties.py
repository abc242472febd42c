"""Property-based tests: any table written as CSV reads back; mapping guesses stay sound."""

from __future__ import annotations

import csv
import io
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.errors import ImportFileError
from brm_desk.services.interchange import csv_cells
from brm_desk.services.interchange.csv_mapping import FIELDS, guess_mapping, normalise
from brm_desk.services.interchange.csv_read import decode_csv, parse_csv

PATH = Path("export.csv")
CELL_CHARS = string.ascii_letters + string.digits + " .-/'()&+%éüß€ñ日本"
cells = st.text(alphabet=CELL_CHARS, max_size=20).map(str.strip)
names = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=12).map(str.strip)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    width = draw(st.integers(min_value=2, max_value=6))
    header = draw(
        st.lists(names.filter(bool), min_size=width, max_size=width, unique_by=str.casefold)
    )
    row = st.lists(cells, min_size=width, max_size=width).filter(lambda r: any(r))
    return header, draw(st.lists(row, max_size=15))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=tables(),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    line_end=st.sampled_from(["\r\n", "\n"]),
)
def test_any_table_written_as_csv_reads_back_the_same(
    table: tuple[list[str], list[list[str]]],
    delimiter: str,
    encoding: str,
    quoting: int,
    line_end: str,
) -> None:
    header, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        raw = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raw = buffer.getvalue().encode("utf-8")
    text, _found = decode_csv(PATH, raw)
    parsed = parse_csv(PATH, text)
    assert parsed.header == tuple(header)
    assert parsed.delimiter == delimiter
    assert [list(r.cells) for r in parsed.rows] == rows


@given(table=tables(), drop=st.integers(min_value=0, max_value=14))
def test_a_row_short_of_a_cell_is_always_refused_with_its_row(
    table: tuple[list[str], list[list[str]]], drop: int
) -> None:
    header, rows = table
    rows = [*rows, ["x"] * len(header)]
    victim = drop % len(rows)
    rows[victim] = rows[victim][:-1] if any(rows[victim][:-1]) else ["y"] * (len(header) - 1)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    with pytest.raises(ImportFileError) as caught:
        parse_csv(PATH, buffer.getvalue())
    assert f"row {victim + 2} " in caught.value.message
    assert f"the header has {len(header)} columns" in caught.value.message


aliases = [(field.name, header) for field in FIELDS for header in field.headers]


@given(
    chosen=st.lists(st.sampled_from(aliases), max_size=8, unique_by=lambda a: a[1]),
    noise=st.lists(st.sampled_from(["Number", "Sys ID", "Updated", "Watch list"]), unique=True),
    style=st.sampled_from([str.upper, str.title, lambda s: s.replace(" ", "_"), str]),
    order=st.randoms(use_true_random=False),
)
def test_guessed_mappings_use_real_columns_once_and_find_known_headers(
    chosen: list[tuple[str, str]], noise: list[str], style: object, order: object
) -> None:
    assert callable(style)
    header = [style(name) for _field, name in chosen] + noise
    order.shuffle(header)  # type: ignore[attr-defined]
    if len({normalise(h) for h in header}) != len(header):
        return
    mapping = guess_mapping(header)
    assert set(mapping) <= {field.name for field in FIELDS}
    assert set(mapping.values()) <= set(header)
    assert len(set(mapping.values())) == len(mapping)  # a column fills one field
    for field_name, _name in chosen:
        assert field_name in mapping  # every field with a known header was found


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_dates_in_every_supported_shape_read_back(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.isoformat()} 10:22:11",
        day.strftime("%d.%m.%Y"),
        day.strftime("%d/%b/%Y %I:%M %p"),
        day.strftime("%d-%b-%Y"),
    ):
        assert csv_cells.read_date(text) == day


@given(text=st.text(max_size=30))
def test_cell_readers_refuse_any_text_only_with_a_message(text: str) -> None:
    for reader in (
        csv_cells.read_date,
        csv_cells.read_scale,
        csv_cells.read_status,
        csv_cells.read_focus,
    ):
        messages = []
        try:
            reader(text)
        except ValueError as error:
            messages.append(str(error))
        assert all(message.strip() for message in messages)
