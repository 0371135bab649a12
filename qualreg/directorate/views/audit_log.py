"""The audit log viewer: read-only, for administrators; every reading of it is audited too.

Filters come by POST, so that a resident's DUF number never stands in an address (browser
history, proxies' logs). The same form downloads the selected rows as CSV.
"""

from __future__ import annotations

import csv

from django.contrib import admin
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from qualreg.directorate import auditlog
from qualreg.directorate.access import administrator_required
from qualreg.directorate.forms import AuditFilterForm
from qualreg.lib.forms import error_summary
from qualreg.privacy import audit

PER_PAGE = 100


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_http_methods(["GET", "POST"])
@administrator_required
def audit_log(request: HttpRequest) -> HttpResponseBase:
    form = AuditFilterForm(request.POST if request.method == "POST" else None)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "errors": error_summary(form), "page": None}
        return _render(request, context, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    rows = auditlog.selected(filters)
    subject = audit.pseudonym(filters["duf_number"]) if filters.get("duf_number") else ""
    if request.POST.get("export") == "csv":
        exported = audit.record(
            audit.Action.AUDIT_LOG_EXPORTED,
            actor=request.user,
            subject=subject,
            rows=rows.count(),
            **auditlog.filters_in_detail(filters),
        )
        return _csv(rows.filter(pk__lt=exported.pk))  # as the log stood when asked
    page = Paginator(rows, PER_PAGE).get_page(filters.get("page") or 1)
    shown = list(auditlog.described(page.object_list))
    audit.record(
        audit.Action.AUDIT_LOG_VIEWED,
        actor=request.user,
        subject=subject,
        page=page.number,
        **auditlog.filters_in_detail(filters),
    )
    context = {"form": form, "page": page, "rows": shown}
    return _render(request, context)


def _render(request: HttpRequest, context: dict[str, object], status: int = 200) -> HttpResponse:
    return render(
        request,
        "directorate/audit_log.html",
        {**admin.site.each_context(request), "title": _("Audit log"), **context},
        status=status,
    )


def _csv(rows: object) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(auditlog.COLUMNS)
        for chunk in _chunks(rows):
            for row in auditlog.described(chunk):
                yield writer.writerow([auditlog.csv_cell(row[c]) for c in auditlog.COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response


def _chunks(rows, size: int = 2000):
    """The rows a few thousand at a time, by key, so a long log is never all in memory."""
    last = None
    while True:
        chunk = list((rows.filter(id__lt=last) if last else rows).order_by("-id")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].id
