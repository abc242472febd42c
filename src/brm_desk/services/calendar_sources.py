"""Add, list and remove the calendar sources a journal follows; CalDAV passwords in the keyring.

The journal keeps a source's address, user name and default partner; the password of a CalDAV
calendar goes to the system keyring (``keyring``: the Secret Service, macOS Keychain, Windows
Credential Locker), under the source's address and user name, and nowhere else.
"""

from __future__ import annotations

import contextlib

from brm_desk.domain.calendar_sources import CALDAV, CalendarSource, source_address
from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.services.journal import Journal
from brm_desk.store import calendar_source_rows, inbox_rows

KEYRING_SERVICE = "BRM Desk calendar"


def add_source(
    journal: Journal, url: str, partner_name: str = "", user_name: str = "", password: str = ""
) -> CalendarSource:
    """Follow a feed, or a CalDAV calendar when a user name is given (then its password is
    kept in the keyring before the journal names the source)."""
    kind, address, user = source_address(url, user_name)
    partner_id = journal.partners.find(partner_name).id if partner_name else None
    with journal.database.transaction() as tx:
        for known in calendar_source_rows.listing(tx):
            if (known.url, known.user_name) == (address, user):
                raise ValidationError("url", f"calendar {known.id} already follows {address}")
        if kind == CALDAV:
            if not password:
                raise ValidationError("password", "a CalDAV calendar needs its password")
            _keyring_call("keep the password", "set_password", address, user, password)
        source_id = calendar_source_rows.add(tx, kind, address, user, partner_id)
        return calendar_source_rows.get(tx, source_id)


def sources(journal: Journal) -> list[CalendarSource]:
    """Every source the journal follows, in the order they were added."""
    with journal.database.snapshot() as tx:
        return calendar_source_rows.listing(tx)


def remove_source(journal: Journal, source_id: int) -> CalendarSource:
    """Stop following a source; its meetings stay, the events it brought to the inbox leave.
    Its password leaves the keyring."""
    with journal.database.transaction() as tx:
        source = calendar_source_rows.get(tx, source_id)
        calendar_source_rows.remove(tx, source_id)
        inbox_rows.forget_source(tx, source_id)
    if source.kind == CALDAV:
        with contextlib.suppress(BrmDeskError):  # already gone: nothing more to forget
            _keyring_call("forget the password", "delete_password", source.url, source.user_name)
    return source


def password_of(source: CalendarSource) -> str:
    """The keyring's password for a CalDAV source ('' for a feed)."""
    if source.kind != CALDAV:
        return ""
    password = _keyring_call("read the password", "get_password", source.url, source.user_name)
    if not password:
        raise BrmDeskError(
            f"{source.label}: the system keyring holds no password for '{source.user_name}'; "
            "remove the source and add it again"
        )
    return str(password)


def _keyring_call(what: str, name: str, url: str, *args: str) -> object:
    """``keyring.<name>(service, user…)``, the service naming the source's address; a missing
    or locked keyring is a clear error."""
    import keyring
    import keyring.errors

    try:
        return getattr(keyring, name)(f"{KEYRING_SERVICE} {url}", *args)
    except keyring.errors.KeyringError as error:
        raise BrmDeskError(f"cannot {what} in the system keyring ({error})") from None
