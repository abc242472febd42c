"""Requests: demand from partners and what the BRM made of it."""

from __future__ import annotations

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Request
from brm_desk.domain.rules import check_request, check_transition
from brm_desk.services.records import Records
from brm_desk.store import contact_rows, meeting_rows, partner_rows, request_rows
from brm_desk.store.database import Database, Transaction


class Requests(Records[Request]):
    """The requests of a journal."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, "request", request_rows, check_request)

    def update(self, request: Request, *, follow_workflow: bool = True) -> Request:
        """Save changes; a change of status must follow the workflow.

        Undo passes ``follow_workflow=False``: it puts back a state the request was in, which
        may be a step the workflow does not offer (accepted back to new).
        """
        request = check_request(request)
        with self._db.transaction() as tx:
            old = request_rows.get(tx, request.id)
            if follow_workflow:
                check_transition(old.status, request.status)
            return self._update(tx, request)

    def of_partner(self, partner_id: str) -> list[Request]:
        with self._db.snapshot() as tx:
            return request_rows.of_partner(tx, partner_id)

    def _check_references(self, tx: Transaction, request: Request) -> None:
        partner_rows.get(tx, request.partner_id)
        checks = [
            ("raised_by", contact_rows.get, [request.raised_by_id] if request.raised_by_id else []),
            (
                "reframed_as",
                request_rows.get,
                [request.reframed_as_id] if request.reframed_as_id else [],
            ),
            ("meetings", meeting_rows.get, list(request.meeting_ids)),
        ]
        for field, lookup, ids in checks:
            for target in ids:
                try:
                    lookup(tx, target)
                except NotFoundError as error:
                    raise ValidationError(field, str(error)) from None
