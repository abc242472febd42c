"""Alembic migrations of the journal schema (loaded by path, so bundled as data)."""
