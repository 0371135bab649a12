"""Advisers' spreadsheet and JSON downloads: one registration, and the filtered list of
"My people". Completed registrations of residents assigned now only, every export audited
with the purpose, the format and each resident in it; everyone else is refused."""

from __future__ import annotations

import datetime
import io
import json
from typing import Any

import jsonschema
from bs4 import BeautifulSoup
from django.http import StreamingHttpResponse
from django.utils import timezone
from openpyxl import load_workbook

from qualreg.advisers.models import Assignment
from qualreg.exports import document
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import (
    ANSWERS,
    FREE_TEXT,
    complete_registration,
    refusals,
    signed_in,
    today,
)
from tests.centres.conftest import add_person

SCHEMA = json.loads(document.schema_text())
FORMULA = '=HYPERLINK("http://x","y")'


def exports() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action="adviser.exported").order_by("id"))


def workbook(response: Any) -> Any:
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def assign(person: Any, organisation: Any, **dates: Any) -> Assignment:
    dates.setdefault("start_date", today() - datetime.timedelta(days=1))
    return Assignment.objects.create(person=person, organisation=organisation, **dates)


def heading(response: Any) -> str:
    return BeautifulSoup(response.content, "html.parser").h1.get_text(" ", strip=True)


# One registration


def test_an_adviser_downloads_a_registration_as_a_spreadsheet(
    adviser_client, adviser, completed
) -> None:
    response = adviser_client.get(f"/en/advisers/registrations/{completed.pk}/download/xlsx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    day = timezone.localdate(completed.completed_at)  # the day in Norway, as on the PDF
    name = f"registration-{completed.sequence}-{day.isoformat()}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "201258697561" not in response["Content-Disposition"]
    sheet = workbook(response)["Registrations"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [completed.pk]
    [row] = exports()
    assert (row.actor, row.person, row.registration) == (adviser, completed.person, completed)
    assert row.reason == "guidance"
    assert row.detail == {
        "organisation": adviser.adviser.organisation_id,
        "format": "xlsx",
        "count": 1,
    }


def test_a_formula_typed_by_the_resident_arrives_as_text(adviser_client, resident) -> None:
    registration = complete_registration(resident, dict(ANSWERS, anything_else=FORMULA))
    response = adviser_client.get(f"/en/advisers/registrations/{registration.pk}/download/xlsx/")
    cells = [c for row in workbook(response)["Registrations"].iter_rows() for c in row]
    [cell] = [c for c in cells if c.value == FORMULA]
    assert cell.data_type == "s"


def test_an_adviser_downloads_a_registration_as_json_in_the_page_language(
    adviser_client, completed
) -> None:
    response = adviser_client.get(f"/nb/advisers/registrations/{completed.pk}/download/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    exported = json.loads(response.content)
    jsonschema.validate(exported, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert exported["labels_language"] == "nb"
    assert exported["answers"]["gender"]["question"] == "Er du kvinne eller mann?"
    assert [row.detail["format"] for row in exports()] == ["json"]


def test_a_download_asks_for_the_purpose_first(adviser, resident, assignment, completed) -> None:
    client = signed_in(adviser)
    response = client.get(f"/en/advisers/registrations/{completed.pk}/download/json/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/advisers/registrations/{completed.pk}/purpose/"
    assert exports() == []


def test_another_organisations_adviser_cannot_download(
    other_adviser, resident, assignment, completed
) -> None:
    client = signed_in(other_adviser, purpose_for=resident)
    for file_format in ("xlsx", "json"):
        url = f"/en/advisers/registrations/{completed.pk}/download/{file_format}/"
        assert client.get(url).status_code == 404
    assert exports() == []
    assert [row.detail["why"] for row in refusals()] == ["not_readable", "not_readable"]


def test_a_draft_or_an_ended_assignment_cannot_be_downloaded(
    adviser_client, resident, assignment, completed
) -> None:
    draft = complete_registration(resident, status="draft")
    url = f"/en/advisers/registrations/{draft.pk}/download/json/"
    assert adviser_client.get(url).status_code == 404
    assignment.end_date = today()
    assignment.save()
    url = f"/en/advisers/registrations/{completed.pk}/download/json/"
    assert adviser_client.get(url).status_code == 404
    assert exports() == []
    assert len(refusals()) == 2


def test_a_signed_out_browser_is_sent_to_sign_in(client, completed) -> None:
    response = client.get(f"/en/advisers/registrations/{completed.pk}/download/xlsx/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/advisers/login/")
    assert exports() == []
    assert [row.detail["why"] for row in refusals()] == ["signed_out"]


def test_an_unknown_format_is_not_found(adviser_client, completed) -> None:
    url = f"/en/advisers/registrations/{completed.pk}/download/csv/"
    assert adviser_client.get(url).status_code == 404
    assert exports() == []


def test_the_registration_page_offers_the_downloads(adviser_client, completed) -> None:
    page = adviser_client.get(f"/en/advisers/registrations/{completed.pk}/").content.decode()
    assert f"/en/advisers/registrations/{completed.pk}/download/xlsx/" in page
    assert "Download as JSON" in page


# The list


def _people(centre: Any, organisation: Any, other_organisation: Any) -> dict[str, Any]:
    """Two residents of ours with a driving licence answer each, one not assigned to us, one
    without a completed registration, one whose assignment has ended."""
    made = {}
    for name, duf, licence in (("car", "201911111111", ["B"]), ("bus", "201922222222", ["D"])):
        person = add_person(centre, duf)
        assign(person, organisation)
        answers = dict(ANSWERS, licence="yes", licence_categories=licence, anything_else=FREE_TEXT)
        made[name] = complete_registration(person, answers)
    elsewhere = add_person(centre, "201933333333")
    assign(elsewhere, other_organisation)
    made["elsewhere"] = complete_registration(elsewhere)
    drafting = add_person(centre, "201944444444")
    assign(drafting, organisation)
    made["draft"] = complete_registration(drafting, status="draft")
    ended = add_person(centre, "201955555555")
    assign(ended, organisation, start_date=today() - datetime.timedelta(days=9), end_date=today())
    made["ended"] = complete_registration(ended)
    return made


def test_the_export_page_says_how_many_residents_the_filters_match(
    adviser, centre, organisation, other_organisation
) -> None:
    _people(centre, organisation, other_organisation)
    client = signed_in(adviser)
    response = client.get("/en/advisers/export/?licence=B")
    assert response.status_code == 200
    assert heading(response) == "Export the list"
    assert "registration of 1 resident who matches" in response.content.decode()
    assert exports() == []
    everyone = client.get("/en/advisers/export/").content.decode()
    assert "each of the 2 residents" in everyone


def test_my_people_links_to_the_export_with_its_filters(adviser_client, completed) -> None:
    page = adviser_client.get("/en/advisers/?sort=duf").content.decode()
    assert 'href="/en/advisers/export/?sort=duf"' in page


def test_a_filtered_list_exports_as_a_spreadsheet_of_the_matching_residents_only(
    adviser, centre, organisation, other_organisation
) -> None:
    made = _people(centre, organisation, other_organisation)
    client = signed_in(adviser)
    response = client.post(
        "/en/advisers/export/?licence=B",
        {"purpose": "introduction_plan", "file_format": "xlsx"},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="registrations-{today().isoformat()}.xlsx"'
    )
    book = workbook(response)
    ids = [row[0] for row in book["Registrations"].iter_rows(min_row=2, values_only=True)]
    assert ids == [made["car"].pk]
    [row] = exports()
    assert (row.person, row.registration, row.reason) == (
        made["car"].person,
        made["car"],
        "introduction_plan",
    )
    assert row.detail["format"] == "xlsx" and row.detail["filters"] == ["licence"]


def test_the_whole_list_exports_as_json_lines_streamed_and_audited_per_resident(
    adviser, centre, organisation, other_organisation
) -> None:
    made = _people(centre, organisation, other_organisation)
    client = signed_in(adviser)
    response = client.post(
        "/en/advisers/export/?sort=duf",
        {"purpose": "other", "note": "Planning spring courses", "file_format": "jsonl"},
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/jsonl; charset=utf-8"
    assert response["Content-Disposition"].endswith('.jsonl"')
    lines = b"".join(response.streaming_content).decode().splitlines()
    documents = [json.loads(line) for line in lines]
    for exported in documents:
        jsonschema.validate(exported, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert [d["registration"]["id"] for d in documents] == [made["car"].pk, made["bus"].pk]
    assert {(row.registration_id, row.reason) for row in exports()} == {
        (made["car"].pk, "other: Planning spring courses"),
        (made["bus"].pk, "other: Planning spring courses"),
    }
    assert all(row.subject and row.detail["count"] == 2 for row in exports())


def test_an_export_without_a_purpose_is_refused_with_a_clear_error(
    adviser_client, completed
) -> None:
    response = adviser_client.post("/en/advisers/export/", {"file_format": "xlsx"})
    assert response.status_code == 400
    assert "Choose why you are exporting this list." in response.content.decode()
    other = adviser_client.post("/en/advisers/export/", {"purpose": "other", "file_format": "x"})
    assert other.status_code == 400
    assert "Write in a few words why you are exporting it." in other.content.decode()
    assert exports() == []


def test_broken_filters_are_a_clear_error_not_an_export(adviser_client, completed) -> None:
    response = adviser_client.post(
        "/en/advisers/export/?completed_from=yesterday",
        {"purpose": "guidance", "file_format": "jsonl"},
    )
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert exports() == []


def test_an_empty_list_export_is_audited_once(adviser_client, adviser, completed) -> None:
    response = adviser_client.post(
        "/en/advisers/export/?licence=C", {"purpose": "guidance", "file_format": "jsonl"}
    )
    assert b"".join(response.streaming_content) == b""
    [row] = exports()
    assert row.person is None and row.actor == adviser and row.detail["count"] == 0


def test_the_list_export_is_refused_to_everyone_but_advisers(client, staff) -> None:
    response = client.post("/en/advisers/export/", {"purpose": "guidance", "file_format": "xlsx"})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/advisers/login/")
    assert signed_in(staff).get("/en/advisers/export/").status_code == 404
    assert exports() == []
    assert sorted(row.detail["why"] for row in refusals()) == ["not_an_adviser", "signed_out"]


# The schema


def test_the_schema_is_published_at_a_stable_address(client) -> None:
    response = client.get("/schema/registration/v1.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert json.loads(response.content) == SCHEMA
