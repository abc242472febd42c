"""What a PyInstaller bundle does first: a font cache that lasts.

The bundle itself is exercised by .ci/smoke-bundle; these tests pin the start-up step it runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from brm_desk import __version__, frozen


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv(frozen.MATPLOTLIB_CONFIG_VARIABLE, raising=False)
    return home


def test_a_frozen_app_keeps_matplotlibs_cache_in_the_users_cache_folder(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    # PyInstaller's own hook has pointed matplotlib at a temporary folder by now.
    monkeypatch.setenv(frozen.MATPLOTLIB_CONFIG_VARIABLE, str(cache_home / "tmp-pyi"))
    frozen.prepare()
    expected = cache_home / "BRM Desk" / __version__ / "matplotlib"
    assert os.environ[frozen.MATPLOTLIB_CONFIG_VARIABLE] == str(expected)
    assert expected.is_dir()


def test_running_from_source_leaves_matplotlib_alone(cache_home: Path) -> None:
    assert not frozen.is_frozen()
    frozen.prepare()
    assert frozen.MATPLOTLIB_CONFIG_VARIABLE not in os.environ
    assert not cache_home.exists()


def test_an_unwritable_cache_folder_leaves_pyinstallers_choice(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    cache_home.write_text("a file where the cache folder should be")
    monkeypatch.setenv(frozen.MATPLOTLIB_CONFIG_VARIABLE, "/tmp/_MEI-config")
    frozen.prepare()
    assert os.environ[frozen.MATPLOTLIB_CONFIG_VARIABLE] == "/tmp/_MEI-config"


def test_python_m_brm_desk_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "brm_desk", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"brm-desk {__version__}"
