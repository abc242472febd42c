"""The command line never writes behind the app's back (issue 13): the app's lock is a real
QLockFile held by this test process, read by the command line without Qt."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication
from test_writers import journal_file

from brm_desk.domain.records import Partner
from brm_desk.services import app_lock
from brm_desk.ui import journal_lock
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def app_has_it_open(qapp: QApplication, tmp_path: Path, new_journal: NewJournal) -> Iterator[Path]:
    """A journal with a real QLockFile held by this process, as the app holds it."""
    path = tmp_path / "journal.brmdesk"
    with new_journal(path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
    lock = QLockFile(str(app_lock.lock_path(path)))
    assert lock.tryLock(0)
    try:
        yield path
    finally:
        lock.unlock()


def refused_untouched(result: subprocess.CompletedProcess[str], path: Path) -> None:
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"brm-desk: error: {path}: is open in BRM Desk (process {os.getpid()}")
    assert "nothing was changed" in line


def test_a_command_that_writes_refuses_a_journal_the_app_has_open(
    app_has_it_open: Path, cli: Cli, tmp_path: Path
) -> None:
    path = app_has_it_open
    file = tmp_path / "a.json"
    file.write_text(json.dumps(journal_file("a")))
    passphrases = {"BRM_DESK_PASSPHRASE": "app lock passphrase", "BRM_DESK_NEW_PASSPHRASE": "x" * 9}
    before = path.read_bytes(), path.stat().st_mtime_ns
    for command in (["import", str(file)], ["encrypt"], ["change-passphrase"]):
        refused_untouched(cli(*command, db=path, env=passphrases), path)
        assert (path.read_bytes(), path.stat().st_mtime_ns) == before
        assert not Path(f"{path}-wal").exists()


def test_init_refuses_where_the_app_is_creating_a_journal(
    qapp: QApplication, cli: Cli, tmp_path: Path
) -> None:
    """The app takes the lock before it creates a new journal (the welcome's first choice)."""
    path = tmp_path / "new.brmdesk"
    lock = QLockFile(str(app_lock.lock_path(path)))
    assert lock.tryLock(0)
    try:
        refused_untouched(cli("init", db=path), path)
        assert not path.exists()
    finally:
        lock.unlock()
    assert cli("init", db=path).returncode == 0


def test_commands_that_only_read_still_work_while_the_app_has_it_open(
    app_has_it_open: Path, cli: Cli, tmp_path: Path
) -> None:
    path = app_has_it_open
    for command in (
        ["balance"],
        ["search", "Finance"],
        ["export", str(tmp_path / "out.json")],
        ["review", "-o", str(tmp_path / "pack.pdf")],
        ["backup", "-o", str(tmp_path / "copy.brmdesk")],
        ["check"],
    ):
        result = cli(*command, db=path)
        assert result.returncode == 0, (command, result.stderr)


def test_a_lock_left_by_a_dead_process_on_this_host_is_no_reason_to_refuse(
    new_journal: NewJournal, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "journal.brmdesk"
    new_journal(path).close()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = gone.stdout.strip()
    host = socket.gethostname()
    app_lock.lock_path(path).write_text(f"{dead_pid}\nbrm-desk\n{host}\n")
    result = cli("import", str(tmp_path / "missing.json"), db=path)
    assert "is open in BRM Desk" not in result.stderr
    assert "missing.json: no such file" in result.stderr
    # a live process on another host (a shared folder) cannot be judged: refused
    app_lock.lock_path(path).write_text(f"{dead_pid}\nbrm-desk\nanother-{host}\n")
    other = cli("import", str(tmp_path / "missing.json"), db=path)
    assert f"is open in BRM Desk (process {dead_pid} on another-{host})" in other.stderr


def test_a_lock_file_that_cannot_be_read_is_named(
    new_journal: NewJournal, cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "journal.brmdesk"
    new_journal(path).close()
    app_lock.lock_path(path).write_text("")
    result = cli("import", str(tmp_path / "a.json"), db=path)
    assert f"is open in BRM Desk (its lock file {app_lock.lock_path(path)})" in result.stderr


def test_the_app_and_the_command_line_share_one_lock_path(tmp_path: Path) -> None:
    assert journal_lock.lock_path is app_lock.lock_path
    link = tmp_path / "link.brmdesk"
    link.symlink_to(tmp_path / "journal.brmdesk")
    assert app_lock.lock_path(link) == tmp_path / "journal.brmdesk.lock"
