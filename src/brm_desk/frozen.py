"""What a PyInstaller bundle of BRM Desk does first, before the command line or the window.

PyInstaller points matplotlib at a fresh temporary config folder on every start, which would
rebuild the font cache (about a second) each time; a bundle keeps it in the user's cache
folder instead. Plain Python, no Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MATPLOTLIB_CONFIG_VARIABLE = "MPLCONFIGDIR"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def matplotlib_cache_dir() -> Path:
    """Where a bundle keeps matplotlib's font cache, per user and per BRM Desk version."""
    import platformdirs

    from brm_desk import __version__
    from brm_desk.services.locations import APP_NAME

    cache = platformdirs.user_cache_dir(APP_NAME, appauthor=False, version=__version__)
    return Path(cache) / "matplotlib"


def prepare() -> None:
    """Keep matplotlib's cache in the user's cache folder; does nothing when not frozen."""
    if not is_frozen():
        return
    folder = matplotlib_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only home: PyInstaller's temporary folder still works, only slower
    os.environ[MATPLOTLIB_CONFIG_VARIABLE] = str(folder)
