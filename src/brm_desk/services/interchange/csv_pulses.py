"""Pulses from a survey tool's CSV export (one row per answer): every row checked first,
then all written in one transaction, as the request import does.

Each row names its partner (by name or business unit); who answered is matched to that
partner's contacts by name or e-mail, and left empty when no contact matches.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brm_desk.domain.errors import ValidationError
from brm_desk.domain.pulses import NET_PROMOTER_RANGE, SCORE_RANGE, Pulse, check_pulse
from brm_desk.domain.records import Partner, new_id
from brm_desk.domain.words import plural
from brm_desk.services.interchange import csv_cells
from brm_desk.services.interchange.csv_export import write_csv
from brm_desk.services.interchange.csv_import import (
    CellProblem,
    CsvRowErrors,
    contacts_by_name,
    read_rows,
)
from brm_desk.services.interchange.csv_read import CsvRow, CsvTable
from brm_desk.services.interchange.import_control import NO_CONTROL, ImportControl
from brm_desk.services.journal import Journal

_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\s*(?:$|[-–:(].*$|[^\W\d_].*$)", re.DOTALL)
"""A number, alone or followed by its words: ``4``, ``4 - Agree``, ``9 (very likely)``,
``5 Strongly agree``; never ``3.5`` or ``1/5``, which say something else."""


def read_answer(text: str, low: int, high: int) -> int:
    """A survey's answer as its number: ``4``, ``4 - Agree``, ``9 (very likely)``."""
    match = _LEADING_NUMBER.match(text)
    if match is None:
        raise ValueError(f"'{text.strip()}' is not an answer from {low} to {high}")
    return int(match[1])


_READERS: dict[str, Any] = {
    "taken_on": csv_cells.read_date,
    "trust": lambda text: read_answer(text, *SCORE_RANGE),
    "responsiveness": lambda text: read_answer(text, *SCORE_RANGE),
    "value_delivered": lambda text: read_answer(text, *SCORE_RANGE),
    "net_promoter": lambda text: read_answer(text, *NET_PROMOTER_RANGE),
}


@dataclass(frozen=True)
class PulsePlan:
    """The pulses a CSV file makes with a mapping, or the problems that stop it."""

    table: CsvTable
    mapping: dict[str, str]
    pulses: tuple[Pulse, ...]
    problems: tuple[CellProblem, ...]
    unmatched_answered_by: int = 0


@dataclass
class PulseImportReport:
    added: list[str] = field(default_factory=list)
    unmatched_answered_by: int = 0

    def summary(self) -> str:
        text = f"Added {plural(len(self.added), 'pulse')}."
        if self.unmatched_answered_by:
            text += (
                f" {self.unmatched_answered_by} 'answered by' names matched no contact of "
                "their partner and were left empty."
            )
        return text


def plan_pulses(
    journal: Journal,
    table: CsvTable,
    mapping: Mapping[str, str],
    partner_id: str | None = None,
    control: ImportControl = NO_CONTROL,
) -> PulsePlan:
    """Read every row (``read_rows``), collecting every problem instead of stopping.

    A row without a date is taken today; one without a partner is ``partner_id``'s (a survey
    sent to one partner), when given.
    """
    partners = _partners(journal.partners.listing())
    if partner_id is not None:
        partners[""] = journal.partners.get(partner_id).id
    people = {
        p.id: contacts_by_name(journal.contacts.listing(p.id)) for p in journal.partners.listing()
    }
    pulses, problems, unmatched = read_rows(
        table,
        mapping,
        lambda row, cells: _row_pulse(row, cells, partners, people, journal),
        control,
    )
    return PulsePlan(table, dict(mapping), tuple(pulses), problems, unmatched)


def _partners(partners: list[Partner]) -> dict[str, str]:
    """Partners by name, then by business unit, ignoring case."""
    found: dict[str, str] = {}
    for partner in partners:
        found.setdefault(partner.name.casefold(), partner.id)
    for partner in partners:
        if partner.business_unit:
            found.setdefault(partner.business_unit.casefold(), partner.id)
    return found


def _row_pulse(
    row: CsvRow,
    cells: Mapping[str, tuple[str, str]],
    partners: Mapping[str, str],
    people: Mapping[str, Mapping[str, str]],
    journal: Journal,
) -> tuple[Pulse | None, list[CellProblem], bool]:
    """One row as a pulse, or its problems; and whether its 'answered by' found a contact."""
    problems: list[CellProblem] = []
    values: dict[str, Any] = {}
    for name, (column, cell) in cells.items():
        if not cell.strip():
            continue
        reader = _READERS.get(name)
        try:
            values[name] = reader(cell) if reader else cell.strip()
        except ValueError as error:
            problems.append(CellProblem(row.number, row.line, column, str(error)))
    partner_name = values.pop("partner", "")
    partner_id = partners.get(partner_name.casefold())
    if partner_id is None:
        column = cells.get("partner", ("", ""))[0]
        why = "is empty" if not partner_name else f"'{partner_name}' is no partner of the journal"
        problems.append(CellProblem(row.number, row.line, column, f"partner: {why}"))
    answered_by = values.pop("answered_by", None)
    contact_id = (
        people.get(partner_id or "", {}).get(answered_by.casefold()) if answered_by else None
    )
    matched = not answered_by or contact_id is not None
    if problems or partner_id is None:
        return None, problems, matched
    try:
        pulse = check_pulse(
            Pulse(
                id=new_id(),
                partner_id=partner_id,
                taken_on=values.get("taken_on", journal.today()),
                trust=values.get("trust", 0),
                responsiveness=values.get("responsiveness", 0),
                value_delivered=values.get("value_delivered", 0),
                net_promoter=values.get("net_promoter", -1),
                comment=values.get("comment", ""),
                answered_by_id=contact_id,
            )
        )
    except ValidationError as error:
        column = cells.get(error.field, ("", ""))[0]
        reason = "is empty" if error.field not in values else error.reason
        return (
            None,
            [CellProblem(row.number, row.line, column, f"{error.field}: {reason}")],
            matched,
        )
    return pulse, [], matched


def import_pulses(journal: Journal, plan: PulsePlan) -> PulseImportReport:
    """Write a plan's pulses in one transaction; a plan with problems writes nothing."""
    if plan.problems:
        raise CsvRowErrors(plan.table.path, plan.problems)
    added = journal.pulses.add_many(list(plan.pulses))
    return PulseImportReport([p.id for p in added], plan.unmatched_answered_by)


def undo_pulse_import(journal: Journal, pulse_ids: list[str]) -> None:
    """Take an import back: its pulses go (they never existed before it)."""
    journal.pulses.delete_many(pulse_ids)


EXPORT_HEADER = (
    "Partner",
    "Taken on",
    "Trust",
    "Responsiveness",
    "Value delivered",
    "Net promoter",
    "Comment",
    "Answered by",
)
"""Headers the import recognises, so an exported file comes back in as it went out."""


def export_pulses(journal: Journal, path: Path, partner_id: str | None = None) -> int:
    """Every pulse (of one partner, when given) as CSV, oldest first; returns how many."""
    partners = {p.id: p.name for p in journal.partners.listing()}
    people = {c.id: c.name for c in journal.contacts.listing()}
    pulses = sorted(journal.pulses.listing(partner_id), key=lambda p: (p.taken_on, p.id))
    rows = (
        (
            partners.get(p.partner_id, ""),
            p.taken_on.isoformat(),
            str(p.trust),
            str(p.responsiveness),
            str(p.value_delivered),
            str(p.net_promoter),
            p.comment,
            people.get(p.answered_by_id or "", ""),
        )
        for p in pulses
    )
    return write_csv(path, EXPORT_HEADER, rows)
