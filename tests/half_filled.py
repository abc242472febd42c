"""The app's own agenda templates, half filled in as a BRM leaves them after a meeting."""

from __future__ import annotations

from dataclasses import dataclass

from brm_desk.domain.enums import MeetingType
from brm_desk.resource_files import resource

PROMPT_MARKS = ("- [ ]", "-", "1.", "2.", "3.")


@dataclass(frozen=True)
class HalfFilled:
    """A template's notes with some prompts answered: the words written, the prompts left."""

    notes: str
    words: list[str]
    unfilled: list[str]


def template(kind: MeetingType) -> str:
    return resource("agenda", f"{kind.value}.md").read_text(encoding="utf-8")


def half_filled(kind: MeetingType, fill: list[bool] | None = None) -> HalfFilled:
    """Answer every other prompt of the type's template (or those ``fill`` says) with a word
    of its own; a bare ``-`` or ``- [ ]`` answered gets a line of its own words."""
    lines: list[str] = []
    words: list[str] = []
    unfilled: list[str] = []
    prompts = 0
    for line in template(kind).splitlines():
        if line.startswith("#") or not line.strip():
            lines.append(line)
            continue
        answer = fill[prompts % len(fill)] if fill else prompts % 2 == 1
        prompts += 1
        mark = next((m for m in PROMPT_MARKS if line.startswith(m)), "")
        prompt = line.removeprefix(mark).strip()
        if answer:
            word = f"{kind.value.replace('_', '')}answer{prompts}"
            words.append(word)
            lines.append(f"{line.rstrip()} {word}")
        elif prompt:
            unfilled.append(prompt.replace("**", ""))
            lines.append(line)
        else:
            lines.append(line)
    return HalfFilled("\n".join(lines) + "\n", words, unfilled)
