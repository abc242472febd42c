"""Reminders: kinds from the existing rules, stable keys, snoozes, dismissals, the digest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.balance import FocusTally, PartnerBalance
from brm_desk.domain.enums import RequestStatus, Side
from brm_desk.domain.records import Action, Meeting, Request
from brm_desk.domain.reminders import (
    KINDS,
    FollowUp,
    Snooze,
    State,
    digest_due,
    digest_line,
    follow_up_reminders,
    in_order,
    meeting_reminders,
    review_reminders,
    showing,
    touch_reminders,
)

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=ZONE)
TODAY = NOW.date()
days = st.integers(min_value=-400, max_value=400)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1), timezones=st.just(ZONE)
)


def follow_up(due: date | None, side: Side = Side.MINE, text: str = "Send the roadmap") -> FollowUp:
    return FollowUp(Action(text, side, "", due), "m1", "Roadmap review", "p1", "Finance")


def test_follow_ups_i_owe_come_due_two_days_ahead_and_then_overdue() -> None:
    kinds = {
        offset: [r.kind for r in follow_up_reminders([follow_up(TODAY + timedelta(offset))], NOW)]
        for offset in (-1, 0, 2, 3)
    }
    assert kinds == {-1: ["ours_overdue"], 0: ["ours_due"], 2: ["ours_due"], 3: []}
    [late] = follow_up_reminders([follow_up(TODAY - timedelta(days=1))], NOW)
    assert late.body == "Overdue since yesterday · from “Roadmap review”"


def test_follow_ups_they_owe_are_to_chase_once_late_only() -> None:
    theirs = [follow_up(TODAY, Side.PARTNER), follow_up(TODAY - timedelta(1), Side.PARTNER)]
    assert [r.kind for r in follow_up_reminders(theirs, NOW)] == ["theirs_late"]
    done = FollowUp(Action("x", Side.MINE, "", TODAY, TODAY), "m1", "t", "p1", "Finance")
    assert not list(follow_up_reminders([done], NOW))


@given(days, days)
def test_a_key_is_stable_and_moves_with_the_due_date(first: int, second: int) -> None:
    def keys(offset: int) -> list[str]:
        item = follow_up(TODAY + timedelta(days=min(offset, 2)))
        return [r.key for r in follow_up_reminders([item], NOW)]

    assert keys(first) == keys(first)
    if min(first, 2) != min(second, 2):
        assert set(keys(first)).isdisjoint(keys(second))


@given(moments, st.sampled_from(Snooze), st.integers(min_value=0, max_value=10_000))
def test_a_snooze_hides_until_its_time_then_the_reminder_is_back(
    now: datetime, choice: Snooze, minutes: int
) -> None:
    until = choice.until(now)
    assert until > now
    [reminder] = follow_up_reminders([follow_up(now.date() - timedelta(days=3))], now)
    later = now + timedelta(minutes=minutes)
    states = {reminder.key: State(snoozed_until=until)}
    assert bool(showing([reminder], states, later)) == (later >= until)


def test_snoozing_until_tomorrow_means_tomorrow_at_eight() -> None:
    assert Snooze.TOMORROW.until(NOW) == datetime(2026, 11, 25, 8, 0, tzinfo=ZONE)
    assert Snooze.HOUR.until(NOW) == NOW + timedelta(hours=1)
    assert Snooze.WEEK.until(NOW) == NOW + timedelta(days=7)


@given(days)
def test_a_dismissal_holds_until_the_date_moves(offset: int) -> None:
    [before] = follow_up_reminders([follow_up(TODAY - timedelta(days=1))], NOW)
    states = {before.key: State(dismissed=True)}
    assert showing([before], states, NOW + timedelta(days=abs(offset))) == []
    moved = list(follow_up_reminders([follow_up(TODAY - timedelta(days=2))], NOW))
    assert showing(moved, states, NOW) == moved


def test_a_follow_up_keeps_its_key_whatever_its_position_but_not_its_words() -> None:
    one, other = follow_up(TODAY, text="Send it"), follow_up(TODAY, text="Call back")
    assert one.subject != other.subject
    assert one.subject == follow_up(TODAY, text="Send it").subject


def test_a_benefits_review_is_due_ninety_days_after_delivery() -> None:
    delivered = Request(
        "r1", "p1", "Dashboards", date(2026, 1, 5), status=RequestStatus.DELIVERED,
        delivered_on=TODAY - timedelta(days=90), expected_benefit="Faster close",
    )  # fmt: skip
    [due] = review_reminders([delivered], {"p1": "Finance"}, NOW)
    [hidden] = review_reminders([replace(delivered, private=True)], {"p1": "Finance"}, NOW)
    assert hidden.notice() == ("Benefits review due: Finance", "A private request")
    assert (due.kind, due.partner, due.record_id, due.opens) == (
        "review_due", "Finance", "r1", "request"
    )  # fmt: skip
    not_yet = Request(
        "r2", "p1", "x", date(2026, 1, 5), status=RequestStatus.DELIVERED,
        delivered_on=TODAY - timedelta(days=89), expected_benefit="y",
    )  # fmt: skip
    assert not list(review_reminders([not_yet], {}, NOW))


def balance(last: date | None, cadence: int = 30) -> PartnerBalance:
    return PartnerBalance("p1", "Finance", TODAY, TODAY, 0.6, cadence, FocusTally(), last)


def test_a_partner_past_its_cadence_is_reminded_and_comes_back_after_the_next_touch() -> None:
    assert not list(touch_reminders([balance(TODAY - timedelta(days=30))], NOW))
    [late] = touch_reminders([balance(TODAY - timedelta(days=31))], NOW)
    assert late.about == TODAY.isoformat()
    [never] = touch_reminders([balance(None)], NOW)
    assert never.about == "never"
    [later] = touch_reminders([balance(TODAY - timedelta(days=40))], NOW)
    assert later.key != next(touch_reminders([balance(TODAY - timedelta(days=50))], NOW)).key


def meeting(minutes: int, private: bool = False) -> Meeting:
    start = (NOW + timedelta(minutes=minutes)).astimezone(UTC)
    return Meeting("m1", "p1", "Budget call", start, private=private)


def test_a_meeting_is_announced_fifteen_minutes_ahead_and_private_titles_stay_off_screen() -> None:
    assert [len(list(meeting_reminders([meeting(m)], {}, NOW))) for m in (-1, 0, 15, 16)] == [
        0,
        1,
        1,
        0,
    ]
    [soon] = meeting_reminders([meeting(10)], {"p1": "Finance"}, NOW)
    assert soon.notice() == ("Budget call", "Starts at 10:10, in 10 minutes")
    [hidden] = meeting_reminders([meeting(10, private=True)], {"p1": "Finance"}, NOW)
    assert "Budget" not in " ".join(hidden.notice())
    assert hidden.notice()[0] == "Finance: a private meeting"


def test_a_private_meetings_follow_up_shows_no_words_on_a_locked_screen() -> None:
    item = FollowUp(Action("Fire Bob", Side.MINE, "", TODAY), "m1", "HR", "p1", "Finance", True)
    [reminder] = follow_up_reminders([item], NOW)
    assert reminder.notice() == ("Follow-up due: Finance", "From a private meeting")


def test_reminders_come_in_the_order_of_the_kinds_table() -> None:
    found = [
        *follow_up_reminders([follow_up(TODAY), follow_up(TODAY - timedelta(1), text="b")], NOW),
        *meeting_reminders([meeting(5)], {}, NOW),
    ]
    assert [r.kind for r in in_order(found)] == ["meeting_soon", "ours_overdue", "ours_due"]
    assert list(KINDS)[:3] == ["meeting_soon", "ours_overdue", "ours_due"]


def test_the_digest_line_counts_the_day() -> None:
    found = follow_up_reminders(
        [follow_up(TODAY), follow_up(TODAY, text="b"), follow_up(TODAY - timedelta(1))], NOW
    )
    assert digest_line(3, found) == "3 meetings, 1 overdue follow-up, 2 follow-ups due"
    assert digest_line(0, []) == "0 meetings"


def at(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def test_the_digest_comes_at_the_first_start_after_seven_or_at_eight_once_a_day() -> None:
    assert digest_due(at(7, 5), at(7, 5), None)
    assert not digest_due(at(6, 30), at(6, 30), None)
    assert not digest_due(at(7, 30), at(6, 30), None)  # running since before seven: at eight
    assert digest_due(at(8), at(6, 30), None)
    assert digest_due(at(9), at(9, 0, day=23), date(2026, 11, 23))
    assert not digest_due(at(9), at(9), TODAY)


@given(moments, moments)
def test_the_digest_never_comes_twice_a_day_nor_before_seven(
    now: datetime, started: datetime
) -> None:
    assert not digest_due(now, started, now.date())
    if now.hour < 7:
        assert not digest_due(now, started, None)
