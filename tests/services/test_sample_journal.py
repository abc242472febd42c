"""The sample journal the first run offers: it imports cleanly and tells its stories."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from brm_desk.domain.enums import Influence, MeetingType, RequestStatus, Stance
from brm_desk.domain.errors import ImportFileError
from brm_desk.services.interchange.json_io import (
    export_journal,
    import_journal,
    read_import_file,
)
from brm_desk.services.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample_journal.json"
SCRIPT = ROOT / "scripts" / "make_sample_journal.py"
STORY = ROOT / "scripts" / "sample_story"
END = date(2026, 11, 20)


def test_the_sample_imports_whole_and_covers_every_status_and_type(journal: Journal) -> None:
    report = import_journal(journal, read_import_file(SAMPLE))
    assert report.added == {
        "partners": 7,
        "contacts": 31,
        "meetings": 411,
        "requests": 96,
        "pulses": 62,
    }
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


def test_the_brms_own_thinking_is_in_private_notes_never_in_the_notes(journal: Journal) -> None:
    """Reflections, notes to self, my reads, between the lines, confidential lines."""
    import_journal(journal, read_import_file(SAMPLE))
    document = export_journal(journal, include_private=True)
    own = re.compile(r"note to self|my read|reflection|between the lines|confidential", re.I)
    records = document["meetings"] + document["requests"]
    assert [r["id"] for r in records if own.search(r["notes"])] == []
    private = [r for r in records if r["private_notes"]]
    assert all(own.search(r["private_notes"]) for r in private), "nothing else is private"
    headings = " ".join(r["private_notes"] for r in private)
    for heading in ("## Note to self", "## My read", "## Reflection", "## Between the lines"):
        assert headings.count(heading) >= 20, heading
    shared = [m for m in document["meetings"] if m["private_notes"] and not m["private"]]
    assert len(shared) >= 150, "most of the BRM's thinking sits in meetings that are shared"
    default = json.dumps(export_journal(journal), ensure_ascii=False)
    assert "private_notes" not in default
    assert not own.search(default)


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


def test_the_sample_is_what_its_story_builds() -> None:
    """The committed sample is the story put through the real import and export, byte for byte."""
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "up to date"


def test_a_story_that_breaks_a_rule_stops_at_the_import(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(STORY, story)
    hr = story / "hr.toml"
    hr.write_text(
        re.sub(r"\nrouted_to = .*", "", hr.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )
    with pytest.raises(ImportFileError, match="routed_to: is required when the status is"):
        _sample_builder().build(story)


def test_the_story_writes_a_focus_only_to_override_the_type_default() -> None:
    meetings = [
        meeting
        for path in sorted(STORY.glob("*.toml"))
        for meeting in tomllib.loads(path.read_text(encoding="utf-8")).get("meetings", [])
    ]
    assert len(meetings) == 411
    overrides = [m for m in meetings if "focus" in m]
    assert all(m["focus"] != MeetingType(m["type"]).default_focus.value for m in overrides)
    assert 4 <= len(overrides) <= 10


def test_on_its_last_day_only_sales_drifts_and_is_overdue(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "sample.db", today=lambda: END) as journal:
        import_journal(journal, read_import_file(SAMPLE))
        rows = journal.dashboard.glance(END - timedelta(days=90), END)
    glance = {row.name: row for row in rows}
    assert len(glance) == 6, "six active partners (the seventh is archived)"
    sales = glance.pop("Sales & Marketing")
    assert sales.drifting
    assert sales.balance.overdue
    for name, row in glance.items():
        assert not row.drifting, name
        assert not row.balance.overdue, name
    assert sum(row.reviews_due for row in rows) >= 3, "benefits reviews due"


def test_the_sample_has_work_open_both_ways_and_a_few_private_items(journal: Journal) -> None:
    import_journal(journal, read_import_file(SAMPLE))
    document = export_journal(journal, include_private=True)
    meetings, end = document["meetings"], END.isoformat()
    open_actions = [a for m in meetings for a in m["actions"] if a["done"] is None]
    assert sum(a["side"] == "mine" and a["due"] < end for a in open_actions) >= 2
    assert sum(a["side"] != "mine" and a["due"] < end for a in open_actions) >= 2
    assert sum(a["due"] > end for a in open_actions) >= 2, "follow-ups not yet due"
    private = sum(m["private"] for m in meetings) / len(meetings)
    assert 0.07 <= private <= 0.13
    assert sum(r["private"] for r in document["requests"]) >= 3
    assert {m["start"][-6:] for m in meetings} == {"+01:00", "+02:00", "-05:00", "-04:00"}
    contacts = document["contacts"]
    assert {c["stance"] for c in contacts} == {s.value for s in Stance}
    assert {c["influence"] for c in contacts} == {i.value for i in Influence}
    for kind in ("partners", "contacts", "meetings", "requests"):
        for record in document[kind]:
            says = "confidential" in json.dumps(record, ensure_ascii=False).lower()
            assert says == record.get("private", False), record["id"]


def _sample_builder() -> ModuleType:
    """scripts/make_sample_journal.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location("make_sample_journal", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sample_tells_a_health_story_with_sales_at_risk(journal: Journal) -> None:
    """Quarterly pulses for two years; Sales declines two quarters running (the CRM
    migration), Customer Service dips after its outage and recovers."""
    from brm_desk.domain.health import at_risk

    import_journal(journal, read_import_file(SAMPLE))
    names = {p.id: p.name for p in journal.partners.listing()}
    trends = journal.health.trends()
    assert [names[i] for i, trend in trends.items() if at_risk(trend)] == ["Sales & Marketing"]
    for trend in trends.values():
        assert sum(1 for h in trend if h.pulses) >= 7  # a pulse nearly every quarter
    spring, before, now = (trends["p-service"][i].score or 0 for i in (-3, -4, -1))
    assert spring < before
    assert spring < now
