"""One registration as PDF for the adviser: their language beside the resident's, with their
organisation's remarks. The same access rule as the page, audited as an export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from qualreg.advisers import access
from qualreg.advisers.documents import adviser_copy
from qualreg.exports import pdf


@require_GET
@access.adviser_required
@access.purpose_required
def registration_pdf(request: HttpRequest, registration_id: int) -> HttpResponse:
    purpose = request.purpose  # type: ignore[attr-defined]
    registration = access.export_registration(
        request, registration_id, purpose=purpose, file_format="pdf"
    )
    adviser = request.adviser  # type: ignore[attr-defined]
    return pdf.response(adviser_copy(registration, adviser, translation.get_language()))
