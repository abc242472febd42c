"""Requests from CSV exports: encodings, delimiters, header guesses, errors by row and column."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Contact, Partner
from brm_desk.services.interchange.csv_import import (
    CsvRowErrors,
    import_requests,
    plan_requests,
    undo_request_import,
)
from brm_desk.services.interchange.csv_mapping import (
    check_mapping,
    guess_mapping,
    mapping_key,
    parse_map_option,
)
from brm_desk.services.interchange.csv_read import read_csv
from brm_desk.services.interchange.import_control import ImportCancelled, ImportControl
from brm_desk.services.journal import Journal

SERVICENOW = (
    '"Number","Opened","Short description","Description","Caller","Priority","State",'
    '"Assignment group","Resolved"\r\n'
    '"RITM0010001","2026-03-01 09:12:44","New laptop for the controller","Needs it by Monday,'
    ' the old one died","Anna Schmidt","2 - High","New","Service Desk",""\r\n'
    '"RITM0010002","2026-03-04 15:01:02","Budget dashboard","""Like the sales one""\nbut for'
    ' cost centres","anna.schmidt@finance.example.com","4 - Low","Work in Progress",'
    '"BI Team",""\r\n'
    '"RITM0010003","2026-02-10 08:00:00","Payroll export fix","","Unknown Person","1 - Critical",'
    '"Closed","Payroll","2026-02-20 17:30:00"\r\n'
)

JIRA_GERMAN = (
    "Zusammenfassung;Vorgangsschlüssel;Summary;Created;Status;Priority;Reporter;Labels\r\n"
    "x;FIN-1;Kostenstellen-Bericht für Controlling;01/Mar/26 10:22 AM;To Do;Medium;Piotr;"
    "bi, finance\r\n"
    "y;FIN-2;Rechnungseingang: 5 € Gebühr prüfen;02/Mar/26 9:05 AM;In Progress;Highest;;\r\n"
)


@pytest.fixture
def finance(journal: Journal) -> str:
    partner = journal.partners.add(Partner(id="", name="Finance"))
    journal.contacts.add(
        Contact(
            id="",
            partner_id=partner.id,
            name="Anna Schmidt",
            email="anna.schmidt@finance.example.com",
        )
    )
    journal.contacts.add(Contact(id="", partner_id=partner.id, name="Piotr"))
    return partner.id


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_servicenow_export_with_a_bom_is_guessed_and_imported(
    journal: Journal, finance: str, tmp_path: Path
) -> None:
    path = write(tmp_path, "sc_req_item.csv", codecs.BOM_UTF8 + SERVICENOW.encode())
    table = read_csv(path)
    assert (table.encoding, table.delimiter_name) == ("UTF-8 (with BOM)", "comma")
    assert table.header[0] == "Number"  # the byte-order mark is not part of the name
    mapping = guess_mapping(table.header)
    assert mapping == {
        "title": "Short description",
        "received": "Opened",
        "want": "Description",
        "status": "State",
        "urgency": "Priority",
        "raised_by": "Caller",
        "routed_to": "Assignment group",
        "delivered_on": "Resolved",
    }
    plan = plan_requests(journal, table, mapping, finance)
    assert plan.problems == ()
    report = import_requests(journal, plan)
    assert len(report.added) == 3
    assert report.unmatched_raised_by == 1
    assert "1 'raised by' names matched no contact" in report.summary()
    requests = {r.title: r for r in journal.requests.of_partner(finance)}
    laptop = requests["New laptop for the controller"]
    assert laptop.received == date(2026, 3, 1)
    assert laptop.want == "Needs it by Monday, the old one died"
    assert (laptop.urgency, laptop.status, laptop.routed_to) == (
        4,
        RequestStatus.NEW,
        "Service Desk",
    )
    anna = next(c for c in journal.contacts.listing(finance) if c.name == "Anna Schmidt")
    assert laptop.raised_by_id == anna.id
    dashboard = requests["Budget dashboard"]
    assert dashboard.want == '"Like the sales one"\nbut for cost centres'
    assert dashboard.raised_by_id == anna.id  # matched by e-mail
    assert (dashboard.status, dashboard.urgency) == (RequestStatus.ACCEPTED, 2)
    payroll = requests["Payroll export fix"]
    assert (payroll.status, payroll.delivered_on) == (RequestStatus.DELIVERED, date(2026, 2, 20))
    assert payroll.raised_by_id is None
    assert payroll.focus is Focus.ROUTINE


def test_a_semicolon_export_in_windows_1252_is_read_with_its_accents(
    journal: Journal, finance: str, tmp_path: Path
) -> None:
    path = write(tmp_path, "jira.csv", JIRA_GERMAN.encode("cp1252"))
    table = read_csv(path)
    assert (table.encoding, table.delimiter_name) == ("Windows-1252", "semicolon")
    assert table.header[1] == "Vorgangsschlüssel"
    mapping = guess_mapping(table.header)
    assert mapping["title"] == "Summary"
    assert (mapping["received"], mapping["tags"]) == ("Created", "Labels")
    plan = plan_requests(journal, table, mapping, finance)
    import_requests(journal, plan)
    requests = {r.title: r for r in journal.requests.of_partner(finance)}
    report = requests["Kostenstellen-Bericht für Controlling"]
    assert (report.received, report.urgency, report.tags) == (
        date(2026, 3, 1),
        3,
        ("bi", "finance"),
    )
    fee = requests["Rechnungseingang: 5 € Gebühr prüfen"]
    assert (fee.urgency, fee.status, fee.received) == (5, RequestStatus.ACCEPTED, date(2026, 3, 2))
    assert report.raised_by_id is not None  # "Piotr", by name


def test_errors_are_listed_by_row_and_column_and_nothing_is_added(
    journal: Journal, finance: str, tmp_path: Path
) -> None:
    text = (
        "Title,Opened,Priority,State\n"
        "Fine one,2026-03-01,High,New\n"
        "Bad date,2026-02-30,High,New\n"
        "Bad priority,2026-03-02,Somewhat,New\n"
        ",2026-03-03,Low,New\n"
        "Closed without a date,2026-03-03,Low,Closed\n"
        "Ambiguous date,03/04/2026,Low,New\n"
    )
    table = read_csv(write(tmp_path, "bad.csv", text.encode()))
    plan = plan_requests(journal, table, guess_mapping(table.header), finance)
    assert [str(p) for p in plan.problems] == [
        "row 3 (line 3), column 'Opened': '2026-02-30' is not a real date",
        "row 4 (line 4), column 'Priority': 'Somewhat' is not 1–5 or a priority such as "
        "High, Medium or Low",
        "row 5 (line 5), column 'Title': title: is required",
        "row 6 (line 6), column 'State': delivered_on: is required when the status is 'delivered'",
        "row 7 (line 7), column 'Opened': '03/04/2026' is not a date the import can read "
        "(use YYYY-MM-DD)",
    ]
    with pytest.raises(CsvRowErrors, match=r"5 problems, nothing was imported: row 3") as caught:
        import_requests(journal, plan)
    assert len(caught.value.problems) == 5
    assert journal.requests.of_partner(finance) == []


def test_a_ragged_row_is_named_with_its_row_and_line(tmp_path: Path) -> None:
    text = 'Title,Opened\n"Two\nlines",2026-03-01\nToo,many,cells\n'
    with pytest.raises(
        ImportFileError, match=r"row 3 \(line 4\) has 3 cells, but the header has 2"
    ):
        read_csv(write(tmp_path, "ragged.csv", text.encode()))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"not a CSV file \(it holds binary data\)"),
        (b"", r"is empty; a CSV file needs a header row"),
        (b"Title,,Opened\nx,y,z\n", r"column 2 of the header \(row 1\) has no name"),
        (b"Title,title\nx,y\n", r"names two columns 'title' \(columns 1 and 2\)"),
        (b'Title,Opened\n"unclosed,2026-03-01\n', r"line \d+ cannot be read as CSV"),
        (codecs.BOM_UTF8 + b"Title\n\xff\xfe broken\n", r"byte \d+ is not utf-8"),
    ],
)
def test_malformed_csv_files_get_a_clear_message(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    path = write(tmp_path, "broken.csv", data)
    with pytest.raises(ImportFileError, match=expected) as caught:
        read_csv(path)
    assert str(path) in caught.value.message


def test_a_map_option_overrides_and_names_what_is_wrong(tmp_path: Path) -> None:
    header = ("Ticket", "When", "Who")
    assert parse_map_option("title=ticket, received=When", header) == {
        "title": "Ticket",
        "received": "When",
    }
    with pytest.raises(ImportFileError, match=r"'titel' is not a request field; use one of: title"):
        parse_map_option("titel=Ticket", header)
    with pytest.raises(ImportFileError, match=r"no column 'Subject' \(its columns: Ticket, When"):
        parse_map_option("title=Subject", header)
    with pytest.raises(ImportFileError, match=r"'received' is not field=column"):
        parse_map_option("title=Ticket,received", header)
    with pytest.raises(ImportFileError, match="no column is mapped to the title"):
        check_mapping({"received": "When"}, header)
    assert mapping_key(["Short_Description", "Opened"]) == mapping_key(
        ["opened", "short description"]
    )


def test_a_cancelled_csv_import_adds_nothing(
    journal: Journal, finance: str, tmp_path: Path
) -> None:
    rows = "".join(f"Request {n},2026-03-01\n" for n in range(1200))
    table = read_csv(write(tmp_path, "many.csv", ("Title,Opened\n" + rows).encode()))
    plan = plan_requests(journal, table, guess_mapping(table.header), finance)
    seen: list[int] = []
    control = ImportControl(progress=lambda d, _t: seen.append(d), cancelled=lambda: len(seen) > 1)
    with pytest.raises(ImportCancelled):
        import_requests(journal, plan, control)
    assert seen == [500, 1000]  # two batches were written before the cancel, then rolled back
    assert journal.requests.of_partner(finance) == []


def test_undo_takes_the_imported_requests_away_for_good(
    journal: Journal, finance: str, tmp_path: Path
) -> None:
    table = read_csv(write(tmp_path, "two.csv", b"Title\nOne\nTwo\n"))
    report = import_requests(journal, plan_requests(journal, table, {"title": "Title"}, finance))
    assert len(journal.requests.of_partner(finance)) == 2
    undo_request_import(journal, report.added)
    assert journal.requests.of_partner(finance) == []
    assert journal.trash.listing() == []
