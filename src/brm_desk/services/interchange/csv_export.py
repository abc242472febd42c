"""Write a list as CSV that opens cleanly in a spreadsheet: UTF-8 with a BOM, one header row.

The byte-order mark is what makes Excel read the file as UTF-8 (accents, CJK names intact).
A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
carriage return, as OWASP lists them) gets a leading apostrophe, so a title typed as
``=HYPERLINK(…)`` or ``-2+3+cmd|…`` stays text. A plain negative number such as ``-3`` or
``-2.5`` runs nothing and is left as it is, so it stays a number.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from brm_desk.domain.files import write_text

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEGATIVE_NUMBER = re.compile(r"-[0-9]+(\.[0-9]+)?")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_safe(cell) for cell in header])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return "\ufeff" + buffer.getvalue()


def _safe(cell: str) -> str:
    formula = cell.startswith(_FORMULA_STARTS) and not _NEGATIVE_NUMBER.fullmatch(cell)
    return "'" + cell if formula else cell


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write atomically (never half a file); returns how many rows went out."""
    materialised = [list(row) for row in rows]
    write_text(path, csv_text(header, materialised))
    return len(materialised)
