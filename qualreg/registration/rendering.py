"""What the part template needs for each question on the page, computed from the engine.

One generic description per question (label, status, value, choices, errors, translation),
so that one template and one include per kind of question render the whole questionnaire.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from qualreg.lib import languages
from qualreg.lib.collation import sorted_for
from qualreg.questionnaire import engine
from qualreg.questionnaire.locale import active_language_code
from qualreg.questionnaire.model import Choice, Kind, LazyChoices, Part, Question
from qualreg.registration import most_chosen

STATUS_LABELS = {
    engine.UNANSWERED: _("Not answered yet"),
    engine.MISSING: _("You tried to go on without answering"),
    engine.INVALID: _("The answer needs to be corrected"),
    engine.ANSWERED: _("Answered"),
}
MARK_LETTERS = {
    engine.UNANSWERED: "u",
    engine.MISSING: "m",
    engine.INVALID: "i",
    engine.ANSWERED: "a",
}


# Long lists that get a search box over their drop-down (combobox.js); without the script the
# plain drop-down stays.
SEARCHABLE_LISTS = frozenset({"occupations"})
SEARCH_TEXTS = {
    "results": _("Results: %(count)s"),
    "none": _("No results. Try other words."),
}


def is_searchable(question: Question) -> bool:
    return isinstance(question.choices, LazyChoices) and question.choices.name in SEARCHABLE_LISTS


def part_has_searchable(part: Part) -> bool:
    """Whether a page of the part may show a searchable list (now or after an answer)."""
    return any(is_searchable(q) for top in part.questions for q in (top, *top.fields))


@dataclass
class ChoiceView:
    code: str
    label: str
    id: str
    checked: bool
    translation: str = ""


@dataclass
class Translation:
    """The question in the second language, with the person's answer in that language."""

    language: languages.Language
    label: str
    hint: str
    answer: str


@dataclass
class ItemView:
    id: str
    number: int
    title: str
    fields: list[QuestionView]
    removable: bool


@dataclass
class QuestionView:
    question: Question
    name: str
    id: str  # the element an error summary link or an Edit link focuses
    status: str
    value: Any
    errors: list[str] = field(default_factory=list)
    items: list[ItemView] = field(default_factory=list)
    can_add: bool = False
    translation: Translation | None = None
    in_group: bool = False
    second: str | None = None  # the translation view's language
    # After the question the page's script shows next (reveal.py): hidden from the first
    # paint when scripts run. Not part of `state`: the script keeps it from then on.
    later: bool = False

    @cached_property
    def choices(self) -> list[ChoiceView]:
        """Radio buttons and checkboxes; built only when the question is rendered."""
        if self.question.kind not in (Kind.SINGLE, Kind.MULTIPLE):
            return []
        return _choices(self.question, self.name, self.value, self.second)

    @property
    def options_html(self) -> SafeString:
        """A drop-down's options with the answer selected."""
        return selected_options(self.question, self.value)

    @property
    def searchable(self) -> bool:
        return is_searchable(self.question)

    @property
    def search_texts(self) -> dict[str, str]:
        return {key: str(text) for key, text in SEARCH_TEXTS.items()}

    @property
    def state(self) -> str:
        """A fingerprint of what the page shows of this question besides the typed answer:
        the page's script sends it back with a save, and the question is sent again only
        when it has changed. "<frame>-<marks>": a hash of everything but the marks (errors,
        items, the translation), then one letter per mark of answered or not (the question's,
        then each item field's, in page order). When only marks differ, only the marks
        travel (see `marks`)."""
        return f"{self.frame}-{self.marks}"

    @property
    def frame(self) -> str:
        items = tuple(
            (
                item.id,
                item.number,
                item.title,
                item.removable,
                tuple((f.name, tuple(f.errors), _answer_shown(f)) for f in item.fields),
            )
            for item in self.items
        )
        parts = (
            self.id,
            tuple(self.errors),
            _answer_shown(self),
            items,
            self.can_add,
            self.second,  # the translation column, answered or not
        )
        return fingerprint(parts)

    @property
    def marks(self) -> str:
        return "".join(MARK_LETTERS[view.status] for view in self.marked())

    def marked(self) -> list[QuestionView]:
        """The question and its items' fields: each shows its own mark (`mark_id`)."""
        return [self, *(f for item in self.items for f in item.fields)]

    @property
    def mark_id(self) -> str:
        return f"{self.name}-mark"

    @property
    def status_id(self) -> str:
        return f"{self.name}-status"

    @property
    def kind(self) -> str:
        return str(self.question.kind)

    @property
    def template(self) -> str:
        kind = "number" if self.question.kind == Kind.YEAR else self.kind
        return f"resident/widgets/{kind}.html"

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, ""))

    @property
    def anchor(self) -> str:
        return f"{self.name}-question"

    @property
    def describedby(self) -> str:
        ids = []
        if self.question.hint:
            ids.append(f"{self.name}-hint")
        if self.errors:
            ids.append(f"{self.name}-error")
        return " ".join(ids)


def fingerprint(value: Any) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=6).hexdigest()


def _answer_shown(view: QuestionView) -> str:
    return view.translation.answer if view.translation else ""


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _choices(question: Question, name: str, value: Any, second: str | None) -> list[ChoiceView]:
    chosen = set(_as_list(value))
    views = [
        ChoiceView(c.code, str(c.label), f"{name}-{c.code}", c.code in chosen)
        for c in question.choices
    ]
    if second and question.kind != Kind.DROPDOWN:
        with translation.override(second):
            labels = {c.code: str(c.label) for c in question.choices}
        for view in views:
            view.translation = labels.get(view.code, "")
    return views


# (question id, language) -> (question, "Most chosen" codes, its options' HTML). Labels never
# change within a language, so each long list is rendered once per process (and again when
# its "Most chosen" group changes); the question is kept with its HTML so that its id cannot
# be reused by another object.
_OPTIONS: dict[tuple[int, str], tuple[Question, tuple[str, ...], str]] = {}


def _option(choice: Choice) -> str:
    return format_html('<option value="{}">{}</option>', choice.code, choice.label)


def _options(question: Question) -> str:
    language = translation.get_language() or ""
    name = most_chosen.list_name(question)
    popular = most_chosen.codes(name) if name else ()
    key = (id(question), language)
    cached = _OPTIONS.get(key)
    if cached is None or cached[0] is not question or cached[1] != popular:
        groups: dict[str, list[str]] = {}
        for choice in question.choices:
            groups.setdefault(str(choice.group or ""), []).append(_option(choice))
        if name and popular:
            # The likeliest answers first, in the reader's alphabetical order, then the whole
            # list: a code in both groups is the same answer (the first is marked selected).
            by_code = {choice.code: choice for choice in question.choices}
            top = sorted_for(
                active_language_code(),
                [by_code[c] for c in popular if c in by_code],
                lambda c: str(c.label),
            )
            groups = {
                str(most_chosen.GROUP_LABEL): [_option(choice) for choice in top],
                str(most_chosen.ALL_LABELS[name]): groups.get("", []),
            }
        if len(groups) > 1:
            html = "".join(
                format_html('<optgroup label="{}">', label) + "".join(options) + "</optgroup>"
                for label, options in groups.items()
            )
        else:
            html = "".join(option for options in groups.values() for option in options)
        cached = _OPTIONS[key] = (question, popular, html)
    return cached[2]


def selected_options(question: Question, value: Any) -> SafeString:
    """The drop-down's <option>s (grouped in <optgroup>s where the list has groups), with the
    answer marked selected. Codes are ours and escaped, so a plain replace finds the option."""
    html = _options(question)
    for code in _as_list(value):
        option = f'<option value="{escape(code)}">'
        html = html.replace(option, f'<option value="{escape(code)}" selected>', 1)
    return mark_safe(html)  # noqa: S308 - built with format_html from our own code lists


def _translation(question: Question, value: Any, second: str | None) -> Translation | None:
    if not second:
        return None
    with translation.override(second):
        return Translation(
            language=languages.get(second),
            label=str(question.label),
            hint=str(question.hint) if question.hint else "",
            answer=engine.render_value(question, value) if value is not None else "",
        )


def _visible_errors(
    errors: Mapping[str, list[Any]], name: str, answered: bool, tried: bool
) -> list[str]:
    """Format errors show at once; "answer this" only after the person tried to go on."""
    if answered or tried:
        return [str(m) for m in errors.get(name, [])]
    return []


def _first_id(question: Question, name: str) -> str:
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE) and question.choices:
        return f"{name}-{question.choices[0].code}"
    return name


def _field_view(
    group: Question,
    field_question: Question,
    item: Mapping[str, Any],
    errors: Mapping[str, list[Any]],
    tried: bool,
    second: str | None,
) -> QuestionView:
    name = engine.field_name(group, item["id"], field_question)
    value = item.get(field_question.key)
    answered = engine.is_answered(field_question, item)
    return QuestionView(
        question=field_question,
        name=name,
        id=_first_id(field_question, name),
        status=engine.item_field_status(group, field_question, item, errors, tried),
        value=value,
        errors=_visible_errors(errors, name, answered, tried),
        translation=_translation(field_question, value, second),
        in_group=True,
        second=second,
    )


def _items(
    group: Question,
    answers: Mapping[str, Any],
    errors: Mapping[str, list[Any]],
    tried: bool,
    second: str | None,
) -> list[ItemView]:
    raw = answers.get(group.key)
    items = (
        [i for i in raw if isinstance(i, Mapping) and isinstance(i.get("id"), str)]
        if isinstance(raw, list)
        else []
    )
    views = []
    for number, item in enumerate(items, start=1):
        fields = [
            _field_view(group, f, item, errors, tried, second)
            for f in engine.visible_fields(group, item, answers)
        ]
        title = ""
        if group.item_title_field:
            title_field = group.field(group.item_title_field)
            if title_field is not None:
                title = engine.render_value(title_field, item.get(title_field.key))
        removable = len(items) > 1 or not group.required
        views.append(ItemView(item["id"], number, title, fields, removable))
    return views


def question_views(
    part: Part,
    shown: list[Question],
    answers: Any,
    attempted: Any,
    second: str | None = None,
    resolved: engine.Resolved | None = None,
    errors: Mapping[str, list[Any]] | None = None,
) -> list[QuestionView]:
    """``errors``: the engine's ``validate(part, answers, resolved)``, if known."""
    answers = answers if isinstance(answers, Mapping) else {}
    tried_keys = (
        {k for k in attempted if isinstance(k, str)} if isinstance(attempted, list) else set()
    )
    if errors is None:
        errors = engine.validate(part, answers, resolved)
    views = []
    for question in shown:
        name = engine.field_name(question)
        value = answers.get(question.key)
        answered = engine.is_answered(question, answers)
        tried = question.key in tried_keys
        view = QuestionView(
            question=question,
            name=name,
            id=_first_id(question, name),
            status=engine.status(question, answers, attempted, errors),
            value=value,
            errors=_visible_errors(errors, name, answered, tried),
            translation=_translation(
                question, None if question.kind == Kind.GROUP else value, second
            ),
            second=second,
        )
        if question.kind == Kind.GROUP:
            view.items = _items(question, answers, errors, tried, second)
            view.can_add = len(view.items) < question.max_items
            view.id = f"{name}-add" if not view.items else view.id
        views.append(view)
    return views


def error_summary(views: list[QuestionView]) -> list[tuple[str, str]]:
    """(id to focus, message) for every problem on the page, in page order."""
    rows: list[tuple[str, str]] = []
    for view in views:
        rows.extend((view.id, message) for message in view.errors)
        for item in view.items:
            for field_view in item.fields:
                rows.extend((field_view.id, message) for message in field_view.errors)
    return rows
