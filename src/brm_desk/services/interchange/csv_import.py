"""Requests from a CSV export: every row checked first, then all written in one transaction.

A plan reads every row through the mapping and the journal's rules (domain/rules.py) and
lists every problem by row and column; only a plan without problems can be imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from brm_desk.domain.errors import ImportFileError, ValidationError
from brm_desk.domain.records import Contact, Request, new_id
from brm_desk.domain.rules import check_request
from brm_desk.domain.words import plural
from brm_desk.services.interchange import csv_cells
from brm_desk.services.interchange.csv_read import CsvRow, CsvTable
from brm_desk.services.interchange.import_control import NO_CONTROL, ImportControl
from brm_desk.services.journal import Journal
from brm_desk.store import partner_rows, request_rows, trash_rows

MAX_PROBLEMS = 100
WRITE_CHUNK = 500
SHOWN_IN_MESSAGE = 5

_READERS: dict[str, Callable[[str], Any]] = {
    "received": csv_cells.read_date,
    "delivered_on": csv_cells.read_date,
    "revisit_on": csv_cells.read_date,
    "value": csv_cells.read_scale,
    "urgency": csv_cells.read_scale,
    "status": csv_cells.read_status,
    "focus": csv_cells.read_focus,
    "tags": csv_cells.read_tags,
}


@dataclass(frozen=True)
class CellProblem:
    """What is wrong, and where: the spreadsheet row, the file line, the column."""

    row: int
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f", column '{self.column}'" if self.column else ""
        return f"row {self.row} (line {self.line}){where}: {self.message}"


class CsvRowErrors(ImportFileError):
    """Rows that cannot become requests; nothing was imported."""

    def __init__(self, path: object, problems: tuple[CellProblem, ...]) -> None:
        shown = "; ".join(str(p) for p in problems[:SHOWN_IN_MESSAGE])
        more = len(problems) - SHOWN_IN_MESSAGE
        rest = f"; and {more} more" if more > 0 else ""
        count = plural(len(problems), "problem")
        super().__init__(f"{path}: {count}, nothing was imported: {shown}{rest}.")
        self.problems = problems


@dataclass(frozen=True)
class RequestPlan:
    """The requests a CSV file makes with a mapping, or the problems that stop it."""

    table: CsvTable
    mapping: dict[str, str]
    partner_id: str
    requests: tuple[Request, ...]
    problems: tuple[CellProblem, ...]
    unmatched_raised_by: int = 0


@dataclass
class RequestImportReport:
    added: list[str] = field(default_factory=list)
    unmatched_raised_by: int = 0

    def summary(self) -> str:
        text = f"Added {plural(len(self.added), 'request')}."
        if self.unmatched_raised_by:
            text += (
                f" {self.unmatched_raised_by} 'raised by' names matched no contact of the "
                "partner and were left empty."
            )
        return text


def plan_requests(
    journal: Journal,
    table: CsvTable,
    mapping: Mapping[str, str],
    partner_id: str,
    control: ImportControl = NO_CONTROL,
) -> RequestPlan:
    """Read every row; collect every problem (up to :data:`MAX_PROBLEMS`) instead of stopping."""
    partner = journal.partners.get(partner_id)
    people = contacts_by_name(journal.contacts.listing(partner.id))
    blank = Request(id="", partner_id=partner.id, title="", received=journal.today())
    requests, problems, unmatched = read_rows(
        table, mapping, lambda row, cells: _row_request(row, cells, people, blank), control
    )
    return RequestPlan(table, dict(mapping), partner.id, tuple(requests), problems, unmatched)


_Record = TypeVar("_Record")
RowReader = Callable[
    [CsvRow, Mapping[str, tuple[str, str]]], tuple[_Record | None, list[CellProblem], bool]
]


def read_rows(
    table: CsvTable,
    mapping: Mapping[str, str],
    read_row: RowReader[_Record],
    control: ImportControl = NO_CONTROL,
) -> tuple[list[_Record], tuple[CellProblem, ...], int]:
    """Every row through ``read_row`` (given, for each mapped field, its column and the
    row's text there): the records made, the problems (up to :data:`MAX_PROBLEMS`, listed
    instead of stopping at the first) and how many rows named a person no contact matched."""
    columns = {name: index for index, name in enumerate(table.header)}
    records: list[_Record] = []
    problems: list[CellProblem] = []
    unmatched = 0
    for index, row in enumerate(table.rows):
        if index % 500 == 0:
            control.step(index, len(table.rows))
        cells = {field: (column, row.cells[columns[column]]) for field, column in mapping.items()}
        record, row_problems, matched = read_row(row, cells)
        unmatched += not matched
        if record is not None:
            records.append(record)
        problems.extend(row_problems)
        if len(problems) >= MAX_PROBLEMS:
            break
    control.step(len(table.rows), len(table.rows))
    return records, tuple(problems[:MAX_PROBLEMS]), unmatched


def _row_request(
    row: CsvRow,
    cells: Mapping[str, tuple[str, str]],
    people: Mapping[str, str],
    blank: Request,
) -> tuple[Request | None, list[CellProblem], bool]:
    """One row as a request, or its problems; and whether its 'raised by' found a contact.

    ``cells`` holds, for each mapped field, its column and the row's text there; ``blank`` is
    the request a row starts from: the partner's, received today, without a title.
    """
    problems: list[CellProblem] = []
    values: dict[str, Any] = {}
    for field_name, (column, cell) in cells.items():
        if not cell:
            continue
        reader = _READERS.get(field_name)
        try:
            values[field_name] = reader(cell) if reader else cell
        except ValueError as error:
            problems.append(CellProblem(row.number, row.line, column, str(error)))
    raised_by = values.pop("raised_by", None)
    contact_id = people.get(raised_by.casefold()) if raised_by else None
    matched = not raised_by or contact_id is not None
    if problems:
        return None, problems, matched
    try:
        request = check_request(replace(blank, id=new_id(), raised_by_id=contact_id, **values))
    except ValidationError as error:
        column = cells.get(error.field, cells.get("status", ("", "")))[0]
        message = f"{error.field}: {error.reason}" if error.field else error.reason
        return None, [CellProblem(row.number, row.line, column, message)], matched
    return request, [], matched


def contacts_by_name(contacts: list[Contact]) -> dict[str, str]:
    """A partner's contacts by name and by e-mail, ignoring case."""
    found: dict[str, str] = {}
    for contact in contacts:
        found.setdefault(contact.name.casefold(), contact.id)
        if contact.email:
            found.setdefault(contact.email.casefold(), contact.id)
    return found


def import_requests(
    journal: Journal, plan: RequestPlan, control: ImportControl = NO_CONTROL
) -> RequestImportReport:
    """Write a plan's requests in one transaction; a plan with problems writes nothing."""
    if plan.problems:
        raise CsvRowErrors(plan.table.path, plan.problems)
    requests = plan.requests
    with journal.database.transaction() as tx:
        partner_rows.get(tx, plan.partner_id)
        for start in range(0, len(requests), WRITE_CHUNK):
            request_rows.insert_many(tx, requests[start : start + WRITE_CHUNK])
            control.step(min(start + WRITE_CHUNK, len(requests)), len(requests))
        control.step(len(requests), len(requests))
    return RequestImportReport([r.id for r in requests], plan.unmatched_raised_by)


def undo_request_import(journal: Journal, request_ids: list[str]) -> None:
    """Take an import back: its requests go for good (they never existed before it)."""
    with journal.database.transaction() as tx:
        for request_id in request_ids:
            trash_rows.purge(tx, trash_rows.soft_delete(tx, "request", request_id))
