"""The questionnaire as immutable data: parts, questions and choices.

Nothing here knows about requests, templates or the database; the engine reads these objects.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from qualreg.questionnaire.locale import active_language_code

if TYPE_CHECKING:
    from qualreg.questionnaire.conditions import Condition

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 2000


class Kind(enum.StrEnum):
    SINGLE = "single"  # radio buttons
    MULTIPLE = "multiple"  # checkboxes
    DROPDOWN = "dropdown"  # long lists: countries, languages, occupations
    NUMBER = "number"
    YEAR = "year"
    TEXT = "text"
    LONGTEXT = "longtext"
    GROUP = "group"  # a repeatable group of fields

    @property
    def has_choices(self) -> bool:
        return self in (Kind.SINGLE, Kind.MULTIPLE, Kind.DROPDOWN)


class Classification(enum.StrEnum):
    """The standard a choice code comes from (a choice of our own has none)."""

    ISO_3166_1 = "ISO 3166-1"  # countries
    ISO_639_3 = "ISO 639-3"  # languages
    ISCED_2011 = "ISCED 2011"  # levels of education
    ISCED_F_2013 = "ISCED-F 2013"  # fields of education
    ISCO_08 = "ISCO-08"  # occupations
    NACE_REV_2 = "NACE Rev. 2"  # economic activities (sections)
    DIGCOMP_2_2 = "DigComp 2.2"  # digital competences
    EU_LICENCE = "EU licence category"  # driving licences (Directive 2006/126/EC)


@dataclass(frozen=True)
class Choice:
    code: str  # permanent; never renamed or reused
    label: Any  # a lazy translatable string, or a str computed for the active language
    exclusive: bool = False  # "None of these" / "Don't know": cannot go with other answers
    group: Any = None  # optgroup label in long drop-downs (occupations)
    reference: str | None = None  # a code in another standard, e.g. a DigComp competence
    classification: Classification | None = None  # the standard `code` (or `reference`) is in

    @property
    def classified_code(self) -> str | None:
        """The code in its classification: the reference where there is one, else the code."""
        if self.classification is None:
            return None
        return self.reference or self.code


class LazyChoices(Sequence[Choice]):
    """A long choice list whose labels depend on the active language.

    The codes are fixed; the labels are built on first use per language and kept, since they
    are immutable data. Iterating gives the choices sorted for the reader.
    """

    def __init__(
        self,
        name: str,
        codes: Callable[[], Sequence[str]],
        build: Callable[[], tuple[Choice, ...]],
        classification: Classification | None = None,
    ):
        self.name = name
        self.classification = classification
        self._codes_fn = codes
        self._build = build
        self._codes: frozenset[str] | None = None
        self._ordered_codes: tuple[str, ...] | None = None
        self._by_language: dict[str, tuple[Choice, ...]] = {}

    @property
    def codes(self) -> frozenset[str]:
        if self._codes is None:
            self._ordered_codes = tuple(self._codes_fn())
            self._codes = frozenset(self._ordered_codes)
        return self._codes

    def _current(self) -> tuple[Choice, ...]:
        code = active_language_code()
        choices = self._by_language.get(code)
        if choices is None:
            choices = self._build()
            self._by_language[code] = choices
        return choices

    def __iter__(self) -> Iterator[Choice]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> Choice: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Choice]: ...
    def __getitem__(self, index: int | slice) -> Choice | Sequence[Choice]:
        return self._current()[index]

    def __contains__(self, value: object) -> bool:
        return value in self._current()

    def __repr__(self) -> str:
        return f"<LazyChoices {self.name}>"


@dataclass(frozen=True)
class Question:
    key: str  # permanent; never renamed or reused
    kind: Kind
    label: Any
    hint: Any = None
    required: bool = True
    choices: Sequence[Choice] = ()
    condition: Condition | None = None
    min: int | None = None  # numbers and years
    max: int | None = None
    max_selected: int | None = None  # checkboxes
    max_length: int | None = None  # text; defaults by kind
    fields: tuple[Question, ...] = ()  # repeat groups
    max_items: int = 10  # repeat groups
    add_label: Any = None  # repeat groups: "Add another education"
    item_title_field: str | None = None  # repeat groups: the field that names an item
    # Taken out of the questionnaire: never shown to residents, never answered again, but kept
    # (its key is never reused) so that registrations that have an answer still render it.
    retired: bool = False

    @property
    def text_limit(self) -> int:
        if self.max_length is not None:
            return self.max_length
        return LONG_TEXT_MAX if self.kind == Kind.LONGTEXT else SHORT_TEXT_MAX

    # The codes of a choice list never change: they are worked out on first use and kept, not
    # on every look-up (the engine asks for them for every answered question of every pass).
    # A long list (LazyChoices) builds its codes without building any labels.
    @functools.cached_property
    def codes(self) -> frozenset[str]:
        """The valid choice codes (without building any labels)."""
        if isinstance(self.choices, LazyChoices):
            return self.choices.codes
        return frozenset(choice.code for choice in self.choices)

    @functools.cached_property
    def exclusive_codes(self) -> frozenset[str]:
        if isinstance(self.choices, LazyChoices):
            return frozenset()
        return frozenset(choice.code for choice in self.choices if choice.exclusive)

    @functools.cached_property
    def classification(self) -> Classification | None:
        """The standard the question's choice codes come from (None: codes of our own)."""
        if isinstance(self.choices, LazyChoices):
            return self.choices.classification
        return next((c.classification for c in self.choices if c.classification), None)

    def choice(self, code: object) -> Choice | None:
        if not isinstance(code, str) or code not in self.codes:
            return None
        return next((choice for choice in self.choices if choice.code == code), None)

    @functools.cached_property
    def _labelled(self) -> dict[str, dict[str, tuple[Choice, str]]]:
        return {}

    def labelled_choice(self, code: str, language: str) -> tuple[Choice, str] | None:
        """The choice with this code and its label as text in `language`, the active one.

        Labels are immutable per language, so they are made text once per language and
        question, not once per answer (an export of thousands of registrations reads the
        same few hundred labels over and over)."""
        labelled = self._labelled.get(language)
        if labelled is None:
            labelled = {choice.code: (choice, str(choice.label)) for choice in self.choices}
            self._labelled[language] = labelled
        return labelled.get(code)

    def field(self, key: str) -> Question | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass(frozen=True)
class Part:
    key: str
    title: Any
    questions: tuple[Question, ...]
    intro: Any = None
    # Set by the Questionnaire that holds the part, so that conditions on earlier parts work.
    questionnaire: Questionnaire | None = field(default=None, compare=False, repr=False)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)


@dataclass(frozen=True)
class Questionnaire:
    version: str
    parts: tuple[Part, ...]
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for part in self.parts:
            object.__setattr__(part, "questionnaire", self)
            for question in part.questions:
                self._index.setdefault(question.key, question)

    def part(self, key: str) -> Part:
        for part in self.parts:
            if part.key == key:
                return part
        raise KeyError(key)

    def question(self, key: str) -> Question:
        return self._index[key]

    def questions(self) -> Iterator[Question]:
        for part in self.parts:
            yield from part.questions
