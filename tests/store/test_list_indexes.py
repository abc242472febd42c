"""The meetings list reads small indexes, never the rows that carry the notes, to sort by title
and to count what a typed filter matches (migration 0004)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists, MeetingFilter


def _plans(journal: Journal, action: Callable[[], object]) -> list[str]:
    """SQLite's plan for every statement ``action`` sends, one line per step."""
    sent: list[tuple[str, Any]] = []

    def remember(_c: object, _k: object, statement: str, parameters: Any, *_: object) -> None:
        sent.append((statement, parameters))

    event.listen(journal.database.engine, "before_cursor_execute", remember)
    try:
        action()
    finally:
        event.remove(journal.database.engine, "before_cursor_execute", remember)
    with sqlite3.connect(journal.path) as raw:
        return [
            " / ".join(row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", parameters))
            for sql, parameters in sent
            if sql.lstrip().upper().startswith("SELECT")
        ]


def test_sorting_by_title_walks_the_title_index(journal: Journal) -> None:
    journal.partners.add(Partner(id="", name="Finance"))
    lists = Lists(journal.database)
    wanted = MeetingFilter(sort="title", descending=False)
    (plan,) = _plans(journal, lambda: lists.meetings(wanted, 0, 200))
    assert "SCAN meeting USING INDEX ix_meeting_list_title" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan  # at most for ties, never the whole list


def test_counting_a_typed_filter_scans_an_index_not_the_meetings(journal: Journal) -> None:
    journal.partners.add(Partner(id="", name="Finance"))
    lists = Lists(journal.database)
    (plan,) = _plans(journal, lambda: lists.meeting_count(MeetingFilter(text="budget")))
    assert "SCAN meeting USING INDEX ix_meeting_list_" in plan
    assert "SCAN meeting " not in plan.replace("SCAN meeting USING INDEX", "")
