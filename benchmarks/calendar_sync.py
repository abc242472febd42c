"""Time a calendar source's refresh: a 2,000-event feed, first read, then with nothing changed.

Usage: ``python benchmarks/calendar_sync.py [--events 2000] [--runs 5]``. A local HTTP server
serves the feed; "nothing changed" is timed twice: the server answers 304 to the ETag, and a
server without ETags sends the whole feed again with every DTSTAMP rewritten (as Google does),
which the digest of the last text read recognises. The first refresh puts every event in the
calendar inbox; "file all from the inbox" files them (Ctrl+A, F), so "one event changed"
reads the whole feed and updates one meeting.
The target: a refresh with nothing changed costs at most 200 ms (issue 16). See README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from brm_desk.domain.records import Partner
from brm_desk.services.calendar_inbox import as_guessed, file_events, waiting
from brm_desk.services.calendar_sources import add_source
from brm_desk.services.calendar_sync import sync_all
from brm_desk.services.journal import Journal

TARGET_UNCHANGED_SECONDS = 0.200
TODAY = date(2026, 11, 24)


def feed_text(events: int, stamp: int, changed: int = -1) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for i in range(events):
        day = f"2026{1 + i % 12:02d}{1 + i % 28:02d}T{8 + i % 9:02d}0000Z"
        title = f"Meeting {i}" + (" (moved)" if i == changed else "")
        lines += ["BEGIN:VEVENT", f"UID:bench-{i}", f"DTSTAMP:20261124T{stamp % 24:02d}0000Z"]
        lines += [f"SUMMARY:{title}", f"DTSTART:{day}", "DURATION:PT1H", "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


class Server:
    """A feed on 127.0.0.1, with or without ETags."""

    def __init__(self) -> None:
        self.text = ""
        self.etags = True
        served = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = served.text.encode()
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                fresh = served.etags and self.headers.get("If-None-Match") == etag
                self.send_response(304 if fresh else 200)
                if served.etags:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", "0" if fresh else str(len(body)))
                self.end_headers()
                if not fresh:
                    self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/calendar.ics"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()


def timed(journal: Journal) -> tuple[float, str]:
    start = time.perf_counter()
    [report] = sync_all(journal)
    return time.perf_counter() - start, report.summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    server = Server()
    folder = Path(tempfile.mkdtemp(prefix="brm-bench-"))
    journal = Journal.create(folder / "journal.db", today=lambda: TODAY)
    journal.partners.add(Partner(id="", name="Finance"))
    add_source(journal, server.url, "Finance")
    server.text = feed_text(args.events, 0)
    first, summary = timed(journal)
    rows = [("first refresh", first, summary)]
    start = time.perf_counter()
    filed = file_events(journal, as_guessed(waiting(journal)))
    seconds = time.perf_counter() - start
    rows.append(("file all from the inbox", seconds, f": {len(filed.meeting_ids):,} meetings"))
    for label, etags in (("nothing changed, 304", True), ("nothing changed, no ETag", False)):
        server.etags = etags
        times = []
        for run in range(args.runs):
            server.text = feed_text(args.events, 0 if etags else run + 1)
            seconds, summary = timed(journal)
            times.append(seconds)
        rows.append((label, statistics.median(times), summary))
    server.text = feed_text(args.events, 23, changed=7)
    seconds, summary = timed(journal)
    rows.append(("one event changed", seconds, summary))
    journal.close()
    print(f"Calendar feed of {args.events:,} events (median of {args.runs} runs where repeated)")
    for label, seconds, summary in rows:
        print(f"  {label:<26} {seconds * 1000:8.1f} ms   {summary.split(': ', 1)[1]}")
    worst = max(seconds for label, seconds, _ in rows if label.startswith("nothing"))
    verdict = "met" if worst <= TARGET_UNCHANGED_SECONDS else "MISSED"
    print(f"Target: nothing changed ≤ {TARGET_UNCHANGED_SECONDS * 1000:.0f} ms: {verdict}")
    return 0 if worst <= TARGET_UNCHANGED_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
