"""Fetch a calendar source's text, or learn at the cost of one small request that it is unchanged.

A feed is asked with the ETag (``If-None-Match``) and Last-Modified (``If-Modified-Since``)
it last gave: "304 Not Modified" means nothing to read. A CalDAV calendar is asked for its
sync-token (RFC 6578), else its ctag: the same value as last time means nothing changed;
otherwise all its events are read, as one calendar text for the one parser (ics_read). Every
failure is a :class:`SourceProblem` saying what went wrong in a BRM's words.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, cast

from brm_desk.domain.calendar_sources import CALDAV, CalendarSource
from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.interchange.ics_read import MAX_BYTES, decode_calendar_text

TIMEOUT_S = 30
_CTAG = "{http://calendarserver.org/ns/}getctag"


class SourceProblem(BrmDeskError):
    """A calendar source could not be read now (offline, refused, broken); nothing changed."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A source's calendar text (None: unchanged since ``version``) and its new validators."""

    text: str | None
    version: str
    modified: str = ""


def fetch(source: CalendarSource, version: str, modified: str, password: str) -> Fetched:
    """The source's calendar, unless the server says it is unchanged since the validators."""
    if source.kind == CALDAV:
        return _caldav(source, version, password)
    return _feed(source.url, version, modified)


def _feed(url: str, etag: str, modified: str) -> Fetched:
    headers = {"User-Agent": "BRM Desk", "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            raw = response.read(MAX_BYTES + 1)
            found = (response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(None, etag, modified)
        raise SourceProblem(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = getattr(error.reason, "strerror", None) or error.reason  # without "[Errno 111]"
        raise SourceProblem(f"cannot reach the server ({reason})") from None
    except (OSError, ValueError) as error:  # a timeout, a connection cut, a bad header
        raise SourceProblem(f"the server could not be read ({error})") from None
    if len(raw) > MAX_BYTES:
        raise SourceProblem("the calendar is too large (more than 100 MB)")
    return Fetched(decode_calendar_text(url, raw), *found)


def _caldav(source: CalendarSource, version: str, password: str) -> Fetched:
    from caldav.collection import Calendar
    from caldav.davclient import DAVClient
    from caldav.elements import dav
    from caldav.elements.base import ValuedBaseElement
    from caldav.lib import error as dav_error

    class CTag(ValuedBaseElement):
        """The calendar's ctag (a CalendarServer extension most servers give)."""

        tag = _CTAG

    try:
        client = DAVClient(
            url=source.url, username=source.user_name, password=password, timeout=TIMEOUT_S
        )
        calendar = Calendar(client=client, url=source.url)
        # A sync client answers at once; caldav's types also cover its async twin.
        found = cast(dict[str, Any], calendar.get_properties([dav.SyncToken(), CTag()]))
        now = str(found.get(dav.SyncToken.tag) or found.get(_CTAG) or "")
        if now and now == version:
            return Fetched(None, version)
        resources = [event.data for event in cast(list[Any], calendar.get_events())]
    except dav_error.AuthorizationError:
        raise SourceProblem(
            f"the server refused the user name '{source.user_name}' or its password"
        ) from None
    except dav_error.NotFoundError:
        raise SourceProblem("the server has no calendar at this address") from None
    except (dav_error.DAVError, OSError, ValueError) as error:
        raise SourceProblem(f"the calendar could not be read ({_first_line(error)})") from None
    return Fetched(one_calendar(resources), now)


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def one_calendar(resources: list[str]) -> str:
    """A CalDAV calendar's events (one resource each) as one calendar text, each time zone
    once, so the same parser and bounds read it as they read a file."""
    import icalendar

    merged = icalendar.Calendar()
    merged.add("PRODID", "-//BRM Desk//calendar sync//EN")
    merged.add("VERSION", "2.0")
    zones: set[str] = set()
    for text in resources:
        try:
            calendar = icalendar.Calendar.from_ical(text)
        except ValueError as error:
            raise SourceProblem(
                f"the server sent an event that is not iCalendar ({error})"
            ) from None
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE":
                zone = str(component.get("TZID", ""))
                if zone in zones:
                    continue
                zones.add(zone)
            merged.add_component(component)
    return str(merged.to_ical().decode("utf-8"))
