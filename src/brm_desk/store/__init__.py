"""The only package that knows SQL, SQLite, SQLCipher and Alembic."""
