"""Requests: demand from partners and what the BRM made of it."""

from __future__ import annotations

from dataclasses import replace

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Request, new_id
from brm_desk.domain.rules import check_move, check_request
from brm_desk.services.records import Records
from brm_desk.store import contact_rows, meeting_rows, partner_rows, request_rows
from brm_desk.store.database import Database, Transaction


class Requests(Records[Request]):
    """The requests of a journal."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, "request", request_rows, check_request)

    def update(self, request: Request, *, follow_workflow: bool = True) -> Request:
        """Save changes; a change of status must follow the workflow, and accepting needs a
        business case or the reason to go without one (``rules.check_move``).

        Undo passes ``follow_workflow=False``: it puts back a state the request was in, which
        may be a step the workflow does not offer (accepted back to new).
        """
        request = check_request(request)
        with self._db.transaction() as tx:
            old = request_rows.get(tx, request.id)
            if follow_workflow:
                check_move(old.status, request)
            return self._update(tx, request)

    def reframe(self, request_id: str, title: str, need: str, reframed_id: str = "") -> Request:
        """Turn a want into the need behind it: a new request (``reframed_id`` when given)
        from the old one, which becomes reframed and points to it. Returns the new one.

        The new request keeps the partner, who raised it, when and the want, so the demand
        keeps its age and its place in the balance; it is new, to be decided on its need.
        """
        if not need.strip():
            raise ValidationError("need", "is required to reframe a request: what is it for?")
        with self._db.transaction() as tx:
            old = request_rows.get(tx, request_id)
            new = check_request(
                Request(
                    id=reframed_id or new_id(),
                    partner_id=old.partner_id,
                    title=title,
                    received=old.received,
                    raised_by_id=old.raised_by_id,
                    focus=old.focus,
                    want=old.want,
                    need=need,
                    value=old.value,
                    urgency=old.urgency,
                    private=old.private,
                    tags=old.tags,
                )
            )
            reframed = replace(old, status=RequestStatus.REFRAMED, reframed_as_id=new.id)
            check_move(old.status, reframed)
            created = self._insert(tx, new)
            self._update(tx, check_request(reframed))
            return created

    def routing_targets(self) -> list[str]:
        """Where requests were redirected to before, the most used first."""
        with self._db.snapshot() as tx:
            return request_rows.routing_targets(tx)

    def of_partner(self, partner_id: str) -> list[Request]:
        with self._db.snapshot() as tx:
            return request_rows.of_partner(tx, partner_id)

    def _check_references(self, tx: Transaction, request: Request) -> None:
        partner_rows.get(tx, request.partner_id)
        references = [
            ("raised_by", contact_rows.get, request.raised_by_id),
            ("reframed_as", request_rows.get, request.reframed_as_id),
            *(("meetings", meeting_rows.get, meeting) for meeting in request.meeting_ids),
        ]
        for field, lookup, target in references:
            try:
                if target:
                    lookup(tx, target)
            except NotFoundError as error:
                raise ValidationError(field, str(error)) from None
