"""Write a synthetic journal in the SPEC §6 JSON format, the same for the same size and seed.

Usage: ``python benchmarks/generate.py [--sizes 10000 100000] [--seed N]``; the files land in
``benchmarks/out/journal-<N>.json``. Notes are drawn from ``words.txt`` with Zipf-like weights,
so a search meets common, middling and rare words as it would in a real journal.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "out"
WORDS_FILE = HERE / "words.txt"

SEED = 20261124
SIZES = (10_000, 100_000)
PERIOD_FROM = date(2016, 1, 1)
PERIOD_TO = date(2025, 12, 31)
EXPORTED_AT = "2026-01-05T10:00:00+00:00"

PARTNER_COUNT = 40
ARCHIVED_PARTNERS = 2
CONTACTS_PER_PARTNER = 5
MEETINGS_PER_REQUEST = 5
NOTE_WORDS = (110, 190)
ZIPF_SHIFT = 2.7  # Zipf-Mandelbrot: weight 1 / (rank + shift) up to the knee,
ZIPF_KNEE = 500  # then falling with the square of the rank, as real corpora do in their tail

PARTNER_NAMES = (
    "Finance", "Human Resources", "Procurement", "Legal", "Marketing", "Sales", "Retail Banking",
    "Corporate Banking", "Wealth Management", "Insurance Operations", "Claims", "Underwriting",
    "Risk Management", "Compliance", "Internal Audit", "Treasury", "Tax", "Investor Relations",
    "Corporate Communications", "Facilities", "Real Estate", "Supply Chain", "Logistics",
    "Manufacturing", "Quality Assurance", "Research and Development", "Product Management",
    "Customer Service", "Field Service", "E-commerce", "Digital Channels", "Data Office",
    "Strategy Office", "Executive Office", "Health and Safety", "Sustainability",
    "Learning and Development", "Payroll", "Pricing", "Partnerships",
)  # fmt: skip
FIRST_NAMES = (
    "Ada", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kiran",
    "Lena", "Marco", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tara", "Umar",
    "Vera", "Willem", "Ximena", "Yusuf", "Zoe", "Anouk", "Björn", "Céline", "Dmitri",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ivanova",
    "Jensen", "Kowalski", "Larsen", "Meyer", "Novak", "O'Brien", "Petrov", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Ulrich", "Visser", "Weber", "Yilmaz", "Zimmermann",
)  # fmt: skip
ROLES = (
    "Head of operations", "Chief financial officer", "Programme manager", "Product owner",
    "Business analyst", "Team lead", "Director", "Executive assistant", "Process owner",
)  # fmt: skip
MATURITIES = ("ad_hoc", "order_taker", "service_provider", "trusted_advisor", "strategic_partner")
MEETING_TYPES = {
    "escalation": ("reactive", 10),
    "incident_review": ("reactive", 8),
    "service_review": ("reactive", 10),
    "status_checkin": ("routine", 15),
    "one_to_one": ("routine", 12),
    "other": ("routine", 4),
    "planning": ("strategic", 8),
    "roadmap": ("strategic", 6),
    "business_case": ("strategic", 5),
    "value_review": ("strategic", 5),
    "innovation": ("strategic", 4),
}
FOCUSES = ("reactive", "routine", "strategic")
DURATIONS = ((15, 5), (30, 35), (45, 15), (60, 30), (90, 10), (120, 5))
LOCATIONS = ("Teams", "Zoom", "Room 4.12", "Head office", "Partner office", "Canteen", "")
TAGS = ("budget", "outage", "roadmap", "renewal", "audit", "hiring", "cloud", "security", "q4")
ROUTED_TO = ("Service desk", "Network team", "Data platform team", "Vendor management", "PMO")
STATUSES = (
    ("new", 15),
    ("deferred", 8),
    ("redirected", 20),
    ("reframed", 7),
    ("declined", 10),
    ("accepted", 15),
    ("delivered", 15),
    ("benefits_reviewed", 10),
)
SIDES = ("mine", "partner", "provider")


def load_vocabulary(path: Path = WORDS_FILE) -> list[str]:
    """The words of ``words.txt`` in rank order, first spelling only."""
    lines = path.read_text(encoding="utf-8").splitlines()
    words = (word for line in lines if not line.startswith("#") for word in line.split())
    return list(dict.fromkeys(words))


def zipf_weight(rank: int) -> float:
    """Two-regime Zipf: exponent 1 for the core vocabulary, 2 for the tail past the knee."""
    if rank <= ZIPF_KNEE:
        return 1 / (rank + ZIPF_SHIFT)
    knee = ZIPF_KNEE + ZIPF_SHIFT
    return (knee / (rank + ZIPF_SHIFT)) ** 2 / knee


def zipf_cum_weights(count: int) -> list[float]:
    """Cumulative weights for ranks 1..count (what ``random.choices`` takes)."""
    return list(itertools.accumulate(zipf_weight(k) for k in range(1, count + 1)))


def journal_path(size: int, out_dir: Path = OUT_DIR) -> Path:
    return out_dir / f"journal-{size}.json"


class Prose:
    """Random text in the journal's vocabulary: sentences, bullets, titles."""

    def __init__(self, rng: random.Random, words: Sequence[str]) -> None:
        self._rng = rng
        self._words = list(words)
        self._cum = zipf_cum_weights(len(self._words))
        # Titles use the business middle of the vocabulary, not "the" or "of".
        self._title_words = self._words[150:1500]

    def words(self, count: int) -> list[str]:
        return self._rng.choices(self._words, cum_weights=self._cum, k=count)

    def sentence(self, count: int) -> str:
        text = " ".join(self.words(count))
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, count: int) -> str:
        sentences = []
        while count > 0:
            length = min(count, self._rng.randint(6, 16))
            sentences.append(self.sentence(length))
            count -= length
        return " ".join(sentences)

    def notes(self, count: int) -> str:
        """Markdown notes of about ``count`` words: a paragraph, bullets, a closing paragraph."""
        bullets = self._rng.randint(2, 4)
        bullet_words = [self._rng.randint(5, 10) for _ in range(bullets)]
        rest = max(count - sum(bullet_words), 10)
        first = rest * 2 // 3
        lines = [self.paragraph(first), ""]
        lines += [f"- {self.sentence(n)}" for n in bullet_words]
        lines += ["", self.paragraph(rest - first)]
        return "\n".join(lines)

    def title(self, prefix: str) -> str:
        picked = self._rng.sample(self._title_words, 2)
        return f"{prefix}: {picked[0]} {picked[1]}"


def _offset(day: date, rng: random.Random) -> timezone:
    """Mostly Central European time (summer or winter), sometimes London or New York."""
    roll = rng.random()
    if roll < 0.08:
        return timezone(timedelta(hours=-5 if day.month in (1, 2, 3, 11, 12) else -4))
    if roll < 0.15:
        return timezone(timedelta(hours=1 if 4 <= day.month <= 10 else 0))
    return timezone(timedelta(hours=2 if 4 <= day.month <= 10 else 1))


def _workday(rng: random.Random) -> date:
    day = PERIOD_FROM + timedelta(days=rng.randrange((PERIOD_TO - PERIOD_FROM).days + 1))
    if day.weekday() == 5:
        day -= timedelta(days=1)
    elif day.weekday() == 6:
        day += timedelta(days=1) if day < PERIOD_TO else -timedelta(days=2)
    return day


def _partners(rng: random.Random) -> list[dict[str, Any]]:
    partners = []
    for index, name in enumerate(PARTNER_NAMES[:PARTNER_COUNT]):
        steps = rng.randint(1, 4)
        since = sorted(_workday(rng) for _ in range(steps))
        history = [
            {"maturity": MATURITIES[i], "since": day.isoformat()} for i, day in enumerate(since)
        ]
        partners.append(
            {
                "id": f"p{index + 1:03d}",
                "name": name,
                "business_unit": f"{name} division",
                "sponsor": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "maturity": MATURITIES[steps - 1],
                "maturity_history": history,
                "target_strategic_share": rng.choice((0.4, 0.5, 0.6, 0.6, 0.7)),
                "touch_cadence_days": rng.choice((14, 30, 30, 45, 60)),
                "notes": "",
                "archived": index >= PARTNER_COUNT - ARCHIVED_PARTNERS,
            }
        )
    return partners


def _contacts(rng: random.Random, partners: list[dict[str, Any]]) -> list[dict[str, Any]]:
    contacts: list[dict[str, Any]] = []
    for partner in partners:
        domain = partner["name"].lower().replace(" ", "-").replace("-and-", "-") + ".example.com"
        for _ in range(CONTACTS_PER_PARTNER):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            contacts.append(
                {
                    "id": f"c{len(contacts) + 1:05d}",
                    "partner": partner["id"],
                    "name": f"{first} {last}",
                    "role": rng.choice(ROLES),
                    "email": f"{first}.{last}@{domain}".lower().replace("'", ""),
                    "phone": f"+44 20 7946 {rng.randrange(10_000):04d}",
                    "influence": rng.choice(("low", "medium", "medium", "high")),
                    "stance": rng.choice(
                        ("champion", "supporter", "neutral", "skeptic", "blocker")
                    ),
                    "notes": "",
                }
            )
    return contacts


def _meetings(
    rng: random.Random,
    prose: Prose,
    size: int,
    partners: list[dict[str, Any]],
    contacts_by_partner: dict[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    partner_weights = [1 / (i + 3) ** 0.8 for i in range(len(partners))]
    owners = [p["id"] for p in rng.choices(partners, weights=partner_weights, k=size)]
    days = sorted(_workday(rng) for _ in range(size))
    types = list(MEETING_TYPES)
    type_weights = [weight for _, weight in MEETING_TYPES.values()]
    duration_values = [minutes for minutes, _ in DURATIONS]
    duration_weights = [weight for _, weight in DURATIONS]
    meetings = []
    for number, (day, partner_id) in enumerate(zip(days, owners, strict=True), start=1):
        kind = rng.choices(types, weights=type_weights)[0]
        focus = MEETING_TYPES[kind][0] if rng.random() > 0.1 else rng.choice(FOCUSES)
        start = datetime(
            day.year, day.month, day.day, rng.randint(8, 17), rng.choice((0, 30)),
            tzinfo=_offset(day, rng),
        )  # fmt: skip
        people = contacts_by_partner[partner_id]
        attendees = rng.sample(people, rng.randint(1, min(3, len(people))))
        actions = []
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            due = day + timedelta(days=rng.randint(3, 21))
            done = due + timedelta(days=rng.randint(-3, 10)) if rng.random() < 0.85 else None
            actions.append(
                {
                    "text": prose.sentence(rng.randint(4, 9)),
                    "side": rng.choice(SIDES),
                    "owner": rng.choice(attendees)["name"],
                    "due": due.isoformat(),
                    "done": done.isoformat() if done else None,
                }
            )
        meetings.append(
            {
                "id": f"m{number:06d}",
                "partner": partner_id,
                "title": prose.title(kind.replace("_", " ").capitalize()),
                "start": start.isoformat(),
                "duration_minutes": rng.choices(duration_values, weights=duration_weights)[0],
                "type": kind,
                "focus": focus,
                "location": rng.choice(LOCATIONS),
                "attendees": [c["id"] for c in attendees],
                "notes": prose.notes(rng.randint(*NOTE_WORDS)),
                "private": rng.random() < 0.03,
                "tags": rng.sample(TAGS, rng.choice((0, 0, 1, 2))),
                "satisfaction": rng.choice((None, None, 2, 3, 3, 4, 4, 4, 5, 1)),
                "actions": actions,
            }
        )
    return meetings


def _requests(
    rng: random.Random,
    prose: Prose,
    count: int,
    meetings_by_partner: dict[str, list[dict[str, Any]]],
    contacts_by_partner: dict[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
    partner_ids = [pid for pid, meetings in meetings_by_partner.items() if meetings]
    weights = [len(meetings_by_partner[pid]) for pid in partner_ids]
    statuses = [status for status, _ in STATUSES]
    status_weights = [weight for _, weight in STATUSES]
    earlier: dict[str, list[str]] = {pid: [] for pid in partner_ids}
    meeting_days = {
        pid: [m["start"][:10] for m in meetings] for pid, meetings in meetings_by_partner.items()
    }
    requests = []
    for number, received in enumerate(sorted(_workday(rng) for _ in range(count)), start=1):
        partner_id = rng.choices(partner_ids, weights=weights)[0]
        status = rng.choices(statuses, weights=status_weights)[0]
        if status == "reframed" and not earlier[partner_id]:
            status = "new"
        delivered = reviewed = None
        if status in ("delivered", "benefits_reviewed"):
            delivered = received + timedelta(days=rng.randint(20, 300))
        if status == "benefits_reviewed" and delivered is not None:
            reviewed = delivered + timedelta(days=rng.randint(90, 150))
        expected = rng.randrange(10, 500) * 1000 if delivered and rng.random() < 0.6 else None
        realized = rng.randrange(5, 600) * 1000 if reviewed and expected else None
        partner_meetings = meetings_by_partner[partner_id]
        near = bisect.bisect_left(meeting_days[partner_id], received.isoformat())
        linked = partner_meetings[near : near + rng.choice((0, 1, 1, 2))]
        request_id = f"r{number:06d}"
        requests.append(
            {
                "id": request_id,
                "partner": partner_id,
                "title": prose.title("Request"),
                "raised_by": rng.choice(contacts_by_partner[partner_id])["id"],
                "received": received.isoformat(),
                "focus": rng.choices(FOCUSES, weights=(5, 2, 3))[0],
                "want": prose.paragraph(rng.randint(15, 35)),
                "need": prose.paragraph(rng.randint(10, 25)) if rng.random() < 0.7 else "",
                "value": rng.randint(1, 5),
                "urgency": rng.randint(1, 5),
                "status": status,
                "routed_to": rng.choice(ROUTED_TO) if status == "redirected" else "",
                "delivered_on": delivered.isoformat() if delivered else None,
                "revisit_on": (received + timedelta(days=rng.randint(30, 120))).isoformat()
                if status == "deferred"
                else None,
                "reframed_as": rng.choice(earlier[partner_id]) if status == "reframed" else None,
                "outcome_note": prose.sentence(12) if status == "declined" else "",
                "expected_benefit": prose.sentence(10) if delivered else "",
                "expected_value_amount": expected,
                "realized_value_amount": realized,
                "benefit_reviewed_on": reviewed.isoformat() if reviewed else None,
                "meetings": [m["id"] for m in linked],
                "notes": prose.paragraph(rng.randint(10, 40)),
                "private": rng.random() < 0.03,
                "tags": rng.sample(TAGS, rng.choice((0, 1))),
            }
        )
        earlier[partner_id].append(request_id)
    return requests


def build_journal(size: int, seed: int = SEED) -> dict[str, Any]:
    """A whole journal of ``size`` meetings as the JSON format's dictionary."""
    rng = random.Random(f"{seed}-{size}")
    prose = Prose(rng, load_vocabulary())
    partners = _partners(rng)
    contacts = _contacts(rng, partners)
    contacts_by_partner: dict[str, list[dict[str, Any]]] = {p["id"]: [] for p in partners}
    for contact in contacts:
        contacts_by_partner[contact["partner"]].append(contact)
    meetings = _meetings(rng, prose, size, partners, contacts_by_partner)
    meetings_by_partner: dict[str, list[dict[str, Any]]] = {p["id"]: [] for p in partners}
    for meeting in meetings:
        meetings_by_partner[meeting["partner"]].append(meeting)
    requests = _requests(
        rng, prose, size // MEETINGS_PER_REQUEST, meetings_by_partner, contacts_by_partner
    )
    return {
        "format": "brm-desk-journal",
        "version": 1,
        "exported_at": EXPORTED_AT,
        "partners": partners,
        "contacts": contacts,
        "meetings": meetings,
        "requests": requests,
    }


def write_journal(size: int, seed: int = SEED, out_dir: Path = OUT_DIR) -> Path:
    """Build the journal of ``size`` meetings and write it (atomically) as JSON."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = journal_path(size, out_dir)
    partial = path.with_suffix(".json.partial")
    with partial.open("w", encoding="utf-8") as handle:
        json.dump(build_journal(size, seed), handle, ensure_ascii=False, separators=(",", ":"))
    partial.replace(path)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="N")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the JSON files")
    args = parser.parse_args(argv)
    for size in args.sizes:
        path = write_journal(size, args.seed, args.out)
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
