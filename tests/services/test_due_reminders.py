"""The reminders service against a real journal file: what is due, snoozed, dismissed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from brm_desk.domain.reminders import Snooze, State
from brm_desk.services import reminders
from brm_desk.services.journal import Journal
from reminder_journal import NOW, fill

DISMISSED = State(dismissed=True)


def titles(journal: Journal, now: datetime = NOW) -> list[tuple[str, str]]:
    return [(r.kind, r.title) for r in reminders.due(journal, now)]


def test_due_builds_every_kind_from_the_journal(journal_path: Path) -> None:
    with Journal.create(journal_path) as journal:
        fill(journal)
        assert titles(journal) == [
            ("meeting_soon", "Budget call"),
            ("ours_overdue", "Book the workshop"),
            ("ours_due", "Send the roadmap"),
            ("theirs_late", "Share the cost figures"),
            ("review_due", "Review the benefits of Close dashboards"),
            ("touch_overdue", "Time for a strategic conversation"),
        ]
        day = reminders.today(journal, NOW)
        assert [m.id for m in day.meetings] == ["soon", "secret"]
        assert day.digest() == (
            "2 meetings, 1 overdue follow-up, 1 follow-up due, 1 follow-up to chase, "
            "1 benefits review due, 1 partner past its cadence"
        )
        touch = reminders.due(journal, NOW)[-1]
        assert (touch.partner, touch.opens, touch.record_id) == ("Legal", "partner", "leg")


def test_snoozes_and_dismissals_are_kept_in_the_journal(journal_path: Path) -> None:
    with Journal.create(journal_path) as journal:
        fill(journal)
        overdue = reminders.due(journal, NOW)[1]
        roadmap = reminders.due(journal, NOW)[2]
        reminders.keep(
            journal,
            {overdue.key: State(snoozed_until=Snooze.HOUR.until(NOW)), roadmap.key: DISMISSED},
        )
    with Journal.open(journal_path) as journal:
        kinds = [kind for kind, _ in titles(journal)]
        assert "ours_overdue" not in kinds
        assert "ours_due" not in kinds
        later = [kind for kind, _ in titles(journal, NOW + timedelta(hours=1))]
        assert "ours_overdue" in later
        assert "ours_due" not in later
        assert reminders.states(journal)[roadmap.key] == DISMISSED
        reminders.keep(journal, {roadmap.key: None})  # undo the dismissal
        assert "ours_due" in [kind for kind, _ in titles(journal)]


def test_a_dismissed_follow_up_comes_back_when_its_due_date_moves(journal: Journal) -> None:
    fill(journal)
    first = reminders.due(journal, NOW)[2]
    reminders.keep(journal, {first.key: DISMISSED})
    meeting = journal.meetings.get("past")
    moved = tuple(
        replace(a, due=a.due + timedelta(days=1)) if a.text == "Send the roadmap" else a
        for a in meeting.actions
    )
    journal.meetings.update(replace(meeting, actions=moved))
    assert ("ours_due", "Send the roadmap") in titles(journal)


def test_done_deleted_and_trashed_records_remind_of_nothing(journal: Journal) -> None:
    fill(journal)
    meeting = journal.meetings.get("past")
    done = tuple(replace(a, done=NOW.date()) for a in meeting.actions)
    journal.meetings.update(replace(meeting, actions=done))
    journal.meetings.delete("soon")
    journal.requests.delete("dash")
    assert titles(journal) == [("touch_overdue", "Time for a strategic conversation")]


def test_a_communications_plan_message_is_due_on_its_date_until_marked_done(
    journal_path: Path,
) -> None:
    """The stakeholder map's plan feeds the reminders: due on its next date, addressed to its
    contact (or quadrant), gone once marked done until the next date comes round."""
    from brm_desk.domain.records import Contact
    from brm_desk.domain.stakeholders import Communication, Quadrant

    with Journal.create(journal_path, today=NOW.date) as journal:
        fill(journal)
        journal.contacts.add(Contact(id="anna", partner_id="fin", name="Anna Berg"))
        roadmap = journal.stakeholders.add(
            Communication("c1", "fin", "Roadmap update", "e-mail", 30, NOW.date(), "anna")
        )
        journal.stakeholders.add(
            Communication(
                "c2", "fin", "Newsletter", "newsletter", 90, NOW.date() - timedelta(days=3),
                quadrant=Quadrant.KEEP_INFORMED,
            )
        )  # fmt: skip
        journal.stakeholders.add(
            Communication(
                "c3", "fin", "Not yet", "meeting", 30, NOW.date() + timedelta(days=1), "anna"
            )
        )
        messages = [r for r in reminders.due(journal, NOW) if r.kind == "message_due"]
        assert [(r.title, r.body, r.partner, r.opens) for r in messages] == [
            (
                "Newsletter",
                "Newsletter to those to keep informed · due Sat 21 Nov",
                "Finance",
                "partner",
            ),
            ("Roadmap update", "E-mail to Anna Berg · due today", "Finance", "partner"),
        ]
        journal.stakeholders.update(roadmap.done(NOW.date()))  # as the map's "Mark done"
        assert [r.title for r in reminders.due(journal, NOW) if r.kind == "message_due"] == [
            "Newsletter"
        ]
        later = NOW + timedelta(days=30)
        assert "Roadmap update" in [r.title for r in reminders.due(journal, later)]
