"""The filters of "My people" on structured answers, read from the facts table (never the
answers document): their choice lists, translated and in the reader's alphabetical order,
and the query each adds. Every chosen filter narrows the list further (AND).
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualreg.lib.collation import sorted_for
from qualreg.questionnaire.codelists import (
    DRIVING_CATEGORIES,
    ISCED_FIELDS,
    ISCED_LEVELS,
    LANGUAGES,
    OTHER_LANGUAGE,
    SKILL_SCALE,
)
from qualreg.questionnaire.locale import active_language_code
from qualreg.questionnaire.occupations import (
    ISCO_SUB_MAJOR_GROUPS,
    isco_major_groups,
    isco_unit_codes,
)
from qualreg.registration.models import AnswerFact, Registration

# ISCED 2011 levels from lowest to highest ("don't know" ranks nowhere).
EDUCATION_ORDER = ["1", "2", "34", "35", "4", "5", "6", "7", "8"]
SKILL_ORDER = ["0", "1", "2", "3", "4", "5"]
DONT_KNOW = "dont_know"
LISTED_IDS_AT_MOST = 5000

# Languages the questionnaire asks about in questions of their own, with a level.
OWN_QUESTION_LANGUAGES = {
    "eng": "english_speak",
    "nob": "norwegian_speak",
    "nno": "norwegian_speak",
}

# Wishes as the questionnaire has them: "Would you like to take education in Norway?" yes or
# maybe (the answers that ask what kind); a wished job, or a time to start working.
WISHES_EDUCATION = ("yes", "maybe")
WISHES_WORK_START = ("soon", "after_norwegian", "after_education")
WISH_CHOICES = [
    ("education", gettext_lazy("Education")),
    ("work", gettext_lazy("Work")),
    ("both", gettext_lazy("Both education and work")),
]


def _collated(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted_for(active_language_code(), choices, lambda choice: str(choice[1]))


def education_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in ISCED_LEVELS if c.code in EDUCATION_ORDER]


def skill_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in SKILL_SCALE if c.code != "0"]


def licence_choices() -> list[tuple[str, Any]]:
    return [(c.code, c.label) for c in DRIVING_CATEGORIES]


def field_choices() -> list[tuple[str, Any]]:
    """ISCED-F 2013 broad fields, the level the questionnaire codes."""
    return _collated([(c.code, c.label) for c in ISCED_FIELDS if c.code != DONT_KNOW])


def occupation_choices() -> list[tuple[str, Any]]:
    """One group of options per ISCO-08 major group, in ISCO order: the whole major group
    first, then its sub-major groups in alphabetical order."""
    return [
        (
            str(label),
            [
                (major, _("%(group)s, all") % {"group": label}),
                *_collated([(code, ISCO_SUB_MAJOR_GROUPS[code]) for code in sub_majors]),
            ],
        )
        for major, label, sub_majors in isco_major_groups()
    ]


def language_choices() -> list[tuple[str, Any]]:
    """ISO 639-3 languages, sorted for the reader (the code list is)."""
    return [(c.code, c.label) for c in LANGUAGES if c.code != OTHER_LANGUAGE]


def wish_choices() -> list[tuple[str, Any]]:
    return list(WISH_CHOICES)


@functools.cache
def _choice_lists(language: str) -> dict[str, list[tuple[str, Any]]]:
    with translation.override(language):
        lists = {
            "education": education_choices(),
            "field": field_choices(),
            "occupation": occupation_choices(),
            "language": language_choices(),
            "language_level": skill_choices(),
            "norwegian": skill_choices(),
            "english": skill_choices(),
            "licence": licence_choices(),
            "wish": wish_choices(),
        }
        return {name: _plain(choices) for name, choices in lists.items()}


def _plain(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [
        (str(code), _plain(label) if isinstance(label, list) else str(label))
        for code, label in choices
    ]


def choice_lists() -> dict[str, list[tuple[str, Any]]]:
    """Every filter's choices in the reader's language, translated and sorted once per
    language and kept (they are fixed data), by the name of the filter."""
    return _choice_lists(active_language_code())


def _has_fact(question: str, codes: list[str] | tuple[str, ...] | None = None) -> Exists:
    facts = AnswerFact.objects.filter(registration_id=OuterRef("pk"), question=question)
    return Exists(facts.filter(code__in=codes) if codes is not None else facts)


def _at_least(order: list[str], code: str) -> list[str]:
    return order[order.index(code) :] if code in order else []


def _speaks(language: str, level: str) -> Q:
    """Speaks the language at the level or better. The language of childhood and the one
    spoken best today are asked without a level: they count as spoken at every level."""
    levels = _at_least(SKILL_ORDER, level or "1")
    item_level = AnswerFact.objects.filter(
        registration_id=OuterRef("registration_id"),
        item=OuterRef("item"),
        question="lang_speak",
        code__in=levels,
    )
    other_language = AnswerFact.objects.filter(
        registration_id=OuterRef("pk"), question="lang_code", code=language
    ).filter(Exists(item_level))
    speaks = (
        Q(_has_fact("home_language", [language]))
        | Q(_has_fact("best_language", [language]))
        | Q(Exists(other_language))
    )
    if language in OWN_QUESTION_LANGUAGES:
        speaks |= Q(_has_fact(OWN_QUESTION_LANGUAGES[language], levels))
    return speaks


def _wishes(wish: str) -> Q:
    education = Q(_has_fact("education_wish", WISHES_EDUCATION))
    work = Q(_has_fact("work_wish")) | Q(_has_fact("work_start_wish", WISHES_WORK_START))
    return {"education": education, "work": work, "both": education & work}[wish]


def apply(rows: QuerySet[Registration], data: dict[str, Any]) -> QuerySet[Registration]:
    """Each chosen filter narrows the rows further (AND)."""
    if data.get("completed_from"):
        rows = rows.filter(completed_at__date__gte=data["completed_from"])
    if data.get("completed_to"):
        rows = rows.filter(completed_at__date__lte=data["completed_to"])
    if data.get("education"):
        rows = rows.filter(_has_fact("edu_level", _at_least(EDUCATION_ORDER, data["education"])))
    if data.get("field"):
        rows = rows.filter(_has_fact("edu_field", [data["field"]]))
    if data.get("occupation"):
        rows = rows.filter(_has_fact("job_occupation", isco_unit_codes(data["occupation"])))
    if data.get("language"):
        rows = rows.filter(_speaks(data["language"], data.get("language_level") or ""))
    if data.get("norwegian"):
        rows = rows.filter(_has_fact("norwegian_speak", _at_least(SKILL_ORDER, data["norwegian"])))
    if data.get("english"):
        rows = rows.filter(_has_fact("english_speak", _at_least(SKILL_ORDER, data["english"])))
    if data.get("licence"):
        rows = rows.filter(_has_fact("licence_categories", [data["licence"]]))
    if data.get("wish"):
        rows = rows.filter(_wishes(data["wish"]))
    return rows


def among(candidates: QuerySet[Registration], data: dict[str, Any]) -> QuerySet[Registration]:
    """The `candidates` that pass the filters.

    An organisation's residents are a few thousand among many registrations. Named by id,
    they lead the query: the database probes each one's facts (an index lookup per filter)
    rather than first collecting every registration in the country with a common answer and
    only then keeping the organisation's, which its estimates of the facts table often make
    it do. Beyond `LISTED_IDS_AT_MOST` the candidates stay a subquery.
    """
    ids = list(candidates.order_by().values_list("pk", flat=True)[: LISTED_IDS_AT_MOST + 1])
    rows = Registration.objects.all()
    if len(ids) > LISTED_IDS_AT_MOST:
        rows = rows.filter(pk__in=candidates.values("pk"))
    elif connection.vendor == "postgresql":
        # One array parameter instead of thousands of placeholders: Django, psycopg and the
        # planner each spent more time on a 2,000-item IN list than the query itself took.
        quote = connection.ops.quote_name
        column = f"{quote(Registration._meta.db_table)}.{quote('id')}"
        one_of = RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField())  # noqa: S611 (our names; the ids are bound)
        rows = rows.filter(one_of)
    else:
        rows = rows.filter(pk__in=ids)
    return apply(rows, data).select_related("person", "person__centre")
