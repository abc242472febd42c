"""The partner editor: who they are, where the relationship stands, and what we aim for."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLabel

from brm_desk.domain.enums import Maturity
from brm_desk.domain.records import Partner
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import check_box, chosen, enum_combo, line_edit, number_box
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor


def history_text(partner: Partner | None) -> str:
    """The maturity path, oldest first: "2025-01-10 Order taker → 2026-03-02 Service provider"."""
    if partner is None or not partner.maturity_history:
        return "Starts today"
    return " → ".join(f"{c.since.isoformat()} {c.maturity.label}" for c in partner.maturity_history)


class PartnerEditor(RecordEditor):
    noun = "partner"

    def blank(self, partner_id: str) -> Partner:
        return Partner(id="", name="")

    def make_fields(self, partner: Partner) -> None:
        self.name = line_edit("Name", partner.name)
        self.business_unit = line_edit("Business unit", partner.business_unit)
        self.sponsor = line_edit("Executive sponsor", partner.sponsor)
        self.maturity = enum_combo("Maturity", Maturity, partner.maturity)
        self.history = QLabel(history_text(self.record))
        self.history.setWordWrap(True)
        self.history.setAccessibleName("Maturity history")
        share = round(partner.target_strategic_share * 100)
        self.target = number_box("Target strategic share", share, 0, 100, " %", width=110)
        cadence = partner.touch_cadence_days
        self.cadence = number_box("Touch cadence", cadence, 1, 3660, " days", width=110)
        self.archived = check_box(
            "Archived (leaves lists and charts, keeps its data)", "Archived", partner.archived
        )
        self.notes = MarkdownEditor("Notes")
        self.notes.set_text(partner.notes)

        self.add_row("Name", self.name, "name")
        self.add_row("Business unit", self.business_unit, "business_unit")
        self.add_row("Sponsor", self.sponsor, "sponsor")
        self.add_row("Maturity", self.maturity, "maturity")
        self.add_row("History", self.history, "maturity_history", tab_stops=[])
        self.add_row("Target share", self.target, "target_strategic_share")
        self.add_row("Touch cadence", self.cadence, "touch_cadence_days")
        self.add_row("", self.archived, "archived")
        self.add_row("Notes", self.notes, "notes", tab_stops=[self.notes.editor])
        self.finish(620, 600)
        self.name.setFocus()

    def build(self) -> Partner:
        return replace(
            self.record or self.blank(""),
            name=self.name.text().strip(),
            business_unit=self.business_unit.text().strip(),
            sponsor=self.sponsor.text().strip(),
            maturity=chosen(self.maturity, Maturity),
            target_strategic_share=self.target.value() / 100,
            touch_cadence_days=self.cadence.value(),
            archived=self.archived.isChecked(),
            notes=self.notes.text(),
        )
