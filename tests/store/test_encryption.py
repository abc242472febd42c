"""Encrypted journals: no note readable on disk, wrong keys refused untouched, safe keying."""

from __future__ import annotations

import hashlib
import os
import random
import unicodedata
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brm_desk.domain.errors import (
    JournalFileError,
    PassphraseNeeded,
    ValidationError,
    WrongPassphrase,
)
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services import backups, drafts, maintenance, protection
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir, data_dir
from brm_desk.store import cipher, encrypted_file

TODAY = date(2026, 11, 24)
PASSPHRASE = "correct horse battery staple"
SECRET_NOTE = "Zebrafish merger whispered by the CFO"
SECRET_TITLE = "Quarterly Xylophone review"
SECRET_NAME = "Quokka Holdings"
SECRETS = (SECRET_NOTE, SECRET_TITLE, SECRET_NAME)


def fill(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name=SECRET_NAME, notes=SECRET_NOTE))
    start = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    meeting = journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title=SECRET_TITLE,
            start=start,
            notes=SECRET_NOTE,
            private_notes=SECRET_NOTE,
        )
    )
    journal.requests.add(
        Request(id="", partner_id=partner.id, title=SECRET_TITLE, received=TODAY, want=SECRET_NOTE)
    )
    kept, now = drafts.for_journal(journal), datetime.now(UTC)
    typed = {"title": SECRET_TITLE, "notes": f"draft: {SECRET_NOTE}", "private_notes": SECRET_NOTE}
    kept.save(drafts.Draft(meeting.id, "meeting", now, typed, meeting.id))
    kept.save(drafts.Draft(drafts.NEW_MEETING, "meeting", now, {"notes": f"new: {SECRET_NOTE}"}))


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def readable_secrets(*folders: Path) -> list[tuple[str, str]]:
    """Every (file, secret) where the secret's bytes appear, in UTF-8, UTF-16 or lower case."""
    found = []
    for path in files_under(*folders):
        data = path.read_bytes()
        for secret in SECRETS:
            for form in (secret.encode(), secret.encode("utf-16-le"), secret.lower().encode()):
                if form in data:
                    found.append((path.name, secret))
    return found


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def test_the_probe_finds_the_secrets_in_a_plain_journal(journal_path: Path) -> None:
    """The grep below can fail: on a plain journal it finds every secret."""
    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        fill(journal)
        maintenance.backup(journal)
        found = {secret for _, secret in readable_secrets(journal_path.parent, data_dir())}
    assert found == set(SECRETS)


def test_no_byte_of_a_note_title_or_name_is_readable_anywhere_on_disk(
    journal_path: Path,
) -> None:
    with Journal.create(journal_path, today=lambda: TODAY, passphrase=PASSPHRASE) as journal:
        fill(journal)
        backups.backup_daily(journal)
        maintenance.backup(journal)
        maintenance.backup(journal, journal_path.parent / "by-hand.brmdesk")
        # while open: the journal, its -wal and -shm, backups and drafts are all on disk
        assert Path(f"{journal_path}-wal").exists()
        assert readable_secrets(journal_path.parent, data_dir()) == []
        assert drafts.for_journal(journal).load(drafts.NEW_MEETING) is not None
    assert readable_secrets(journal_path.parent, data_dir()) == []
    with Journal.open(journal_path, passphrase=PASSPHRASE) as journal:
        assert [p.name for p in journal.partners.listing()] == [SECRET_NAME]
        assert maintenance.check(journal).ok


def test_an_encrypted_journal_starts_with_its_salt_not_a_sqlite_header(
    journal_path: Path,
) -> None:
    Journal.create(journal_path, passphrase=PASSPHRASE).close()
    header = journal_path.read_bytes()[:100]
    assert not header.startswith(b"SQLite format 3")
    assert encrypted_file.is_encrypted(journal_path)
    assert cipher.file_salt(journal_path) == header[:16]


def test_without_a_passphrase_it_is_a_clear_error_and_nothing_changes(journal_path: Path) -> None:
    Journal.create(journal_path, passphrase=PASSPHRASE).close()
    before = snapshot(journal_path.parent)
    with pytest.raises(PassphraseNeeded) as caught:
        Journal.open(journal_path)
    assert str(journal_path) in caught.value.message
    assert "passphrase is needed" in caught.value.message
    assert snapshot(journal_path.parent) == before


@pytest.mark.parametrize("wrong", ["wrong", PASSPHRASE + " ", PASSPHRASE.upper(), "ü" * 40])
def test_a_wrong_passphrase_is_refused_with_the_file_byte_identical(
    journal_path: Path, wrong: str
) -> None:
    with Journal.create(journal_path, passphrase=PASSPHRASE) as journal:
        fill(journal)
    before = snapshot(journal_path.parent)
    with pytest.raises(WrongPassphrase) as caught:
        Journal.open(journal_path, passphrase=wrong)
    assert str(journal_path) in caught.value.message
    assert "passphrase does not open it" in caught.value.message
    assert snapshot(journal_path.parent) == before  # bytes, mtimes, and no side files


def test_random_bytes_with_a_passphrase_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "noise.brmdesk"
    path.write_bytes(random.Random(5).randbytes(16384))
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphrase, match="not a BRM Desk journal"):
        Journal.open(path, passphrase=PASSPHRASE)
    assert snapshot(tmp_path) == before


HOSTILE_PASSPHRASES = [
    "\"'; DROP TABLE partner; --",
    "x'00'",
    "pass\x00word",
    "' OR 1=1",
    "😀 ünïcødé 密码",
    "a" * 5000,
]


@pytest.mark.parametrize("passphrase", HOSTILE_PASSPHRASES)
def test_any_passphrase_text_is_a_key_never_sql(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "j.brmdesk"
    with Journal.create(path, today=lambda: TODAY, passphrase=passphrase) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
    with Journal.open(path, passphrase=passphrase) as journal:
        assert [p.name for p in journal.partners.listing()] == ["Finance"]
    with pytest.raises(WrongPassphrase):
        Journal.open(path, passphrase=passphrase[:-1] or "other")


def test_the_key_is_derived_from_the_file_salt_and_never_shown() -> None:
    salt = bytes(range(16))
    key = cipher.derive(PASSPHRASE, salt)
    assert key == cipher.derive(PASSPHRASE, salt)
    assert key.key != cipher.derive(PASSPHRASE, bytes(16)).key
    assert len(key.key) == 32
    assert key.raw_text() == f"x'{key.key.hex()}{salt.hex()}'"
    assert PASSPHRASE not in repr(key)
    assert key.key.hex() not in repr(key)
    with pytest.raises(JournalFileError, match="cannot be empty"):
        cipher.derive("", salt)


def test_a_newer_encrypted_journal_is_refused_untouched(journal_path: Path) -> None:
    Journal.create(journal_path, passphrase=PASSPHRASE).close()
    key = cipher.key_for_file(journal_path, PASSPHRASE)
    raw = cipher.connect(str(journal_path), key)
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    before = snapshot(journal_path.parent)
    with pytest.raises(JournalFileError, match="newer version"):
        Journal.open(journal_path, passphrase=PASSPHRASE)
    assert snapshot(journal_path.parent) == before


def test_another_encrypted_database_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    key = cipher.new_key(PASSPHRASE)
    raw = cipher.connect(str(path), key)
    raw.execute("CREATE TABLE songs (title TEXT)")
    raw.commit()
    raw.close()
    with pytest.raises(JournalFileError, match="encrypted database, but not a BRM Desk journal"):
        Journal.open(path, passphrase=PASSPHRASE)


# --- encrypting in place and changing the passphrase --------------------------------------------


def test_a_plain_journal_is_encrypted_in_place_with_its_backups_and_drafts(
    journal_path: Path,
) -> None:
    journal = Journal.create(journal_path, today=lambda: TODAY)
    fill(journal)
    now = datetime.now(UTC)
    typed = {"notes": f"plain draft {SECRET_NOTE}", "private_notes": f"my read {SECRET_NOTE}"}
    drafts.for_journal(journal).save(drafts.Draft(drafts.NEW_MEETING, "meeting", now, typed))
    others = {"notes": "not this journal's"}
    drafts.Drafts().save(drafts.Draft("someone-elses-record", "meeting", now, others))
    maintenance.backup(journal)
    backups.backup_daily(journal)
    assert readable_secrets(journal_path.parent, data_dir())  # all in the clear so far

    journal = protection.encrypt(journal, PASSPHRASE)
    try:
        assert journal.encrypted
        assert [p.name for p in journal.partners.listing()] == [SECRET_NAME]
        assert maintenance.check(journal).ok
        moved = drafts.for_journal(journal).load(drafts.NEW_MEETING)
        assert moved is not None
        assert moved.fields["notes"].startswith("plain draft")
        assert moved.fields["private_notes"].startswith("my read")
    finally:
        journal.close()
    assert readable_secrets(journal_path.parent, data_dir()) == []
    assert sorted(p.name for p in journal_path.parent.iterdir() if p.name != "xdg-data") == [
        journal_path.name
    ]
    assert drafts.Drafts().load("someone-elses-record") is not None  # others' drafts stay
    listed = backups.listing(journal_path, cipher.key_for_file(journal_path, PASSPHRASE))
    assert len(listed) == 2
    assert all(info.counts == {"partners": 1, "meetings": 1, "requests": 1} for info in listed)


def test_encrypting_twice_is_refused(journal_path: Path) -> None:
    journal = Journal.create(journal_path, passphrase=PASSPHRASE)
    with pytest.raises(JournalFileError, match="already encrypted"):
        protection.encrypt(journal, PASSPHRASE)
    journal.close()


def test_changing_the_passphrase_rekeys_the_journal_its_backups_and_drafts(
    journal_path: Path,
) -> None:
    journal = Journal.create(journal_path, today=lambda: TODAY, passphrase=PASSPHRASE)
    fill(journal)
    maintenance.backup(journal)
    with pytest.raises(ValidationError, match="current passphrase"):
        protection.change_passphrase(journal, "not it", "a brand new passphrase")
    journal = protection.change_passphrase(journal, PASSPHRASE, "a brand new passphrase")
    assert drafts.for_journal(journal).load(drafts.NEW_MEETING) is not None
    assert protection.passphrase_matches(journal, "a brand new passphrase")
    assert not protection.passphrase_matches(journal, PASSPHRASE)
    journal.close()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, passphrase=PASSPHRASE)
    with Journal.open(journal_path, passphrase="a brand new passphrase") as reopened:
        assert [p.name for p in reopened.partners.listing()] == [SECRET_NAME]
    (backup,) = [p for p in backups_dir(journal_path).iterdir() if p.is_file()]
    with Journal.open(backup, passphrase="a brand new passphrase") as copy:
        assert [p.name for p in copy.partners.listing()] == [SECRET_NAME]
    assert readable_secrets(journal_path.parent, data_dir()) == []


def test_a_new_passphrase_must_be_long_enough_and_typed_twice() -> None:
    protection.check_new_passphrase("long enough", "long enough")
    with pytest.raises(ValidationError, match="at least 8"):
        protection.check_new_passphrase("short", "short")
    with pytest.raises(ValidationError, match="differ"):
        protection.check_new_passphrase("long enough", "long enougH")


def test_an_encrypted_backup_opens_with_the_journals_passphrase_only(journal_path: Path) -> None:
    with Journal.create(journal_path, today=lambda: TODAY, passphrase=PASSPHRASE) as journal:
        fill(journal)
        target = maintenance.backup(journal)
    assert encrypted_file.is_encrypted(target)
    with pytest.raises(PassphraseNeeded):
        Journal.open(target)
    with Journal.open(target, passphrase=PASSPHRASE) as copy:
        assert maintenance.check(copy).counts["meetings"] == 1


def test_old_timestamps_do_not_matter_to_the_salted_key(journal_path: Path) -> None:
    """Touching the file (mtime) changes nothing: the key depends on passphrase and salt."""
    Journal.create(journal_path, passphrase=PASSPHRASE).close()
    old = (datetime.now() - timedelta(days=400)).timestamp()
    os.utime(journal_path, (old, old))
    Journal.open(journal_path, passphrase=PASSPHRASE).close()


# --- one passphrase rule: composed text, refused when not text, length only for new ones ----------

CREME = "crème brûlée à Noël"  # composed (NFC), as keyboards usually type it


def old_key(passphrase: str, salt: bytes) -> cipher.CipherKey:
    """The key as derived before the rule: scrypt over the UTF-8 of exactly what was typed."""
    raw = hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=2**26, dklen=32
    )
    return cipher.CipherKey(raw, salt)


def test_a_journal_encrypted_before_the_rule_opens_typed_composed_or_decomposed(
    tmp_path: Path,
) -> None:
    plain, path = tmp_path / "plain.brmdesk", tmp_path / "old.brmdesk"
    with Journal.create(plain, today=lambda: TODAY) as journal:
        journal.partners.add(Partner(id="", name=SECRET_NAME))
    encrypted_file.encrypt_into(plain, path, old_key(CREME, os.urandom(16)))
    decomposed = unicodedata.normalize("NFD", CREME)
    assert decomposed.encode() != CREME.encode()  # other bytes: the old key would differ
    for typed in (CREME, decomposed):
        with Journal.open(path, passphrase=typed) as journal:
            assert [p.name for p in journal.partners.listing()] == [SECRET_NAME]
            assert protection.passphrase_matches(journal, decomposed)


def test_opening_never_applies_the_new_passphrase_length_rule(journal_path: Path) -> None:
    """A journal made earlier with a short passphrase (the command line allowed one) opens."""
    salt = os.urandom(16)
    plain = journal_path.with_name("plain.brmdesk")
    Journal.create(plain).close()
    encrypted_file.encrypt_into(plain, journal_path, old_key("pw", salt))
    with Journal.open(journal_path, passphrase="pw") as journal:
        assert protection.passphrase_matches(journal, "pw")
        journal = protection.change_passphrase(journal, "pw", "now a longer one")
        journal.close()
    Journal.open(journal_path, passphrase="now a longer one").close()


def test_a_new_passphrase_breaking_the_rule_is_refused_with_the_file_unchanged(
    journal_path: Path,
) -> None:
    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        fill(journal)
    before = snapshot(journal_path.parent)
    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        for bad in ("x", "seven c", "\udcff\udcfe not text"):
            with pytest.raises(ValidationError, match=r"^passphrase: "):
                protection.encrypt(journal, bad)
    assert snapshot(journal_path.parent) == before
    journal = Journal.create(journal_path.with_name("e.brmdesk"), passphrase=PASSPHRASE)
    with pytest.raises(ValidationError, match=r"^new passphrase: needs at least 8"):
        protection.change_passphrase(journal, PASSPHRASE, "short")
    assert not protection.passphrase_matches(journal, "\udcff" + PASSPHRASE)
    assert protection.passphrase_matches(journal, PASSPHRASE)
    journal.close()


# Any text, with lone surrogates (bytes that were not UTF-8) and accents made common.
PASSPHRASE_TEXT = st.lists(
    st.one_of(
        st.characters(exclude_categories=()),
        st.characters(categories=["Cs"]),
        st.sampled_from(["é", "e\u0301", "\u212b", "Å", "\u1112\u1161\u11ab"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=15, deadline=None)  # each key costs scrypt's tenth of a second
@given(PASSPHRASE_TEXT)
def test_any_passphrase_text_is_our_error_or_one_key_for_both_forms(text: str) -> None:
    salt = bytes(range(16))
    if text == "":
        with pytest.raises(JournalFileError, match="cannot be empty"):
            cipher.derive(text, salt)
    elif any(unicodedata.category(c) == "Cs" for c in text):
        with pytest.raises(ValidationError, match="is not valid text"):
            cipher.derive(text, salt)
    else:
        key = cipher.derive(text, salt)
        assert key == cipher.derive(unicodedata.normalize("NFD", text), salt)
        assert key == cipher.derive(unicodedata.normalize("NFC", text), salt)


def test_an_encrypted_drafts_file_from_before_private_notes_takes_them(
    journal_path: Path,
) -> None:
    with Journal.create(journal_path, today=lambda: TODAY, passphrase=PASSPHRASE) as journal:
        kept = drafts.for_journal(journal)
        assert kept.store is not None
        with closing(kept.store._connect()) as connection:  # the table as version 5 made it
            connection.execute("DROP TABLE draft")
            connection.execute(
                "CREATE TABLE draft (key TEXT PRIMARY KEY, text TEXT, saved_at TEXT)"
            )
            connection.execute(
                "INSERT INTO draft VALUES (?, 'typed before the upgrade', ?)",
                (drafts.NEW_MEETING, "2026-11-24T10:00:00+00:00"),
            )
            connection.commit()
        old = kept.load(drafts.NEW_MEETING)
        assert old is not None
        assert old.fields == {"notes": "typed before the upgrade", "private_notes": ""}
        typed = {"notes": "shared", "private_notes": "my read"}
        kept.save(drafts.Draft(drafts.NEW_MEETING, "meeting", datetime.now(UTC), typed))
        new = kept.load(drafts.NEW_MEETING)
        assert new is not None
        assert new.fields == typed
