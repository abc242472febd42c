"""The partner editor: who they are, where the relationship stands, and what we aim for."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from brm_desk.domain.assessments import gap_text, latest
from brm_desk.domain.enums import Maturity
from brm_desk.domain.records import Partner
from brm_desk.ui.commands import push
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import check_box, chosen, enum_combo, line_edit, number_box
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor


class PartnerEditor(RecordEditor):
    noun = "partner"

    def blank(self, partner_id: str) -> Partner:
        return Partner(id="", name="")

    def make_fields(self, partner: Partner) -> None:
        self.name = line_edit("Name", partner.name)
        self.business_unit = line_edit("Business unit", partner.business_unit)
        self.sponsor = line_edit("Executive sponsor", partner.sponsor)
        self.maturity = enum_combo("Maturity", Maturity, partner.maturity)
        self.maturity.setToolTip("A new level is recorded as today's assessment (your view)")
        self.history = QLabel(self.assessed_text())
        self.history.setWordWrap(True)
        self.history.setAccessibleName("Latest assessment")
        self.assess_button = QPushButton("Assessments…")
        self.assess_button.setToolTip("Both views, evidence and goals, and the maturity path")
        self.assess_button.setEnabled(self.record is not None)
        self.assess_button.clicked.connect(self.open_assessments)
        assessed = QWidget()
        line = QHBoxLayout(assessed)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.history, 1)
        line.addWidget(self.assess_button)
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
        self.add_row("Assessed", assessed, "assessments", tab_stops=[self.assess_button])
        self.add_row("Target share", self.target, "target_strategic_share")
        self.add_row("Touch cadence", self.cadence, "touch_cadence_days")
        self.add_row("", self.archived, "archived")
        self.add_row("Notes", self.notes, "notes", tab_stops=[self.notes.editor])
        self.finish(620, 600)
        self.name.setFocus()

    def assessed_text(self) -> str:
        """The latest assessment in a line: "3 Mar 2026: Service provider; partner sees 1 level
        higher" (a new partner's first assessment is today's)."""
        if self.record is None:
            return "Your view today is the first assessment"
        last = latest(self.journal.assessments.of_partner(self.record.id))
        if last is None:
            return "Not assessed yet"
        return f"{last.assessed_on:%d %b %Y}: {last.brm_view.label}; {gap_text(last.gap)}"

    def open_assessments(self) -> None:
        from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog

        if self.record is not None:
            dialog = AssessmentsDialog(self.journal, self.stack, self.record.id, self)
            dialog.exec()
            maturity = self.journal.partners.get(self.record.id).maturity
            self.record = replace(self.record, maturity=maturity)
            self.maturity.setCurrentIndex(self.maturity.findData(self.record.maturity.value))
            self.history.setText(self.assessed_text())
            self.opened_with = self.form_state()

    def save(self) -> bool:
        """Save; a new maturity is recorded as today's assessment, in the same undo step."""
        from brm_desk.ui.maturity.commands import SetMaturity

        level = chosen(self.maturity, Maturity)
        if self.record is None or level is self.record.maturity:
            return super().save()
        steps = self.stack.count()
        self.stack.beginMacro(f"Edit partner '{self.record.name}'")
        try:
            saved = super().save()
            if saved:
                push(self.stack, SetMaturity(self.journal, self.record.id, level))
                self.record = self.journal.partners.get(self.record.id)
        finally:
            self.stack.endMacro()
        if not saved and self.stack.count() > steps:
            self.stack.undo()  # the empty step a refused save leaves
        self.history.setText(self.assessed_text())
        return saved

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
