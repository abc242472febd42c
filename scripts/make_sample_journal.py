"""Write resources/sample/sample_journal.json from the story in scripts/sample_story/.

The story (partners, people, meetings, requests, pulses) is plain TOML a writer can edit.
This script adds nothing to it: it puts the story through BRM Desk's own JSON import into a
temporary journal and writes what BRM Desk's own export gives back. So a meeting type's
default focus, what each request status needs and the JSON format come from the app and can
never disagree with the sample; a story that breaks a rule stops here with the import's
message naming the record. The same story gives the same bytes.

Run: .venv/bin/python scripts/make_sample_journal.py [--check]
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.interchange.json_io import export_journal, import_journal, read_import_file
from brm_desk.services.journal import Journal

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "scripts" / "sample_story"
OUTPUT = ROOT / "resources" / "sample" / "sample_journal.json"
KINDS = ("contacts", "meetings", "requests", "pulses")


def read_story(folder: Path) -> dict[str, Any]:
    """The story as one document of the JSON format, records in the order they happened."""
    frame = _read_toml(folder / "journal.toml")
    document: dict[str, Any] = {
        "format": "brm-desk-journal",
        "version": 1,
        "exported_at": frame["exported_at"],
        "partners": [],
        **{kind: [] for kind in KINDS},
    }
    for name in frame["partners"]:
        story = _read_toml(folder / f"{name}.toml")
        partner = story["partner"]
        document["partners"].append(partner)
        for kind in KINDS:
            for record in story.get(kind, []):
                document[kind].append({"partner": partner["id"], **record})
    document["meetings"].sort(key=lambda meeting: (meeting["start"], meeting["id"]))
    document["requests"].sort(key=lambda request: (request["received"], request["id"]))
    document["pulses"].sort(key=lambda pulse: (pulse["taken_on"], pulse["id"]))
    return document


def build(folder: Path) -> str:
    """The sample journal's JSON text: the story imported and exported by BRM Desk itself."""
    document = read_story(folder)
    with tempfile.TemporaryDirectory() as work:
        story_file = Path(work) / "story.json"
        text = json.dumps(document, ensure_ascii=False, default=_iso_text)
        story_file.write_text(text, encoding="utf-8")
        with Journal.create(Path(work) / "sample.brmdesk") as journal:
            import_journal(journal, read_import_file(story_file))
            exported = export_journal(journal, include_private=True, now=document["exported_at"])
    return json.dumps(exported, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """Write the sample, or with ``--check`` only say whether the committed one is current."""
    try:
        text = build(STORY)
    except (BrmDeskError, tomllib.TOMLDecodeError) as error:
        print(f"make_sample_journal: error: {error}", file=sys.stderr)
        return 1
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if "--check" in argv:
        print("up to date" if current == text else f"{OUTPUT} is out of date")
        return 0 if current == text else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode('utf-8')):,} bytes)")
    return 0


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise tomllib.TOMLDecodeError(f"{path.name}: {error}") from None


def _iso_text(value: date) -> str:
    """TOML dates and date-times as the JSON format writes them."""
    return value.isoformat()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
