"""Calendar sources: the feeds and CalDAV calendars a journal follows, and the address rule.

A source is an ICS feed (``https://…``, or ``webcal://…``, which is the same feed over HTTPS)
or, with a user name, a CalDAV calendar. Plain ``http://`` is taken only on this computer
(a test server, a local Radicale): elsewhere it would send the calendar's secret address and
the password in clear. An address never carries a user name or password: the user name is
given apart, the password goes to the system keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from brm_desk.domain.errors import ValidationError

FEED = "feed"
CALDAV = "caldav"
MAX_URL = 2000
MAX_USER = 200
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """A source as the journal keeps it; ``problem`` says why its last refresh failed."""

    id: int
    kind: str
    url: str
    user_name: str = ""
    partner_id: str | None = None
    partner_name: str | None = None
    synced_at: str | None = None
    problem: str = ""

    @property
    def label(self) -> str:
        """How a message names the source: its number and address."""
        return f"calendar {self.id} ({self.url})"

    @property
    def short_label(self) -> str:
        """How a list names the source: its number and server ("2 · outlook.office365.com")."""
        return f"{self.id} · {urlsplit(self.url).hostname or self.url}"


def source_address(text: str, user_name: str = "") -> tuple[str, str, str]:
    """``(kind, url, user_name)`` for what a BRM typed, or a ValidationError saying why not."""
    url = text.strip()
    user = user_name.strip()
    if not url:
        raise ValidationError("url", "give the calendar's address (https://… or webcal://…)")
    if len(url) > MAX_URL or any(ord(c) <= 32 or 127 <= ord(c) < 160 for c in url):
        raise ValidationError("url", "is not a web address (it is too long or has spaces)")
    if len(user) > MAX_USER or any(ord(c) < 32 or ord(c) == 127 for c in user):
        raise ValidationError("user", "is not a user name (too long, or control characters)")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it checks the port
    except ValueError as error:
        raise ValidationError("url", f"is not a web address ({error})") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme not in ("https", "webcal", "http"):
        raise ValidationError("url", "must start with https:// or webcal://")
    if not host:
        raise ValidationError("url", "names no server")
    if parts.username is not None or parts.password is not None:
        raise ValidationError(
            "url",
            "holds a user name or password; give the user name with --user "
            "(the password is asked for and kept in the system keyring)",
        )
    if scheme == "http" and host not in LOOPBACK:
        raise ValidationError(
            "url", "must use https:// (http:// would send the calendar unencrypted)"
        )
    if scheme == "webcal" and user:
        raise ValidationError("user", "a webcal:// address is a feed; it takes no user name")
    scheme = "https" if scheme == "webcal" else scheme
    normal = urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))
    return (CALDAV if user else FEED), normal, user
