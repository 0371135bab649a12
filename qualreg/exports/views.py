"""The JSON Schema of the registration export, public at a stable address so that anyone who
receives an export can check it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from qualreg.exports import document


@require_GET
@cache_control(public=True, max_age=3600)
def registration_schema(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(document.schema_text(), content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
