"""Requests: demand from partners and what the BRM made of it."""

from __future__ import annotations

from dataclasses import replace

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Request, new_id
from brm_desk.domain.rules import check_request, check_transition
from brm_desk.store import contact_rows, meeting_rows, partner_rows, request_rows, trash_rows
from brm_desk.store.database import Database, Transaction


class Requests:
    """The requests of a journal."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, request: Request) -> Request:
        request = check_request(replace(request, id=request.id or new_id()))
        with self._db.transaction() as tx:
            _check_references(tx, request)
            request_rows.insert_many(tx, [request])
            return request_rows.get(tx, request.id)

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
            _check_references(tx, request)
            request_rows.update_one(tx, request)
            return request_rows.get(tx, request.id)

    def get(self, request_id: str) -> Request:
        with self._db.transaction() as tx:
            return request_rows.get(tx, request_id)

    def of_partner(self, partner_id: str) -> list[Request]:
        with self._db.transaction() as tx:
            return request_rows.of_partner(tx, partner_id)

    def delete(self, request_id: str) -> str:
        with self._db.transaction() as tx:
            return trash_rows.soft_delete(tx, "request", request_id)


def _check_references(tx: Transaction, request: Request) -> None:
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
