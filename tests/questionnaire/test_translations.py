"""Every visible string is translatable; long lists take CLDR names in the reader's language."""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise

from qualreg.questionnaire.codelists import CITIZENSHIPS, COUNTRIES, LANGUAGES
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.engine import MESSAGES
from qualreg.questionnaire.locale import active_language_code
from qualreg.questionnaire.model import LazyChoices
from qualreg.questionnaire.occupations import OCCUPATIONS


def all_entries():
    for q in QUESTIONNAIRE.questions():
        yield q
        yield from q.fields


def test_every_title_label_hint_and_choice_label_is_lazy():
    for part in QUESTIONNAIRE.parts:
        assert isinstance(part.title, Promise) and isinstance(part.intro, Promise)
    for q in all_entries():
        assert isinstance(q.label, Promise), q.key
        assert q.hint is None or isinstance(q.hint, Promise), q.key
        assert q.add_label is None or isinstance(q.add_label, Promise), q.key
        if not isinstance(q.choices, LazyChoices):
            for choice in q.choices:
                assert isinstance(choice.label, Promise), (q.key, choice.code)


def test_every_error_message_is_lazy():
    assert all(isinstance(message, Promise) for message in MESSAGES.values())


def test_country_names_come_from_cldr_in_the_active_language():
    with translation.override("nb"):
        names = {c.code: c.label for c in COUNTRIES}
    assert names["DE"] == "Tyskland"
    with translation.override("ar"):
        assert {c.code: c.label for c in COUNTRIES}["SY"] == "سوريا"
    with translation.override("ti"):
        assert {c.code: c.label for c in COUNTRIES}["ER"]  # a name exists in Tigrinya


def test_stateless_and_unknown_come_last():
    with translation.override("en"):
        codes = [c.code for c in CITIZENSHIPS]
    assert codes[-2:] == ["XX", "ZZ"] and "XK" in codes


def test_dropdowns_are_sorted_by_label_for_the_reader():
    with translation.override("en"):
        labels = [str(c.label) for c in LANGUAGES][:-1]
    assert labels == sorted(labels, key=str.casefold)
    assert [c.code for c in LANGUAGES][-1] == "other"


def test_ambiguous_language_names_use_our_own_labels():
    with translation.override("en"):
        names = {c.code: c.label for c in LANGUAGES}
    assert names["prs"] == "Dari (from Afghanistan)"
    assert names["pes"] == "Farsi (from Iran)"
    assert names["kmr"] == "Kurdish (Kurmanji)"
    assert names["ckb"] == "Kurdish (Sorani)"
    with translation.override("nb"):
        assert {c.code: c.label for c in LANGUAGES}["ara"] == "Arabisk"


def test_dari_and_kurmanji_readers_get_babel_locales():
    with translation.override("prs"):
        assert active_language_code() == "prs"
        assert {c.code: c.label for c in COUNTRIES}["AF"]
    with translation.override("kmr"):
        assert {c.code: c.label for c in COUNTRIES}["SY"] == "Sûrîye"


def test_long_lists_are_built_once_per_language():
    with translation.override("en"):
        first = OCCUPATIONS[0]
        assert OCCUPATIONS[0] is first
    assert len(OCCUPATIONS) >= 121
    assert "5120" in OCCUPATIONS.codes


def test_occupations_are_grouped_in_isco_order():
    with translation.override("en"):
        groups = list(dict.fromkeys(c.group for c in OCCUPATIONS if c.group))
    assert groups[0] == "Leaders and managers" and groups[-1] == "Armed forces"
