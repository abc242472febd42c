"""How counts, lists and dates are said in words: "13 days", "a, b and c", "30 Nov 2026"."""

from __future__ import annotations

from datetime import date


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 day", "2 days", "1,000 days"; ``nouns`` when the plural is not the noun and an s."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def listing(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" ("" for none)."""
    return " and ".join(item for item in (", ".join(items[:-1]), *items[-1:]) if item)


def day(value: date | None) -> str:
    """ "30 Nov 2026" ("—" for none)."""
    return f"{value.day} {value:%b %Y}" if value else "—"
