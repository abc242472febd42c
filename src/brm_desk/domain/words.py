"""Counts in words, said the same way everywhere: "1 meeting", "1,204 meetings"."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, with an "s" unless there is exactly one."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
