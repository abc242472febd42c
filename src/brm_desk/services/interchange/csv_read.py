"""Read a CSV export (of a service tool or a spreadsheet) into a header and rows.

The encoding is detected (UTF-8 with or without a byte-order mark, UTF-16 with one, else
Windows-1252, which is what Excel writes on Western Windows) and the delimiter is found with
``csv.Sniffer`` (comma, semicolon, tab or bar). A row with more or fewer cells than the header
is refused with its row and line number: all or nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from brm_desk.domain.errors import ImportFileError
from brm_desk.services.interchange.ics_read import read_bytes

DELIMITERS = ",;\t|"
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class CsvRow(NamedTuple):
    """A record of the file, with the row a spreadsheet shows and the line where it starts.

    The header is row 1, the first record row 2; blank lines are not rows.
    """

    number: int
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    """A CSV file's header and rows."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    encoding: str
    delimiter: str

    @property
    def delimiter_name(self) -> str:
        return _NAMES.get(self.delimiter, repr(self.delimiter))


def decode_csv(path: Path, raw: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was in."""
    if raw.startswith(codecs.BOM_UTF8):
        return _decode(path, raw[3:], "utf-8"), "UTF-8 (with BOM)"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(path, raw, "utf-16"), "UTF-16"
    if b"\x00" in raw[:65536]:
        raise ImportFileError(
            f"{path}: is not a CSV file (it holds binary data); save it as CSV and try again."
        )
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decode(path, raw, "cp1252"), "Windows-1252"


def _decode(path: Path, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path}: cannot be read as text (byte {error.start + 1} is not {encoding}); "
            "save it as CSV UTF-8 and try again."
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines; a one-column file counts as comma-separated."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def parse_csv(path: Path, text: str, encoding: str = "UTF-8") -> CsvTable:
    """The header and the rows of a CSV text, refusing ragged rows and nameless columns."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[CsvRow] = []
    header: tuple[str, ...] | None = None
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            cells = tuple(cell.strip() for cell in record)
            if header is None:
                header = _check_header(path, cells)
                continue
            number = len(rows) + 2
            if len(cells) != len(header):
                raise ImportFileError(
                    f"{path}: row {number} (line {line}) has {len(cells)} cells, but the "
                    f"header has {len(header)} columns; fix that row (a {_NAMES[delimiter]} "
                    "inside a value needs quotes) and try again."
                )
            rows.append(CsvRow(number, line, cells))
    except csv.Error as error:
        raise ImportFileError(
            f"{path}: line {reader.line_num} cannot be read as CSV ({error})."
        ) from None
    if header is None:
        raise ImportFileError(f"{path}: is empty; a CSV file needs a header row.")
    return CsvTable(path, header, tuple(rows), encoding, delimiter)


def _check_header(path: Path, cells: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    for number, name in enumerate(cells, start=1):
        if not name:
            raise ImportFileError(f"{path}: column {number} of the header (row 1) has no name.")
        key = name.casefold()
        if key in seen:
            raise ImportFileError(
                f"{path}: the header (row 1) names two columns '{name}' "
                f"(columns {seen[key]} and {number})."
            )
        seen[key] = number
    return cells


def read_csv(path: Path) -> CsvTable:
    """Read, decode and parse a CSV file."""
    text, encoding = decode_csv(path, read_bytes(path))
    return parse_csv(path, text, encoding)
