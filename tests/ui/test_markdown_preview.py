"""The note editor's preview: the app's own templates, filled in, nest as they are written."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import MeetingType
from brm_desk.ui.widgets.markdown_editor import PREVIEW_TAB, MarkdownEditor
from half_filled import template


def preview_lines(qtbot: QtBot, text: str) -> list[tuple[str, int, int]]:
    """Each line of the preview: its text, how deep in lists it sits (0: in none), and its
    heading level (0: not a heading)."""
    editor = MarkdownEditor("Notes")
    qtbot.addWidget(editor)
    editor.set_text(text)
    editor.setCurrentIndex(PREVIEW_TAB)
    block, lines = editor.preview.document().begin(), []
    while block.isValid():
        in_list = block.textList()
        depth = 0 if in_list is None else in_list.format().indent()
        lines.append((block.text(), depth, block.blockFormat().headingLevel()))
        block = block.next()
    return lines


@pytest.mark.parametrize("kind", [MeetingType.OTHER, MeetingType.STATUS_CHECKIN])
def test_headings_after_empty_items_stay_out_of_lists(qtbot: QtBot, kind: MeetingType) -> None:
    """Qt's own Markdown reader put every heading after an empty ``-`` or ``- [ ]`` into a
    list, one level deeper each time."""
    written = [line.lstrip("#").strip() for line in template(kind).splitlines() if "#" in line]
    headings = [line for line in preview_lines(qtbot, template(kind)) if line[2]]
    assert [(text, depth) for text, depth, _ in headings] == [(text, 0) for text in written]


def test_a_filled_template_nests_as_written(qtbot: QtBot) -> None:
    notes = template(MeetingType.OTHER).replace(
        "### Decisions\n-\n",
        "### Decisions\n- Go **ahead**\n  - with `care`\n    - [x] signed\n- Second\n",
    )
    shown = {text: (depth, heading) for text, depth, heading in preview_lines(qtbot, notes)}
    assert shown["Decisions"] == (0, 3)
    assert shown["Go ahead"] == (1, 0)
    assert shown["with care"] == (2, 0)
    assert shown["☑ signed"] == (3, 0)
    assert shown["Second"] == (1, 0)
    assert shown["Actions"] == (0, 3)
    assert shown["☐ "] == (1, 0)  # the editor shows the template's prompts: they are answered here
