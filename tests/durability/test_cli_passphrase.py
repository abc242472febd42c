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
from collections.abc import Callable
from pathlib import Path

import pytest

Cli = Callable[..., subprocess.CompletedProcess[str]]
PASSPHRASE = "an encrypted journal passphrase"


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


def test_the_passphrase_is_asked_on_a_terminal(tmp_path: Path) -> None:
    """A real pseudo-terminal: init asks twice, check asks once, nothing is echoed back."""
    path = tmp_path / "secret.brmdesk"
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    environment.pop("BRM_DESK_PASSPHRASE", None)

    def run_on_terminal(*args: str, answers: list[str]) -> tuple[int, str]:
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
                os.write(leader, (answers[prompts_answered] + "\n").encode())
                prompts_answered += 1
        os.close(leader)
        return process.wait(timeout=60), output.decode(errors="replace")

    status, text = run_on_terminal("init", "--encrypt", answers=[PASSPHRASE, PASSPHRASE])
    assert status == 0, text
    assert "Passphrase for" in text
    assert "same passphrase again" in text
    assert PASSPHRASE not in text
    status, text = run_on_terminal("check", answers=[PASSPHRASE])
    assert status == 0, text
    assert "OK (0 partners" in text
    status, text = run_on_terminal("check", answers=["wrong one"])
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
