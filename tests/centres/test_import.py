"""Adding many residents by pasting a list or uploading a CSV, with a report per line."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qualreg.people.models import Person
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
URL = "/en/staff/residents/import/"


def _report(response) -> list[tuple[str, str, str]]:
    """(line, as written, result) for each row of the report table, as a user reads it."""
    rows = re.findall(r"<tr class=\"line--\w+\">(.*?)</tr>", response.content.decode(), re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows]
    text = [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in row] for row in cells]
    return [tuple(row) for row in text]


def test_pasted_lines_are_added_or_refused_one_by_one(staff_client, staff, other_resident):
    pasted = "\n".join(
        [
            "DUF number;language",
            "2020 111111 11; ar",
            "",
            "202022222222,ti",
            "2020 111111 11",
            "12345",
            "201912345678",
            "2020 333333 33; klingon",
            "2020 444444 44",
        ]
    )
    response = staff_client.post(URL, {"lines": pasted, "default_language": "uk"})
    assert response.status_code == 200
    report = _report(response)
    assert report[0] == ("2", "2020 111111 11", "Added")
    assert report[1] == ("4", "2020 222222 22", "Added")
    assert report[2][:2] == ("5", "2020 111111 11")
    assert "Refused The same DUF number as line 2." in report[2][2]
    assert report[3][:2] == ("6", "12345")
    assert "Enter a DUF number of 12 digits" in report[3][2]
    assert "already registered in the service" in report[4][2]
    assert other_resident.centre.name not in response.content.decode()
    assert "Unknown language" in report[5][2]
    assert report[6] == ("9", "2020 444444 44", "Added")
    assert "3 residents added." in response.content.decode()
    assert "4 lines refused." in response.content.decode()
    languages = dict(
        Person.objects.filter(centre=staff.centre).values_list("duf_number", "preferred_language")
    )
    assert languages == {"202011111111": "ar", "202022222222": "ti", "202044444444": "uk"}
    assert AuditEvent.objects.filter(action="resident.added", actor=staff).count() == 3
    summary = AuditEvent.objects.get(action="residents.imported")
    assert summary.detail == {"accepted": 3, "refused": 4}


def test_a_csv_file_from_a_spreadsheet_is_read(staff_client, resident):
    data = "DUF-nummer;Språk\r\n2021 000000 01;fa\r\n2012 586975 61;ar\r\n".encode("cp1252")
    upload = SimpleUploadedFile("residents.csv", data, content_type="text/csv")
    response = staff_client.post(URL, {"csv_file": upload, "default_language": "nb"})
    report = _report(response)
    assert report[0] == ("2", "2021 000000 01", "Added")
    assert "already on your centre" in report[1][2]
    assert Person.objects.get(duf_number="202100000001").preferred_language == "fa"


def test_a_utf8_csv_with_byte_order_mark_is_read(staff_client):
    data = "\ufeff2021 000000 02,العربية\n".encode()
    upload = SimpleUploadedFile("r.csv", data, content_type="text/csv")
    staff_client.post(URL, {"csv_file": upload, "default_language": "nb"})
    assert Person.objects.get(duf_number="202100000002").preferred_language == "ar"


def test_an_empty_submission_is_refused_with_an_error(staff_client):
    response = staff_client.post(URL, {"lines": "  \n ", "default_language": "nb"})
    assert response.status_code == 400
    assert "Paste at least one DUF number, or choose a CSV file." in response.content.decode()


def test_a_binary_file_is_refused_not_crashed_on(staff_client):
    upload = SimpleUploadedFile("x.csv", bytes(range(256)) * 10, content_type="text/csv")
    response = staff_client.post(URL, {"csv_file": upload, "default_language": "nb"})
    assert response.status_code in (200, 400)
    assert not Person.objects.exists()


def test_a_too_long_list_is_refused(staff_client):
    lines = "\n".join(f"2020{n:08d}" for n in range(1001))
    response = staff_client.post(URL, {"lines": lines, "default_language": "nb"})
    assert response.status_code == 400
    assert "Add at most 1000 residents." in response.content.decode()
    assert not Person.objects.exists()
