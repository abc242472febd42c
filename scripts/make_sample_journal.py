"""Write resources/sample/sample_journal.json, the sample journal BRM Desk's first run offers.

Why: a new user should see the charts, the dashboard and the prep brief at work at once, on a
journal that reads like a real BRM's two years with six partners — one moving from
firefighting to strategic work, one sliding back into "super fixer" mode, a steady strategic
partner, an order taker, a slow starter and one knocked back by an outage — plus one archived
unit. The words come from ``sample_fragments.py``; this script only combines them.

The output is deterministic (fixed seed, standard library only): re-running gives the same
bytes, so the file can be reviewed in diffs. ``validate`` checks the JSON format of SPEC §6
(exact keys, vocabularies, references, status rules) and ``check_story`` the claims the sample
makes (e.g. Sales is drifting and overdue on 2026-11-20) before anything is written.

Run: .venv/bin/python scripts/make_sample_journal.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sample_fragments import (
    ACTIONS,
    CANDID,
    CONTEXT,
    DECISIONS,
    HEADINGS,
    OVERRIDE_LINES,
    PARTNERS,
    POINTS,
    PRIVATE_LINES,
    PRIVATE_OPENERS,
    RAISED_LINES,
    RELAYED_LINES,
    REQUESTS,
    REVIEW_LINES,
    STATUS_NOTES,
    TAGS,
    TITLES,
    VALUE_LINES,
    PartnerSpec,
    RequestSeed,
)

SEED = 20261120
START = date(2024, 12, 1)
END = date(2026, 11, 20)
EXPORTED_AT = "2026-11-20T17:00:00+00:00"
OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "sample" / "sample_journal.json"
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")

JsonDict = dict[str, Any]

FOCI = ("reactive", "routine", "strategic")
TYPES_BY_FOCUS: dict[str, tuple[tuple[str, float], ...]] = {
    "reactive": (("escalation", 3.0), ("incident_review", 2.0), ("service_review", 3.0)),
    "routine": (("status_checkin", 4.0), ("one_to_one", 3.0), ("other", 1.0)),
    "strategic": (
        ("planning", 2.0),
        ("roadmap", 2.0),
        ("business_case", 2.0),
        ("value_review", 1.5),
        ("innovation", 1.0),
    ),
}
DEFAULT_FOCUS = {kind: focus for focus, kinds in TYPES_BY_FOCUS.items() for kind, _ in kinds}
DURATIONS: dict[str, tuple[int, ...]] = {
    "escalation": (15, 30, 30, 45, 60),
    "incident_review": (45, 60, 60),
    "service_review": (45, 60, 60, 90),
    "status_checkin": (15, 30, 30),
    "one_to_one": (30, 30, 45, 60),
    "planning": (90, 120, 120),
    "roadmap": (60, 90, 90),
    "business_case": (60, 60, 90),
    "value_review": (45, 60, 60),
    "innovation": (90, 120),
    "other": (30, 45, 60),
}
SLOTS_BERLIN = tuple(
    time(h, m) for h, m in ((8, 30), (9, 0), (9, 30), (10, 0), (10, 30), (11, 0), (11, 30))
) + tuple(time(h, m) for h, m in ((13, 0), (13, 30), (14, 0), (14, 30), (15, 0), (15, 30)))
SLOTS_NEW_YORK = (time(9, 0), time(9, 30), time(10, 0), time(10, 30), time(11, 0))
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# --- Text -----------------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)(?::(\d+)-(\d+))?\}")
_WINDOW = re.compile(r"\[(\d{4}-\d{2})?:(\d{4}-\d{2})?\] ")


def usable(pool: Sequence[str], month: str) -> list[str]:
    """The fragments that may appear in a month, without their "[from:to] " window."""
    found = []
    for text in pool:
        window = _WINDOW.match(text)
        if window is None:
            found.append(text)
        elif (window.group(1) or "0000-00") <= month <= (window.group(2) or "9999-99"):
            found.append(text[window.end() :])
    return found


def fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """Fill a fragment's placeholders: names from ``slots``, numbers drawn in their range."""

    def one(match: re.Match[str]) -> str:
        name, low, high = match.group(1), match.group(2), match.group(3)
        if low is None:
            return slots[name]
        value = rng.randint(int(low), int(high))
        if name == "num":
            return f"{value:,}"
        if name == "pct":
            return f"{value} %"
        if name == "eur":
            return f"€{value}k"
        raise KeyError(name)

    return _SLOT.sub(one, template)


def first_name(full: str) -> str:
    return full.split()[0]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("the ", "")).strip("-")


def money(amount: float) -> str:
    return f"€{amount:,.0f}"


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


MAX_USES = 8  # how often one fragment may shape a line in the whole journal


class Composer:
    """Hands out filled fragments: never the same line twice, no fragment worn out.

    Each pick comes from the fragments used least so far, none more than ``cap`` times, so
    two years of notes do not keep repeating the same sentence with other numbers.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.uses: Counter[str] = Counter()
        self.spent: set[str] = set()
        self.templates: set[str] = set()  # used in the record being written

    def begin(self) -> None:
        """Start a new record: its lines may not share a template with each other."""
        self.templates.clear()

    def line(
        self,
        pool: Sequence[str],
        slots: dict[str, str],
        month: str,
        cap: int | None = MAX_USES,
        tries: int = 12,
    ) -> str | None:
        """A fresh line from ``pool`` fit for ``month``, or None when the pool is used up."""
        candidates = [
            t
            for t in usable(pool, month)
            if t not in self.templates
            and t not in self.spent
            and (cap is None or self.uses[t] < cap)
        ]
        while candidates:
            fewest = min(self.uses[t] for t in candidates)
            template = self.rng.choice([t for t in candidates if self.uses[t] == fewest])
            for _ in range(tries):
                text = fill(template, slots, self.rng)
                text = text[0].upper() + text[1:]
                if text not in self.used:
                    self.used.add(text)
                    self.uses[template] += 1
                    self.templates.add(template)
                    return text
            if not _SLOT.search(template):
                self.spent.add(template)  # nothing to vary: it has said all it can
            candidates.remove(template)
        return None

    def lines(
        self, pool: Sequence[str], slots: dict[str, str], month: str, count: int
    ) -> list[str]:
        found = (self.line(pool, slots, month) for _ in range(count))
        return [text for text in found if text is not None]


# --- Calendar and story ---------------------------------------------------------------------


def months() -> list[str]:
    """Every month of the journal, "YYYY-MM"."""
    found, day = [], START
    while day <= END:
        found.append(f"{day.year:04d}-{day.month:02d}")
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return found


def month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


def working_days(month: str) -> list[date]:
    """Weekdays of a month inside the journal, without the days between Christmas and New Year."""
    first = month_start(month)
    days = []
    day = first
    while day.month == first.month:
        quiet = (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day == 1)
        if day.weekday() < 5 and START <= day < END and not quiet:
            days.append(day)
        day += timedelta(days=1)
    return days


def progress(month: str) -> float:
    """How far through the journal a month is, from 0.0 to 1.0."""
    all_months = months()
    return all_months.index(month) / (len(all_months) - 1)


Plan = tuple[int, int, int]  # reactive, routine, strategic meetings in a month

# Months where the story needs exact counts (the dashboard's claims depend on them).
FIXED_PLANS: dict[tuple[str, str], Plan] = {
    ("finance", "2026-09"): (1, 1, 2),
    ("finance", "2026-10"): (1, 1, 2),
    ("finance", "2026-11"): (0, 1, 2),
    ("sales", "2026-05"): (1, 1, 2),
    ("sales", "2026-06"): (2, 1, 1),
    ("sales", "2026-07"): (5, 1, 1),
    ("sales", "2026-08"): (5, 1, 1),
    ("sales", "2026-09"): (4, 1, 1),
    ("sales", "2026-10"): (5, 1, 0),
    ("sales", "2026-11"): (3, 1, 0),
    ("supply", "2026-09"): (0, 1, 3),
    ("supply", "2026-10"): (1, 0, 2),
    ("supply", "2026-11"): (0, 1, 2),
    ("hr", "2026-09"): (1, 1, 1),
    ("hr", "2026-10"): (0, 2, 1),
    ("hr", "2026-11"): (0, 1, 1),
    ("legal", "2025-06"): (2, 1, 1),
    ("legal", "2025-10"): (2, 1, 0),
    ("legal", "2026-07"): (1, 1, 1),
    ("legal", "2026-08"): (0, 1, 1),
    ("legal", "2026-09"): (1, 1, 2),
    ("legal", "2026-10"): (0, 1, 2),
    ("legal", "2026-11"): (0, 1, 1),
    ("service", "2026-04"): (5, 1, 0),
    ("service", "2026-05"): (2, 1, 1),
    ("service", "2026-06"): (2, 1, 1),
    ("service", "2026-07"): (1, 1, 1),
    ("service", "2026-08"): (1, 1, 2),
    ("service", "2026-09"): (1, 1, 2),
    ("service", "2026-10"): (0, 1, 2),
    ("service", "2026-11"): (0, 1, 1),
}

# A handful of meetings whose focus differs from their type's default: (focus, type).
FOCUS_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    ("finance", "2025-09"): ("strategic", "service_review"),
    ("finance", "2025-03"): ("routine", "planning"),
    ("supply", "2025-07"): ("strategic", "other"),
    ("hr", "2025-06"): ("strategic", "one_to_one"),
    ("sales", "2026-08"): ("reactive", "status_checkin"),
    ("service", "2026-04"): ("reactive", "one_to_one"),
    ("legal", "2025-10"): ("reactive", "status_checkin"),
}

# Late-evening calls (Berlin time): the first escalation of these months.
LATE_CALLS: dict[tuple[str, str], time] = {
    ("sales", "2026-07"): time(20, 30),
    ("service", "2026-04"): time(21, 15),
}


def weights(key: str, month: str) -> tuple[float, float, float]:
    """The mix of reactive, routine and strategic meetings a partner's story has in a month."""
    t = progress(month)
    if key == "finance":  # from firefighting to strategic
        return (0.62 - 0.47 * t, 0.28, 0.10 + 0.57 * t)
    if key == "sales":  # a good 2025, then the slide
        if month <= "2025-02":
            return (0.35, 0.30, 0.35)
        if month <= "2026-05":
            return (0.18, 0.27, 0.55)
        return (0.40, 0.30, 0.30)
    if key == "supply":  # steady strategic partner
        return (0.14, 0.18, 0.68)
    if key == "hr":  # the order taker; a first strategic conversation in autumn 2026
        return (0.36, 0.58, 0.06)
    if key == "legal":  # ad hoc, then a service provider
        return (0.45, 0.40, 0.15) if month <= "2025-12" else (0.25, 0.35, 0.40)
    if key == "service":  # good, then the outage (fixed plans), then recovery
        return (0.30, 0.30, 0.40) if month <= "2025-09" else (0.18, 0.27, 0.55)
    return (0.50, 0.40, 0.10)  # retail: a unit on its way out


def active_months(spec: PartnerSpec) -> list[str]:
    first = spec.maturity_history[0][1][:7]
    last = "2025-05" if spec.archived else months()[-1]
    return [month for month in months() if first <= month <= last]


def plan_month(spec: PartnerSpec, month: str, rng: random.Random) -> Plan:
    """How many meetings of each focus a partner has in a month."""
    fixed = FIXED_PLANS.get((spec.key, month))
    if fixed is not None:
        return fixed
    base = {"finance": 3, "sales": 3, "supply": 3, "hr": 2, "legal": 2, "service": 3}
    count = base.get(spec.key, 2) + (1 if rng.random() < 0.2 else 0)
    if spec.key in ("finance", "sales", "supply", "service") and rng.random() < 0.4:
        count -= 1
    return allocate(count, weights(spec.key, month), rng)


def allocate(count: int, mix: tuple[float, float, float], rng: random.Random) -> Plan:
    """Share ``count`` meetings out by ``mix``, a little jittered: trends stay readable."""
    total = sum(mix)
    wanted = [count * w / total + rng.uniform(-0.45, 0.45) for w in mix]
    counts = [0, 0, 0]
    for _ in range(count):
        gaps = [wanted[i] - counts[i] for i in range(3)]
        counts[gaps.index(max(gaps))] += 1
    return counts[0], counts[1], counts[2]


def mood(key: str, month: str) -> float:
    """The partner's usual satisfaction in a month (1–5), following its story."""
    t = progress(month)
    if key == "finance":
        return 2.4 + 1.7 * t
    if key == "sales":
        if month <= "2026-05":
            return 3.4 if month <= "2025-03" else 3.9
        return 3.0 if month == "2026-06" else 2.3
    if key == "supply":
        return 4.2
    if key == "hr":
        return 3.2
    if key == "legal":
        return 2.8 + 0.9 * t
    if key == "service":
        if month == "2026-04":
            return 1.7
        if "2026-05" <= month <= "2026-07":
            return 2.9
        return 3.6 if month <= "2025-09" else 3.9
    return 3.0


MOOD_SHIFT = {"escalation": -0.8, "incident_review": -0.3, "value_review": 0.4, "innovation": 0.3}


# --- Partners and contacts ------------------------------------------------------------------


def partner_id(spec: PartnerSpec) -> str:
    return f"p-{spec.key}"


def contact_id(spec: PartnerSpec, index: int) -> str:
    return f"c-{spec.key}-{index + 1}"


def build_partner(spec: PartnerSpec) -> JsonDict:
    history = [{"maturity": maturity, "since": since} for maturity, since in spec.maturity_history]
    return {
        "id": partner_id(spec),
        "name": spec.name,
        "business_unit": spec.business_unit,
        "sponsor": spec.sponsor,
        "maturity": spec.maturity_history[-1][0],
        "maturity_history": history,
        "target_strategic_share": spec.target,
        "touch_cadence_days": spec.cadence,
        "notes": spec.notes,
        "archived": spec.archived,
    }


ASCII_SPELLING: dict[str, str | int | None] = {"ø": "o", "ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss"}


def email(full_name: str) -> str:
    plain = full_name.translate(str.maketrans(ASCII_SPELLING))
    return ".".join(part.lower() for part in plain.split()) + "@example.com"


def build_contacts(spec: PartnerSpec) -> list[JsonDict]:
    return [
        {
            "id": contact_id(spec, index),
            "partner": partner_id(spec),
            "name": person.name,
            "role": person.role,
            "email": email(person.name),
            "phone": person.phone,
            "influence": person.influence,
            "stance": person.stance,
            "notes": person.notes,
        }
        for index, person in enumerate(spec.contacts)
    ]


# --- Meetings: the calendar ------------------------------------------------------------------


@dataclass
class Draft:
    """A meeting being built; it becomes a JSON object at the end."""

    spec: PartnerSpec
    start: datetime
    duration: int
    type: str
    focus: str
    attendees: list[int]
    location: str
    topic: str
    system: str
    us: bool = False
    late: bool = False
    overridden: bool = False
    private: bool = False
    satisfaction: int | None = None
    id: str = ""
    raised: list[RequestSeed] = field(default_factory=list)
    reviews: list[RequestSeed] = field(default_factory=list)
    beat: str = ""

    @property
    def day(self) -> date:
        """The date in the meeting's own offset (what SPEC §2 counts)."""
        return self.start.date()

    @property
    def month(self) -> str:
        return self.start.strftime("%Y-%m")


class Calendar:
    """The BRM's one calendar: meetings of different partners never overlap."""

    def __init__(self) -> None:
        self.busy: dict[date, list[tuple[datetime, datetime]]] = defaultdict(list)

    def free(self, start: datetime, minutes: int) -> bool:
        end = start + timedelta(minutes=minutes)
        return all(end <= s or start >= e for s, e in self.busy[start.date()])

    def book(self, start: datetime, minutes: int) -> None:
        self.busy[start.date()].append((start, start + timedelta(minutes=minutes)))


def choose_type(spec: PartnerSpec, month: str, focus: str, rng: random.Random) -> str:
    options = list(TYPES_BY_FOCUS[focus])
    if focus == "strategic" and month < "2025-06":
        options = [(kind, 0.4 if kind == "value_review" else w) for kind, w in options]
    if spec.key == "service" and month == "2026-04" and focus == "reactive":
        options = [("escalation", 5.0), ("incident_review", 2.0), ("service_review", 0.5)]
    if spec.key == "sales" and month >= "2026-07" and focus == "reactive":
        options = [("escalation", 4.0), ("incident_review", 2.0), ("service_review", 1.5)]
    kinds = [kind for kind, _ in options]
    return rng.choices(kinds, weights=[w for _, w in options], k=1)[0]


# What breaks in a story's worst months (reactive meetings only).
STORY_SYSTEMS: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("service", "2026-04", "2026-05"): ("the cloud telephony platform",),
    ("sales", "2026-07", "2026-11"): (
        "Salesforce Sales Cloud",
        "the CRM–ERP order interface",
        "Marketo",
    ),
}


def choose_system(spec: PartnerSpec, month: str, focus: str, rng: random.Random) -> str:
    for (key, first, last), systems in STORY_SYSTEMS.items():
        if key == spec.key and first <= month <= last and focus == "reactive":
            return rng.choice(systems)
    return rng.choice(spec.systems)


def choose_topic(spec: PartnerSpec, month: str, focus: str, rng: random.Random) -> str:
    forward, issues = usable(spec.topics, month), usable(spec.issues, month)
    if focus == "routine":
        return rng.choice(forward + issues)
    return rng.choice(forward if focus == "strategic" else issues)


def choose_attendees(spec: PartnerSpec, kind: str, us: bool, rng: random.Random) -> list[int]:
    local = [i for i, c in enumerate(spec.contacts) if not c.us_based]
    abroad = [i for i, c in enumerate(spec.contacts) if c.us_based]
    if us:
        chosen = [abroad[0]]
        if rng.random() < 0.4:
            chosen.append(rng.choice(local))
        return chosen
    size = 1 if kind == "one_to_one" else rng.choices((1, 2, 3), weights=(5, 4, 2), k=1)[0]
    chosen = rng.sample(local, min(size, len(local)))
    strategic = DEFAULT_FOCUS[kind] == "strategic"
    if strategic and 0 not in chosen and rng.random() < 0.45 and kind != "one_to_one":
        chosen.insert(0, 0)
    return chosen


def choose_location(spec: PartnerSpec, kind: str, draft_us: bool, rng: random.Random) -> str:
    if draft_us:
        return "Teams"
    if kind == "escalation":
        return rng.choice(("Teams", "Teams", "Phone", spec.rooms[0]))
    if kind == "one_to_one":
        return rng.choice(("Teams", "Coffee bar, HQ ground floor", spec.rooms[0]))
    return rng.choice(spec.rooms)


def schedule_month(
    spec: PartnerSpec, month: str, calendar: Calendar, rng: random.Random
) -> list[Draft]:
    """The partner's meetings in a month, placed in free slots of the BRM's calendar."""
    reactive, routine, strategic = plan_month(spec, month, rng)
    foci = ["reactive"] * reactive + ["routine"] * routine + ["strategic"] * strategic
    rng.shuffle(foci)
    override = FOCUS_OVERRIDES.get((spec.key, month))
    if override is not None and override[0] not in foci:
        foci[foci.index("routine") if "routine" in foci else 0] = override[0]
    late = LATE_CALLS.get((spec.key, month))
    days = working_days(month)
    us_contact = any(c.us_based for c in spec.contacts)
    drafts: list[Draft] = []
    for focus in foci:
        kind = choose_type(spec, month, focus, rng)
        overridden = False
        is_late = late is not None and focus == "reactive" and not any(d.late for d in drafts)
        if is_late:
            kind = "escalation"
        elif (
            override is not None and override[0] == focus and not any(d.overridden for d in drafts)
        ):
            kind, overridden = override[1], True
        us = us_contact and not is_late and kind not in ("other",) and rng.random() < 0.18
        duration = rng.choice(DURATIONS[kind])
        taken = {d.day for d in drafts}
        for _ in range(60):
            day = rng.choice(days)
            if day in taken and rng.random() < 0.9:
                continue
            if is_late and late is not None:
                start = datetime.combine(day, late, BERLIN)
            elif us:
                start = datetime.combine(day, rng.choice(SLOTS_NEW_YORK), NEW_YORK)
            else:
                start = datetime.combine(day, rng.choice(SLOTS_BERLIN), BERLIN)
            if calendar.free(start.astimezone(BERLIN), duration):
                break
        else:
            raise RuntimeError(f"no free slot for {spec.key} in {month}")
        calendar.book(start.astimezone(BERLIN), duration)
        attendees = choose_attendees(spec, kind, us, rng)
        draft = Draft(
            spec=spec,
            start=start,
            duration=duration,
            type=kind,
            focus=focus,
            attendees=attendees,
            location="Teams (from home)" if is_late else choose_location(spec, kind, us, rng),
            topic=choose_topic(spec, month, focus, rng),
            system=choose_system(spec, month, focus, rng),
            us=us,
            late=is_late,
            overridden=overridden,
        )
        drafts.append(draft)
    return drafts


def set_mood_and_privacy(drafts: list[Draft], rng: random.Random) -> None:
    for draft in drafts:
        if rng.random() < 0.12:
            draft.satisfaction = None
        else:
            level = mood(draft.spec.key, draft.month) + MOOD_SHIFT.get(draft.type, 0.0)
            draft.satisfaction = max(1, min(5, round(level + rng.gauss(0.0, 0.45))))
        chance = 0.35 if draft.type == "one_to_one" else 0.06
        draft.private = rng.random() < chance


def schedule_all(rng: random.Random) -> list[Draft]:
    """Every meeting of the journal, in chronological order, with ids m-0001…"""
    calendar = Calendar()
    drafts: list[Draft] = []
    for month in months():
        for spec in PARTNERS:
            if month in active_months(spec):
                drafts.extend(schedule_month(spec, month, calendar, rng))
    drafts.sort(key=lambda d: (d.start.astimezone(BERLIN), d.spec.key))
    for number, draft in enumerate(drafts, start=1):
        draft.id = f"m-{number:04d}"
    set_mood_and_privacy(drafts, rng)
    return drafts


# --- Requests -------------------------------------------------------------------------------


@dataclass
class RequestDraft:
    """A request with its dates worked out and its meetings found."""

    seed: RequestSeed
    spec: PartnerSpec
    received: date
    delivered_on: date | None = None
    reviewed_on: date | None = None
    meetings: list[str] = field(default_factory=list)
    id: str = ""


def next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def spec_by_key() -> dict[str, PartnerSpec]:
    return {spec.key: spec for spec in PARTNERS}


def received_dates(rng: random.Random) -> dict[str, date]:
    """When each request came in; a reframed request's successor never comes in before it."""
    received = {seed.key: rng.choice(working_days(seed.month)) for seed in REQUESTS}
    for seed in REQUESTS:
        if seed.reframed_as and received[seed.reframed_as] < received[seed.key]:
            received[seed.reframed_as] = received[seed.key]  # reframed in the same conversation
    return received


def snap_review(
    draft: RequestDraft, meetings: list[Draft], target: date
) -> tuple[date, Draft | None]:
    """The benefits review happens in a strategic meeting near the planned date, if there is one."""
    assert draft.delivered_on is not None
    candidates = [
        m
        for m in meetings
        if m.spec is draft.spec
        and m.focus == "strategic"
        and not m.overridden
        and not m.private
        and draft.delivered_on < m.day <= END
        and abs((m.day - target).days) <= 30
    ]
    if not candidates:
        return min(next_weekday(target), END), None
    meeting = min(candidates, key=lambda m: (abs((m.day - target).days), m.id))
    return meeting.day, meeting


def link_meetings(draft: RequestDraft, meetings: list[Draft], rng: random.Random) -> None:
    """The meetings where the request was discussed: the first one after it came in, maybe more."""
    own = [m for m in meetings if m.spec is draft.spec]
    if draft.seed.private:
        own = [m for m in own if m.private] or own
    after = [m for m in own if draft.received <= m.day <= draft.received + timedelta(days=21)]
    raiser = draft.seed.raised_by
    after = [m for m in after if raiser in m.attendees][:1] or after
    before = [m for m in own if draft.received - timedelta(days=10) <= m.day < draft.received]
    first = after[0] if after else (before[-1] if before else None)
    if first is None:
        return
    draft.meetings.append(first.id)
    if not draft.seed.private:
        first.raised.append(draft.seed)
    later = [m for m in own if first.day < m.day <= draft.received + timedelta(days=60)]
    if later and rng.random() < 0.35:
        draft.meetings.append(rng.choice(later).id)


def plan_requests(meetings: list[Draft], rng: random.Random) -> list[RequestDraft]:
    """Every request with dates, review meetings and links, in order of arrival (ids r-0001…)."""
    specs = spec_by_key()
    received = received_dates(rng)
    drafts = [RequestDraft(seed, specs[seed.partner], received[seed.key]) for seed in REQUESTS]
    drafts.sort(key=lambda d: (d.received, d.seed.key))
    for number, draft in enumerate(drafts, start=1):
        draft.id = f"r-{number:04d}"
    for draft in drafts:
        seed = draft.seed
        if seed.delivered_after:
            draft.delivered_on = next_weekday(draft.received + timedelta(days=seed.delivered_after))
        link_meetings(draft, meetings, rng)
        if seed.status == "benefits_reviewed" and draft.delivered_on is not None:
            target = draft.delivered_on + timedelta(days=seed.reviewed_after)
            draft.reviewed_on, meeting = snap_review(draft, meetings, target)
            if meeting is not None:
                meeting.type = "value_review"
                meeting.reviews.append(seed)
                if meeting.id not in draft.meetings:
                    draft.meetings.append(meeting.id)
        draft.meetings.sort()
    return drafts


def realization(seed: RequestSeed) -> str:
    assert seed.amount is not None
    assert seed.realized is not None
    return percent(seed.realized / seed.amount)


def amount_value(amount: float | None) -> float | int | None:
    """Whole amounts are written as whole numbers (120000), others as they are (45000.5)."""
    if amount is None:
        return None
    return int(amount) if float(amount).is_integer() else amount


def request_notes(draft: RequestDraft, titles: dict[str, str], composer: Composer) -> str:
    seed = draft.seed
    raiser = first_name(draft.spec.contacts[seed.raised_by].name)
    slots = {
        "person": raiser,
        "routed_to": seed.routed_to,
        "target": titles.get(seed.reframed_as, ""),
        "delivered": draft.delivered_on.isoformat() if draft.delivered_on else "",
        "reviewed": draft.reviewed_on.isoformat() if draft.reviewed_on else "",
        "realization": realization(seed) if seed.realized is not None else "",
    }
    lines = []
    composer.begin()
    status_line = composer.line(STATUS_NOTES[seed.status], slots, seed.month, cap=None)
    if status_line:
        lines.append(status_line)
    if seed.notes:
        lines.append(seed.notes)
    return "\n\n".join(lines)


def build_request(
    draft: RequestDraft, ids: dict[str, str], titles: dict[str, str], composer: Composer
) -> JsonDict:
    seed = draft.seed
    reviewed = seed.status == "benefits_reviewed"
    return {
        "id": draft.id,
        "partner": partner_id(draft.spec),
        "title": seed.title,
        "raised_by": contact_id(draft.spec, seed.raised_by),
        "received": draft.received.isoformat(),
        "focus": seed.focus,
        "want": seed.want,
        "need": seed.need,
        "value": seed.value,
        "urgency": seed.urgency,
        "status": seed.status,
        "routed_to": seed.routed_to,
        "delivered_on": draft.delivered_on.isoformat() if draft.delivered_on else None,
        "revisit_on": seed.revisit,
        "reframed_as": ids[seed.reframed_as] if seed.reframed_as else None,
        "outcome_note": seed.outcome,
        "expected_benefit": seed.benefit,
        "expected_value_amount": amount_value(seed.amount),
        "realized_value_amount": amount_value(seed.realized) if reviewed else None,
        "benefit_reviewed_on": draft.reviewed_on.isoformat() if draft.reviewed_on else None,
        "meetings": draft.meetings,
        "notes": request_notes(draft, titles, composer),
        "private": seed.private,
        "tags": list(seed.tags),
    }


# --- Meeting notes, titles, tags and actions ------------------------------------------------

SEEDS = {seed.key: seed for seed in REQUESTS}

TYPE_LABELS = {
    "escalation": "escalation",
    "incident_review": "incident review",
    "service_review": "service review",
    "status_checkin": "status check-in",
    "one_to_one": "1:1",
    "planning": "planning session",
    "roadmap": "roadmap session",
    "business_case": "business-case session",
    "value_review": "value review",
    "innovation": "innovation workshop",
    "other": "meeting",
}
US_LINES = (
    "US call with {person}: {ny} in New York, {here} here.",
    "Late-afternoon slot for the US side ({person}, {ny} Eastern).",
    "{person} dialled in from the US at {ny} local time.",
)
LATE_LINES = (
    "Called in at {here} — {person} could not wait until the morning, and rightly so.",
    "Evening call ({here}); the morning would have been too late for {person}'s team.",
)


def sponsor_first_name(spec: PartnerSpec) -> str:
    return next(word for word in spec.sponsor.split() if not word.endswith("."))


def teams(draft: Draft) -> list[str]:
    """Provider teams in a meeting: the service desk has no place in strategic work."""
    found = [t for t in draft.spec.teams if draft.focus != "strategic" or t != "Service Desk"]
    return found or list(draft.spec.teams)


def base_slots(draft: Draft, rng: random.Random) -> dict[str, str]:
    spec = draft.spec
    ahead = month_start(draft.month) + timedelta(days=31 * rng.randint(1, 3))
    back = month_start(draft.month) - timedelta(days=28 * rng.randint(1, 6))
    return {
        "person": first_name(spec.contacts[rng.choice(draft.attendees)].name),
        "sponsor": sponsor_first_name(spec),
        "system": draft.system,
        "system2": rng.choice(spec.systems),
        "metric": rng.choice(spec.metrics),
        "team": rng.choice(teams(draft)),
        "topic": draft.topic,
        "weekday": rng.choice(WEEKDAYS),
        "month": MONTH_NAMES[ahead.month - 1],
        "past": MONTH_NAMES[back.month - 1],
    }


def reshuffle(slots: dict[str, str], draft: Draft, rng: random.Random) -> dict[str, str]:
    """The same meeting, another attendee, metric or team in the next line."""
    spec = draft.spec
    return slots | {
        "person": first_name(spec.contacts[rng.choice(draft.attendees)].name),
        "metric": rng.choice(spec.metrics),
        "team": rng.choice(teams(draft)),
    }


class NoteWriter:
    """Composes a meeting's Markdown notes from the fragments, in the BRM's voice."""

    def __init__(self, composer: Composer, rng: random.Random) -> None:
        self.composer = composer
        self.rng = rng
        self.reframes_used: set[tuple[str, str]] = set()
        self.candid_used: set[str] = set()

    def again(self, slots: dict[str, str], draft: Draft) -> dict[str, str]:
        return reshuffle(slots, draft, self.rng)

    def heading(self, kind: str) -> str:
        return self.rng.choice(HEADINGS[kind])

    def section(self, kind: str, lines: list[str], bullets: bool = True) -> list[str]:
        if not lines:
            return []
        body = [f"- {line}" for line in lines] if bullets else lines
        return [self.heading(kind), "", *body, ""]

    def context(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        lines = []
        opening = self.composer.line(CONTEXT[draft.type], slots, draft.month)
        if opening is None:  # every context line is taken: say plainly who and when
            names = [first_name(draft.spec.contacts[i].name) for i in draft.attendees]
            who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            when = f"{draft.start:%A} {draft.start.day} {MONTH_NAMES[draft.start.month - 1]}"
            opening = f"{TYPE_LABELS[draft.type].capitalize()} with {who}, {when}."
        lines.append(opening)
        here = draft.start.astimezone(BERLIN).strftime("%H:%M")
        ny = draft.start.astimezone(NEW_YORK).strftime("%H:%M")
        abroad = [
            c for i, c in enumerate(draft.spec.contacts) if c.us_based and i in draft.attendees
        ]
        person = first_name(abroad[0].name) if abroad else slots["person"]
        extra = slots | {"here": here, "ny": ny, "person": person}
        if draft.us:
            found = self.composer.line(US_LINES, extra, draft.month, cap=None)
            lines.extend([found] if found else [])
        if draft.late:
            found = self.composer.line(LATE_LINES, extra, draft.month, cap=None)
            lines.extend([found] if found else [])
        if draft.overridden:
            lines.append(OVERRIDE_LINES[draft.focus].format(type=TYPE_LABELS[draft.type]))
        return self.section("context", [" ".join(lines)], bullets=False) if lines else []

    def points(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        rng = self.rng
        general = 1 if draft.focus == "routine" else rng.randint(1, 2)
        specific = rng.randint(0, 1) if draft.focus == "routine" else rng.randint(1, 2)
        lines = []
        for _ in range(general):
            found = self.composer.line(
                POINTS[draft.type], reshuffle(slots, draft, rng), draft.month
            )
            lines.extend([found] if found else [])
        for _ in range(specific):
            found = self.composer.line(draft.spec.points, reshuffle(slots, draft, rng), draft.month)
            lines.extend([found] if found else [])
        return self.section("points", lines)

    def requests(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        lines = []
        for seed in draft.raised:
            raiser = first_name(draft.spec.contacts[seed.raised_by].name)
            values = slots | {"person": raiser, "title": seed.title}
            present = seed.raised_by in draft.attendees
            pool = RAISED_LINES if present else RELAYED_LINES
            said = self.composer.line(pool, values, draft.month, cap=None)
            if said:
                lines.append(f"- {said}")
                lines.append(f"  - Asked for: {seed.want}")
                if seed.need:
                    lines.append(f"  - The need behind it: {seed.need}")
                if seed.reframed_as:
                    successor = SEEDS[seed.reframed_as].title
                    lines.append(f"  - Reframed with {raiser} into: *{successor}*")
        for seed in draft.reviews:
            assert seed.amount is not None
            assert seed.realized is not None
            values = {
                "title": seed.title,
                "realized": money(seed.realized),
                "expected": money(seed.amount),
                "realization": realization(seed),
            }
            found = self.composer.line(REVIEW_LINES, values, draft.month, cap=None)
            lines.extend([f"- {found}"] if found else [])
        return ["## Requests", "", *lines, ""] if lines else []

    def reframe(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        if draft.raised or draft.focus == "reactive" or self.rng.random() > 0.35:
            return []
        fresh = [
            (want, need)
            for want, need in draft.spec.reframes
            if (want, need) not in self.reframes_used and usable([want], draft.month)
        ]
        if not fresh:
            return []
        pair = self.rng.choice(fresh)
        self.reframes_used.add(pair)
        want, need = (
            fill(usable([pair[0]], draft.month)[0], slots, self.rng),
            fill(pair[1], slots, self.rng),
        )
        return self.section("reframe", [f"**Want:** {want}", f"**Need:** {need}"])

    def decisions(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        if draft.focus == "routine" and self.rng.random() < 0.5:
            return []
        count = 1 if draft.focus == "routine" or self.rng.random() < 0.6 else 2
        pool = DECISIONS[draft.focus]
        found = (
            self.composer.line(pool, self.again(slots, draft), draft.month) for _ in range(count)
        )
        lines = [line for line in found if line]
        return self.section("decisions", lines)

    def value(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        if draft.focus != "strategic" or draft.reviews or self.rng.random() < 0.5:
            return []
        found = self.composer.line(VALUE_LINES, reshuffle(slots, draft, self.rng), draft.month)
        return self.section("value", [found]) if found else []

    def read(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        lines = []
        if draft.beat:
            lines.append(fill(draft.beat, slots, self.rng))
        if self.rng.random() < 0.5:
            own = [c for c in usable(draft.spec.candid, draft.month) if c not in self.candid_used]
            if own and self.rng.random() < 0.5:
                line = self.rng.choice(own)
                self.candid_used.add(line)
                lines.append(line)
            else:
                found = self.composer.line(CANDID[draft.focus], slots, draft.month)
                lines.extend([found] if found else [])
        return self.section("read", [" ".join(lines)], bullets=False) if lines else []

    def private(self, draft: Draft, slots: dict[str, str]) -> list[str]:
        if not draft.private:
            return []
        count = self.rng.randint(1, 2)
        lines = self.composer.lines(PRIVATE_LINES, self.again(slots, draft), draft.month, count)
        if not lines:
            lines = ["Nothing more to add here."]
        opener = self.rng.choice(PRIVATE_OPENERS)
        return [opener, "", *(f"- {line}" for line in lines), ""]

    def notes(self, draft: Draft) -> str:
        self.composer.begin()
        slots = base_slots(draft, self.rng)
        parts = [
            *self.context(draft, slots),
            *self.points(draft, slots),
            *self.requests(draft, slots),
            *self.reframe(draft, slots),
            *self.decisions(draft, slots),
            *self.value(draft, slots),
            *self.read(draft, slots),
            *self.private(draft, slots),
        ]
        return "\n".join(parts).strip() + "\n"


def assign_beats(meetings: list[Draft]) -> None:
    """Each story beat goes into the partner's first (non-private) meeting of its month."""
    for spec in PARTNERS:
        for month, beat in spec.beats.items():
            own = [m for m in meetings if m.spec is spec and m.month >= month]
            shared = [m for m in own if not m.private and "confidential" not in beat.lower()]
            chosen = (shared or own)[0]
            chosen.beat = f"{chosen.beat} {beat}".strip()


def title_for(draft: Draft, used: set[tuple[str, str]], rng: random.Random) -> str:
    spec = draft.spec
    slots = {
        "person": first_name(spec.contacts[draft.attendees[0]].name),
        "system": draft.system,
        "topic": draft.topic,
        "metric": rng.choice(spec.metrics),
        "month": MONTH_NAMES[draft.start.month - 1],
    }
    if draft.reviews:
        return f"Value review: {draft.reviews[0].title}"
    title = ""
    for _ in range(8):
        title = fill(rng.choice(TITLES[draft.type]), slots, rng)
        title = title[0].upper() + title[1:]
        if (spec.key, title) not in used:
            break
    used.add((spec.key, title))
    return title


def tags_for(draft: Draft, rng: random.Random) -> list[str]:
    tags = [rng.choice(TAGS[draft.type]), slug(draft.topic)]
    if draft.us:
        tags.append("us")
    if draft.late:
        tags.append("after-hours")
    if draft.spec.key == "service" and draft.month == "2026-04":
        tags.append("telephony-outage")
    return list(dict.fromkeys(tags))


ACTION_SIDES: dict[str, tuple[float, float, float]] = {  # mine, partner, provider
    "reactive": (0.25, 0.25, 0.5),
    "routine": (0.5, 0.35, 0.15),
    "strategic": (0.45, 0.4, 0.15),
}


def done_date(due: date, held: date, rng: random.Random) -> date | None:
    """Most follow-ups get done, close to their due date; recent ones are often still open."""
    age = (END - due).days
    chance = 0.985 if age > 30 else (0.5 if age >= 0 else 0.12)
    if rng.random() >= chance:
        return None
    done = due + timedelta(days=rng.randint(-4, 6))
    return max(held, min(done, END))


def actions_for(draft: Draft, composer: Composer, rng: random.Random) -> list[JsonDict]:
    spec = draft.spec
    if draft.focus == "routine":
        count = rng.choices((0, 1, 2), weights=(4, 4, 1), k=1)[0]
    else:
        count = rng.choices((1, 2, 3), weights=(5, 4, 1), k=1)[0]
    actions = []
    composer.begin()
    for _ in range(count):
        side = rng.choices(("mine", "partner", "provider"), weights=ACTION_SIDES[draft.focus])[0]
        person = spec.contacts[rng.choice(draft.attendees)]
        slots = reshuffle(base_slots(draft, rng), draft, rng) | {"person": first_name(person.name)}
        pool = ACTIONS[side]
        if person is spec.contacts[0]:
            pool = tuple(t for t in pool if "{sponsor}" not in t)
        text = composer.line(pool, slots, draft.month, cap=14)
        if text is None:
            continue
        owner = {"mine": "me", "partner": person.name, "provider": slots["team"]}[side]
        due = next_weekday(draft.day + timedelta(days=rng.choice((3, 5, 7, 10, 14, 21, 28))))
        done = done_date(due, draft.day, rng)
        actions.append(
            {
                "text": text,
                "side": side,
                "owner": owner,
                "due": due.isoformat(),
                "done": done.isoformat() if done else None,
            }
        )
    return actions


def build_meeting(
    draft: Draft,
    writer: NoteWriter,
    titles: set[tuple[str, str]],
    composer: Composer,
    rng: random.Random,
) -> JsonDict:
    return {
        "id": draft.id,
        "partner": partner_id(draft.spec),
        "title": title_for(draft, titles, rng),
        "start": draft.start.isoformat(),
        "duration_minutes": draft.duration,
        "type": draft.type,
        "focus": draft.focus,
        "location": draft.location,
        "attendees": [contact_id(draft.spec, i) for i in draft.attendees],
        "notes": writer.notes(draft),
        "private": draft.private,
        "tags": tags_for(draft, rng),
        "satisfaction": draft.satisfaction,
        "actions": actions_for(draft, composer, rng),
    }


# --- Validation: the JSON format (SPEC §6) --------------------------------------------------

KEYS = {
    "top": ("format", "version", "exported_at", "partners", "contacts", "meetings", "requests"),
    "partner": (
        "id", "name", "business_unit", "sponsor", "maturity", "maturity_history",
        "target_strategic_share", "touch_cadence_days", "notes", "archived",
    ),
    "maturity": ("maturity", "since"),
    "contact": (
        "id", "partner", "name", "role", "email", "phone", "influence", "stance", "notes",
    ),
    "meeting": (
        "id", "partner", "title", "start", "duration_minutes", "type", "focus", "location",
        "attendees", "notes", "private", "tags", "satisfaction", "actions",
    ),
    "action": ("text", "side", "owner", "due", "done"),
    "request": (
        "id", "partner", "title", "raised_by", "received", "focus", "want", "need", "value",
        "urgency", "status", "routed_to", "delivered_on", "revisit_on", "reframed_as",
        "outcome_note", "expected_benefit", "expected_value_amount", "realized_value_amount",
        "benefit_reviewed_on", "meetings", "notes", "private", "tags",
    ),
}  # fmt: skip
MATURITIES = ("ad_hoc", "order_taker", "service_provider", "trusted_advisor", "strategic_partner")
INFLUENCES = ("low", "medium", "high")
STANCES = ("champion", "supporter", "neutral", "skeptic", "blocker")
SIDES = ("mine", "partner", "provider")
STATUSES = (
    "new", "deferred", "redirected", "reframed", "declined", "accepted", "delivered",
    "benefits_reviewed",
)  # fmt: skip
_ID = re.compile(r"[a-z]-[a-z0-9-]+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class Problems(list[str]):
    """Everything wrong with a journal, collected rather than stopping at the first."""

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            self.append(message)

    def keys(self, obj: object, kind: str, place: str) -> bool:
        if not isinstance(obj, dict):
            self.append(f"{place}: not an object")
            return False
        self.expect(
            list(obj) == list(KEYS[kind]), f"{place}: keys {sorted(obj)} != {sorted(KEYS[kind])}"
        )
        return True

    def day(self, value: object, place: str, optional: bool = False) -> date | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not _DAY.fullmatch(value):
            self.append(f"{place}: {value!r} is not a YYYY-MM-DD date")
            return None
        return date.fromisoformat(value)

    def text(self, value: object, place: str, required: bool = False) -> None:
        self.expect(isinstance(value, str), f"{place}: not text")
        if required:
            self.expect(bool(str(value).strip()), f"{place}: empty")

    def choice(self, value: object, allowed: Sequence[str], place: str) -> None:
        self.expect(value in allowed, f"{place}: {value!r} not one of {allowed}")

    def number(self, value: object, low: float, high: float, place: str) -> None:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
        self.expect(ok, f"{place}: {value!r} not in {low}..{high}")


def validate_partner(p: JsonDict, place: str, problems: Problems) -> None:
    problems.text(p["name"], f"{place}.name", required=True)
    for name in ("business_unit", "sponsor", "notes"):
        problems.text(p[name], f"{place}.{name}")
    problems.choice(p["maturity"], MATURITIES, f"{place}.maturity")
    history = p["maturity_history"]
    problems.expect(isinstance(history, list) and bool(history), f"{place}: no maturity history")
    since: list[date] = []
    for i, change in enumerate(history):
        if problems.keys(change, "maturity", f"{place}.maturity_history[{i}]"):
            problems.choice(change["maturity"], MATURITIES, f"{place}.maturity_history[{i}]")
            found = problems.day(change["since"], f"{place}.maturity_history[{i}].since")
            since.extend([found] if found else [])
    problems.expect(since == sorted(set(since)), f"{place}: maturity history not chronological")
    problems.expect(
        bool(history) and history[-1]["maturity"] == p["maturity"],
        f"{place}: last maturity_history entry differs from maturity",
    )
    problems.number(p["target_strategic_share"], 0.5, 0.7, f"{place}.target_strategic_share")
    cadence = p["touch_cadence_days"]
    problems.expect(type(cadence) is int and 21 <= cadence <= 45, f"{place}: cadence {cadence}")
    problems.expect(isinstance(p["archived"], bool), f"{place}.archived: not a boolean")


def validate_contact(c: JsonDict, place: str, partners: set[str], problems: Problems) -> None:
    problems.expect(c["partner"] in partners, f"{place}.partner: unknown {c['partner']!r}")
    problems.text(c["name"], f"{place}.name", required=True)
    for name in ("role", "phone", "notes"):
        problems.text(c[name], f"{place}.{name}", required=True)
    email = c["email"]
    ok = isinstance(email, str) and re.fullmatch(r"[a-z.]+@example\.com", email) is not None
    problems.expect(ok, f"{place}.email: {email!r}")
    problems.choice(c["influence"], INFLUENCES, f"{place}.influence")
    problems.choice(c["stance"], STANCES, f"{place}.stance")


def validate_meeting(
    m: JsonDict, place: str, contacts_of: dict[str, set[str]], problems: Problems
) -> None:
    partner = m["partner"]
    problems.expect(partner in contacts_of, f"{place}.partner: unknown {partner!r}")
    problems.text(m["title"], f"{place}.title", required=True)
    start = datetime.fromisoformat(m["start"]) if isinstance(m["start"], str) else None
    problems.expect(start is not None and start.tzinfo is not None, f"{place}.start: no offset")
    if start is not None:
        problems.expect(START <= start.date() <= END, f"{place}.start: outside the journal")
        problems.expect(start.weekday() < 5, f"{place}.start: on a weekend")
        problems.expect(8 <= start.hour <= 21, f"{place}.start: at {start:%H:%M}")
    problems.number(m["duration_minutes"], 15, 120, f"{place}.duration_minutes")
    problems.expect(type(m["duration_minutes"]) is int, f"{place}.duration_minutes: not whole")
    problems.choice(m["type"], tuple(DEFAULT_FOCUS), f"{place}.type")
    problems.choice(m["focus"], FOCI, f"{place}.focus")
    problems.text(m["location"], f"{place}.location", required=True)
    attendees = m["attendees"]
    problems.expect(bool(attendees), f"{place}.attendees: empty")
    for a in attendees:
        problems.expect(a in contacts_of.get(partner, set()), f"{place}.attendees: {a!r}")
    problems.expect(len(set(attendees)) == len(attendees), f"{place}.attendees: repeated")
    problems.text(m["notes"], f"{place}.notes", required=True)
    problems.expect(isinstance(m["private"], bool), f"{place}.private: not a boolean")
    tags = m["tags"]
    problems.expect(all(isinstance(t, str) and 0 < len(t) <= 60 for t in tags), f"{place}.tags")
    score = m["satisfaction"]
    problems.expect(score is None or (type(score) is int and 1 <= score <= 5), f"{place}: mood")
    for i, action in enumerate(m["actions"]):
        where = f"{place}.actions[{i}]"
        if problems.keys(action, "action", where):
            problems.text(action["text"], f"{where}.text", required=True)
            problems.expect("\n" not in action["text"], f"{where}.text: not one line")
            problems.choice(action["side"], SIDES, f"{where}.side")
            problems.text(action["owner"], f"{where}.owner", required=True)
            problems.day(action["due"], f"{where}.due")
            done = problems.day(action["done"], f"{where}.done", optional=True)
            problems.expect(done is None or done <= END, f"{where}.done: after the export")


def validate_request(
    r: JsonDict,
    place: str,
    contacts_of: dict[str, set[str]],
    meetings_of: dict[str, set[str]],
    requests: set[str],
    problems: Problems,
) -> None:
    partner, status = r["partner"], r["status"]
    problems.expect(partner in contacts_of, f"{place}.partner: unknown {partner!r}")
    problems.text(r["title"], f"{place}.title", required=True)
    raised_by = r["raised_by"]
    problems.expect(raised_by in contacts_of.get(partner, set()), f"{place}.raised_by")
    received = problems.day(r["received"], f"{place}.received")
    problems.expect(received is None or START <= received <= END, f"{place}.received: outside")
    problems.choice(r["focus"], FOCI, f"{place}.focus")
    for name in ("want", "need", "routed_to", "outcome_note", "expected_benefit", "notes"):
        problems.text(r[name], f"{place}.{name}")
    problems.text(r["want"], f"{place}.want", required=True)
    for name in ("value", "urgency"):
        problems.expect(type(r[name]) is int and 1 <= r[name] <= 5, f"{place}.{name}")
    problems.choice(status, STATUSES, f"{place}.status")
    # What each status needs, and nothing a status does not have.
    problems.expect((status == "deferred") == (r["revisit_on"] is not None), f"{place}: revisit")
    problems.expect((status == "redirected") == bool(r["routed_to"]), f"{place}: routed_to")
    problems.expect((status == "reframed") == (r["reframed_as"] is not None), f"{place}: reframe")
    problems.expect((status == "declined") == bool(r["outcome_note"]), f"{place}: outcome_note")
    shipped = status in ("delivered", "benefits_reviewed")
    problems.expect(shipped == (r["delivered_on"] is not None), f"{place}: delivered_on")
    reviewed = status == "benefits_reviewed"
    problems.expect(reviewed == (r["benefit_reviewed_on"] is not None), f"{place}: reviewed_on")
    problems.expect(reviewed == (r["realized_value_amount"] is not None), f"{place}: realized")
    if r["reframed_as"] is not None:
        target = r["reframed_as"]
        problems.expect(target in requests and target != r["id"], f"{place}.reframed_as")
    revisit = problems.day(r["revisit_on"], f"{place}.revisit_on", optional=True)
    problems.expect(revisit is None or received is None or revisit > received, f"{place}: revisit")
    delivered = problems.day(r["delivered_on"], f"{place}.delivered_on", optional=True)
    review = problems.day(r["benefit_reviewed_on"], f"{place}.benefit_reviewed_on", optional=True)
    if delivered is not None and received is not None:
        problems.expect(received <= delivered <= END, f"{place}.delivered_on: out of order")
    if review is not None and delivered is not None:
        problems.expect(delivered <= review <= END, f"{place}.benefit_reviewed_on: out of order")
    for name in ("expected_value_amount", "realized_value_amount"):
        value = r[name]
        if value is not None:
            problems.number(value, 0, 1e9, f"{place}.{name}")
    if r["realized_value_amount"] is not None:
        problems.expect(r["expected_value_amount"] is not None, f"{place}: realized, no expected")
    if r["expected_value_amount"] is not None:
        problems.expect(r["focus"] == "strategic", f"{place}: a business case, not strategic")
        problems.expect(bool(r["expected_benefit"]), f"{place}: amount without expected_benefit")
    for meeting in r["meetings"]:
        problems.expect(meeting in meetings_of.get(partner, set()), f"{place}.meetings: {meeting}")
    problems.expect(isinstance(r["private"], bool), f"{place}.private: not a boolean")
    problems.expect(all(isinstance(t, str) and t for t in r["tags"]), f"{place}.tags")


def validate_privacy(journal: JsonDict, problems: Problems) -> None:
    """Private items say "confidential"; nothing else does (tests check exports by that word)."""
    for kind in ("partners", "contacts", "meetings", "requests"):
        for obj in journal[kind]:
            said = "confidential" in json.dumps(obj, ensure_ascii=False).lower()
            private = bool(obj.get("private", False))
            problems.expect(said == private, f"{obj['id']}: private={private}, says it={said}")


def validate(journal: JsonDict) -> None:
    """Raise ValueError listing every way the journal breaks SPEC §6 or the sample's own rules."""
    problems = Problems()
    if not problems.keys(journal, "top", "journal"):
        raise ValueError("\n".join(problems))
    problems.expect(journal["format"] == "brm-desk-journal", "format")
    problems.expect(journal["version"] == 1, "version")
    problems.expect(journal["exported_at"] == EXPORTED_AT, "exported_at")
    seen: set[str] = set()
    for kind in ("partners", "contacts", "meetings", "requests"):
        for obj in journal[kind]:
            ident = obj.get("id")
            ok = isinstance(ident, str) and _ID.fullmatch(ident) is not None
            problems.expect(ok, f"{kind}: bad id {ident!r}")
            problems.expect(ident not in seen, f"{kind}: id {ident!r} used twice")
            seen.add(str(ident))
    partners = {p["id"] for p in journal["partners"]}
    names = [p["name"] for p in journal["partners"]]
    problems.expect(len(set(names)) == len(names), "partner names repeat")
    contacts_of: dict[str, set[str]] = {p: set() for p in partners}
    meetings_of: dict[str, set[str]] = {p: set() for p in partners}
    for i, p in enumerate(journal["partners"]):
        if problems.keys(p, "partner", f"partners[{i}]"):
            validate_partner(p, f"partners[{i}]", problems)
    for i, c in enumerate(journal["contacts"]):
        if problems.keys(c, "contact", f"contacts[{i}]"):
            validate_contact(c, f"contacts[{i}]", partners, problems)
            contacts_of.setdefault(c["partner"], set()).add(c["id"])
    for i, m in enumerate(journal["meetings"]):
        if problems.keys(m, "meeting", f"meetings[{i}]"):
            validate_meeting(m, f"meetings[{i}]", contacts_of, problems)
            meetings_of.setdefault(m["partner"], set()).add(m["id"])
    requests = {r["id"] for r in journal["requests"]}
    for i, r in enumerate(journal["requests"]):
        if problems.keys(r, "request", f"requests[{i}]"):
            validate_request(r, f"requests[{i}]", contacts_of, meetings_of, requests, problems)
    validate_privacy(journal, problems)
    if problems:
        raise ValueError("the sample journal is not valid:\n  " + "\n  ".join(problems))


# --- The story: SPEC §2's balance, and the claims the sample makes ---------------------------


@dataclass
class Balance:
    reactive: int = 0
    routine: int = 0
    strategic: int = 0
    last_strategic: date | None = None

    @property
    def share(self) -> float | None:
        total = self.reactive + self.strategic
        return None if total == 0 else self.strategic / total


def engagements(journal: JsonDict, partner: str) -> list[tuple[date, str]]:
    """(date, focus) of a partner's meetings (date in their own offset) and requests."""
    found = [
        (datetime.fromisoformat(m["start"]).date(), m["focus"])
        for m in journal["meetings"]
        if m["partner"] == partner
    ]
    found += [
        (date.fromisoformat(r["received"]), r["focus"])
        for r in journal["requests"]
        if r["partner"] == partner
    ]
    return sorted(found)


def balance(journal: JsonDict, partner: str, first: date, last: date) -> Balance:
    result = Balance()
    for day, focus in engagements(journal, partner):
        if first <= day <= last:
            setattr(result, focus, getattr(result, focus) + 1)
        if focus == "strategic" and day <= last:
            result.last_strategic = day
    return result


def month_range(month: str) -> tuple[date, date]:
    first = month_start(month)
    return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def quarter_range(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    return first, month_range(f"{year:04d}-{3 * quarter:02d}")[1]


def overdue(journal: JsonDict, partner: JsonDict) -> tuple[bool, int | None]:
    last = balance(journal, partner["id"], START, END).last_strategic
    days = None if last is None else (END - last).days
    return (days is None or days > partner["touch_cadence_days"]), days


def drifting(journal: JsonDict, partner: JsonDict) -> bool:
    """Share below target in each of the last two full months before the export (Sep, Oct)."""
    shares = [
        balance(journal, partner["id"], *month_range(m)).share for m in ("2026-09", "2026-10")
    ]
    target = partner["target_strategic_share"]
    return all(share is None or share < target for share in shares)


def open_actions(journal: JsonDict) -> list[tuple[str, JsonDict]]:
    return [
        (m["partner"], a) for m in journal["meetings"] for a in m["actions"] if a["done"] is None
    ]


def reviews_due(journal: JsonDict) -> list[JsonDict]:
    return [
        r
        for r in journal["requests"]
        if r["status"] == "delivered"
        and (r["expected_benefit"] or r["expected_value_amount"] is not None)
        and date.fromisoformat(r["delivered_on"]) + timedelta(days=90) <= END
    ]


def check_story(journal: JsonDict) -> None:
    """Raise ValueError when the journal does not tell the stories the sample promises."""
    problems = Problems()
    meetings, requests = journal["meetings"], journal["requests"]
    active = [p for p in journal["partners"] if not p["archived"]]
    problems.expect(len(active) == 6, "six active partners")
    problems.expect(len(journal["partners"]) == 7, "one archived partner")
    per_partner = Counter(c["partner"] for c in journal["contacts"])
    problems.expect(all(3 <= n <= 6 for n in per_partner.values()), "3–6 contacts each")
    problems.expect({c["stance"] for c in journal["contacts"]} == set(STANCES), "every stance")
    problems.expect({c["influence"] for c in journal["contacts"]} == set(INFLUENCES), "influence")
    problems.expect(300 <= len(meetings) <= 450, f"{len(meetings)} meetings")
    problems.expect(80 <= len(requests) <= 150, f"{len(requests)} requests")
    problems.expect({m["type"] for m in meetings} == set(DEFAULT_FOCUS), "every meeting type")
    overrides = sum(m["focus"] != DEFAULT_FOCUS[m["type"]] for m in meetings)
    problems.expect(4 <= overrides <= 10, f"{overrides} focus overrides")
    statuses = Counter(r["status"] for r in requests)
    problems.expect(all(statuses[s] >= 3 for s in STATUSES), f"statuses {dict(statuses)}")
    private = sum(m["private"] for m in meetings) / len(meetings)
    problems.expect(0.07 <= private <= 0.13, f"private share {private:.1%}")
    problems.expect(sum(r["private"] for r in requests) >= 3, "a few private requests")
    offsets = {m["start"][-6:] for m in meetings}
    problems.expect(offsets == {"+01:00", "+02:00", "-05:00", "-04:00"}, f"offsets {offsets}")
    late = [m for m in meetings if datetime.fromisoformat(m["start"]).hour >= 19]
    problems.expect(1 <= len(late) <= 2, f"{len(late)} late-evening calls")
    sales = next(p for p in active if p["id"] == "p-sales")
    late_sales, _ = overdue(journal, sales)
    problems.expect(late_sales and drifting(journal, sales), "Sales drifts and is overdue")
    recent = balance(journal, "p-sales", date(2026, 10, 1), END)
    problems.expect(recent.strategic == 0, "no Sales strategic engagement since 2026-10-01")
    for partner in active:
        if partner["id"] != "p-sales":
            problems.expect(not overdue(journal, partner)[0], f"{partner['id']} overdue")
            problems.expect(not drifting(journal, partner), f"{partner['id']} drifting")
    actions = open_actions(journal)
    late_mine = [a for _, a in actions if a["side"] == "mine" and a["due"] < END.isoformat()]
    late_theirs = [a for _, a in actions if a["side"] != "mine" and a["due"] < END.isoformat()]
    not_due = [a for _, a in actions if a["due"] > END.isoformat()]
    problems.expect(len(late_mine) >= 2, "open overdue actions of mine")
    problems.expect(len(late_theirs) >= 2, "open overdue actions of theirs")
    problems.expect(len(not_due) >= 2, "open actions not yet due")
    problems.expect(len(reviews_due(journal)) >= 3, "benefits reviews due")
    if problems:
        raise ValueError("the sample does not tell its story:\n  " + "\n  ".join(problems))


def summary(journal: JsonDict) -> str:
    """What the sample holds, for the person running the script."""
    meetings, requests = journal["meetings"], journal["requests"]
    names = {p["id"]: p["name"] for p in journal["partners"]}
    out = [
        f"partners {len(journal['partners'])}, contacts {len(journal['contacts'])}, "
        f"meetings {len(meetings)}, requests {len(requests)}, "
        f"actions {sum(len(m['actions']) for m in meetings)}",
        "",
        f"{'partner':<22}{'meetings':>9}{'reactive':>9}{'routine':>9}{'strategic':>10}"
        f"{'requests':>9}",
    ]
    for pid, name in names.items():
        own = [m for m in meetings if m["partner"] == pid]
        focus = Counter(m["focus"] for m in own)
        count = sum(r["partner"] == pid for r in requests)
        out.append(
            f"{name:<22}{len(own):>9}{focus['reactive']:>9}{focus['routine']:>9}"
            f"{focus['strategic']:>10}{count:>9}"
        )
    statuses = Counter(r["status"] for r in requests)
    out += ["", "requests by status: " + ", ".join(f"{s} {statuses[s]}" for s in STATUSES)]
    types = Counter(m["type"] for m in meetings)
    out.append("meetings by type: " + ", ".join(f"{t} {types[t]}" for t in DEFAULT_FOCUS))
    overrides = sum(m["focus"] != DEFAULT_FOCUS[m["type"]] for m in meetings)
    private = sum(m["private"] for m in meetings)
    out.append(
        f"focus overrides {overrides}; private meetings {private} "
        f"({private / len(meetings):.1%}); private requests {sum(r['private'] for r in requests)}"
    )
    quarters = [(y, q) for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)]
    quarters = [(y, q) for y, q in quarters if (2024, 4) <= (y, q) <= (2026, 4)]
    out += ["", "strategic / (reactive + strategic) per quarter (meetings and requests):"]
    out.append(f"{'':<22}" + "".join(f"{y % 100}Q{q:<4}" for y, q in quarters) + "target")
    for p in journal["partners"]:
        cells = []
        for y, q in quarters:
            share = balance(journal, p["id"], *quarter_range(y, q)).share
            cells.append(f"{'—' if share is None else f'{share:.2f}':<7}")
        out.append(f"{p['name']:<22}" + "".join(cells) + f"{p['target_strategic_share']}")
    out += ["", "average satisfaction per half-year:"]
    halves = [f"{y}H{h}" for y in (2024, 2025, 2026) for h in (1, 2)][1:]
    out.append(f"{'':<22}" + "".join(f"{half:<8}" for half in halves))
    for p in journal["partners"]:
        moods: dict[str, list[int]] = defaultdict(list)
        for m in meetings:
            if m["partner"] == p["id"] and m["satisfaction"] is not None:
                half = f"{m['start'][:4]}H{1 if m['start'][5:7] <= '06' else 2}"
                moods[half].append(m["satisfaction"])
        cells = [f"{sum(v) / len(v):.1f}" if (v := moods.get(h)) else "—" for h in halves]
        out.append(f"{p['name']:<22}" + "".join(f"{cell:<8}" for cell in cells))
    out += ["", f"dashboard on {END}:"]
    for p in journal["partners"]:
        if p["archived"]:
            continue
        late, days = overdue(journal, p)
        shares = [balance(journal, p["id"], *month_range(m)).share for m in ("2026-09", "2026-10")]
        shown = ", ".join("—" if s is None else f"{s:.2f}" for s in shares)
        out.append(
            f"  {p['name']:<20} Sep/Oct share {shown} (target {p['target_strategic_share']}); "
            f"{days} days since strategic (cadence {p['touch_cadence_days']})"
            + ("; OVERDUE" if late else "")
            + ("; DRIFTING" if drifting(journal, p) else "")
        )
    actions = open_actions(journal)
    today = END.isoformat()
    late_mine = sum(a["side"] == "mine" and a["due"] < today for _, a in actions)
    late_theirs = sum(a["side"] != "mine" and a["due"] < today for _, a in actions)
    out.append(
        f"  open actions: {len(actions)} ({late_mine} mine overdue, {late_theirs} theirs overdue, "
        f"{sum(a['due'] > today for _, a in actions)} not yet due)"
    )
    due = reviews_due(journal)
    out.append(f"  benefits reviews due: {len(due)}")
    out += [f"    {r['id']} {names[r['partner']]}: {r['title']} ({r['delivered_on']})" for r in due]
    return "\n".join(out)


# --- Putting it together --------------------------------------------------------------------


def build_journal() -> JsonDict:
    rng = random.Random(SEED)
    composer = Composer(rng)
    drafts = schedule_all(rng)
    request_drafts = plan_requests(drafts, rng)
    assign_beats(drafts)
    writer = NoteWriter(composer, rng)
    titles: set[tuple[str, str]] = set()
    meetings = [build_meeting(d, writer, titles, composer, rng) for d in drafts]
    ids = {d.seed.key: d.id for d in request_drafts}
    request_titles = {d.seed.key: d.seed.title for d in request_drafts}
    requests = [build_request(d, ids, request_titles, composer) for d in request_drafts]
    contacts = [contact for spec in PARTNERS for contact in build_contacts(spec)]
    return {
        "format": "brm-desk-journal",
        "version": 1,
        "exported_at": EXPORTED_AT,
        "partners": [build_partner(spec) for spec in PARTNERS],
        "contacts": contacts,
        "meetings": meetings,
        "requests": requests,
    }


def main(argv: Sequence[str]) -> int:
    journal = build_journal()
    validate(journal)
    check_story(journal)
    text = json.dumps(journal, indent=2, ensure_ascii=False) + "\n"
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        print("up to date" if current == text else f"{OUTPUT} is out of date")
        return 0 if current == text else 1
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode('utf-8')):,} bytes)\n")
    print(summary(journal))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
