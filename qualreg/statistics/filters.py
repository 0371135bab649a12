"""The filters of the statistics: period, centre, municipality, form language, gender and
birth-year band, read from the query string (bad input is a form error, never a 500).

A period is a whole year or a whole quarter, never a free range: two overlapping ranges
would differ by a few days, and their difference could be a single person.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.lib import languages
from qualreg.people.models import Centre
from qualreg.questionnaire.definition import QUESTIONNAIRE

FIRST_YEAR = 2024  # the service opened in this year; no registration is older

# Birth-year bands: (code, first year, last year); None is open-ended.
BIRTH_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("-1959", None, 1959),
    ("1960-1969", 1960, 1969),
    ("1970-1979", 1970, 1979),
    ("1980-1989", 1980, 1989),
    ("1990-1999", 1990, 1999),
    ("2000-2004", 2000, 2004),
    ("2005-", 2005, None),
)


def band_label(low: int | None, high: int | None) -> str:
    if low is None:
        return str(_("%(year)s or earlier") % {"year": high})
    if high is None:
        return str(_("%(year)s or later") % {"year": low})
    return f"{low}–{high}"


def birth_band_choices() -> list[tuple[str, str]]:
    return [(code, band_label(low, high)) for code, low, high in BIRTH_BANDS]


@dataclass(frozen=True)
class Period:
    """A whole year ("2026") or quarter ("2026-Q3"), in Norwegian time."""

    code: str
    year: int
    quarter: int | None

    @property
    def unit(self) -> str:
        return "quarter" if self.quarter else "year"

    @property
    def label(self) -> str:
        if self.quarter:
            return str(
                _("%(year)s, quarter %(quarter)s") % {"year": self.year, "quarter": self.quarter}
            )
        return str(self.year)

    @property
    def start(self) -> datetime.datetime:
        month = 3 * (self.quarter - 1) + 1 if self.quarter else 1
        return datetime.datetime(self.year, month, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def end(self) -> datetime.datetime:
        if self.quarter and self.quarter < 4:
            return datetime.datetime(
                self.year, 3 * self.quarter + 1, 1, tzinfo=ZoneInfo(settings.TIME_ZONE)
            )
        return datetime.datetime(self.year + 1, 1, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))


def periods(unit: str) -> list[Period]:
    """Every year or every quarter from the service's first year to today."""
    today = timezone.localdate()
    result = []
    for year in range(FIRST_YEAR, today.year + 1):
        if unit == "year":
            result.append(Period(str(year), year, None))
            continue
        for quarter in range(1, 5):
            if (year, quarter) <= (today.year, (today.month - 1) // 3 + 1):
                result.append(Period(f"{year}-Q{quarter}", year, quarter))
    return result


def period_choices() -> list[tuple[str, str]]:
    every = periods("year") + periods("quarter")
    ordered = sorted(every, key=lambda p: (-p.year, p.quarter or 0))
    return [(p.code, p.label) for p in ordered]


def parse_period(code: str) -> Period | None:
    return next((p for p in periods("year") + periods("quarter") if p.code == code), None)


def gender_choices() -> list[tuple[str, str]]:
    return [(choice.code, str(choice.label)) for choice in QUESTIONNAIRE.question("gender").choices]


def language_choices() -> list[tuple[str, str]]:
    return [(language.code, language.autonym) for language in languages.LANGUAGES]


def centre_choices() -> list[tuple[str, str]]:
    return [(str(pk), name) for pk, name in Centre.objects.values_list("pk", "name")]


def municipality_choices() -> list[tuple[str, str]]:
    names = Centre.objects.exclude(municipality="").values_list("municipality", flat=True)
    return [(name, name) for name in sorted(set(names))]


ALL: list[tuple[str, Any]] = [("", pgettext_lazy("filter", "All"))]


class FilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)
    centre = forms.ChoiceField(label=_("Reception centre"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality of the centre"), required=False)
    language = forms.ChoiceField(label=_("Language of the form"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    birth = forms.ChoiceField(label=_("Year of birth"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "period": period_choices(),
            "centre": centre_choices(),
            "municipality": municipality_choices(),
            "language": language_choices(),
            "gender": gender_choices(),
            "birth": birth_band_choices(),
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = ALL + options
            field.error_messages["invalid_choice"] = _("Choose one of the values in the list.")

    def filters(self) -> Filters:
        """The chosen filters; call only after is_valid()."""
        data = self.cleaned_data
        return Filters(
            period=parse_period(data["period"]) if data["period"] else None,
            centre=int(data["centre"]) if data["centre"] else None,
            municipality=data["municipality"] or None,
            language=data["language"] or None,
            gender=data["gender"] or None,
            birth=data["birth"] or None,
        )


@dataclass(frozen=True)
class Filters:
    period: Period | None = None
    centre: int | None = None
    municipality: str | None = None
    language: str | None = None
    gender: str | None = None
    birth: str | None = None

    NAMES: ClassVar[tuple[str, ...]] = (
        "period",
        "centre",
        "municipality",
        "language",
        "gender",
        "birth",
    )

    @property
    def active(self) -> tuple[str, ...]:
        return tuple(name for name in self.NAMES if getattr(self, name) is not None)

    def value(self, name: str) -> Any:
        value = getattr(self, name)
        return value.code if isinstance(value, Period) else value

    def as_query(self) -> dict[str, str]:
        return {name: str(self.value(name)) for name in self.active}

    def audit_detail(self) -> dict[str, str]:
        """The filter for the audit log: codes only, never a person."""
        return self.as_query()

    def described(self) -> list[tuple[str, str]]:
        """(filter, chosen value) in words, for the page and the files."""
        form = FilterForm()
        result = []
        for name in self.active:
            field = form.fields[name]
            assert isinstance(field, forms.ChoiceField)
            labels = {str(code): str(label) for code, label in list(field.choices)}  # type: ignore[arg-type]
            result.append(
                (str(field.label), labels.get(str(self.value(name)), str(self.value(name))))
            )
        return result
