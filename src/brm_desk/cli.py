"""The command line: parse, call a service, print. No rules here.

Every error a user can cause is printed as one line ``brm-desk: error: …`` (exit 1; 2 for a
wrong command line), never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from brm_desk import __version__
from brm_desk.domain.enums import Focus
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.words import plural
from brm_desk.services.locations import default_journal_path, journal_path

if TYPE_CHECKING:
    from brm_desk.domain.balance import FocusTally, PartnerBalance
    from brm_desk.domain.reminders import Reminder
    from brm_desk.services.journal import Journal

PROG = "brm-desk"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class UsageError(Exception):
    """The command line itself is wrong (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and never exits from inside parsing."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _date(text: str) -> date:
    try:
        if not _DATE.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return int(text)


def build_parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="BRM Desk: a private, offline journal for Business Relationship "
        "Managers. Without a command, opens the desktop app.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the journal file (else $BRM_DESK_DB, else the default journal in your data folder)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> Any:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    init = command("init", "create a new journal at --db (never over an existing file)", _init)
    init.add_argument("--encrypt", action="store_true", help="encrypt it with a passphrase")

    imp = command("import", "import a file, all or nothing", _import)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--format", choices=("json", "ics", "csv"), help="default: from the name")
    imp.add_argument("--partner", metavar="NAME", help="the partner for calendar and CSV imports")
    imp.add_argument(
        "--map",
        metavar="FIELD=COLUMN,…",
        help="CSV: which column fills which field (else guessed from the header)",
    )
    imp.add_argument(
        "--kind",
        choices=("requests", "pulses"),
        default="requests",
        help="CSV: what each row is: a request (default) or a partner's pulse (a survey answer)",
    )

    exp = command("export", "export the whole journal as JSON", _export)
    exp.add_argument("file", type=Path, metavar="FILE.json")
    exp.add_argument("--include-private", action="store_true", help="include private items")

    def period(sub: Any) -> None:
        sub.add_argument(
            "--from",
            dest="period_from",
            type=_date,
            metavar="DATE",
            help="first day of the period, YYYY-MM-DD (default: 90 days before --to)",
        )
        sub.add_argument(
            "--to",
            dest="period_to",
            type=_date,
            metavar="DATE",
            help="last day of the period, YYYY-MM-DD (default: today)",
        )

    bal = command("balance", "reactive vs routine vs strategic, by partner", _balance)
    bal.add_argument("--partner", metavar="NAME", help="one partner (default: every active one)")
    period(bal)
    bal.add_argument("--json", action="store_true", help="print JSON")

    find = command("search", "full-text search, best hits first", _search)
    find.add_argument("query", metavar="QUERY", help="words to find in notes, titles, wants, needs")
    find.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default: 20)"
    )
    find.add_argument("--json", action="store_true", help="print JSON")

    review = command("review", "export a review pack (PDF)", _review)
    review.add_argument(
        "--partner",
        metavar="NAME",
        help="the partner's pack (default: the portfolio pack of every active partner)",
    )
    period(review)
    review.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="where to write the PDF (an existing file is replaced)",
    )
    review.add_argument(
        "--audience",
        choices=("partner", "internal"),
        default="partner",
        help="partner (default): nothing private, no stances or satisfaction scores; "
        "internal: adds the stakeholder map and the satisfaction trend",
    )
    review.add_argument(
        "--with-log", action="store_true", help="add the meeting log as an appendix"
    )
    review.add_argument(
        "--include-private",
        action="store_true",
        help="include private meetings and requests and private notes (default: left out)",
    )

    calendar = command("calendar", "the calendars the journal follows (feeds, CalDAV)", _usage)
    sources = calendar.add_subparsers(
        dest="calendar_command", metavar="COMMAND", parser_class=_Parser, required=True
    )

    def source_command(name: str, help_text: str, handler: Callable[..., int]) -> Any:
        sub = sources.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    add = source_command(
        "add", "follow an ICS feed (https://, webcal://), or a CalDAV calendar with --user", _add
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("--partner", metavar="NAME", help="whose meetings its events are, by default")
    add.add_argument(
        "--user",
        metavar="NAME",
        default="",
        help="a CalDAV calendar's user name; its password is asked for (or read from standard "
        "input) and kept in the system keyring",
    )
    source_command("list", "the calendar sources, with their last sync", _list_sources)
    remove = source_command("remove", "stop following a source (its meetings stay)", _remove)
    remove.add_argument("source_id", type=_positive, metavar="ID")
    command("sync", "refresh every calendar source once", _sync)
    inbox = command("inbox", "the calendar events waiting to be filed", _inbox)
    inbox.add_argument("--json", action="store_true", help="print JSON")

    due = command("due", "what is due: the reminders the app shows, most pressing first", _due)
    due.add_argument("--json", action="store_true", help="print JSON")

    backup = command("backup", "a consistent copy of the journal", _backup)
    backup.add_argument("-o", "--output", type=Path, metavar="FILE")

    check = command("check", "check the journal's integrity (changes nothing)", _check)
    check.add_argument(
        "--repair", action="store_true", help="rebuild the search index if it is what is wrong"
    )
    command("encrypt", "encrypt the journal in place, with its backups and drafts", _encrypt)
    command("change-passphrase", "give an encrypted journal a new passphrase", _change_passphrase)
    return parser


def _path(args: argparse.Namespace) -> Path:
    return journal_path(getattr(args, "db", None))


def _before_writing(args: argparse.Namespace) -> Path:
    """The journal's path, once sure the app does not have it open: every command that writes
    calls this first, so none changes a journal behind the app's back."""
    from brm_desk.services.app_lock import refuse_if_open_in_app

    path = _path(args)
    refuse_if_open_in_app(path)
    return path


PASSPHRASE_VARIABLE = "BRM_DESK_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "BRM_DESK_NEW_PASSPHRASE"


def _ask_passphrase(path: Path, *, new: bool = False, variable: str = PASSPHRASE_VARIABLE) -> str:
    """``$variable``, else asked on the terminal (twice when ``new``); without either, an error
    at once. It must be text; a new one must also pass the app's rule (domain/passphrase.py)."""
    from brm_desk.domain.passphrase import check_new_passphrase, composed

    field = f"${variable}"
    passphrase = repeated = os.environ.get(variable, "")
    if variable in os.environ and not passphrase:
        raise BrmDeskError(f"{field} is set but empty")
    if not passphrase:
        if not sys.stdin.isatty():
            raise BrmDeskError(
                f"{path}: a passphrase is needed and there is no terminal to ask it on; set {field}"
            )
        field = "new passphrase" if variable == NEW_PASSPHRASE_VARIABLE else "passphrase"
        passphrase, repeated = _typed(f"{field.capitalize()} for {path}: ", field, twice=new)
    if new:
        check_new_passphrase(passphrase, repeated, field)
    return composed(passphrase, field)


def _typed(prompt: str, field: str, *, twice: bool) -> tuple[str, str]:
    """A passphrase typed on the terminal, and typed again when ``twice``; never echoed."""
    import getpass

    from brm_desk.domain.errors import ValidationError
    from brm_desk.domain.passphrase import NOT_TEXT

    try:
        passphrase = getpass.getpass(prompt)
        if not passphrase:
            raise BrmDeskError("the passphrase cannot be empty")
        repeated = getpass.getpass("The same passphrase again: ") if twice else passphrase
        return passphrase, repeated
    except UnicodeDecodeError:  # the terminal sent bytes that are not UTF-8
        raise ValidationError(field, NOT_TEXT) from None


def _open(
    args: argparse.Namespace, passphrase: str | None = None, *, read_only: bool = False
) -> Journal:
    """Open the journal, asking for its passphrase only when it is encrypted (and not given)."""
    from brm_desk.domain.errors import PassphraseNeeded
    from brm_desk.services.journal import Journal

    path = _path(args)
    try:
        return Journal.open(path, passphrase=passphrase, read_only=read_only)
    except PassphraseNeeded:
        return Journal.open(path, passphrase=_ask_passphrase(path), read_only=read_only)


def _init(args: argparse.Namespace) -> int:
    path = _before_writing(args)
    if path == default_journal_path():
        path.parent.mkdir(parents=True, exist_ok=True)
    from brm_desk.services.journal import Journal

    if path.exists():  # before asking for a passphrase; create_file checks again, atomically
        raise BrmDeskError(f"{path}: already exists; BRM Desk will not overwrite it.")
    passphrase = _ask_passphrase(path, new=True) if args.encrypt else None
    Journal.create(path, passphrase=passphrase).close()
    print(f"Created an empty {'encrypted ' if args.encrypt else ''}journal at {path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    file: Path = args.file
    _before_writing(args)
    kind = args.format or file.suffix.lower().lstrip(".")
    if kind not in ("json", "ics", "csv"):
        raise BrmDeskError(
            f"{file}: cannot tell the format from the name; add --format json|ics|csv"
        )
    if args.kind == "pulses":
        if kind != "csv":
            raise BrmDeskError("--kind pulses reads a CSV file (a survey tool's export)")
        from brm_desk.services.interchange.file_import import import_pulse_csv

        with _open(args) as journal:
            print(import_pulse_csv(journal, file, args.partner, args.map))
        return 0
    if kind != "json":
        from brm_desk.services.interchange.file_import import import_calendar_or_csv

        with _open(args) as journal:
            print(import_calendar_or_csv(journal, file, kind, args.partner, args.map))
        return 0
    if args.map:
        raise BrmDeskError("--map applies to CSV imports only")
    if args.partner:
        raise BrmDeskError("--partner applies to calendar and CSV imports, not JSON")
    from brm_desk.services.interchange.json_io import import_journal, read_import_file

    data = read_import_file(file)
    with _open(args) as journal:
        report = import_journal(journal, data)
    print(report.summary())
    return 0


def _export(args: argparse.Namespace) -> int:
    from brm_desk.services.interchange.json_io import write_export

    with _open(args) as journal:
        report = write_export(journal, args.file, include_private=args.include_private)
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
    print(f"Exported {counts} to {report.path}")
    if not args.include_private:
        print(
            f"Left out {report.private_left_out} private meetings and requests, private notes, "
            "and contacts' notes and stances (use --include-private)."
        )
    return 0


def _balance(args: argparse.Namespace) -> int:
    with _open(args) as journal:
        partner_ids = [journal.partners.find(args.partner).id] if args.partner else None
        start, end = journal.balances.period(args.period_from, args.period_to)
        balances = journal.balances.for_partners(start, end, partner_ids=partner_ids)
    if args.json:
        partners = [balance_json(b) for b in balances]
        _print_json({"from": start.isoformat(), "to": end.isoformat(), "partners": partners})
    else:
        print(balance_table(balances, start, end))
    return 0


def balance_json(balance: PartnerBalance) -> dict[str, Any]:
    """One partner's figures in the shape SPEC §5 fixes."""
    tally = balance.tally
    return {
        "name": balance.name,
        **_counts(tally),
        "strategic_share": balance.strategic_share,
        "target_strategic_share": balance.target_strategic_share,
        **{f"{focus.value}_hours": tally.hours(focus) for focus in Focus},
        "last_strategic": _iso(balance.last_strategic),
        "days_since_strategic": balance.days_since_strategic,
        "overdue": balance.overdue,
        "months": [{"month": m.label, **_counts(m.tally)} for m in balance.months],
    }


def _counts(tally: FocusTally) -> dict[str, int]:
    return {focus.value: tally.count(focus) for focus in Focus}


_BALANCE_HEADER = (
    "Partner", "Reactive", "Routine", "Strategic", "Share", "Target", "Hours R/Ro/S",
    "Last strategic", "Days",
)  # fmt: skip


def balance_table(balances: Sequence[PartnerBalance], start: date, end: date) -> str:
    """One line per partner; the name left-aligned, the figures right-aligned."""
    rows: list[tuple[str, ...]] = [_BALANCE_HEADER]
    for b in balances:
        share = "—" if b.strategic_share is None else f"{b.strategic_share:.0%}"
        hours = "/".join(f"{b.tally.hours(focus):.1f}" for focus in Focus)
        last = b.last_strategic.isoformat() if b.last_strategic else "—"
        days = "never" if b.days_since_strategic is None else str(b.days_since_strategic)
        days += " OVERDUE" if b.overdue else ""
        counts = [str(b.tally.count(focus)) for focus in Focus]
        rows.append((b.name, *counts, share, f"{b.target_strategic_share:.0%}", hours, last, days))
    widths = [max(len(row[i]) for row in rows) for i in range(len(_BALANCE_HEADER))]
    lines = [f"Balance {start} to {end}"]
    for row in rows:
        figures = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([row[0].ljust(widths[0]), *figures]).rstrip())
    lines.insert(2, "  ".join("-" * width for width in widths))
    if not balances:
        lines.append("(no partners)")
    return "\n".join(lines)


def _search(args: argparse.Namespace) -> int:
    from brm_desk.domain.search import render_snippet

    with _open(args) as journal:
        hits = journal.search.query(args.query, limit=args.limit)
    if args.json:
        found = [
            {
                "kind": hit.kind,
                "id": hit.id,
                "title": hit.title,
                "partner": hit.partner,
                "date": _iso(hit.date),
                "snippet": render_snippet(hit.snippet, "**", "**"),
            }
            for hit in hits
        ]
        _print_json(found)
        return 0
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    if not hits:
        print("No matches.")
    for hit in hits:
        print(f"{hit.kind:<8} {_iso(hit.date) or '':<10} {hit.partner} — {hit.title}")
        print(f"         {render_snippet(hit.snippet, bold, plain)}")
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def _review(args: argparse.Namespace) -> int:
    from brm_desk.reports.review_pack import Audience, write_partner_pack, write_portfolio_pack

    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise BrmDeskError(f"{output}: the review pack is a PDF; name the file *.pdf")
    audience, private = Audience(args.audience), args.include_private
    with _open(args) as journal:
        start, end = journal.balances.period(args.period_from, args.period_to)
        if args.partner:
            partner = journal.partners.find(args.partner)
            pages = write_partner_pack(
                journal, partner.id, start, end, output,
                audience=audience, include_private=private, with_log=args.with_log,
            )  # fmt: skip
        else:
            pages = write_portfolio_pack(
                journal, start, end, output, audience=audience, include_private=private
            )
    print(f"Wrote {output} ({pages} pages)")
    return 0


def _usage(args: argparse.Namespace) -> int:
    raise UsageError("say what to do: calendar add, list or remove")  # argparse asks first


def _add(args: argparse.Namespace) -> int:
    from brm_desk.services.calendar_sources import add_source

    _before_writing(args)
    password = _calendar_password(args.url, args.user) if args.user.strip() else ""
    with _open(args) as journal:
        source = add_source(journal, args.url, args.partner or "", args.user, password)
    partner = f" for {source.partner_name}" if source.partner_name else ""
    user = f" as {source.user_name} (password in the system keyring)" if source.user_name else ""
    print(f"Added calendar {source.id}{partner}: {source.url}{user}")
    return 0


def _calendar_password(url: str, user: str) -> str:
    """Typed on the terminal (never echoed), else the first line of standard input."""
    import getpass

    if sys.stdin.isatty():
        password = getpass.getpass(f"Password of {user.strip()} for {url}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise BrmDeskError(
            f"{url}: a CalDAV calendar needs the password of {user.strip()} "
            "(typed when asked, or on standard input)"
        )
    return password


def _list_sources(args: argparse.Namespace) -> int:
    from brm_desk.services.calendar_sources import sources

    with _open(args, read_only=True) as journal:
        found = sources(journal)
    if not found:
        print("No calendar sources; add one with: brm-desk calendar add URL")
    for source in found:
        user = f" (CalDAV, user {source.user_name})" if source.user_name else " (feed)"
        when = "never synced"
        if source.synced_at:
            when = f"synced {source.synced_at[:16].replace('T', ' ')} UTC"
        print(f"{source.id}  {source.url}{user}")
        print(f"   partner: {source.partner_name or '(none)'}; {when}")
        if source.problem:
            print(f"   last sync failed: {source.problem}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from brm_desk.services.calendar_sources import remove_source

    _before_writing(args)
    with _open(args) as journal:
        source = remove_source(journal, args.source_id)
    print(f"Removed calendar {source.id} ({source.url}); its meetings stay in the journal.")
    return 0


def _sync(args: argparse.Namespace) -> int:
    from brm_desk.services.calendar_sync import sync_all

    _before_writing(args)
    with _open(args) as journal:
        reports = sync_all(journal)
    if not reports:
        print("No calendar sources to sync; add one with: brm-desk calendar add URL")
    for report in reports:
        print(report.summary())
    failed = sum(1 for report in reports if report.problem)
    if failed:
        raise BrmDeskError(
            f"{failed} of {len(reports)} calendar sources could not be refreshed (see above)"
        )
    return 0


def _due(args: argparse.Namespace) -> int:
    from datetime import datetime

    from brm_desk.services.reminders import due

    with _open(args) as journal:
        found = due(journal, datetime.now().astimezone())
    if args.json:
        _print_json([reminder_json(r) for r in found])
    elif not found:
        print("Nothing is due.")
    for reminder in [] if args.json else found:
        when = reminder.due.replace("T", " ")[:16]
        print(f"{when:<16}  {reminder.kind:<13}  {reminder.partner} — {reminder.title}")
    return 0


def reminder_json(reminder: Reminder) -> dict[str, str]:
    return {
        "key": reminder.key,
        "kind": reminder.kind,
        "partner": reminder.partner,
        "title": reminder.title,
        "body": reminder.body,
        "due": reminder.due,
    }


def _inbox(args: argparse.Namespace) -> int:
    from brm_desk.services.calendar_inbox import waiting

    with _open(args, read_only=True) as journal:
        items = waiting(journal)
    if args.json:
        _print_json(
            [
                {
                    "id": item.id,
                    "start": item.start.isoformat(),
                    "title": item.title,
                    "partner": item.partner_name or None,
                    "guessed_from": item.guessed_from or None,
                    "type": item.type.value,
                    "focus": item.focus.value,
                    "source": item.source_id,
                }
                for item in items
            ]
        )
        return 0
    if not items:
        print("Calendar inbox is empty.")
    for item in items:
        when = item.start.strftime("%Y-%m-%d %H:%M")
        print(f"{item.id:>4}  {when}  {item.title} — {item.guess_text}; {item.kind_text}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from brm_desk.services.maintenance import backup

    with _open(args) as journal:
        target = backup(journal, args.output)
    print(f"Backed up to {target}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from brm_desk.services.maintenance import check, repair_search_index

    if args.repair:
        _before_writing(args)
    with _open(args, read_only=not args.repair) as journal:
        report = check(journal)
        if args.repair and report.search_only:
            for line in report.problems:
                print(line)
            repair_search_index(journal)
            print(f"{journal.path}: rebuilt the search index")
            report = check(journal)
    for line in (*report.problems, *report.notes):
        print(line)
    if not report.ok:
        found = f"{journal.path}: {plural(len(report.problems), 'problem')} found (see above)"
        if report.search_only:
            found += "; `brm-desk check --repair` rebuilds the search index"
        elif args.repair:
            found += "; only the search index can be repaired: restore a backup"
        raise BrmDeskError(found)
    counts = ", ".join(f"{n} {kind}" for kind, n in report.counts.items())
    print(f"{journal.path}: OK ({counts})")
    return 0


def _encrypt(args: argparse.Namespace) -> int:
    from brm_desk.services import file_probe, protection

    path = _before_writing(args)
    if file_probe.is_encrypted(path):  # said before a passphrase is asked for nothing
        raise BrmDeskError(f"{path}: is already encrypted (or is not a BRM Desk journal).")
    with _open(args) as journal:
        protection.encrypt(journal, _ask_passphrase(path, new=True)).close()
    print(f"Encrypted {path}, its backups and its drafts")
    return 0


def _change_passphrase(args: argparse.Namespace) -> int:
    from brm_desk.services import file_probe, protection

    path = _before_writing(args)
    current = _ask_passphrase(path) if file_probe.is_encrypted(path) else None
    with _open(args, current) as journal:  # a wrong current passphrase stops here, untouched
        new = _ask_passphrase(path, new=True, variable=NEW_PASSPHRASE_VARIABLE) if current else ""
        protection.change_passphrase(journal, current or "", new).close()
    print(f"Changed the passphrase of {path}, its backups and its drafts")
    return 0


@dataclass(frozen=True)
class NoCommand:
    """The command line names no command: the caller opens the window on ``db``."""

    db: str | None


def main(argv: Sequence[str] | None = None) -> int | NoCommand:
    """Run the command line; returns the exit status, or :class:`NoCommand`."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        return NoCommand(getattr(args, "db", None))
    try:
        return handler(args)
    except (Exception, KeyboardInterrupt) as error:
        return report_failure(error)


def report_failure(error: Exception | KeyboardInterrupt) -> int:
    """Say why a command failed in one line on stderr, never a traceback; the exit status."""
    if isinstance(error, BrmDeskError):
        print(f"{PROG}: error: {_one_line(str(error))}", file=sys.stderr)
    elif isinstance(error, KeyboardInterrupt):
        print(f"{PROG}: error: interrupted", file=sys.stderr)
    elif not isinstance(error, BrokenPipeError):  # a bug: still one line
        print(
            f"{PROG}: error: unexpected {type(error).__name__}: {_one_line(str(error))} "
            "(please report this)",
            file=sys.stderr,
        )
    return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())
