"""Run a worker that drives the real app, and SIGKILL it once it says it has drafted."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path


def kill_when_drafted(worker: Path, args: list[str], tmp_path: Path) -> None:
    """Start ``worker`` with ``args``; kill it, as a power cut would, once it prints "drafted"."""
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = [sys.executable, str(worker), *args]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment) as app:
        assert app.stdout is not None
        ready, _, _ = select.select([app.stdout], [], [], 120)
        said = app.stdout.readline().strip() if ready else "nothing in 120 s"
        app.send_signal(signal.SIGKILL)
        app.wait()
    assert said == "drafted"
    assert app.returncode == -signal.SIGKILL
