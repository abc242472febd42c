"""Read a calendar file (.ics) strictly enough that a broken one is named by its line.

icalendar forgives a lot (a line without a colon, an event never closed, a start given twice),
so the file's structure is checked here first, line by line, and icalendar's own findings (a
date it cannot read, a bad RRULE) are reported with the line of the property they came from
and the event they belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.files import unreadable
from brm_desk.services.interchange.ics_check import event_problem

MAX_BYTES = 100 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9-]+(?=[;:])")
_PARAMETER = re.compile(r';([A-Za-z0-9-]+)=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*')
_LINE_END = re.compile(r"\r\n|\n")  # as icalendar reads; not str.splitlines (U+2028 in a value)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 allows tabs, no other
_ONCE = {  # what a component may say only once (RFC 5545), of what icalendar or we read
    "VEVENT": {
        *("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "SEQUENCE"),
        *("SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "ORGANIZER"),
    },
    "VCALENDAR": {"X-WR-TIMEZONE", "CALSCALE"},
    "VTIMEZONE": {"TZID"},
    "STANDARD": {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"},
    "DAYLIGHT": {"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"},
}
_SHOWN = 60
_PARSER_ERRORS = (ValueError, TypeError, AttributeError, IndexError, KeyError)
"""What icalendar raises on a value it cannot read (outside events it does not collect them)."""


@dataclass
class ComponentLines:
    """Where a component and each of its properties start in the file (1-based lines)."""

    name: str
    line: int
    properties: dict[str, int] = field(default_factory=dict)
    uid: str = ""
    summary: str = ""
    twice: list[tuple[int, str]] = field(default_factory=list)
    """What is given twice, by line: a property said once, a parameter or a rule part."""

    @property
    def label(self) -> str:
        """How a message names the event: its title, else its UID."""
        if self.summary:
            return f"event {_show(self.summary)}"
        return f"event with UID {_show(self.uid)}" if self.uid else f"event at line {self.line}"


@dataclass
class CalendarFile:
    """A parsed calendar and the line map used to name the place of a problem."""

    path: Path | str
    """The file, or the address of a calendar source, as messages name it."""
    calendar: Any  # icalendar.Calendar (imported lazily)
    events: list[ComponentLines]
    """The VEVENTs' lines, in the order ``calendar.walk("VEVENT")`` gives the events."""

    def problem(self, event: ComponentLines, what: str, prop: str | None = None) -> ImportFileError:
        """An error naming the file, the line (of ``prop`` if given) and the event."""
        line = event.properties.get(prop, event.line) if prop else event.line
        return ImportFileError(f"{self.path}: line {line}: {what} ({event.label}).")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a clear message why they cannot be read."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(f"{path}: is too large to import (more than 100 MB).")
        return path.read_bytes()
    except OSError as error:
        raise unreadable(path, error, ImportFileError) from None


def decode_calendar_text(path: Path | str, raw: bytes) -> str:
    """Calendar text is UTF-8 (RFC 5545); older Outlook versions may write Windows-1252."""
    if b"\x00" in raw[:65536]:
        raise ImportFileError(
            f"{path}: is not a calendar file (it holds binary data); export the calendar "
            "as .ics from Outlook or Google Calendar."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"{path}: is not a text file (byte {error.start + 1} cannot be read)."
            ) from None


def content_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded content lines, each with the file line it starts on (RFC 5545 §3.1)."""
    unfolded: list[tuple[int, str]] = []
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if line[:1] in (" ", "\t") and unfolded:
            first, so_far = unfolded[-1]
            unfolded[-1] = (first, so_far + line[1:])
        elif line.strip():
            unfolded.append((number, line))
    return unfolded


def check_structure(path: Path | str, lines: list[tuple[int, str]]) -> list[ComponentLines]:
    """Every line is ``NAME[;params]:value``, every BEGIN has its END, nothing is said twice."""
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        where = lines[0][0] if lines else 1
        raise ImportFileError(
            f"{path}: is not a calendar file (line {where} should be BEGIN:VCALENDAR)."
        )
    open_components: list[ComponentLines] = []
    found: list[ComponentLines] = []
    for number, line in lines:
        if _CONTROL.search(line):
            raise ImportFileError(
                f"{path}: line {number} holds a control character, which calendar files "
                "cannot contain; the file is damaged."
            )
        match = _NAME.match(line)
        if match is None or ":" not in line:
            raise ImportFileError(
                f"{path}: line {number} is not a calendar line: {_show(line)} "
                "(expected NAME:value)."
            )
        name = match.group(0).upper()
        end, parameters = _parameters(line, match.end())
        value = line[end + 1 :] if line[end : end + 1] == ":" else line.split(":", 1)[1]
        value = value.strip()
        parts = [part.split("=")[0].upper() for part in value.split(";")] if name == "RRULE" else []
        twice = [f"the parameter {p}" for p in _repeated(parameters)]
        twice += [f"the rule part {part}" for part in _repeated(parts)]
        if twice and open_components:
            open_components[-1].twice += [(number, f"{what} is given twice") for what in twice]
        if name == "BEGIN":
            component = ComponentLines(value.upper(), number)
            open_components.append(component)
            found.append(component)
        elif name == "END":
            if not open_components or open_components[-1].name != value.upper():
                expected = f"END:{open_components[-1].name}" if open_components else "nothing more"
                raise ImportFileError(
                    f"{path}: line {number}: END:{value} does not close what is open "
                    f"(expected {expected})."
                )
            _check_said_once(path, open_components.pop())
        elif not open_components:
            raise ImportFileError(
                f"{path}: line {number}: {name} comes after END:VCALENDAR, outside the calendar."
            )
        else:
            component = open_components[-1]
            first = component.properties.setdefault(name, number)
            if first != number and name in _ONCE.get(component.name, ()):
                holder = "an event" if component.name == "VEVENT" else component.name
                said = f"{name} is given twice (first at line {first}); {holder} has one"
                component.twice.append((number, said))
            if name == "UID":
                component.uid = value
            elif name == "SUMMARY":
                component.summary = re.sub(r"\\(.)", r"\1", value)
    if open_components:
        last = lines[-1][0]
        unclosed = open_components[-1]
        raise ImportFileError(
            f"{path}: line {last}: the file ends before END:{unclosed.name} "
            f"(BEGIN:{unclosed.name} at line {unclosed.line}); the file is cut short."
        )
    return found


def _parameters(line: str, at: int) -> tuple[int, list[str]]:
    """Where a line's parameters end, and their names."""
    names: list[str] = []
    while (parameter := _PARAMETER.match(line, at)) is not None:
        names.append(parameter.group(1).upper())
        at = parameter.end()
    return at, names


def _repeated(names: list[str]) -> list[str]:
    """Names given twice (``DTSTART;TZID=A;TZID=B:…``: icalendar would quietly take B)."""
    return sorted({name for name in names if names.count(name) > 1})


def _check_said_once(path: Path | str, component: ComponentLines) -> None:
    """Refuse what was said twice, once the component's end tells the event's title."""
    where = f" ({component.label})" if component.name == "VEVENT" else ""
    for number, said in component.twice:
        raise ImportFileError(f"{path}: line {number}: {said}{where}.")


def read_calendar(path: Path) -> CalendarFile:
    """Parse a calendar file, refusing anything broken with its line number and event."""
    return parse_calendar(path, decode_calendar_text(path, read_bytes(path)))


def parse_calendar(path: Path | str, text: str) -> CalendarFile:
    """Parse calendar text (a file's, or a calendar source's named by its address)."""
    import icalendar

    content = content_lines(text)
    components = check_structure(path, content)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except _PARSER_ERRORS as error:
        raise ImportFileError(f"{path}: {_failing_line(content)}{error}.") from None
    if len(calendars) != 1:
        raise ImportFileError(f"{path}: holds {len(calendars)} calendars; export one at a time.")
    calendar = calendars[0]
    source = CalendarFile(path, calendar, [c for c in components if c.name == "VEVENT"])
    for parsed, lines in zip(calendar.walk(), components, strict=False):
        is_event = parsed.name == "VEVENT"
        for prop, message in parsed.errors:
            line = lines.properties.get(str(prop).upper(), lines.line) if prop else lines.line
            what = f"{prop}: " if prop else ""
            where = f" ({lines.label})" if is_event else ""
            raise ImportFileError(f"{path}: line {line}: {what}{message}{where}.")
        if is_event and "DTSTART" not in parsed:
            raise source.problem(lines, "the event has no start (DTSTART is missing)")
        problem = event_problem(parsed) if is_event else None
        if problem:
            prop, message = problem
            raise source.problem(lines, f"{prop}: {message}", prop)
    return source


def _failing_line(lines: list[tuple[int, str]]) -> str:
    """Which line icalendar refused (outside events it stops at the first bad value
    without saying where): each is read alone until one fails."""
    import icalendar

    for number, line in lines:
        if not line.upper().startswith(("BEGIN:", "END:")):
            try:
                icalendar.Component.from_ical(f"BEGIN:X\r\n{line}\r\nEND:X\r\n")
            except _PARSER_ERRORS:
                return f"line {number}: {line.split(':')[0].split(';')[0].upper()}: "
    return "is not a valid calendar: "


def _show(line: str) -> str:
    return repr(line if len(line) <= _SHOWN else line[:_SHOWN] + "…")
