"""One editor per record kind, opened as a dialog from the lists."""
