"""Full-text search across notes, titles, wants and needs, names and roles."""

from __future__ import annotations

from brm_desk.domain.search import SearchFilters, SearchHit
from brm_desk.store import search_index
from brm_desk.store.database import Database


class Search:
    """Search a journal as the user types: any text is a valid query."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def query(
        self, text: str, *, limit: int = 50, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        """The best ``limit`` hits for ``text``, best first; none when it holds no word.

        Every word must match; the last one also matches longer words while it is being
        typed (no space after it yet) once it has three letters, so "roadm" finds "roadmap".
        """
        return search_index.search(self._db, text, limit=limit, filters=filters)

    @staticmethod
    def short_word(text: str) -> str | None:
        """The word being typed while it is too short to find longer words (three letters)."""
        return search_index.too_short_to_complete(text)
