"""The stakeholder grid in the internal review pack, read back with pypdf; never in the
partner's pack (the grid shows stances)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pack_journal import PERIOD, fill, pdf_text

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact
from brm_desk.reports.review_pack import Audience, write_partner_pack
from brm_desk.services.journal import Journal


@pytest.fixture
def filled(journal: Journal) -> Any:
    found = fill(journal)
    journal.contacts.add(
        Contact(
            id="boss", partner_id=found.finance.id, name="Olga Boss", stance=Stance.SUPPORTER,
            influence=Influence.HIGH, interest=Interest.HIGH,
        )
    )  # fmt: skip
    return found


def test_the_internal_pack_draws_the_grid_and_names_its_gaps(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    path = tmp_path / "internal.pdf"
    pages = write_partner_pack(
        journal, filled.finance.id, *PERIOD, path, audience=Audience.INTERNAL
    )
    assert pages <= 6
    _count, text, page_texts = pdf_text(path)
    flat = " ".join(text.split())
    assert "Influence and interest" in flat
    for words in ("MANAGE CLOSELY", "KEEP SATISFIED", "KEEP INFORMED", "MONITOR", "Olga Boss"):
        assert words in flat  # the grid's own text, drawn as vector text
    assert "Olga Boss: high influence, never met" in flat
    assert "Who moved since" in flat
    grid_page = next(p for p in page_texts if "Influence and interest" in p)
    for stance in ("Champion", "Blocker"):  # the legend of the shapes
        assert stance in grid_page


def test_the_partner_pack_never_shows_the_grid(
    journal: Journal, filled: Any, tmp_path: Path
) -> None:
    path = tmp_path / "partner.pdf"
    write_partner_pack(journal, filled.finance.id, *PERIOD, path, audience=Audience.PARTNER)
    flat = " ".join(pdf_text(path)[1].split())
    for words in ("Influence and interest", "MANAGE CLOSELY", "Gaps", "Who moved", "Blocker"):
        assert words not in flat
