"""Where the bundled resources (icons, agenda templates, the sample journal) are found.

One answer for the three ways BRM Desk runs: a PyInstaller bundle unpacks them under
``sys._MEIPASS``, an installed wheel carries them inside the package (``force-include``), and
a source checkout keeps them in the repository's ``resources/`` folder. Plain Python, no Qt,
so services and the UI ask the same place.
"""

from __future__ import annotations

import sys
from pathlib import Path

import brm_desk

FOLDER = "resources"


def resources_dir() -> Path:
    """The folder holding ``sample/``, ``agenda/``, ``icons/`` for this way of running."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / FOLDER
    package = Path(brm_desk.__file__).resolve().parent
    installed = package / FOLDER
    if installed.is_dir():
        return installed
    return package.parents[1] / FOLDER


def resource(*parts: str) -> Path:
    """A path inside the resources folder, e.g. ``resource("sample", "sample_journal.json")``."""
    return resources_dir().joinpath(*parts)
