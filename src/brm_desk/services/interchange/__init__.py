"""Bringing data in and out of a journal: the JSON format, calendars and CSV."""
