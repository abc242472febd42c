"""Search a large match set on several cores at once: split over ranges of rowids.

bm25 must score every matching document, and a common word matches most of a large journal
("not": 90,000 of 120,000 documents, about 50 ms). FTS5 computes bm25's IDF, row count and
average length over the whole index, so a document scores the same in whichever range it is
ranked; the best rows of the whole are the best of each range's best, merged by score and
rowid. Each range is searched whole (ranking, then snippets for its own best rows: the
snippet pass also walks the range) on its own connection of the journal's pool, WAL letting
readers run side by side, and the SQLite every journal connection goes through runs them on
separate cores. A small match set is searched whole: a thread costs more than it saves.
"""

from __future__ import annotations

import heapq
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager
from functools import lru_cache
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

Connect = Callable[[], AbstractContextManager[Any]]
"""Where a worker gets its own DB-API connection (``Database.reading``)."""
Row = tuple[Any, ...]
"""A search row: its bm25 score first (lower is better), its rowid last."""

LARGE = 20_000
"""Matches from which searching in parts pays, measured on an idle machine at 100,000
meetings: "the" (120,000 matches) 94 -> 59 ms, "day" (36,000) 25 -> 22 ms, but "sure"
(13,000) 11 -> 15 ms. Finding that a query has fewer costs FTS5 a walk over its matches
(0.045 µs each, so up to 0.9 ms for a query of 10-15 ms)."""
MAX_PARTS = 4
LOADAVG = Path("/proc/loadavg")


@lru_cache(maxsize=8)
def probe_statement(large: int, parameter: str = "query") -> str:
    """Whether a query has ``large`` matches: FTS5 walks that many rowids without their
    positions (0.13 ms for 3,000 of one word, more for two words whose documents it must
    intersect or a long prefix, see ``ranges``).

    The offset is written in: bound, SQLite would prepare the statement again at every run.
    """
    return (
        f"SELECT rowid FROM search_fts WHERE search_fts MATCH :{parameter} "
        f"LIMIT 1 OFFSET {max(int(large), 1) - 1}"
    )


_ROWIDS = "SELECT min(id), max(id) FROM search_document"

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system says)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def idle_cores() -> int:
    """Cores that nothing else runs on at this moment: all but this thread's, less the
    tasks other than this one that Linux counts as running (``/proc/loadavg``).

    Ranking in parts on a core another program keeps busy is slower than ranking whole
    (measured: "day" 28 -> 36 ms with the second core taken). Elsewhere every other core
    counts as idle.
    """
    cores = usable_cores()
    try:
        running = int(LOADAVG.read_bytes().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return cores - 1
    return max(0, cores - running)


def parts_to_use(parts: int | None = None) -> int:
    """``parts`` if given, else one for this thread and one per idle core, at most
    ``MAX_PARTS``; below 2, a query is searched whole."""
    return min(1 + idle_cores(), MAX_PARTS) if parts is None else parts


def ranges(
    connection: Any,
    terms: Sequence[str],
    *,
    large: int = LARGE,
    parts: int | None = None,
    last_known: bool = False,
) -> list[tuple[int, int]]:
    """Rowid ranges to search side by side, first to last; empty when searching whole pays.

    ``terms`` (all must match) are those of the query, or terms found in no fewer
    documents that FTS5 looks up faster (a whole word for a long prefix: see
    search_index). When they have ``large`` matches or more, the query is split into
    ``parts`` ranges; by default one for this thread and one per idle core, at most
    ``MAX_PARTS`` (none idle: no probe either). Terms match no more documents than the
    rarest of them, so each is asked alone first, the last (the word being typed, often
    the one that narrows) first of all, and all of them together only when every one has
    enough. ``last_known``: the last term is known to have enough.
    """
    parts = parts_to_use(parts)
    if parts < 2:
        return []
    probe = probe_statement(large)
    queries = [*reversed(terms), " ".join(terms)] if len(terms) > 1 else [*terms]
    for query in queries[1:] if last_known else queries:
        if connection.execute(probe, {"query": query}).fetchone() is None:
            return []
    first, last = connection.execute(_ROWIDS).fetchone()
    return split(first, last, parts)


def split(first: int, last: int, parts: int) -> list[tuple[int, int]]:
    """``first`` to ``last`` cut into ``parts`` ranges of nearly equal length, in order.

    Together they hold every rowid once; a range may be empty (low above high) when there
    are fewer rowids than parts.
    """
    step = (last - first + 1) / parts
    bounds = [first + round(step * part) for part in range(parts)] + [last + 1]
    return [(low, high - 1) for low, high in pairwise(bounds)]


def merged(
    connection: Any,
    connect: Connect,
    sql: str,
    params: dict[str, Any],
    parts: Sequence[tuple[int, int]],
    limit: int,
) -> list[Row]:
    """The best ``limit`` rows of ``sql`` over all ``parts``, best first.

    ``sql`` searches one range, given as ``:low`` and ``:high``: its rows are ordered by
    score (their first column) then rowid (their last). The first range is searched on
    ``connection`` in this thread, the others by the workers, on connections of their own.
    An error in any part is raised here, as the first part's would be, once all have ended.
    """
    pool = _workers()
    others: list[Future[list[Row]]] = [
        pool.submit(_search_part, connect, sql, {**params, "low": low, "high": high})
        for low, high in parts[1:]
    ]
    try:
        low, high = parts[0]
        first = connection.execute(sql, {**params, "low": low, "high": high}).fetchall()
    finally:
        wait(others)
    rows: Iterator[Row] = heapq.merge(first, *(part.result() for part in others), key=_order)
    return list(islice(rows, limit))


def _order(row: Row) -> tuple[float, int]:
    return row[0], row[-1]


def _search_part(connect: Connect, sql: str, params: dict[str, Any]) -> list[Row]:
    with connect() as connection:
        rows: list[Row] = connection.execute(sql, params).fetchall()
        return rows


def _workers() -> ThreadPoolExecutor:
    """The process's search workers, made on first use and kept (an idle thread costs nothing).

    A thread starts only when a part finds none free: one on two cores, more only while
    searches from several threads overlap.
    """
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(MAX_PARTS - 1, thread_name_prefix="brm-search")
        return _pool
