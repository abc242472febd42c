"""A journal's own settings: choices that belong to the journal file, not to one machine."""

from __future__ import annotations

import locale

from brm_desk.domain.rules import line_text
from brm_desk.store import setting_rows
from brm_desk.store.database import Database

CURRENCY = "currency"
FALLBACK_CURRENCY = "EUR"
"""When the locale names no currency (the C locale of a script or a server)."""


def locale_currency() -> str:
    """The currency of the user's locale: its ISO code, else its symbol, else EUR."""
    conventions = locale.localeconv()
    code = str(conventions["int_curr_symbol"]).strip()
    return code or str(conventions["currency_symbol"]).strip() or FALLBACK_CURRENCY


class Settings:
    """The settings of a journal."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def currency(self) -> str:
        """The currency the journal's amounts are in: as set, else the locale's."""
        with self._db.snapshot() as tx:
            return setting_rows.get(tx, CURRENCY) or locale_currency()

    def set_currency(self, currency: str) -> str:
        """Keep ``currency`` (a code or a symbol, e.g. "CHF" or "€") for the journal."""
        currency = line_text(CURRENCY, currency, limit=12, required=True)
        with self._db.transaction() as tx:
            setting_rows.put(tx, CURRENCY, currency)
        return currency
