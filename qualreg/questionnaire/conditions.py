"""When a question applies: conditions as small immutable data objects, never expressions.

A key names an earlier question; a key starting with ``item.`` names a field of the current
repeat-group item. ``describe()`` gives the condition in words for the codebook.
"""

from __future__ import annotations

import operator
import typing as t
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ITEM_PREFIX = "item."
Answers = Mapping[str, t.Any]  # the answers, or one item of a repeat group
References = Iterator[tuple[str, tuple[str, ...]]]


# What describing a condition needs of the questionnaire. model.Question and
# model.Questionnaire have it; naming them here would make model and conditions import each
# other, since a Question holds its Condition.
class ChoiceLike(t.Protocol):
    @property
    def label(self) -> t.Any: ...


class QuestionLike(t.Protocol):
    @property
    def label(self) -> t.Any: ...

    def choice(self, code: object) -> ChoiceLike | None: ...

    def field(self, key: str) -> QuestionLike | None: ...


class QuestionnaireLike(t.Protocol):
    def question(self, key: str) -> QuestionLike: ...


OPERATORS: dict[str, Callable[[t.Any, t.Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
OPERATOR_WORDS = {
    "<": _("less than"),
    "<=": _("at most"),
    ">": _("more than"),
    ">=": _("at least"),
    "==": _("exactly"),
    "!=": _("not"),
}


def as_mapping(value: t.Any) -> Mapping[str, t.Any]:
    """The value when it is a mapping (answers, a group item), else an empty one."""
    # A plain dict first: checking against the Mapping ABC costs more, many times a pass.
    return value if type(value) is dict or isinstance(value, Mapping) else {}


def lookup(key: str, answers: Mapping[str, t.Any], item: Mapping[str, t.Any] | None) -> t.Any:
    if key.startswith(ITEM_PREFIX):
        return as_mapping(item).get(key[len(ITEM_PREFIX) :])
    return as_mapping(answers).get(key)


def parse_number(value: t.Any) -> float | None:
    """A number typed as text (any Unicode digits), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 30:
        return None
    try:
        return float(value.strip().replace(",", "."))
    except ValueError:
        return None


class Condition:
    """Base class: subclasses hold data and answer ``holds`` and ``describe``."""

    def holds(self, answers: Mapping[str, t.Any], item: Mapping[str, t.Any] | None = None) -> bool:
        raise NotImplementedError

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        """The condition in words; `group` is the repeat group whose item fields it reads."""
        raise NotImplementedError

    def references(self) -> References:
        """(key, choice codes) pairs this condition reads, for checking the definition."""
        raise NotImplementedError

    def children(self) -> tuple[Condition, ...]:
        return ()


def _question_words(
    key: str, questionnaire: QuestionnaireLike | None, group: QuestionLike | None
) -> str:
    question = _find(key, questionnaire, group)
    if question is None:
        return key
    return gettext("“%(label)s” (%(key)s)") % {"label": question.label, "key": key}


def _find(
    key: str, questionnaire: QuestionnaireLike | None, group: QuestionLike | None
) -> QuestionLike | None:
    if questionnaire is None:
        return None
    if key.startswith(ITEM_PREFIX):
        if group is None:
            return None
        return group.field(key[len(ITEM_PREFIX) :])
    try:
        return questionnaire.question(key)
    except KeyError:
        return None


def _answer_words(
    key: str,
    codes: tuple[str, ...],
    questionnaire: QuestionnaireLike | None,
    group: QuestionLike | None,
) -> str:
    question = _find(key, questionnaire, group)
    words = []
    for code in codes:
        choice = question.choice(code) if question is not None else None
        words.append(
            gettext("“%(label)s” (%(code)s)") % {"label": choice.label, "code": code}
            if choice
            else code
        )
    return gettext(" or ").join(words)


@dataclass(frozen=True)
class Equals(Condition):
    key: str
    value: str

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        return bool(lookup(self.key, answers, item) == self.value)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("the answer to %(question)s is %(answer)s") % {
            "question": _question_words(self.key, questionnaire, group),
            "answer": _answer_words(self.key, (self.value,), questionnaire, group),
        }

    def references(self) -> References:
        yield self.key, (self.value,)


@dataclass(frozen=True, init=False)
class _ChoiceCondition(Condition):
    """A condition on one question and a set of its choice codes."""

    key: str
    values: tuple[str, ...]

    def __init__(self, key: str, values: Iterable[str]) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(values))

    def references(self) -> References:
        yield self.key, self.values


@dataclass(frozen=True, init=False)
class OneOf(_ChoiceCondition):
    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        value = lookup(self.key, answers, item)
        return isinstance(value, str) and value in self.values

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("the answer to %(question)s is %(answers)s") % {
            "question": _question_words(self.key, questionnaire, group),
            "answers": _answer_words(self.key, self.values, questionnaire, group),
        }


def _selected(value: t.Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


@dataclass(frozen=True, init=False)
class AnySelected(_ChoiceCondition):
    """At least one of the codes is among the answers to a checkbox (or one-answer) question."""

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        return bool(_selected(lookup(self.key, answers, item)) & set(self.values))

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("%(answers)s is chosen in %(question)s") % {
            "question": _question_words(self.key, questionnaire, group),
            "answers": _answer_words(self.key, self.values, questionnaire, group),
        }


@dataclass(frozen=True, init=False)
class NoneSelected(_ChoiceCondition):
    """The question is answered and none of the codes is among its answers."""

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        selected = _selected(lookup(self.key, answers, item))
        return bool(selected) and not selected & set(self.values)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("%(question)s is answered and %(answers)s is not chosen") % {
            "question": _question_words(self.key, questionnaire, group),
            "answers": _answer_words(self.key, self.values, questionnaire, group),
        }


@dataclass(frozen=True)
class Answered(Condition):
    key: str

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        value = lookup(self.key, answers, item)
        if isinstance(value, str):
            return bool(value.strip())
        return isinstance(value, list) and bool(value)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("%(question)s is answered") % {
            "question": _question_words(self.key, questionnaire, group)
        }

    def references(self) -> References:
        yield self.key, ()


@dataclass(frozen=True)
class NumberCompare(Condition):
    key: str
    op: str
    value: float

    def __post_init__(self) -> None:
        if self.op not in OPERATORS:
            raise ValueError(f"unknown operator {self.op!r}")

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        number = parse_number(lookup(self.key, answers, item))
        return number is not None and OPERATORS[self.op](number, self.value)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("the number in %(question)s is %(comparison)s %(value)s") % {
            "question": _question_words(self.key, questionnaire, group),
            "comparison": OPERATOR_WORDS[self.op],
            "value": f"{self.value:g}",
        }

    def references(self) -> References:
        yield self.key, ()


class _Combined(Condition):
    conditions: tuple[Condition, ...]

    def __init__(self, *conditions: Condition) -> None:
        object.__setattr__(self, "conditions", tuple(conditions))

    def children(self) -> tuple[Condition, ...]:
        return self.conditions

    def references(self) -> References:
        for condition in self.conditions:
            yield from condition.references()

    def _parts(self, questionnaire: QuestionnaireLike | None, group: QuestionLike | None) -> str:
        return "; ".join(c.describe(questionnaire, group) for c in self.conditions)


@dataclass(frozen=True, init=False)
class All(_Combined):
    conditions: tuple[Condition, ...]

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        return all(c.holds(answers, item) for c in self.conditions)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("all of these: %(conditions)s") % {
            "conditions": self._parts(questionnaire, group)
        }


@dataclass(frozen=True, init=False)
class Any(_Combined):
    conditions: tuple[Condition, ...]

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        return any(c.holds(answers, item) for c in self.conditions)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("at least one of these: %(conditions)s") % {
            "conditions": self._parts(questionnaire, group)
        }


@dataclass(frozen=True)
class Not(Condition):
    condition: Condition

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        return not self.condition.holds(answers, item)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        return gettext("not (%(condition)s)") % {
            "condition": self.condition.describe(questionnaire, group)
        }

    def children(self) -> tuple[Condition, ...]:
        return (self.condition,)

    def references(self) -> References:
        yield from self.condition.references()


@dataclass(frozen=True)
class AnyItem(Condition):
    """At least one item of an earlier repeat group meets a condition on its fields."""

    group: str
    condition: Condition

    def holds(self, answers: Answers, item: Answers | None = None) -> bool:
        items = lookup(self.group, answers, None)
        if not isinstance(items, list):
            return False
        return any(isinstance(i, Mapping) and self.condition.holds(answers, i) for i in items)

    def describe(
        self, questionnaire: QuestionnaireLike | None = None, group: QuestionLike | None = None
    ) -> str:
        inner_group = _find(self.group, questionnaire, None)
        return gettext("at least one answer in %(question)s meets this: %(condition)s") % {
            "question": _question_words(self.group, questionnaire, None),
            "condition": self.condition.describe(questionnaire, inner_group),
        }

    def references(self) -> References:
        yield self.group, ()
        # The inner condition may read earlier questions as well as the item's fields.
        for key, codes in self.condition.references():
            if not key.startswith(ITEM_PREFIX):
                yield key, codes

    def children(self) -> tuple[Condition, ...]:
        return (self.condition,)
