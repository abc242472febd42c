"""A journal's settings: its currency, from the locale until the BRM sets one."""

from __future__ import annotations

import locale

import pytest

from brm_desk.domain.errors import ValidationError
from brm_desk.services.journal import Journal
from brm_desk.services.settings import FALLBACK_CURRENCY, locale_currency


def test_the_currency_is_the_locales_until_set(journal: Journal) -> None:
    assert journal.settings.currency() == locale_currency()
    assert journal.settings.set_currency("  CHF ") == "CHF"
    assert journal.settings.currency() == "CHF"
    journal.settings.set_currency("€")
    assert journal.settings.currency() == "€"


def test_the_c_locale_names_no_currency_so_the_fallback_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    conventions = {**locale.localeconv(), "int_curr_symbol": "", "currency_symbol": ""}
    monkeypatch.setattr(locale, "localeconv", lambda: conventions)
    assert locale_currency() == FALLBACK_CURRENCY
    conventions.update(int_curr_symbol="SEK ", currency_symbol="kr")
    assert locale_currency() == "SEK"


@pytest.mark.parametrize("bad", ["", "   ", "EUR\nUSD", "x" * 13])
def test_a_currency_is_one_short_line(journal: Journal, bad: str) -> None:
    with pytest.raises(ValidationError, match="currency"):
        journal.settings.set_currency(bad)
