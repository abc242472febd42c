"""The command line and encrypted journals: a passphrase from the environment or the
terminal, a clear error at once when neither is there, never a hang or a traceback."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal

Cli = Callable[..., subprocess.CompletedProcess[str]]
PASSPHRASE = "an encrypted journal passphrase"
NEW_PASSPHRASE = "a brand new passphrase"
CREME = "crème brûlée à Noël"  # composed (NFC), as keyboards usually type it
NOT_TEXT = "\udcff\udcfe not text"  # how Python reads the bytes ff fe from the environment


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("brm-desk: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_init_encrypt_with_the_environment_makes_an_encrypted_journal(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "secret.brmdesk"
    result = cli("init", "--encrypt", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert "encrypted journal" in result.stdout
    assert not path.read_bytes().startswith(b"SQLite format 3")
    check = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    assert check.returncode == 0, check.stderr
    assert "OK (0 partners" in check.stdout


def test_init_encrypt_without_passphrase_or_terminal_fails_at_once(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "secret.brmdesk"
    result = cli("init", "--encrypt", db=path, input="")  # stdin is a pipe, not a terminal
    line = one_error_line(result)
    assert "no terminal" in line
    assert "BRM_DESK_PASSPHRASE" in line
    assert not path.exists()


def test_an_encrypted_journal_without_passphrase_fails_at_once(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "secret.brmdesk"
    cli("init", "--encrypt", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    before = path.read_bytes()
    line = one_error_line(cli("balance", db=path, input=""))
    assert str(path) in line
    assert "BRM_DESK_PASSPHRASE" in line
    assert path.read_bytes() == before


def test_a_wrong_passphrase_is_one_clear_line_and_the_file_is_untouched(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "secret.brmdesk"
    cli("init", "--encrypt", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    line = one_error_line(cli("check", db=path, env={"BRM_DESK_PASSPHRASE": "not it"}))
    assert f"{path}: the passphrase does not open it" in line
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "xdg-data") == ["secret.brmdesk"]


def test_an_empty_passphrase_variable_is_refused(cli: Cli, tmp_path: Path) -> None:
    line = one_error_line(
        cli("init", "--encrypt", db=tmp_path / "j.brmdesk", env={"BRM_DESK_PASSPHRASE": ""})
    )
    assert "BRM_DESK_PASSPHRASE is set but empty" in line


def run_on_terminal(path: Path, *args: str, answers: list[str | bytes]) -> tuple[int, str]:
    """Run the command line on a real pseudo-terminal, typing each answer at each prompt."""
    environment = {**os.environ, "XDG_DATA_HOME": str(path.parent / "xdg")}
    environment.pop("BRM_DESK_PASSPHRASE", None)
    environment.pop("BRM_DESK_NEW_PASSPHRASE", None)
    leader, follower = pty.openpty()

    def own_terminal() -> None:  # the pty becomes the child's controlling terminal
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "brm_desk", "--db", str(path), *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=environment,
        preexec_fn=own_terminal,
    )
    os.close(follower)
    output = b""
    prompts_answered = 0
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 1024)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if prompts_answered < len(answers) and output.count(b": ") > prompts_answered:
            answer = answers[prompts_answered]
            os.write(leader, (answer if isinstance(answer, bytes) else answer.encode()) + b"\n")
            prompts_answered += 1
    os.close(leader)
    return process.wait(timeout=60), output.decode(errors="replace")


def test_the_passphrase_is_asked_on_a_terminal(tmp_path: Path) -> None:
    """A real pseudo-terminal: init asks twice, check asks once, nothing is echoed back."""
    path = tmp_path / "secret.brmdesk"
    status, text = run_on_terminal(path, "init", "--encrypt", answers=[PASSPHRASE, PASSPHRASE])
    assert status == 0, text
    assert "Passphrase for" in text
    assert "same passphrase again" in text
    assert PASSPHRASE not in text
    status, text = run_on_terminal(path, "check", answers=[PASSPHRASE])
    assert status == 0, text
    assert "OK (0 partners" in text
    status, text = run_on_terminal(path, "check", answers=["wrong one"])
    assert status == 1
    assert "passphrase does not open it" in text


@pytest.mark.parametrize("command", [("backup", "-o", "copy.brmdesk"), ("check",)])
def test_backup_and_check_work_on_an_encrypted_journal(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "secret.brmdesk"
    env = {"BRM_DESK_PASSPHRASE": PASSPHRASE}
    cli("init", "--encrypt", db=path, env=env)
    args = tuple(str(tmp_path / a) if a.endswith(".brmdesk") else a for a in command)
    result = cli(*args, db=path, env=env)
    assert result.returncode == 0, result.stderr
    if command[0] == "backup":
        copy = tmp_path / "copy.brmdesk"
        assert not copy.read_bytes().startswith(b"SQLite format 3")
        assert cli("check", db=copy, env=env).returncode == 0


# --- one passphrase rule ---------------------------------------------------------------------


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def journal_with_a_partner(path: Path, passphrase: str | None = None) -> None:
    """A journal as any earlier version made it (no rule applied to ``passphrase``)."""
    with Journal.create(path, passphrase=passphrase) as journal:
        journal.partners.add(Partner(id="", name="Quokka Holdings"))


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [
        ("x", "$BRM_DESK_PASSPHRASE: needs at least 8 characters"),
        (NOT_TEXT, "$BRM_DESK_PASSPHRASE: is not valid text"),
    ],
)
def test_a_new_passphrase_follows_the_apps_rule(
    cli: Cli, tmp_path: Path, passphrase: str, problem: str
) -> None:
    path = tmp_path / "j.brmdesk"
    line = one_error_line(
        cli("init", "--encrypt", db=path, env={"BRM_DESK_PASSPHRASE": passphrase})
    )
    assert problem in line
    assert not path.exists()


def test_a_passphrase_that_is_not_text_is_named_when_opening(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "secret.brmdesk"
    journal_with_a_partner(path, PASSPHRASE)
    before = files_under(tmp_path)
    line = one_error_line(cli("check", db=path, env={"BRM_DESK_PASSPHRASE": NOT_TEXT}))
    assert "$BRM_DESK_PASSPHRASE: is not valid text" in line
    assert files_under(tmp_path) == before


def test_not_text_typed_on_a_terminal_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "secret.brmdesk"
    status, text = run_on_terminal(path, "init", "--encrypt", answers=[b"\xff\xfe not text"])
    assert status == 1, text
    assert "brm-desk: error: passphrase: is not valid text" in text
    assert "Traceback" not in text
    assert not path.exists()


def test_decomposed_typing_opens_a_journal_made_with_composed_text(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "secret.brmdesk"
    assert cli("init", "--encrypt", db=path, env={"BRM_DESK_PASSPHRASE": CREME}).returncode == 0
    decomposed = unicodedata.normalize("NFD", CREME)
    assert decomposed != CREME
    result = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": decomposed})
    assert result.returncode == 0, result.stderr


def test_a_short_passphrase_from_before_the_rule_still_opens(cli: Cli, tmp_path: Path) -> None:
    """The command line once took a 1-character passphrase: opening never asks for 8."""
    path = tmp_path / "secret.brmdesk"
    journal_with_a_partner(path, "x")
    result = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": "x"})
    assert result.returncode == 0, result.stderr
    assert "OK (1 partners" in result.stdout


# --- brm-desk encrypt and change-passphrase: what the File menu does ----------------------------


def test_encrypt_makes_a_plain_journal_encrypted_in_place(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "journal.brmdesk"
    journal_with_a_partner(path)
    assert cli("backup", db=path).returncode == 0  # a plain backup in the data folder
    result = cli("encrypt", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert f"Encrypted {path}" in result.stdout
    assert not any(b"Quokka" in data for data in files_under(tmp_path).values())
    assert one_error_line(cli("check", db=path, input="")).endswith("set $BRM_DESK_PASSPHRASE")
    check = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    assert "OK (1 partners" in check.stdout, check.stderr


def test_change_passphrase_rekeys_the_journal(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "secret.brmdesk"
    journal_with_a_partner(path, PASSPHRASE)
    both = {"BRM_DESK_PASSPHRASE": PASSPHRASE, "BRM_DESK_NEW_PASSPHRASE": NEW_PASSPHRASE}
    result = cli("change-passphrase", db=path, env=both)
    assert result.returncode == 0, result.stderr
    assert f"Changed the passphrase of {path}" in result.stdout
    old = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": PASSPHRASE})
    assert "the passphrase does not open it" in one_error_line(old)
    new = cli("check", db=path, env={"BRM_DESK_PASSPHRASE": NEW_PASSPHRASE})
    assert "OK (1 partners" in new.stdout, new.stderr


def test_encrypt_and_change_passphrase_ask_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "journal.brmdesk"
    journal_with_a_partner(path)
    status, text = run_on_terminal(path, "encrypt", answers=[PASSPHRASE, PASSPHRASE])
    assert status == 0, text
    assert "Passphrase for" in text
    assert "same passphrase again" in text
    answers = [PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE]
    status, text = run_on_terminal(path, "change-passphrase", answers=answers)
    assert status == 0, text
    assert "New passphrase for" in text
    assert PASSPHRASE not in text
    assert NEW_PASSPHRASE not in text
    status, text = run_on_terminal(path, "check", answers=[NEW_PASSPHRASE])
    assert "OK (1 partners" in text


@pytest.mark.parametrize(
    ("command", "encrypted", "env", "problem"),
    [
        ("encrypt", True, {}, "is already encrypted"),
        ("encrypt", False, {}, "no terminal to ask it on; set $BRM_DESK_PASSPHRASE"),
        ("encrypt", False, {"BRM_DESK_PASSPHRASE": "short"}, "needs at least 8 characters"),
        ("change-passphrase", False, {"BRM_DESK_NEW_PASSPHRASE": NEW_PASSPHRASE}, "not encrypted"),
        ("change-passphrase", True, {}, "no terminal to ask it on; set $BRM_DESK_PASSPHRASE"),
        (
            "change-passphrase",
            True,
            {"BRM_DESK_PASSPHRASE": "not it", "BRM_DESK_NEW_PASSPHRASE": NEW_PASSPHRASE},
            "the passphrase does not open it",
        ),
        (
            "change-passphrase",
            True,
            {"BRM_DESK_PASSPHRASE": PASSPHRASE},
            "no terminal to ask it on; set $BRM_DESK_NEW_PASSPHRASE",
        ),
        (
            "change-passphrase",
            True,
            {"BRM_DESK_PASSPHRASE": PASSPHRASE, "BRM_DESK_NEW_PASSPHRASE": "short"},
            "$BRM_DESK_NEW_PASSPHRASE: needs at least 8 characters",
        ),
    ],
)
def test_each_refusal_is_one_line_and_changes_no_byte(
    cli: Cli, tmp_path: Path, command: str, encrypted: bool, env: dict[str, str], problem: str
) -> None:
    path = tmp_path / "journal.brmdesk"
    journal_with_a_partner(path, PASSPHRASE if encrypted else None)
    before = files_under(tmp_path)
    line = one_error_line(cli(command, db=path, env=env, input=""))
    assert problem in line
    assert files_under(tmp_path) == before
