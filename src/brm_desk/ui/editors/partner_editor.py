"""The partner editor: who they are, where the relationship stands, and what we aim for."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QWidget

from brm_desk.domain.enums import Maturity
from brm_desk.domain.records import (
    DEFAULT_TARGET_STRATEGIC_SHARE,
    DEFAULT_TOUCH_CADENCE_DAYS,
    Partner,
)
from brm_desk.services.journal import Journal
from brm_desk.ui.editors.base import RecordEditor, make_form
from brm_desk.ui.editors.fields import chosen, enum_combo
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor


def history_text(partner: Partner | None) -> str:
    """The maturity path, oldest first: "2025-01-10 Order taker → 2026-03-02 Service provider"."""
    if partner is None or not partner.maturity_history:
        return "Starts today"
    return " → ".join(f"{c.since.isoformat()} {c.maturity.label}" for c in partner.maturity_history)


class PartnerEditor(RecordEditor):
    noun = "partner"

    def __init__(
        self,
        journal: Journal,
        stack: QUndoStack,
        record: Partner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(journal, stack, record, parent)
        partner = record or Partner(id="", name="")
        self.name = QLineEdit(partner.name)
        self.name.setAccessibleName("Name")
        self.business_unit = QLineEdit(partner.business_unit)
        self.business_unit.setAccessibleName("Business unit")
        self.sponsor = QLineEdit(partner.sponsor)
        self.sponsor.setAccessibleName("Executive sponsor")
        self.maturity = enum_combo("Maturity", Maturity, partner.maturity)
        self.history = QLabel(history_text(record))
        self.history.setWordWrap(True)
        self.history.setAccessibleName("Maturity history")
        self.target = QSpinBox()
        self.target.setAccessibleName("Target strategic share")
        self.target.setRange(0, 100)
        self.target.setSuffix(" %")
        self.target.setValue(round(partner.target_strategic_share * 100))
        self.target.setMaximumWidth(110)
        self.cadence = QSpinBox()
        self.cadence.setAccessibleName("Touch cadence")
        self.cadence.setRange(1, 3660)
        self.cadence.setSuffix(" days")
        self.cadence.setValue(partner.touch_cadence_days)
        self.cadence.setMaximumWidth(110)
        self.archived = QCheckBox("Archived (leaves lists and charts, keeps its data)")
        self.archived.setAccessibleName("Archived")
        self.archived.setChecked(partner.archived)
        self.notes = MarkdownEditor("Notes")
        self.notes.set_text(partner.notes)

        form = make_form()
        self.add_row(form, "Name", self.name, "name")
        self.add_row(form, "Business unit", self.business_unit, "business_unit")
        self.add_row(form, "Sponsor", self.sponsor, "sponsor")
        self.add_row(form, "Maturity", self.maturity, "maturity")
        self.add_row(form, "History", self.history, "maturity_history")
        self.add_row(form, "Target share", self.target, "target_strategic_share")
        self.add_row(form, "Touch cadence", self.cadence, "touch_cadence_days")
        self.add_row(form, "", self.archived, "archived")
        self.add_row(form, "Notes", self.notes, "notes")
        self.finish_layout(form)
        self.resize(620, 600)
        self.set_tab_order(
            self.name,
            self.business_unit,
            self.sponsor,
            self.maturity,
            self.target,
            self.cadence,
            self.archived,
            self.notes.editor,
        )
        self.name.setFocus()

    def build(self) -> Partner:
        base = self.record or Partner(
            id="",
            name="",
            target_strategic_share=DEFAULT_TARGET_STRATEGIC_SHARE,
            touch_cadence_days=DEFAULT_TOUCH_CADENCE_DAYS,
        )
        maturity = chosen(self.maturity, Maturity)
        return replace(
            base,
            name=self.name.text().strip(),
            business_unit=self.business_unit.text().strip(),
            sponsor=self.sponsor.text().strip(),
            maturity=maturity,
            target_strategic_share=self.target.value() / 100,
            touch_cadence_days=self.cadence.value(),
            archived=self.archived.isChecked(),
            notes=self.notes.text(),
        )
