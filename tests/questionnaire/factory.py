"""Small questionnaires built for tests, one question of each kind."""

from __future__ import annotations

from qualreg.questionnaire.conditions import Equals
from qualreg.questionnaire.definition import check
from qualreg.questionnaire.model import Choice, Kind, Part, Question, Questionnaire

COLOURS = (Choice("red", "Red"), Choice("blue", "Blue"), Choice("none", "None", exclusive=True))


def question(key: str, kind: Kind, **options) -> Question:
    if kind.has_choices and "choices" not in options:
        options["choices"] = COLOURS
    if kind == Kind.NUMBER:
        options.setdefault("min", 0)
        options.setdefault("max", 10)
    return Question(key, kind, f"Label of {key}", **options)


def pet_group(**options) -> Question:
    return question(
        "pets",
        Kind.GROUP,
        fields=(
            question("pet_kind", Kind.SINGLE, choices=(Choice("cat", "Cat"), Choice("dog", "Dog"))),
            question("pet_name", Kind.TEXT, condition=Equals("item.pet_kind", "dog")),
        ),
        max_items=options.pop("max_items", 3),
        **options,
    )


def questionnaire(*questions: Question, more: tuple[Question, ...] = ()) -> Questionnaire:
    parts = [Part("first", "First", tuple(questions))]
    if more:
        parts.append(Part("second", "Second", more))
    built = Questionnaire("test-1", tuple(parts))
    check(built)
    return built


def one(question_: Question) -> tuple[Questionnaire, Part, Question]:
    built = questionnaire(question_)
    return built, built.parts[0], question_
