"""BRM Desk: a private, offline journal for Business Relationship Managers."""

__version__ = "0.1.0"
