"""How far residents get: added, given a code, consented or refused, a draft, completed; and
the median time from the first login code to completion. Counted from the people and
registration tables (dates and states), never from answers."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _

from qualreg.people.models import LoginCode, Person
from qualreg.registration.models import AnswerFact, ConsentRecord, Registration
from qualreg.statistics.filters import BIRTH_BANDS, Filters, periods

STAGES = (
    ("added", _("Residents added")),
    ("code", _("Given a login code")),
    ("consented", _("Consented")),
    ("refused", _("Did not consent")),
    ("draft", _("Registration in progress")),
    ("completed", _("Registration completed")),
)


def _sources() -> list[tuple[str, QuerySet[Any], str, str]]:
    """(stage, rows, path to the person, the moment of the step)."""
    return [
        ("added", Person.objects.all(), "", "added_at"),
        ("code", LoginCode.objects.all(), "person__", "issued_at"),
        ("consented", ConsentRecord.objects.filter(decision="consented"), "person__", "at"),
        ("refused", ConsentRecord.objects.filter(decision="refused"), "person__", "at"),
        ("draft", Registration.objects.filter(status="draft"), "person__", "created_at"),
        ("completed", Registration.objects.filter(status="completed"), "person__", "completed_at"),
    ]


def _period_case(filters: Filters, moment: str) -> Case:
    assert filters.period is not None
    return Case(
        *(
            When(**{f"{moment}__gte": p.start, f"{moment}__lt": p.end}, then=Value(p.code))
            for p in periods(filters.period.unit)
        ),
        default=Value(""),
        output_field=CharField(),
    )


def flow_counts(filters: Filters) -> dict[Any, dict[tuple[str, str], int]] | None:
    """Residents at each step, per group of the filtered dimensions; None when the filter
    has a gender or a year of birth, which are known only from completed registrations."""
    if filters.gender or filters.birth:
        return None
    counts: dict[Any, dict[tuple[str, str], int]] = {}
    for stage, rows, person, moment in _sources():
        person_key = f"{person}id" if person else "id"
        for key, n in _grouped(filters, rows, person, moment, Count(person_key, distinct=True)):
            counts.setdefault(key, {})[(stage, "n")] = n
    return counts


def _column(filters: Filters, name: str, person: str, moment: str) -> Any:
    if name == "period":
        return _period_case(filters, moment)
    path = {"centre": "centre_id", "municipality": "centre__municipality"}
    return F(person + path.get(name, "preferred_language"))


def _grouped(
    filters: Filters, rows: QuerySet[Any], person: str, moment: str, count: Any, *extra: str
) -> list[tuple[tuple[Any, ...], int]]:
    """(group of the filtered dimensions [+ extra values], count) for some rows."""
    columns = {
        f"d{i}": _column(filters, name, person, moment) for i, name in enumerate(filters.active)
    }
    names = [*columns, *extra]
    if not names:  # values() without names would group by every field
        return [((), rows.aggregate(n=count)["n"])]
    grouped = rows.annotate(**columns).values(*names).annotate(n=count).order_by()
    return [(tuple(row[name] for name in names), row["n"]) for row in grouped]


PROGRESS = (
    ("0-24", _("Less than a quarter")),
    ("25-49", _("A quarter to a half")),
    ("50-74", _("A half to three quarters")),
    ("75-100", _("More than three quarters")),
)


def draft_progress(filters: Filters) -> tuple[Any, dict[Any, dict[tuple[str, str], int]]] | None:
    """Registrations in progress by how much of the form they have answered: where
    residents stop. None with a gender or year-of-birth filter (see flow_counts)."""
    if filters.gender or filters.birth:
        return None
    band = Case(
        When(progress_percent__lt=25, then=Value("0-24")),
        When(progress_percent__lt=50, then=Value("25-49")),
        When(progress_percent__lt=75, then=Value("50-74")),
        default=Value("75-100"),
        output_field=CharField(),
    )
    drafts = Registration.objects.filter(status="draft").annotate(band=band)
    counts: dict[Any, dict[tuple[str, str], int]] = {}
    for key, n in _grouped(filters, drafts, "person__", "updated_at", Count("id"), "band"):
        counts.setdefault(key[:-1], {})[(key[-1], "n")] = n
    return PROGRESS, counts


def _latest_completed() -> QuerySet[Registration]:
    later = Registration.objects.filter(
        person_id=OuterRef("person_id"), status="completed", sequence__gt=OuterRef("sequence")
    )
    return Registration.objects.filter(status="completed").exclude(Exists(later))


def _fact(question: str, **condition: Any) -> Exists:
    return Exists(
        AnswerFact.objects.filter(registration_id=OuterRef("pk"), question=question, **condition)
    )


def in_view(filters: Filters) -> QuerySet[Registration]:
    """The completed registrations of the group the filter picks."""
    rows = _latest_completed()
    if filters.period:
        rows = rows.filter(
            completed_at__gte=filters.period.start, completed_at__lt=filters.period.end
        )
    if filters.centre:
        rows = rows.filter(person__centre_id=filters.centre)
    if filters.municipality:
        rows = rows.filter(person__centre__municipality=filters.municipality)
    if filters.language:
        rows = rows.filter(language=filters.language)
    if filters.gender:
        rows = rows.filter(_fact("gender", code=filters.gender))
    if filters.birth:
        _code, low, high = next(band for band in BIRTH_BANDS if band[0] == filters.birth)
        years = Q()
        if low is not None:
            years &= Q(number__gte=low)
        if high is not None:
            years &= Q(number__lte=high)
        rows = rows.filter(
            Exists(
                AnswerFact.objects.filter(
                    years, registration_id=OuterRef("pk"), question="birth_year"
                )
            )
        )
    return rows


def median_days(filters: Filters) -> int | None:
    """The median whole days from a resident's first login code to completion, over the
    group the filter picks (shown only when that group may be shown at all)."""
    first_code = LoginCode.objects.filter(
        person_id=OuterRef("person_id"), issued_at__lte=OuterRef("completed_at")
    ).order_by("issued_at")
    rows = (
        in_view(filters)
        .annotate(first_code=Subquery(first_code.values("issued_at")[:1]))
        .filter(first_code__isnull=False)
        .annotate(
            took=ExpressionWrapper(
                F("completed_at") - F("first_code"), output_field=DurationField()
            )
        )
    )
    n = rows.count()
    if not n:
        return None
    middle = rows.order_by("took").values_list("took", flat=True)[n // 2]
    return middle.days


def time_to_complete() -> dict[int, datetime.timedelta]:
    """The time from the first login code to completion of every registration counted
    (each resident's latest completed one that had a code), for stored medians."""
    first_code = LoginCode.objects.filter(
        person_id=OuterRef("person_id"), issued_at__lte=OuterRef("completed_at")
    ).order_by("issued_at")
    rows = (
        _latest_completed()
        .annotate(first_code=Subquery(first_code.values("issued_at")[:1]))
        .filter(first_code__isnull=False)
        .values_list("id", "completed_at", "first_code")
    )
    return {rid: completed - first for rid, completed, first in rows if completed is not None}
