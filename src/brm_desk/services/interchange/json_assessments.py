"""A partner's maturity in the JSON format: SPEC §6's ``maturity_history`` and the optional
``assessments`` that carry the full detail (both views, evidence, note, goals).

The history is the BRM's view of each assessment, by date. A file with only a history gets one
assessment per step (the partner's view unknown); a file with assessments takes them, and a
history given beside them must say the same, or the import names where they differ.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from brm_desk.domain.assessments import (
    Assessment,
    MaturityGoal,
    check_assessment,
    in_order,
    maturity_path,
)
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import MaturityChange, new_id
from brm_desk.domain.words import plural
from brm_desk.services import privacy
from brm_desk.services.interchange.json_values import MISSING, JsonObject, checked

CHANGE_FIELDS = ("maturity", "since")
ASSESSMENT_FIELDS = (
    "on", "brm_view", "partner_view", "meetings", "requests", "note", "goals",
)  # fmt: skip
GOAL_FIELDS = ("text", "met")


def read_maturity(obj: JsonObject, place: str, partner_id: str) -> tuple[Assessment, ...]:
    """A partner's assessments, from its ``assessments`` or else its ``maturity_history``."""
    within = ("partner", partner_id)
    history = [
        _read_change(item, f"{place}.maturity_history[{i}]", within)
        for i, item in enumerate(obj.items("maturity_history"))
    ]
    if "assessments" not in obj.values:
        return tuple(
            Assessment(new_id(), partner_id, c.since, c.maturity)
            for c in sorted(history, key=lambda c: c.since)
        )
    assessments = in_order(
        [
            _read_assessment(item, f"{place}.assessments[{i}]", within)
            for i, item in enumerate(obj.items("assessments"))
        ]
    )
    if "maturity_history" in obj.values:
        _check_agree(place, sorted(history, key=lambda c: c.since), maturity_path(assessments))
    return assessments


def _read_change(value: Any, place: str, within: tuple[str, str]) -> MaturityChange:
    """One step of a maturity history; both fields are needed to mean anything."""
    obj = JsonObject(value, place, CHANGE_FIELDS, within)
    maturity = obj.choice("maturity", Maturity, MISSING)
    return MaturityChange(maturity, obj.required_day("since", MISSING))


def _read_assessment(value: Any, place: str, within: tuple[str, str]) -> Assessment:
    obj = JsonObject(value, place, ASSESSMENT_FIELDS, within)
    partner_view = obj.values.get("partner_view")
    assessment = Assessment(
        id=new_id(),
        partner_id=within[1],
        assessed_on=obj.required_day("on", MISSING),
        brm_view=obj.choice("brm_view", Maturity, MISSING),
        partner_view=None
        if partner_view is None
        else obj.choice("partner_view", Maturity, MISSING),
        meeting_ids=obj.identifiers("meetings"),
        request_ids=obj.identifiers("requests"),
        note=obj.text("note"),
        goals=tuple(
            _read_goal(item, f"{place}.goals[{i}]", within)
            for i, item in enumerate(obj.items("goals"))
        ),
    )
    return checked(check_assessment, assessment, place)


def _read_goal(value: Any, place: str, within: tuple[str, str]) -> MaturityGoal:
    obj = JsonObject(value, place, GOAL_FIELDS, within)
    return MaturityGoal(obj.required_text("text"), obj.boolean("met", False))


def _check_agree(
    place: str, history: Sequence[MaturityChange], path: Sequence[MaturityChange]
) -> None:
    """The history must be the assessments' dates and BRM views, step by step."""
    if list(history) == list(path):
        return
    for step, (said, assessed) in enumerate(zip(history, path, strict=False)):
        if said != assessed:
            raise ImportFileError(
                f"{place}.maturity_history[{step}]: says {said.maturity.value} since "
                f"{said.since.isoformat()}, but the assessments say {assessed.maturity.value} "
                f"on {assessed.since.isoformat()}; the history must be the assessments' dates "
                "and BRM views (or leave it out)"
            )
    raise ImportFileError(
        f"{place}.maturity_history: has {plural(len(history), 'step')} but "
        f"{plural(len(path), 'assessment')} are given; the history must be the assessments' "
        "dates and BRM views (or leave it out)"
    )


def history_document(assessments: Sequence[Assessment]) -> list[dict[str, str]]:
    """SPEC §6's ``maturity_history``: the BRM's view at each assessment, oldest first."""
    return [
        {"maturity": c.maturity.value, "since": c.since.isoformat()}
        for c in maturity_path(assessments)
    ]


def assessments_document(
    assessments: Sequence[Assessment],
    meetings: Collection[str],
    requests: Collection[str],
    include_private: bool,
) -> list[dict[str, Any]] | None:
    """The ``assessments`` field, or ``None`` when the history says it all (no partner's view,
    evidence, note or goal): a file then reads as SPEC §6 shows it. Evidence that is not
    exported (private, or in the trash) is left out, as a request's meetings are."""
    found = []
    for a in in_order(assessments):
        document: dict[str, Any] = {
            "on": a.assessed_on.isoformat(),
            "brm_view": a.brm_view.value,
            "partner_view": a.partner_view.value if a.partner_view else None,
            "meetings": [m for m in a.meeting_ids if m in meetings],
            "requests": [r for r in a.request_ids if r in requests],
            "note": a.note if include_private else "",
            "goals": [{"text": g.text, "met": g.met} for g in a.goals],
        }
        found.append(document)
    detail = any(
        d["partner_view"] or d["meetings"] or d["requests"] or d["note"] or d["goals"]
        for d in found
    )
    if not detail:
        return None
    for name in privacy.withheld(Assessment, include_private):
        for document in found:
            del document[name]
    return found
