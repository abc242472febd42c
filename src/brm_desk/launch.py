"""The ``brm-desk`` program: no command opens the window at once, any other goes to the CLI.

A BRM starts the window far more often than they run a command. The command line's parser
(argparse and the definition of every command, about 9 ms) is not needed to open the window,
so ``brm-desk`` and ``brm-desk --db PATH`` skip it and start the desktop app straight away;
everything else, including every mistake, is the full parser's to answer. When the parser
finds no command after all (``--d PATH``), it says so and the window opens here: the
command line never opens the window itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from contextlib import suppress

DB_OPTION = "--db"
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def window_request(arguments: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``arguments`` ask only for the window, and the journal ``--db`` names if so.

    Only the forms whose meaning is beyond doubt qualify: nothing, ``--db PATH`` and
    ``--db=PATH``. Anything else (a command, ``--help``, an abbreviated option, a missing
    path) is left to the command line, which gives the same answer it always did.
    """
    if not arguments:
        return True, None
    if len(arguments) == 2 and arguments[0] == DB_OPTION and not arguments[1].startswith("-"):
        return True, arguments[1]
    if len(arguments) == 1 and arguments[0].startswith(DB_OPTION + "="):
        path = arguments[0].removeprefix(DB_OPTION + "=")
        return (True, path) if path else (False, None)
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``brm-desk``; returns the exit status."""
    import locale

    with suppress(locale.Error):  # a journal's currency, until set, is the user's locale's
        locale.setlocale(locale.LC_MONETARY, "")
    arguments = list(sys.argv[1:] if argv is None else argv)
    window, db = window_request(arguments)
    if not window:
        from brm_desk.cli import NoCommand
        from brm_desk.cli import main as command_line

        outcome = command_line(arguments)
        if not isinstance(outcome, NoCommand):
            return outcome
        db = outcome.db
    try:
        return open_window(db)
    except (Exception, KeyboardInterrupt) as error:
        from brm_desk.cli import report_failure  # only now: it brings argparse

        return report_failure(error)


def no_display(environment: Mapping[str, str], platform: str = sys.platform) -> bool:
    """On Linux and the BSDs, nowhere to show a window: no X or Wayland display, and no Qt
    platform chosen. Qt itself would abort with a page of plugin messages."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(environment.get(name) for name in DISPLAY_VARIABLES)


def open_window(db: str | None) -> int:
    """Run the desktop app on ``db`` (else ``$BRM_DESK_DB``, else the default journal)."""
    if no_display(os.environ):
        from brm_desk.domain.errors import BrmDeskError

        raise BrmDeskError(
            "there is no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are "
            "not set); run it in a desktop session, or use a command (see 'brm-desk --help')"
        )
    try:
        from brm_desk.ui.app import run
    except ImportError as error:  # a broken install: say what is missing, in one line
        from brm_desk.domain.errors import BrmDeskError

        raise BrmDeskError(f"the desktop app cannot start: {error}") from None
    return int(run(db))
