"""Triage with boxing gloves: the queue, reframing, routing targets, and accepting on a case.

A request moved to accepted needs a business case or a reason; history imported from JSON or
CSV keeps what it has, and the dashboard counts it as order-taking.
"""

from __future__ import annotations

import codecs
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact, Partner, Request
from brm_desk.services.interchange.csv_import import import_requests, plan_requests
from brm_desk.services.interchange.csv_mapping import guess_mapping
from brm_desk.services.interchange.csv_read import read_csv
from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists, RequestFilter
from brm_desk.services.privacy import Audience
from brm_desk.services.review_data import gather_partner

TODAY = date(2026, 11, 24)
PERIOD = (TODAY - timedelta(days=365), TODAY)


def _partner(journal: Journal, name: str = "Finance") -> Partner:
    return journal.partners.add(Partner(id="", name=name))


def _ask(journal: Journal, partner: Partner, title: str, **fields: object) -> Request:
    request = Request(id="", partner_id=partner.id, title=title, received=date(2026, 10, 1))
    return journal.requests.add(replace(request, **fields))  # type: ignore[arg-type]


def _order_taking(journal: Journal) -> dict[str, int]:
    return {row.name: row.order_taking for row in journal.dashboard.glance(*PERIOD)}


def _order_taking_ids(journal: Journal, since: date, until: date) -> dict[str, int]:
    """The dashboard's order-taking by partner id, partners with none left out."""
    rows = journal.dashboard.glance(since, until)
    return {row.partner_id: row.order_taking for row in rows if row.order_taking}


# --- accepting needs a business case ------------------------------------------------------


def test_moving_to_accepted_without_a_business_case_is_refused(journal: Journal) -> None:
    finance = _partner(journal)
    ask = _ask(journal, finance, "New report", want="Every column of the ledger")
    with pytest.raises(ValidationError) as caught:
        journal.requests.update(replace(ask, status=RequestStatus.ACCEPTED))
    assert caught.value.field == "need"
    with pytest.raises(ValidationError) as caught:
        journal.requests.update(replace(ask, status=RequestStatus.ACCEPTED, need="Faster close"))
    assert caught.value.field == "expected_benefit"
    assert journal.requests.get(ask.id) == ask

    with_case = replace(
        ask, status=RequestStatus.ACCEPTED, need="Faster close", expected_benefit="Two days"
    )
    assert journal.requests.update(with_case).status is RequestStatus.ACCEPTED
    assert _order_taking(journal) == {"Finance": 0}


def test_accepted_without_a_business_case_keeps_its_reason_and_counts(journal: Journal) -> None:
    finance = _partner(journal)
    ask = _ask(journal, finance, "Laptop for the CFO")
    reason = "The CFO's own order; not worth a case"
    accepted = journal.requests.update(
        replace(ask, status=RequestStatus.ACCEPTED, outcome_note=reason)
    )
    assert journal.requests.get(accepted.id).outcome_note == reason
    assert _order_taking(journal) == {"Finance": 1}
    assert _order_taking_ids(journal, *PERIOD) == {finance.id: 1}
    later = (TODAY + timedelta(days=1), TODAY + timedelta(days=30))
    assert _order_taking_ids(journal, *later) == {}  # received before that period
    # The pack's list: the same requests as the count, each with its reason.
    with_case = _ask(journal, finance, "Close in 3 days", need="Faster close", expected_benefit="x")
    journal.requests.update(replace(with_case, status=RequestStatus.ACCEPTED))
    _ask(journal, finance, "Still new")
    orders = gather_partner(journal, finance.id, *PERIOD, audience=Audience.INTERNAL).orders_taken
    assert [(r.title, r.outcome_note) for r in orders.items] == [("Laptop for the CFO", reason)]
    later_pack = gather_partner(journal, finance.id, *later, audience=Audience.INTERNAL)
    assert later_pack.orders_taken.items == ()


def test_an_accepted_request_can_still_be_edited_without_a_case(journal: Journal) -> None:
    """Only the move to accepted asks: history already accepted stays editable."""
    finance = _partner(journal)
    old = _ask(journal, finance, "Old order", status=RequestStatus.ACCEPTED)
    edited = journal.requests.update(replace(old, title="Old order, renamed"))
    assert edited.title == "Old order, renamed"


def test_json_history_keeps_accepted_requests_without_a_case(journal: Journal) -> None:
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "p-fin", "name": "Finance"}],
        "requests": [
            {"id": "r-1", "partner": "p-fin", "title": "Old order", "status": "accepted",
             "received": "2026-06-01"},
            {"id": "r-2", "partner": "p-fin", "title": "Delivered order", "status": "delivered",
             "received": "2026-05-01", "delivered_on": "2026-07-01", "need": "Faster close"},
            {"id": "r-3", "partner": "p-fin", "title": "Case made", "status": "accepted",
             "received": "2026-06-01", "need": "Faster close", "expected_benefit": "Two days"},
        ],
    }  # fmt: skip
    import_journal(journal, document)
    assert journal.requests.get("r-1").status is RequestStatus.ACCEPTED
    assert _order_taking(journal) == {"Finance": 2}


def test_csv_history_keeps_accepted_requests_without_a_case(
    journal: Journal, tmp_path: Path
) -> None:
    finance = _partner(journal)
    path = tmp_path / "requests.csv"
    path.write_bytes(
        codecs.BOM_UTF8 + b'"Short description","Opened","State"\r\n'
        b'"Budget dashboard","2026-09-04 15:01:02","Work in Progress"\r\n'
    )
    table = read_csv(path)
    import_requests(journal, plan_requests(journal, table, guess_mapping(table.header), finance.id))
    (imported,) = journal.requests.of_partner(finance.id)
    assert (imported.status, imported.need) == (RequestStatus.ACCEPTED, "")
    assert _order_taking(journal) == {"Finance": 1}


# --- the queue and its answers -----------------------------------------------------------


def test_the_queue_holds_new_and_due_deferred_requests_oldest_first(journal: Journal) -> None:
    finance, hr = _partner(journal), _partner(journal, "HR")
    _ask(journal, finance, "Newest", received=date(2026, 11, 20))
    _ask(journal, hr, "Oldest", received=date(2026, 1, 5))
    _ask(journal, finance, "Due again", received=date(2026, 6, 1),
         status=RequestStatus.DEFERRED, revisit_on=TODAY)  # fmt: skip
    _ask(journal, finance, "Not due yet", status=RequestStatus.DEFERRED,
         revisit_on=TODAY + timedelta(days=1))  # fmt: skip
    _ask(journal, finance, "Redirected", status=RequestStatus.REDIRECTED, routed_to="Desk")
    gone = _ask(journal, finance, "Trashed", received=date(2026, 1, 1))
    journal.requests.delete(gone.id)

    queue = RequestFilter(triage_on=TODAY, sort="received", descending=False)
    lists = Lists(journal.database)
    assert [line.title for line in lists.requests(queue)] == ["Oldest", "Due again", "Newest"]
    assert lists.request_count(queue) == 3
    assert [line.title for line in lists.requests(replace(queue, partner_id=hr.id))] == ["Oldest"]


def test_redirect_offers_where_requests_went_most_used_first(journal: Journal) -> None:
    finance = _partner(journal)
    for target in ["BI team", "Service desk", "Service desk", "Payroll", "Service desk", "BI team"]:
        _ask(journal, finance, f"To {target}", status=RequestStatus.REDIRECTED, routed_to=target)
    gone = _ask(journal, finance, "Trashed", status=RequestStatus.REDIRECTED, routed_to="Gone")
    journal.requests.delete(gone.id)
    _ask(journal, finance, "Not routed")

    assert journal.requests.routing_targets() == ["Service desk", "BI team", "Payroll"]


def test_reframing_makes_the_new_request_from_the_old_one(journal: Journal) -> None:
    finance = _partner(journal)
    anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
    old = _ask(
        journal,
        finance,
        "Report with every column",
        raised_by_id=anna.id,
        want="All the columns in one report",
        focus=Focus.REACTIVE,
        private=True,
        notes="Asked in the corridor",
    )

    new = journal.requests.reframe(old.id, "Credit limit decisions", "Decide limits in a day")

    assert (new.title, new.need, new.status) == (
        "Credit limit decisions",
        "Decide limits in a day",
        RequestStatus.NEW,
    )
    assert (new.partner_id, new.raised_by_id, new.want) == (finance.id, anna.id, old.want)
    assert (new.received, new.focus, new.private, new.notes) == (
        old.received,
        Focus.REACTIVE,
        True,
        "",
    )
    reframed = journal.requests.get(old.id)
    assert (reframed.status, reframed.reframed_as_id) == (RequestStatus.REFRAMED, new.id)
    queue = Lists(journal.database).requests(RequestFilter(triage_on=TODAY))
    assert [line.title for line in queue] == ["Credit limit decisions"]


def test_reframing_needs_a_need_and_the_workflow(journal: Journal) -> None:
    finance = _partner(journal)
    old = _ask(journal, finance, "Report")
    with pytest.raises(ValidationError) as caught:
        journal.requests.reframe(old.id, "Report", "  ")
    assert caught.value.field == "need"
    declined = _ask(journal, finance, "Declined", status=RequestStatus.DECLINED, outcome_note="No")
    with pytest.raises(ValidationError) as caught:
        journal.requests.reframe(declined.id, "Declined", "A need")
    assert caught.value.field == "status"
    assert len(journal.requests.of_partner(finance.id)) == 2  # nothing was added
