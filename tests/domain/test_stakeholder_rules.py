"""The stakeholder map's rules: quadrants, cadences, the plan's next dates, moves and gaps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact, StanceChange
from brm_desk.domain.stakeholders import (
    INFLUENCE_LEVELS,
    INTEREST_LEVELS,
    QUADRANT_PLANS,
    Communication,
    Quadrant,
    check_communication,
    default_plan,
    due,
    gaps,
    moves,
    placement_on,
    quadrant_of,
    step,
)

TODAY = date(2026, 11, 24)


def person(uid: str, **fields: object) -> Contact:
    return Contact(id=uid, partner_id="p", name=uid.capitalize(), **fields)  # type: ignore[arg-type]


def entry(**fields: object) -> Communication:
    values: dict[str, object] = {
        "id": "e1", "partner_id": "p", "message": "Roadmap news", "channel": "E-mail",
        "frequency_days": 30, "next_date": TODAY, "quadrant": Quadrant.MONITOR,
    }  # fmt: skip
    values.update(fields)
    return Communication(**values)  # type: ignore[arg-type]


@given(st.sampled_from(Influence), st.sampled_from(Interest))
def test_only_high_is_the_high_side_of_each_quadrant_line(
    influence: Influence, interest: Interest
) -> None:
    quadrant = quadrant_of(influence, interest)
    top = quadrant in (Quadrant.MANAGE_CLOSELY, Quadrant.KEEP_SATISFIED)
    right = quadrant in (Quadrant.MANAGE_CLOSELY, Quadrant.KEEP_INFORMED)
    assert top == (influence is Influence.HIGH)
    assert right == (interest is Interest.HIGH)


def test_each_quadrant_has_its_cadence_and_channel() -> None:
    assert QUADRANT_PLANS[Quadrant.MANAGE_CLOSELY].cadence_days == 14
    assert QUADRANT_PLANS[Quadrant.KEEP_SATISFIED].cadence_days == 30
    assert QUADRANT_PLANS[Quadrant.KEEP_INFORMED].channel == "E-mail update"
    assert QUADRANT_PLANS[Quadrant.MONITOR] == default_plan(None, person("a"))
    boss = person("b", influence=Influence.HIGH, interest=Interest.HIGH)
    assert default_plan(None, boss).cadence_days == 14
    assert default_plan(Quadrant.KEEP_SATISFIED).channel == "Meeting"


@given(st.sampled_from(Influence), st.integers(-3, 3))
def test_a_step_stays_on_the_grid(level: Influence, by: int) -> None:
    moved = step(INFLUENCE_LEVELS, level, by)
    assert moved in INFLUENCE_LEVELS
    expected = min(2, max(0, INFLUENCE_LEVELS.index(level) + by))
    assert INFLUENCE_LEVELS.index(moved) == expected
    assert step(INTEREST_LEVELS, Interest.LOW, 1) is Interest.MEDIUM


@given(
    st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    st.dates(date(2020, 1, 1), date(2030, 1, 1)),
    st.integers(1, 400),
)
def test_done_rolls_the_next_date_past_the_day_by_whole_frequencies(
    next_date: date, on: date, frequency: int
) -> None:
    rolled = entry(next_date=next_date, frequency_days=frequency).done(on)
    assert rolled.next_date > on
    assert rolled.next_date > next_date
    assert (rolled.next_date - next_date).days % frequency == 0
    assert rolled.next_date - timedelta(frequency) <= max(on, next_date)


def test_due_lists_entries_on_or_before_the_day_earliest_first() -> None:
    late = entry(id="a", next_date=TODAY - timedelta(3))
    today = entry(id="b", next_date=TODAY)
    later = entry(id="c", next_date=TODAY + timedelta(1))
    assert due([later, today, late], TODAY) == [late, today]


def test_an_entry_needs_one_audience_and_a_sane_frequency() -> None:
    with pytest.raises(ValidationError, match="one contact or one quadrant"):
        check_communication(entry(contact_id="c"))
    with pytest.raises(ValidationError, match="one contact or one quadrant"):
        check_communication(entry(quadrant=None))
    with pytest.raises(ValidationError):
        check_communication(entry(frequency_days=0))
    with pytest.raises(ValidationError):
        check_communication(entry(message="  "))
    assert check_communication(entry(contact_id="c", quadrant=None)).contact_id == "c"


def test_the_history_is_replayed_to_tell_who_moved() -> None:
    history = [
        StanceChange(date(2026, 1, 5), Influence.MEDIUM, Stance.SKEPTIC, Interest.LOW),
        StanceChange(date(2026, 10, 2), Influence.HIGH, Stance.CHAMPION, Interest.HIGH),
    ]
    assert placement_on(history, date(2026, 1, 4)) is None
    assert placement_on(history, date(2026, 9, 30)) == history[0]
    ada = person("ada", influence=Influence.HIGH, stance=Stance.CHAMPION, interest=Interest.HIGH)
    still = person("bo")
    new = person("cy")
    histories = {
        "ada": history,
        "bo": [StanceChange(date(2026, 1, 5), Influence.MEDIUM, Stance.NEUTRAL)],
        "cy": [StanceChange(date(2026, 11, 1), Influence.MEDIUM, Stance.NEUTRAL)],
    }
    found = moves([still, ada, new], histories, date(2026, 8, 24))
    assert [m.contact.id for m in found] == ["ada"]
    assert found[0].then == history[0]
    assert found[0].text == "Ada: monitor → manage closely; skeptic → champion"


def test_gaps_name_the_unmet_the_missing_champion_and_the_unplanned_blocker() -> None:
    boss = person("boss", influence=Influence.HIGH, interest=Interest.HIGH)
    chief = person("chief", influence=Influence.HIGH)
    blocker = person("blo", stance=Stance.BLOCKER)
    met = {"boss": TODAY - timedelta(15), "chief": TODAY - timedelta(30)}
    texts = [g.text for g in gaps([boss, chief, blocker], met, [], TODAY)]
    assert texts == [
        "Boss: high influence, not met in 15 days (every 14)",
        "No champion",
        "Blo: blocker, not in the communications plan",
    ]
    champion = person("cham", stance=Stance.CHAMPION, influence=Influence.HIGH)
    planned = entry(contact_id="blo", quadrant=None)
    found = gaps([chief, blocker, champion], met, [planned], TODAY)
    assert [g.text for g in found] == ["Cham: high influence, never met"]
    by_quadrant = entry(quadrant=Quadrant.MONITOR)
    assert gaps([blocker, champion], {"cham": TODAY}, [by_quadrant], TODAY) == []
