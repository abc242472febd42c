"""Writing a file whole or not at all, and reading errors in words (domain/files.py)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from brm_desk.domain.errors import ImportFileError, JournalFileError
from brm_desk.domain.files import replacing, unreadable


@pytest.fixture(params=[0o000, 0o022, 0o077])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_the_new_file_replaces_the_old_one_and_leaves_nothing_else(
    tmp_path: Path, umask: int
) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")

    with replacing(target) as temporary:
        assert temporary.parent == tmp_path
        assert temporary.name.startswith(".export.json.")
        assert temporary.read_bytes() == b""
        temporary.write_text("new")
        assert target.read_text() == "old"

    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # owner only, whatever the umask
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_an_error_in_the_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_text("old")

    def interrupted_halfway() -> None:
        with replacing(target) as temporary:
            temporary.write_text("half")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_halfway()

    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


def test_a_failed_rename_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "taken.pdf"
    target.mkdir()  # a folder where the file should go

    with pytest.raises(IsADirectoryError), replacing(target) as temporary:
        temporary.write_text("new")

    assert [p.name for p in tmp_path.iterdir()] == ["taken.pdf"]
    assert target.is_dir()


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), replacing(tmp_path / "missing" / "x.json"):
        pass  # pragma: no cover


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "no such file."),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "is a folder, not a file."),
        (PermissionError(errno.EACCES, "Permission denied"), "cannot be read (permission denied)."),
        (OSError(errno.EIO, "Input/output error"), "cannot be read (input/output error)."),
    ],
)
def test_a_read_error_is_said_in_words(tmp_path: Path, error: OSError, message: str) -> None:
    found = unreadable(tmp_path / "in.ics", error, ImportFileError)

    assert isinstance(found, ImportFileError)
    assert str(found) == f"{tmp_path / 'in.ics'}: {message}"


def test_a_read_error_names_what_the_file_should_be(tmp_path: Path) -> None:
    def error_reading(path: Path) -> JournalFileError:
        try:
            path.read_bytes()
        except OSError as error:
            return unreadable(
                path, error, JournalFileError, missing="no journal here.", what="a journal file"
            )
        raise AssertionError("read")

    assert str(error_reading(tmp_path / "none.db")) == f"{tmp_path / 'none.db'}: no journal here."
    assert str(error_reading(tmp_path)) == f"{tmp_path}: is a folder, not a journal file."
