"""The address rule of calendar sources, on typical and on any text."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.calendar_sources import CALDAV, FEED, source_address
from brm_desk.domain.errors import ValidationError

HTTPS = "https://"


@pytest.mark.parametrize(
    ("typed", "user", "expected"),
    [
        ("webcal://p.example.com/cal.ics", "", (FEED, HTTPS + "p.example.com/cal.ics", "")),
        (" https://Cal.Google.com/x/b.ics ", "", (FEED, HTTPS + "cal.google.com/x/b.ics", "")),
        ("https://dav.example.com/u/c/", " ana ", (CALDAV, HTTPS + "dav.example.com/u/c/", "ana")),
        ("http://127.0.0.1:5232/ana/w/", "ana", (CALDAV, "http://127.0.0.1:5232/ana/w/", "ana")),
        ("http://localhost:8000/feed.ics", "", (FEED, "http://localhost:8000/feed.ics", "")),
    ],
)  # fmt: skip
def test_a_feed_or_a_caldav_calendar_is_told_by_the_user_name(
    typed: str, user: str, expected: tuple[str, str, str]
) -> None:
    assert source_address(typed, user) == expected


@pytest.mark.parametrize(
    ("typed", "user", "field", "words"),
    [
        ("", "", "url", "give the calendar's address"),
        ("ftp://example.com/cal.ics", "", "url", "https://"),
        ("http://example.com/cal.ics", "", "url", "unencrypted"),
        ("https://ana:secret@dav.example.com/", "", "url", "keyring"),
        ("https://ana@dav.example.com/", "", "url", "--user"),
        ("https:///cal.ics", "", "url", "names no server"),
        ("https://example.com:99999/", "", "url", "not a web address"),
        ("https://example.com/my cal.ics", "", "url", "spaces"),
        ("webcal://example.com/cal.ics", "ana", "user", "takes no user name"),
        ("https://example.com/", "an\x00a", "user", "control"),
    ],
)
def test_an_address_that_cannot_be_followed_is_refused_by_name(
    typed: str, user: str, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        source_address(typed, user)
    assert raised.value.field == field
    assert words in raised.value.reason


def _read(typed: str, user: str) -> tuple[str, str, str] | str:
    """The address, or the field its refusal names."""
    try:
        return source_address(typed, user)
    except ValidationError as error:
        return error.field


@given(st.text(max_size=80), st.text(max_size=20))
def test_any_text_is_an_address_or_a_clear_refusal(typed: str, user: str) -> None:
    """Never another exception; what is accepted is encrypted (or local), holds no secret,
    and reads the same when given again."""
    found = _read(typed, user)
    if isinstance(found, str):
        assert found in ("url", "user")
        return
    kind, url, user_name = found
    parts = urlsplit(url)
    assert parts.scheme == "https" or parts.hostname in ("127.0.0.1", "::1", "localhost")
    assert parts.username is None
    assert parts.password is None
    assert kind == (CALDAV if user_name else FEED)
    assert source_address(url, user_name) == (kind, url, user_name)


@given(
    st.sampled_from(["https", "webcal", "HTTPS", "WebCal"]),
    st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z]{2,6}){1,2}", fullmatch=True),
    st.from_regex(r"(/[A-Za-z0-9._~%-]{1,12}){0,4}", fullmatch=True),
)
def test_any_well_formed_feed_address_is_followed_over_https(
    scheme: str, host: str, path: str
) -> None:
    kind, url, _user = source_address(f"{scheme}://{host}{path}")
    assert kind == FEED
    assert url == f"https://{host}{path or '/'}"
