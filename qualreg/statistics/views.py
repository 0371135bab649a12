"""The statistics page, and its tables as CSV and XLSX. Every view and download is audited
with the filter (codes only), cheaply: one row each."""

from __future__ import annotations

import datetime
from typing import Any

from babel.dates import format_date
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qualreg.lib import languages
from qualreg.lib.dates import format_moment
from qualreg.privacy import audit
from qualreg.statistics import charts, downloads
from qualreg.statistics.access import statistics_required
from qualreg.statistics.filters import FilterForm, Filters
from qualreg.statistics.report import SECTIONS, build, table_keys
from qualreg.statistics.suppression import MIN_GROUP, SMALL
from qualreg.statistics.tables import Statistics, Table


def refusal_message(statistics: Statistics) -> str:
    if statistics.groups.refusal == "too_small":
        return _(
            "This filter leaves fewer than %(min)s registrations. To protect the people in "
            "it, nothing else is shown. Choose a wider filter."
        ) % {"min": MIN_GROUP}
    if statistics.groups.refusal == "differencing":
        return _(
            "This filter cannot be shown: another group it divides the registrations into "
            "has fewer than %(min)s, and its numbers could be worked out by subtracting. "
            "Choose a wider filter."
        ) % {"min": MIN_GROUP}
    return ""


def _filters(request: HttpRequest) -> tuple[FilterForm, Filters | None]:
    form = FilterForm(request.GET or None)
    if not request.GET:
        return form, Filters()
    return form, form.filters() if form.is_valid() else None


def _record(request: HttpRequest, action: str, filters: Filters, **detail: Any) -> None:
    audit.record(action, actor=request.user, **{**filters.audit_detail(), **detail})


def _month_labels(table: Table) -> dict[str, str]:
    locale = languages.get(translation.get_language()).babel_locale
    labels = {}
    for code, _label in table.rows:
        year, month = code.split("-")
        labels[code] = format_date(datetime.date(int(year), int(month), 1), "MMM yy", locale=locale)
    return labels


def _chart(table: Table, rtl: bool) -> Any:
    words = {
        "small": _("fewer than %(n)s") % {"n": SMALL},
        "hidden": _("hidden"),
        "partly": _("partly hidden"),
    }
    if table.chart == "line":
        labels = _month_labels(table)
        table.rows = [(code, labels[code]) for code, _label in table.rows]
        return charts.line_chart(table, labels, rtl)
    return charts.bar_chart(table, words, rtl)


@require_GET
@statistics_required
def page(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    if filters is None:
        _record(request, audit.Action.STATISTICS_VIEWED, Filters(), outcome="bad_filter")
        return _bad_filter(request, form)
    statistics = build(filters)
    refusal = refusal_message(statistics)
    _record(
        request,
        audit.Action.STATISTICS_VIEWED,
        filters,
        outcome=statistics.groups.refusal or "shown",
    )
    rtl = languages.get(translation.get_language()).bidi
    query = urlencode(filters.as_query())
    sections = [
        (
            key,
            title,
            [
                {
                    "table": table,
                    "chart": _chart(table, rtl),
                    "csv": reverse("statistics:csv", args=[table.key])
                    + (f"?{query}" if query else ""),
                }
                for table in statistics.section(key)
            ],
        )
        for key, title in SECTIONS
    ]
    context = {
        "form": form,
        "statistics": statistics,
        "refusal": refusal,
        "sections": [section for section in sections if section[2]],
        "described": filters.described(),
        "counted_at": format_moment(statistics.counted_at),
        "xlsx": reverse("statistics:xlsx") + (f"?{query}" if query else ""),
        "small": SMALL,
        "min_group": MIN_GROUP,
        "suppression_note": downloads.suppression_note(),
        "chart_width": charts.WIDTH,
    }
    return render(request, "statistics/page.html", context)


def _bad_filter(request: HttpRequest, form: FilterForm) -> HttpResponse:
    return render(request, "statistics/page.html", {"form": form, "statistics": None}, status=400)


@require_GET
@statistics_required
def table_csv(request: HttpRequest, key: str) -> HttpResponse:
    if key not in table_keys():
        raise Http404
    form, filters = _filters(request)
    if filters is None:
        return _bad_filter(request, form)
    statistics = build(filters, only=key)
    _record(
        request,
        audit.Action.STATISTICS_DOWNLOADED,
        filters,
        file="csv",
        table=key,
        outcome=statistics.groups.refusal or "shown",
    )
    table = statistics.table(key)
    if table is None:
        text = downloads.refused_csv(
            statistics,
            refusal_message(statistics) or _("This table is not available with this filter."),
        )
    else:
        text = downloads.table_csv(statistics, table)
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="qualreg-statistics-{key}.csv"'
    return response


@require_GET
@statistics_required
def workbook(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    if filters is None:
        return _bad_filter(request, form)
    statistics = build(filters)
    _record(
        request,
        audit.Action.STATISTICS_DOWNLOADED,
        filters,
        file="xlsx",
        outcome=statistics.groups.refusal or "shown",
    )
    content = downloads.workbook(statistics, refusal_message(statistics))
    response = HttpResponse(content, content_type=downloads.XLSX)
    response["Content-Disposition"] = 'attachment; filename="qualreg-statistics.xlsx"'
    return response
