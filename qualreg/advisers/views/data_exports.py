"""Spreadsheet and JSON downloads for advisers: one registration from its page, or every
resident of the filtered "My people" list. Access and audit go through `access` like every
adviser page; the files are made by `qualreg.exports` in the adviser's language."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Any

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.advisers import access, purposes
from qualreg.advisers.forms import ExportForm, ListForm
from qualreg.advisers.models import Adviser
from qualreg.advisers.people_list import people_rows
from qualreg.exports import document, spreadsheet
from qualreg.exports.records import ExportedRegistration, filename
from qualreg.registration.models import Registration

# Registrations read from the database at a time while a list export is written.
CHUNK = 200


def exported(registration: Registration) -> ExportedRegistration:
    assert registration.completed_at is not None  # the access rule reads completed ones only
    return ExportedRegistration(
        id=registration.pk,
        number=registration.sequence,
        duf_number=registration.person.duf_number,
        language=registration.language,
        definition_version=registration.definition_version,
        completed_at=registration.completed_at,
        answers=registration.answers,
    )


@require_GET
@access.adviser_required
@access.purpose_required
def download_registration(
    request: HttpRequest, registration_id: int, file_format: str
) -> HttpResponseBase:
    """One registration as XLSX or JSON, for a purpose already given in this session."""
    if file_format not in ("xlsx", "json"):
        raise Http404
    registration = access.export_registration(
        request,
        registration_id,
        purpose=request.purpose,  # type: ignore[attr-defined]
        file_format=file_format,
    )
    record = exported(registration)
    name = filename(
        "registration", record.number, timezone.localdate(record.completed_at), file_format
    )
    language = translation.get_language()
    if file_format == "json":
        body = document.to_json(document.registration_document(record, language))
        response = HttpResponse(body, content_type=f"{document.JSON_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return _workbook_response([record], language, name)


@require_http_methods(["GET", "POST"])
@access.adviser_required
def export_people(request: HttpRequest) -> HttpResponseBase:
    """The residents of "My people" with the filters in the URL: the page says how many and
    asks why and in which format; the posted form downloads them all."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    list_form = ListForm(request.GET)
    form = ExportForm(request.POST if request.method == "POST" else None)
    if list_form.is_valid() and form.is_bound and form.is_valid():
        rows = people_rows(adviser, list_form.cleaned_data)
        file_format = form.cleaned_data["file_format"]
        ids = access.export_list(
            request,
            rows,
            purpose=purposes.as_reason(form.cleaned_data["purpose"], form.cleaned_data["note"]),
            file_format=file_format,
            filters=sorted(k for k, v in list_form.cleaned_data.items() if v and k != "sort"),
        )
        language = translation.get_language()
        name = filename("registrations", None, timezone.localdate(), file_format)
        records = _records(adviser, ids)
        if file_format == "xlsx":
            return _workbook_response(records, language, name)
        response = StreamingHttpResponse(
            document.json_lines(records, language),
            content_type=f"{document.JSON_LINES_TYPE}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    count = people_rows(adviser, list_form.cleaned_data).count() if list_form.is_valid() else 0
    return render(
        request,
        "advisers/export.html",
        {
            "form": form,
            "list_form": list_form,
            "count": count,
            "query": request.GET.urlencode(),
        },
        status=400 if (form.errors or list_form.errors) else 200,
    )


def _records(adviser: Adviser, ids: list[int]) -> Iterator[ExportedRegistration]:
    """The registrations with these ids, in this order, read a chunk at a time; each chunk
    through the access rule again, so a resident whose assignment ended meanwhile is left out."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = access.readable_registrations(adviser).filter(pk__in=chunk).in_bulk()
        for pk in chunk:
            if pk in found:
                yield exported(found[pk])


def _workbook_response(records: Any, language: str, name: str) -> FileResponse:
    """The workbook written to a temporary file (an XLSX file is a zip archive, complete
    only at its end), then sent from there."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    try:
        spreadsheet.write_workbook(records, language, target)
    except BaseException:
        target.close()
        raise
    target.seek(0)
    return FileResponse(
        target, as_attachment=True, filename=name, content_type=spreadsheet.XLSX_TYPE
    )
