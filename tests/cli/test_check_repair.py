"""`brm-desk check --repair`: the search index is derived from the records, so a damaged or
stale index is rebuilt from them; anything else check finds is reported and left alone."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.sample_journal import read_sample
from empty_journal import built_once

Cli = Callable[..., subprocess.CompletedProcess[str]]

DAMAGE = {
    "missing": ["DELETE FROM search_document WHERE kind = 'meeting' AND id % 7 = 0"],
    "stale": ["UPDATE search_document SET body = 'nothing' WHERE kind = 'request'"],
    "broken": [
        "INSERT INTO search_fts (search_fts, rowid, title, body) "
        "VALUES ('delete', 1, 'not what', 'was indexed')"
    ],
}


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal, imported once for this module and copied for each test."""
    return built_once(tmp_path_factory, lambda journal: import_journal(journal, read_sample()))


@pytest.fixture
def sample(sample_file: Path, journal_path: Path) -> Path:
    shutil.copy(sample_file, journal_path)
    return journal_path


def run_sql(path: Path, *statements: str) -> None:
    """Edit the file by hand, as a damaged or tampered journal would be."""
    with closing(sqlite3.connect(path)) as raw:
        raw.create_function("plain_text", 1, str)  # the journal's triggers call it
        for statement in statements:
            raw.execute(statement)
        raw.commit()


def hits(cli: Cli, path: Path, query: str) -> list[str]:
    result = cli("search", query, "--limit", "200", "--json", db=path)
    assert result.returncode == 0, result.stderr
    return sorted(hit["id"] for hit in json.loads(result.stdout))


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_search_index_is_named_then_rebuilt_and_search_finds_all_again(
    cli: Cli, sample: Path, damage: str
) -> None:
    journal_path = sample
    before = hits(cli, journal_path, "budget")
    assert before
    run_sql(journal_path, *DAMAGE[damage])
    damaged = journal_path.read_bytes()

    found = cli("check", db=journal_path)
    assert found.returncode == 1
    assert "search index" in found.stdout
    assert "`brm-desk check --repair` rebuilds the search index" in found.stderr
    assert journal_path.read_bytes() == damaged  # check alone changes nothing

    repaired = cli("check", "--repair", db=journal_path)
    assert repaired.returncode == 0, repaired.stderr
    lines = repaired.stdout.splitlines()
    assert f"{journal_path}: rebuilt the search index" in lines
    assert lines[-1].startswith(f"{journal_path}: OK (")
    assert cli("check", db=journal_path).returncode == 0
    assert hits(cli, journal_path, "budget") == before


def test_repair_leaves_anything_but_the_search_index_to_a_backup(cli: Cli, sample: Path) -> None:
    journal_path = sample
    no_offset = "UPDATE meeting SET start = substr(start, 1, 19) WHERE id = 1"
    run_sql(journal_path, no_offset, *DAMAGE["stale"])
    damaged = journal_path.read_bytes()

    result = cli("check", "--repair", db=journal_path)
    assert result.returncode == 1
    assert "has no UTC offset" in result.stdout
    assert result.stderr.startswith("brm-desk: error: ")
    assert "only the search index can be repaired: restore a backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert journal_path.read_bytes() == damaged
