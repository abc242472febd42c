"""The sample journal the first run offers: it imports cleanly and tells its stories."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from brm_desk.domain.enums import MeetingType, RequestStatus
from brm_desk.services.interchange.json_io import (
    export_journal,
    import_journal,
    read_import_file,
)
from brm_desk.services.journal import Journal

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_journal.json"
END = date(2026, 11, 20)


def test_the_sample_imports_whole_and_covers_every_status_and_type(journal: Journal) -> None:
    report = import_journal(journal, read_import_file(SAMPLE))
    assert report.added == {"partners": 7, "contacts": 31, "meetings": 411, "requests": 96}
    assert sum(len(ids) for ids in report.skipped.values()) == 0
    document = export_journal(journal, include_private=True)
    assert {r["status"] for r in document["requests"]} == {s.value for s in RequestStatus}
    assert {m["type"] for m in document["meetings"]} == {t.value for t in MeetingType}
    starts = sorted(m["start"][:10] for m in document["meetings"])
    assert starts[0] < "2025-01-01"
    assert starts[-1] >= "2026-11-01"
    assert any(p["archived"] for p in document["partners"])


def test_private_sample_notes_stay_out_of_a_default_export(journal: Journal) -> None:
    import_journal(journal, read_import_file(SAMPLE))
    shared = json.dumps(export_journal(journal), ensure_ascii=False)
    everything = json.dumps(export_journal(journal, include_private=True), ensure_ascii=False)
    assert "confidential" not in shared.lower()
    assert "confidential" in everything.lower()


def test_a_default_export_of_the_sample_imports_again_unchanged(
    journal: Journal, tmp_path: Path
) -> None:
    import_journal(journal, read_import_file(SAMPLE))
    first = export_journal(journal)
    with Journal.create(tmp_path / "again.db") as again:
        import_journal(again, first)
        second = export_journal(again)
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first


def test_sales_drifts_into_super_fixer_mode(journal: Journal) -> None:
    import_journal(journal, read_import_file(SAMPLE))
    sales = journal.partners.find("Sales & Marketing")
    balance = journal.balances.for_partner(sales.id, date(2026, 9, 1), END)
    assert balance.overdue
    assert balance.last_strategic is not None
    assert balance.last_strategic < date(2026, 10, 1)
    september, october, _ = balance.months
    for month in (september, october):
        share = month.tally.strategic_share
        assert share is not None
        assert share < sales.target_strategic_share
