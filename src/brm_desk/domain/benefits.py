"""The business case after delivery: when its benefits review falls due, what was realized.

The dashboard counts reviews due with SQL (``store.dashboard_queries.benefit_reviews_due``),
which mirrors :func:`benefits_review_due_on`; a test over generated journals holds them equal.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from brm_desk.domain.enums import RequestStatus

BENEFITS_REVIEW_AFTER = timedelta(days=90)

WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.strip()`` removes, so that SQL's ``trim`` removes the same."""


class BusinessCase(Protocol):
    """What the review rule reads of a request: a ``Request``, or a few of its columns."""

    @property
    def status(self) -> RequestStatus: ...
    @property
    def delivered_on(self) -> date | None: ...
    @property
    def expected_benefit(self) -> str: ...
    @property
    def expected_value_amount(self) -> Decimal | None: ...


def benefits_review_due_on(request: BusinessCase) -> date | None:
    """SPEC §1: a delivered request with an expected benefit (words that are not all
    whitespace, or an amount) is due for its benefits review 90 days after delivery."""
    if request.status != RequestStatus.DELIVERED or request.delivered_on is None:
        return None
    if not request.expected_benefit.strip() and request.expected_value_amount is None:
        return None
    return request.delivered_on + BENEFITS_REVIEW_AFTER


def realization(expected: Decimal | None, realized: Decimal | None) -> float | None:
    """Realized / expected value, once both are known (none against nothing expected)."""
    if not expected or realized is None:
        return None
    return float(realized / expected)
