"""What a PyInstaller bundle of BRM Desk does first, before the command line or the window.

A frozen app is one executable that also serves as its own worker processes (the portfolio
pack draws charts in a ``spawn`` pool), so ``multiprocessing.freeze_support()`` must run before
anything parses the command line. PyInstaller also points matplotlib at a fresh temporary
config folder on every start, which would rebuild the font cache (about a second) each time;
a bundle keeps it in the user's cache folder instead. Plain Python, no Qt.
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


def is_worker_start(argv: list[str]) -> bool:
    """This process was started by multiprocessing: a spawned worker, or a helper such as its
    resource tracker (``-c`` and a line of Python), never by a user."""
    return argv[1:2] == ["--multiprocessing-fork"] or "-c" in argv


def prepare() -> None:
    """Run worker processes and keep matplotlib's cache; does nothing when not frozen.

    The bundle's run-time hook (build.spec) sets multiprocessing up only in the processes it
    starts, so the app's own start does not import it: here it runs the worker and exits.
    """
    if not is_frozen():
        return
    if is_worker_start(sys.argv):
        import multiprocessing

        multiprocessing.freeze_support()
    folder = matplotlib_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # a read-only home: PyInstaller's temporary folder still works, only slower
    os.environ[MATPLOTLIB_CONFIG_VARIABLE] = str(folder)


def ready_for_workers() -> None:
    """What PyInstaller's multiprocessing hook does in the app's own process, done when a
    pack first starts workers rather than at every start: a spawned worker must not look
    for the main script by a path relative to the folder the app started in."""
    if not is_frozen():
        return
    import multiprocessing.process

    multiprocessing.process.ORIGINAL_DIR = None  # type: ignore[attr-defined]
