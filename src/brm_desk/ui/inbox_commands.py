"""Filing and ignoring calendar inbox events are commands, so Undo brings the events back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from brm_desk.domain.words import plural
from brm_desk.ui.commands import JournalCommand

if TYPE_CHECKING:
    from brm_desk.services.calendar_inbox import Filed, Filing
    from brm_desk.services.journal import Journal


class FileEvents(JournalCommand):
    """Make waiting events meetings (one transaction); undo takes the meetings away again."""

    def __init__(self, journal: Journal, filings: Sequence[Filing]) -> None:
        super().__init__(journal, f"File {plural(len(filings), 'calendar event')}")
        self.filings = list(filings)
        self.filed: Filed | None = None

    def apply(self) -> None:
        from brm_desk.services.calendar_inbox import file_events

        self.filed = file_events(self.journal, self.filings)

    def revert(self) -> None:
        from brm_desk.services.calendar_inbox import unfile

        if self.filed is not None:
            unfile(self.journal, self.filed)


class IgnoreEvents(JournalCommand):
    """Ignore waiting events (personal appointments); undo lets them wait again."""

    def __init__(self, journal: Journal, event_keys: Sequence[str]) -> None:
        super().__init__(journal, f"Ignore {plural(len(event_keys), 'calendar event')}")
        self.event_keys = list(event_keys)

    def apply(self) -> None:
        from brm_desk.services.calendar_inbox import ignore

        ignore(self.journal, self.event_keys)

    def revert(self) -> None:
        from brm_desk.services.calendar_inbox import unignore

        unignore(self.journal, self.event_keys)
