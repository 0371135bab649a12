"""Answer sets with a realistic spread, for demo data, benchmarks and tests of statistics.

`random_answers(rng)` answers the questionnaire the way a varied population would: each
question's choices are weighted so that a few answers are common and the rest rarer, some
optional questions are left out, and countries, languages and the form's language go
together (a person born in Eritrea grew up with Tigrinya). Pure Python; the same seed gives
the same answers.
"""

from __future__ import annotations

import random
from typing import Any

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question

# (country of birth, language grown up with, language of the form, weight)
ORIGINS: tuple[tuple[str, str, str, int], ...] = (
    ("UA", "ukr", "uk", 30),
    ("SY", "ara", "ar", 14),
    ("AF", "prs", "prs", 9),
    ("AF", "pus", "ps", 3),
    ("ER", "tir", "ti", 9),
    ("SO", "som", "so", 5),
    ("IR", "pes", "fa", 4),
    ("IQ", "ckb", "ckb", 3),
    ("TR", "kmr", "kmr", 3),
    ("TR", "tur", "tr", 2),
    ("ET", "amh", "am", 3),
    ("SD", "ara", "ar", 3),
    ("CD", "lin", "fr", 2),
    ("RU", "rus", "ru", 2),
    ("PS", "ara", "ar", 2),
    ("YE", "ara", "ar", 1),
    ("VE", "spa", "es", 1),
    ("BI", "run", "sw", 1),
    ("MM", "rhg", "en", 1),
    ("LB", "ara", "en", 1),
)
# Questions whose spread is known well enough to set by hand.
WEIGHTS: dict[str, dict[str, float]] = {
    "gender": {"man": 52, "woman": 45, "other": 1, "prefer_not": 2},
    "school_ever": {"yes": 88, "no": 12},
    "paid_work": {"yes": 70, "no": 30},
    "licence": {"yes": 35, "lost": 10, "no": 55},
    "education_wish": {"yes": 50, "maybe": 25, "no": 15, "dont_know": 10},
}
SECOND_LANGUAGES = ("eng", "ara", "rus", "fra", "tur", "ukr", "amh", "urd", "deu", "swh")


def origin(rng: random.Random) -> tuple[str, str, str]:
    """A country of birth, the language grown up with and the form's language."""
    country, home, form, _weight = rng.choices(ORIGINS, weights=[o[3] for o in ORIGINS])[0]
    return country, home, form


def _weights(question: Question, codes: list[str]) -> list[float]:
    """Skewed but fixed per question: the same question always favours the same answers."""
    if question.key in WEIGHTS:
        return [WEIGHTS[question.key].get(code, 0.0) for code in codes]
    order = random.Random(question.key).sample(codes, len(codes))
    return [1.0 / (1 + order.index(code)) ** 1.1 for code in codes]


def _pick(question: Question, rng: random.Random, context: dict[str, str]) -> Any:
    key = question.key
    if key == "birth_country":
        return context["country"]
    if key == "home_language":
        return context["home"]
    if key in ("lang_code",):
        return rng.choice(SECOND_LANGUAGES)
    if question.kind in (Kind.SINGLE, Kind.DROPDOWN):
        codes = [c for c in question.codes if c not in question.exclusive_codes]
        codes.sort()
        return rng.choices(codes, weights=_weights(question, codes))[0] if codes else None
    if question.kind == Kind.MULTIPLE:
        codes = sorted(c for c in question.codes if c not in question.exclusive_codes)
        if question.exclusive_codes and rng.random() < 0.08:
            return [sorted(question.exclusive_codes)[0]]
        count = min(len(codes), question.max_selected or 6, 1 + int(rng.expovariate(0.5)))
        weights = _weights(question, codes)
        chosen: set[str] = set()
        while len(chosen) < count:
            chosen.add(rng.choices(codes, weights=weights)[0])
        return sorted(chosen)
    if question.kind == Kind.NUMBER:
        low, high = question.min or 0, min(question.max or 20, 25)
        return str(min(high, max(low, int(rng.triangular(low, high, low + (high - low) / 3)))))
    if question.kind == Kind.YEAR:
        if key == "birth_year":
            return str(int(min(2009, max(1950, rng.gauss(1989, 11)))))
        return str(rng.randint(2000, 2024))
    return None  # typed text is left out: statistics never read it


def _answer_item(
    group: Question,
    item: dict[str, Any],
    answers: dict[str, Any],
    rng: random.Random,
    context: dict[str, str],
) -> None:
    for _round in range(3):  # a field can reveal another field of the same item
        for field in engine.visible_fields(group, item, answers):
            if not engine.is_answered(field, item):
                value = _pick(field, rng, context)
                if value is not None:
                    item[field.key] = value


def random_answers(
    rng: random.Random, person_origin: tuple[str, str, str] | None = None
) -> dict[str, Any]:
    """A completed-looking answer document with a realistic spread, for a person of
    `person_origin` (see `origin`) or of a random one."""
    country, home, _form = person_origin or origin(rng)
    context = {"country": country, "home": home}
    answers: dict[str, Any] = {}
    skipped: set[str] = set()
    for _round in range(8):
        before = repr(answers)
        for part in QUESTIONNAIRE.parts:
            for question in engine.visible_questions(part, answers):
                if question.key in skipped or engine.is_answered(question, answers):
                    continue
                if not question.required and rng.random() < 0.25:
                    skipped.add(question.key)
                    continue
                if question.kind == Kind.GROUP:
                    for _item in range(rng.choice((1, 1, 2, 2, 3))):
                        answers, item_id = engine.add_item(answers, question.key)
                        if item_id is None:
                            break
                    for item in answers.get(question.key) or []:
                        _answer_item(question, item, answers, rng, context)
                    continue
                value = _pick(question, rng, context)
                if value is not None:
                    answers[question.key] = value
        if repr(answers) == before:
            break
    return engine.prune(QUESTIONNAIRE, answers)
