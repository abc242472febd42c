"""A calendar or CSV file imported in one call, for the command line (no preview, no dialog)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.interchange.csv_import import import_requests, plan_requests
from brm_desk.services.interchange.csv_mapping import (
    PULSES,
    REQUESTS,
    CsvKind,
    Mapping_,
    check_mapping,
    guess_mapping,
    parse_map_option,
)
from brm_desk.services.interchange.csv_read import CsvTable, read_csv
from brm_desk.services.journal import Journal


def import_calendar_or_csv(
    journal: Journal, path: Path, kind: str, partner_name: str | None, map_option: str | None
) -> str:
    """Import every event (``ics``) or row (``csv``) to one partner; returns the summary."""
    if not partner_name:
        noun = "meetings" if kind == "ics" else "requests"
        raise BrmDeskError(f"{path}: say whose {noun} these are with --partner NAME")
    partner = journal.partners.find(partner_name)
    if kind == "ics":
        if map_option:
            raise BrmDeskError("--map applies to CSV imports only")
        from brm_desk.services.interchange.ics_import import (
            all_to,
            import_calendar,
            preview_calendar,
        )

        preview = preview_calendar(journal, path)
        return import_calendar(journal, preview, all_to(preview, partner.id)).summary()
    table, mapping = _mapped(path, map_option, REQUESTS)
    report = import_requests(journal, plan_requests(journal, table, mapping, partner.id))
    return _read_as(path, table, mapping, report.summary())


def import_pulse_csv(
    journal: Journal, path: Path, partner_name: str | None, map_option: str | None
) -> str:
    """Import a survey's answers as pulses; each row names its partner, or ``--partner``
    names the one partner the survey went to."""
    from brm_desk.services.interchange.csv_pulses import import_pulses, plan_pulses

    partner = journal.partners.find(partner_name) if partner_name else None
    table, mapping = _mapped(path, map_option, PULSES, given=("partner",) if partner else ())
    plan = plan_pulses(journal, table, mapping, partner.id if partner else None)
    return _read_as(path, table, mapping, import_pulses(journal, plan).summary())


def _mapped(
    path: Path, map_option: str | None, kind: CsvKind, given: Collection[str] = ()
) -> tuple[CsvTable, Mapping_]:
    """The file's table and the mapping guessed from its header, with ``--map`` over it."""
    table = read_csv(path)
    mapping = guess_mapping(table.header, kind)
    if map_option:
        mapping.update(parse_map_option(map_option, table.header, kind))
    return table, check_mapping(mapping, table.header, kind=kind, given=given)


def _read_as(path: Path, table: CsvTable, mapping: Mapping_, summary: str) -> str:
    """How the file was read, then what the import did."""
    used = ", ".join(f"{field}={column}" for field, column in mapping.items())
    return (
        f"Read {path.name} as {table.encoding}, {table.delimiter_name}-separated; "
        f"columns: {used}.\n{summary}"
    )
