"""How counts and dates are said in words: "1 day", "13 days", "30 Nov 2026"."""

from __future__ import annotations

from datetime import date


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 day", "2 days", "1,000 days"; ``nouns`` when the plural is not the noun and an s."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def day(value: date | None) -> str:
    """ "30 Nov 2026" ("—" for none)."""
    return f"{value.day} {value:%b %Y}" if value else "—"
