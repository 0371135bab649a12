"""A condition says in words what it needs, also inside a repeat group (the codebook asks)."""

from __future__ import annotations

import inspect

from django.utils import translation

from qualreg.questionnaire.conditions import Condition
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind


def every_condition_class() -> set[type[Condition]]:
    found: set[type[Condition]] = {Condition}
    waiting = [Condition]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            found.add(subclass)
            waiting.append(subclass)
    return found


def test_every_kind_of_condition_takes_the_repeat_group_its_callers_pass():
    # The codebook calls describe(questionnaire, group) on any Condition; the base class is
    # the contract a new kind of condition is written to, so it must take `group` too.
    for kind in every_condition_class():
        inspect.signature(kind.describe).bind(kind, QUESTIONNAIRE, None)


def test_a_condition_on_an_item_field_is_described_with_that_field_s_label():
    education = QUESTIONNAIRE.question("educations")
    assert education.kind == Kind.GROUP
    field = next(f for f in education.fields if f.condition is not None)
    with translation.override("en"):
        words = field.condition.describe(QUESTIONNAIRE, education)
        key = field.condition.references().__next__()[0].removeprefix("item.")
        label = str(education.field(key).label)
    assert label in words
