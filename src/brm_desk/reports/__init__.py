"""Charts and PDF review packs: no Qt widgets here."""
