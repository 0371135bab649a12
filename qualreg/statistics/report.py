"""Every table of the statistics, in the order of the page, and `build` to count them.

Each table is a function registered with `@table(key, section, questions)`: it reads its
counts from the builder (never the answers document) and adds one protected table.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qualreg.lib import languages
from qualreg.people.models import Centre
from qualreg.questionnaire.codelists import (
    COUNTRIES,
    DIGCOMP_CAN_DO,
    DRIVING_CATEGORIES,
    ISCED_FIELDS,
    ISCED_LEVELS,
    LANGUAGES,
    NACE_SECTIONS,
    SKILL_SCALE,
)
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.statistics import isco
from qualreg.statistics.filters import BIRTH_BANDS, Filters, band_label
from qualreg.statistics.flow import STAGES
from qualreg.statistics.queries import Counts, Scope, Source
from qualreg.statistics.stored import stored_scope
from qualreg.statistics.tables import (
    Builder,
    Spec,
    Statistics,
    bands,
    labelled,
    top,
)

SECTIONS = (
    ("flow", _("Registrations")),
    ("who", _("Who they are")),
    ("bring", _("What they bring")),
    ("wish", _("What they wish")),
)
SPECS: list[Spec] = []


def table(
    key: str, section: str, questions: Sequence[str] = ()
) -> Callable[[Callable[[Builder], None]], Callable[[Builder], None]]:
    def register(make: Callable[[Builder], None]) -> Callable[[Builder], None]:
        SPECS.append(Spec(key, section, tuple(questions), make))
        return make

    return register


def table_keys() -> list[str]:
    return [spec.key for spec in SPECS]


def build(filters: Filters, only: str | None = None, *, live: bool = False) -> Statistics:
    """Protect every table (or only the one `only` names) for the filter, from the stored
    counts when there are some for it (stored.py), else (or when `live`) counted now. When
    the filter's group may not be shown, there are no tables at all."""
    now = timezone.now()
    stored = None if live else stored_scope(filters, every_table=only is None)
    specs = [spec for spec in SPECS if only is None or spec.key == only]
    questions = sorted({question for spec in specs for question in spec.questions})
    builder = Builder(stored or Scope(filters), questions)
    days = None
    if builder.groups.allowed:
        for spec in specs:
            builder.spec = spec
            spec.make(builder)
        if only is None:
            days = builder.scope.median_days()
    counted_at = stored.counted_at if stored else now
    return Statistics(filters, builder.groups, builder.tables, days, now, counted_at)


def run_every_table(scope: Source) -> None:
    """Ask `scope` every count of every table, whatever the group's size (refresh.py stores
    what it answers)."""
    questions = sorted({question for spec in SPECS for question in spec.questions})
    builder = Builder(scope, questions, every_count=True)
    for spec in SPECS:
        builder.spec = spec
        spec.make(builder)


def _number_bands(limits: Sequence[tuple[str, int | None, int | None]]) -> list[tuple[str, str]]:
    return [
        (code, band_label(low, high) if low != high else str(low)) for code, low, high in limits
    ]


def _month_codes(first: datetime.date, last: datetime.date) -> list[str]:
    codes = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        codes.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return codes


def _cross(
    coded: dict[str, Counts], rows: Sequence[tuple[str, str]]
) -> dict[Any, dict[tuple[str, str], int]]:
    """Several questions with the same answers as the rows of one table: {group: {(row,
    answer): n}} for rows of (row code, question)."""
    result: dict[Any, dict[tuple[str, str], int]] = {}
    for row, question in rows:
        for key, values in coded[question].items():
            result.setdefault(key, {}).update({(row, str(code)): n for code, n in values.items()})
    return result


# Registrations ----------------------------------------------------------------------------


@table("completed_by_month", "flow")
def _by_month(b: Builder) -> None:
    if b.filters.period:
        first = b.filters.period.start.date()
        last = (b.filters.period.end - datetime.timedelta(days=1)).date()
    else:
        last = timezone.localdate()
        first = (last.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    months = [(code, code) for code in _month_codes(first, last)]
    b.add_single(
        _("Completed registrations by month"), b.scope.by_month(first, last), months, chart="line"
    )


@table("completed_by_centre", "flow")
def _by_centre(b: Builder) -> None:
    centres = list(Centre.objects.values_list("pk", "name"))
    b.add_single(
        _("Completed registrations by reception centre"), b.scope.by_column("centre"), centres
    )


@table("flow", "flow")
def _flow(b: Builder) -> None:
    counts = b.scope.flow()
    if counts is not None:
        b.add(
            _("From resident added to registration completed"),
            counts,
            STAGES,
            note=_("Residents who reached each step in the period."),
        )


@table("draft_progress", "flow")
def _drafts(b: Builder) -> None:
    progress = b.scope.drafts()
    if progress is not None:
        limits, counts = progress
        b.add(
            _("Registrations in progress: how much is answered"),
            counts,
            limits,
            note=_(
                "Where residents stop: the share of the questions answered in registrations "
                "not yet completed."
            ),
        )


# Who they are -----------------------------------------------------------------------------


@table("birth_band", "who", ["birth_year"])
def _birth(b: Builder) -> None:
    rows = [(code, band_label(low, high)) for code, low, high in BIRTH_BANDS]
    b.add_single(_("Year of birth"), bands(b.coded["birth_year"], BIRTH_BANDS), rows)


@table("gender", "who", ["gender"])
def _gender(b: Builder) -> None:
    b.add_single(_("Gender"), b.coded["gender"], labelled(QUESTIONNAIRE.question("gender").choices))


@table("form_language", "who")
def _form_language(b: Builder) -> None:
    rows = [(language.code, language.autonym) for language in languages.LANGUAGES]
    b.add_single(_("Language of the form"), b.scope.by_column("language"), rows, show_codes=True)


@table("birth_country", "who", ["birth_country"])
def _birth_country(b: Builder) -> None:
    common, counts = top(b.coded["birth_country"], 15, other="other")
    names = {choice.code: str(choice.label) for choice in COUNTRIES}
    rows = [(code, names.get(code, code)) for code in common] + [("other", _("Other countries"))]
    b.add_single(_("Country of birth (the 15 most common)"), counts, rows, show_codes=True)


# What they bring --------------------------------------------------------------------------

LEVELS = [choice.code for choice in ISCED_LEVELS if choice.code != "dont_know"]
NO_SCHOOL = "none"
SCHOOL_BANDS = (
    ("0", 0, 0),
    ("1-5", 1, 5),
    ("6-9", 6, 9),
    ("10-12", 10, 12),
    ("13-15", 13, 15),
    ("16-", 16, None),
)
WORK_BANDS = (
    ("0", 0, 0),
    ("1-2", 1, 2),
    ("3-5", 3, 5),
    ("6-10", 6, 10),
    ("11-20", 11, 20),
    ("21-", 21, None),
)
DIGCOMP_AREAS = (
    ("1", _("Information and data literacy")),
    ("2", _("Communication and collaboration")),
    ("3", _("Digital content creation")),
    ("4", _("Safety")),
    ("5", _("Problem solving")),
    ("none", _("None of these")),
)


@table("education_level", "bring", ["school_ever"])
def _education_level(b: Builder) -> None:
    case = " ".join(f"WHEN %s THEN {rank}" for rank, _code in enumerate(LEVELS, start=1))
    highest = b.scope.per_registration(f"MAX(CASE f.code {case} ELSE 0 END)", ["edu_level"], LEVELS)
    counts: Counts = {}
    for key, values in highest.items():
        counts[key] = {(LEVELS[rank - 1] if rank else "dont_know"): n for rank, n in values.items()}
    for key, values in b.coded["school_ever"].items():
        counts.setdefault(key, {})[NO_SCHOOL] = values.get("no", 0)
    rows = [(NO_SCHOOL, _("Never went to school")), *labelled(ISCED_LEVELS)]
    b.add_single(_("Highest level of education (ISCED 2011)"), counts, rows, show_codes=True)


@table("education_field", "bring", ["edu_field"])
def _education_field(b: Builder) -> None:
    b.add_single(
        _("Fields of education (ISCED-F 2013)"),
        b.coded["edu_field"],
        labelled(ISCED_FIELDS),
        show_codes=True,
    )


@table("school_years", "bring", ["school_years", "school_ever"])
def _school_years(b: Builder) -> None:
    counts = bands(b.coded["school_years"], SCHOOL_BANDS)
    for key, values in b.coded["school_ever"].items():
        target = counts.setdefault(key, {})
        target["0"] = target.get("0", 0) + values.get("no", 0)
    b.add_single(
        _("Years of schooling"),
        counts,
        _number_bands(SCHOOL_BANDS),
        note=_("Residents who never went to school are counted under 0."),
    )


@table("occupation_major", "bring")
def _occupation_major(b: Builder) -> None:
    counts = b.scope.derived("job_occupation", "SUBSTR(f.code, 1, 1)")
    b.add_single(_("Occupations (ISCO-08 major groups)"), counts, isco.major_groups())


@table("occupation_sub_major", "bring")
def _occupation_sub_major(b: Builder) -> None:
    counts = b.scope.derived("job_occupation", "SUBSTR(f.code, 1, 2)")
    common, _counts = top(
        {k: {c: n for c, n in v.items() if c in isco.SUB_MAJOR} for k, v in counts.items()}, 20
    )
    rows = [(code, isco.sub_major_label(code)) for code in common]
    b.add_single(_("Occupations (the 20 most common ISCO-08 sub-major groups)"), counts, rows)


@table("work_years", "bring")
def _work_years(b: Builder) -> None:
    years = b.scope.per_registration("SUM(f.number)", ["job_years"], default=0)
    b.add_single(
        _("Years of work experience in all"),
        bands(years, WORK_BANDS),
        _number_bands(WORK_BANDS),
        note=_(
            "The years of all jobs added together; residents who never worked are counted under 0."
        ),
    )


@table("sector", "bring", ["job_sector"])
def _sector(b: Builder) -> None:
    b.add_single(
        _("Where they worked (NACE sections)"),
        b.coded["job_sector"],
        labelled(NACE_SECTIONS),
        show_codes=True,
    )


@table("languages", "bring", ["home_language"])
def _languages(b: Builder) -> None:
    """The 20 languages most often spoken (grown up with, or another language they speak),
    with how well they speak the others, as they judge it themselves."""
    counts: dict[Any, dict[tuple[str, str], int]] = {}
    spoken: Counts = {}
    for key, values in b.coded["home_language"].items():
        counts.setdefault(key, {}).update({(str(code), "home"): n for code, n in values.items()})
        spoken.setdefault(key, {}).update(values)
    for key, values in b.scope.paired("lang_code", "lang_speak").items():
        target, speakers = counts.setdefault(key, {}), spoken.setdefault(key, {})
        for (language, level), n in values.items():
            if level != "0":
                target[(language, level)] = target.get((language, level), 0) + n
                speakers[language] = speakers.get(language, 0) + n
    common, _spoken = top(
        {k: {c: n for c, n in v.items() if c != "other"} for k, v in spoken.items()}, 20
    )
    names = {choice.code: str(choice.label) for choice in LANGUAGES}
    columns = [("home", _("Grew up with it")), *labelled(SKILL_SCALE, skip=("0",))]
    b.add(
        _("Languages they speak (the 20 most common) and how well"),
        counts,
        [(code, names.get(code, code)) for code in common],
        columns,
        chart="stacked",
        note=_("How well they speak the other languages is their own judgement."),
    )


@table("norwegian_english", "bring", ["norwegian_speak", "english_speak"])
def _norwegian_english(b: Builder) -> None:
    counts = _cross(b.coded, [("norwegian", "norwegian_speak"), ("english", "english_speak")])
    rows = [("norwegian", _("Norwegian")), ("english", _("English"))]
    b.add(
        _("How well they speak Norwegian and English"),
        counts,
        rows,
        labelled(SKILL_SCALE),
        chart="stacked",
    )


@table("reading_writing", "bring", ["read_write_first", "read_write_latin"])
def _reading_writing(b: Builder) -> None:
    counts = _cross(b.coded, [("first", "read_write_first"), ("latin", "read_write_latin")])
    rows = [("first", _("In the language they grew up with")), ("latin", _("The Latin alphabet"))]
    columns = labelled(QUESTIONNAIRE.question("read_write_latin").choices)
    b.add(_("Reading and writing"), counts, rows, columns, chart="stacked")


@table("digital", "bring")
def _digital(b: Builder) -> None:
    areas = [choice for choice in DIGCOMP_CAN_DO if choice.reference]
    case = " ".join(f"WHEN %s THEN '{choice.reference[0]}'" for choice in areas if choice.reference)
    counts = b.scope.derived(
        "can_do", f"CASE f.code {case} ELSE 'none' END", [c.code for c in areas]
    )
    b.add_single(_("Digital skills (DigComp 2.2 areas)"), counts, DIGCOMP_AREAS, show_codes=True)


@table("driving", "bring", ["licence", "licence_categories"])
def _driving(b: Builder) -> None:
    counts = {key: dict(values) for key, values in b.coded["licence_categories"].items()}
    for key, values in b.coded["licence"].items():
        counts.setdefault(key, {})["no_licence"] = values.get("no", 0)
    rows = [*labelled(DRIVING_CATEGORIES), ("no_licence", _("No driving licence"))]
    b.add_single(_("Driving licence categories"), counts, rows, show_codes=True)


@table("activities", "bring", ["activities"])
def _activities(b: Builder) -> None:
    rows = labelled(QUESTIONNAIRE.question("activities").choices)
    b.add_single(_("Activities they used to do"), b.coded["activities"], rows)


# What they wish ---------------------------------------------------------------------------

WISH = (
    "MAX(CASE WHEN f.question = %s AND f.code IN (%s, %s) THEN 2 ELSE 0 END)"
    " + MAX(CASE WHEN f.question = %s AND f.code IN (%s, %s, %s) THEN 1 ELSE 0 END)"
)
WISH_PARAMS = (
    "education_wish",
    "yes",
    "maybe",
    "work_start_wish",
    "soon",
    "after_norwegian",
    "after_education",
)


@table("education_or_work", "wish")
def _education_or_work(b: Builder) -> None:
    counts = b.scope.per_registration(
        WISH, ["education_wish", "work_start_wish"], WISH_PARAMS, default=0
    )
    rows = [
        (3, _("Both education and work")),
        (2, _("Education")),
        (1, _("Work")),
        (0, _("Neither, or do not know yet")),
    ]
    b.add_single(
        _("Education, work or both"),
        counts,
        rows,
        note=_(
            "Education: would like to take education in Norway (yes or maybe). "
            "Work: would like to start working, soon or later."
        ),
    )


@table("education_wish_kind", "wish", ["education_wish_kind"])
def _education_wish_kind(b: Builder) -> None:
    rows = labelled(QUESTIONNAIRE.question("education_wish_kind").choices)
    b.add_single(_("Kinds of education they wish for"), b.coded["education_wish_kind"], rows)


@table("education_wish_field", "wish", ["education_wish_field"])
def _education_wish_field(b: Builder) -> None:
    b.add_single(
        _("Fields they would like to study"),
        b.coded["education_wish_field"],
        labelled(ISCED_FIELDS),
        show_codes=True,
    )


@table("work_wish", "wish")
def _work_wish(b: Builder) -> None:
    counts = b.scope.derived("work_wish", "SUBSTR(f.code, 1, 1)")
    b.add_single(
        _("Work they would like (ISCO-08 major groups)"),
        counts,
        isco.major_groups(),
    )


@table("priorities", "wish", ["priorities"])
def _priorities(b: Builder) -> None:
    rows = labelled(QUESTIONNAIRE.question("priorities").choices)
    b.add_single(_("What is most important for them now"), b.coded["priorities"], rows)
