"""The resident's own copy of a completed registration as PDF: in their language beside
Norwegian bokmål (to hand to a Norwegian office), with every remark written about them,
each labelled with the organisation, and their rights."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from qualreg.exports import pdf
from qualreg.people.session import resident_required
from qualreg.privacy import audit
from qualreg.registration import extras
from qualreg.registration.documents import pdf_copy
from qualreg.registration.models import Registration

# The second column of the resident's copy: the language of Norwegian offices.
OFFICE_LANGUAGE = "nb"


@never_cache
@require_GET
@resident_required
def registration_pdf(request: HttpRequest, number: int) -> HttpResponse:
    """The resident's completed registration with this number; 404 for a draft or a number
    they do not have (a resident reaches only their own registrations)."""
    person = request.person  # type: ignore[attr-defined]
    registration = Registration.objects.filter(
        person=person, sequence=number, status=Registration.Status.COMPLETED
    ).first()
    if registration is None:
        raise Http404
    copy = pdf_copy(
        registration,
        (translation.get_language(), OFFICE_LANGUAGE),
        extras.remarks_for(person),
        for_resident=True,
    )
    response = pdf.response(copy)
    audit.record(
        audit.Action.REGISTRATION_EXPORTED_BY_RESIDENT,
        person=person,
        registration=registration,
        by_resident=True,
        format="pdf",
    )
    return response
