"""Real calendar servers for the sync tests: Radicale (CalDAV) and an ICS feed with ETags.

Both listen on 127.0.0.1 on a free port. The feed keeps its data in the test; Radicale is
started once per test process and gives each test a calendar of its own. A keyring that
stores in a file (keyrings.alt, as keyring documents for tests) stands in for the system
keyring, in this process and in the command lines the tests run.
"""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import select

from brm_desk.services.journal import Journal
from brm_desk.store.schema import CalendarEventRow, MeetingRow

USER = "ana"
PASSWORD = "s3cret-Radicale-pw"
PLAINTEXT_KEYRING = "keyrings.alt.file.PlaintextKeyring"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def event(uid: str, title: str, start: str, *, minutes: int = 60, extra: str = "") -> str:
    """A VEVENT starting at ``start`` (``20261201T090000Z``); ``extra`` adds lines."""
    hour = int(start[9:11]) + minutes // 60
    end = f"{start[:9]}{hour:02d}{start[11:]}"
    lines = [f"UID:{uid}", f"SUMMARY:{title}", f"DTSTART:{start}", f"DTEND:{end}", extra]
    return "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines if line) + "END:VEVENT"


def calendar_text(*events: str) -> str:
    body = "".join(f"{e}\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//EN\r\n{body}END:VCALENDAR\r\n"


@dataclass
class Feed:
    """An ICS feed served with an ETag; ``answers`` lists each request's status code."""

    url: str
    text: str = ""
    failing: bool = False
    etags: bool = True
    """False: a server that never sends an ETag (and so never answers 304)."""
    answers: list[int] = field(default_factory=list)

    def publish(self, *events: str) -> None:
        self.text = calendar_text(*events)


@pytest.fixture
def feed() -> Iterator[Feed]:
    """http://127.0.0.1:PORT/calendar.ics, answering If-None-Match with 304."""
    served = Feed(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if served.failing:
                self._answer(500)
                return
            body = served.text.encode()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"' if served.etags else ""
            if etag and self.headers.get("If-None-Match") == etag:
                self._answer(304, etag=etag)
                return
            self._answer(200, body, etag)

        def _answer(self, status: int, body: bytes = b"", etag: str = "") -> None:
            served.answers.append(status)
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Type", "text/calendar; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}/calendar.ics"
    # shutdown() waits until serve_forever next looks, every poll_interval (0.5 s by default)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()
    thread.join()


@dataclass
class CalDavServer:
    """A running Radicale, and the URL of user ana's calendar 'work' on it."""

    url: str
    calendar_url: str

    def calendar(self) -> Any:
        from caldav.collection import Calendar
        from caldav.davclient import DAVClient

        client = DAVClient(url=self.url, username=USER, password=PASSWORD)
        return Calendar(client=client, url=self.calendar_url)


@pytest.fixture(scope="session")
def radicale_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Radicale on 127.0.0.1, started once per test process (it takes a second or two),
    with its collections in a folder of its own and user ana (password in a plain htpasswd
    file); each test gets a calendar of its own from :func:`radicale`."""
    folder = tmp_path_factory.mktemp("radicale")
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n")
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "radicale", "--config", ""),
            *("--server-hosts", f"127.0.0.1:{port}", "--logging-level", "warning"),
            *("--storage-filesystem-folder", str(folder / "collections")),
            *("--auth-type", "htpasswd", "--auth-htpasswd-encryption", "plain"),
            *("--auth-htpasswd-filename", str(folder / "users")),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("Radicale did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def radicale(radicale_url: str) -> CalDavServer:
    """The running Radicale and a new, empty calendar 'work' of ana's on it, for this test
    alone (its own collection, so its own events and sync token)."""
    from caldav.davclient import DAVClient

    client = DAVClient(url=radicale_url, username=USER, password=PASSWORD)
    made = client.principal().make_calendar(name="work", cal_id=f"work-{uuid.uuid4().hex}")
    return CalDavServer(radicale_url, str(made.url))


@pytest.fixture
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """keyring's plaintext file backend (in the test's data folder), here and in subprocesses;
    afterwards a keyring that refuses everything, so no test reaches the real one."""
    import keyring
    from keyring.backends import fail
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", PLAINTEXT_KEYRING)
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(fail.Keyring())


def flagged_meetings(journal: Journal) -> dict[str, str]:
    """Live meetings whose event the calendar cancelled or deleted: meeting id → flag, as the
    journal keeps them for the next sync."""
    statement = (
        select(MeetingRow.uid, CalendarEventRow.flag)
        .join(MeetingRow, MeetingRow.id == CalendarEventRow.meeting_id)
        .where(CalendarEventRow.flag.is_not(None), MeetingRow.deleted_at.is_(None))
    )
    with journal.database.snapshot() as tx:
        return {uid: flag or "" for uid, flag in tx.execute(statement)}
