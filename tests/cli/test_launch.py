"""``brm-desk`` with no command opens the window without building the command line's parser;
these hold that shortcut to exactly what the parser would have decided."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import grimp
import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.cli import NoCommand, UsageError, build_parser, report_failure
from brm_desk.cli import main as cli_main
from brm_desk.domain.errors import BrmDeskError
from brm_desk.launch import no_display, window_request

Cli = Callable[..., subprocess.CompletedProcess[str]]

TOKENS = st.sampled_from(
    [
        "--db",
        "--db=J.brmdesk",
        "--db=",
        "J.brmdesk",
        "-x",
        "--d",
        "--dbx",
        "balance",
        "--json",
        "search",
        "budget",
        "my journal.brmdesk",
        "=",
        "--",
        "-",
    ]
)
PATHS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ([], (True, None)),
        (["--db", "J.brmdesk"], (True, "J.brmdesk")),
        (["--db=J.brmdesk"], (True, "J.brmdesk")),
        (["--db=--odd name"], (True, "--odd name")),
        (["--db"], (False, None)),
        (["--db="], (False, None)),
        (["--db", "-x"], (False, None)),
        (["--d", "J.brmdesk"], (False, None)),  # an abbreviation: the parser's to judge
        (["balance"], (False, None)),
        (["--db", "J.brmdesk", "balance"], (False, None)),
        (["--help"], (False, None)),
        (["--version"], (False, None)),
    ],
)
def test_only_plain_window_requests_skip_the_parser(
    arguments: list[str], expected: tuple[bool, str | None]
) -> None:
    assert window_request(arguments) == expected


def _parsed(arguments: list[str]) -> tuple[str | None, str | None] | None:
    """(command, db) as the full parser reads ``arguments``; None when it refuses them."""
    try:
        parsed = build_parser().parse_args(arguments)
    except UsageError:
        return None
    return parsed.command, getattr(parsed, "db", None)


@given(st.lists(st.one_of(TOKENS, PATHS), max_size=4))
def test_the_shortcut_agrees_with_the_parser(arguments: list[str]) -> None:
    window, db = window_request(arguments)
    if window:
        assert _parsed(arguments) == (None, db)


@given(PATHS.filter(lambda path: path != "" and not path.startswith("-")))
def test_any_journal_path_opens_the_window_as_the_parser_would(path: str) -> None:
    for arguments in (["--db", path], [f"--db={path}"]):
        assert window_request(arguments) == (True, path)
        assert _parsed(arguments) == (None, path)


def test_a_failure_is_one_line_and_exit_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert report_failure(BrmDeskError("J.brmdesk: is not a BRM Desk journal")) == 1
    assert report_failure(KeyboardInterrupt()) == 1
    assert report_failure(RuntimeError("boom\n  at line 3")) == 1
    assert capsys.readouterr().err.splitlines() == [
        "brm-desk: error: J.brmdesk: is not a BRM Desk journal",
        "brm-desk: error: interrupted",
        "brm-desk: error: unexpected RuntimeError: boom at line 3 (please report this)",
    ]


@pytest.mark.parametrize(
    ("environment", "platform", "missing"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ""}, "linux", True),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_a_missing_display_is_known_before_qt_starts(
    environment: dict[str, str], platform: str, missing: bool
) -> None:
    assert no_display(environment, platform) is missing


def test_no_display_is_one_clear_line_not_a_qt_abort(cli: Cli, tmp_path: Path) -> None:
    env = dict.fromkeys(("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"), "")
    result = cli(db=tmp_path / "journal.brmdesk", env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "brm-desk: error: there is no display to open the window on ($DISPLAY and "
        "$WAYLAND_DISPLAY are not set); run it in a desktop session, or use a command "
        "(see 'brm-desk --help')"
    ]


def test_the_command_line_says_when_it_has_no_command() -> None:
    """The launcher opens the window; the command line only says there is no command."""
    assert cli_main([]) == NoCommand(None)
    assert cli_main(["--d", "J.brmdesk"]) == NoCommand("J.brmdesk")  # an abbreviation


def test_the_command_line_never_imports_the_launcher() -> None:
    graph = grimp.build_graph("brm_desk", cache_dir=None)
    assert graph.find_modules_that_directly_import("brm_desk.launch") == {"brm_desk.__main__"}
