"""Long lists read in the reader's own alphabetical order (CLDR collation), not in the order
of code points, and "other" or "I don't know" stay at the end."""

from __future__ import annotations

import pytest
from django.utils import translation

from qualreg.questionnaire.codelists import (
    CITIZENSHIPS,
    COUNTRIES,
    LANGUAGES,
    OTHER_LANGUAGE,
    STATELESS,
    UNKNOWN_COUNTRY,
)
from qualreg.questionnaire.occupations import OCCUPATIONS

# (language, earlier code, later code, why): real CLDR country names as the list shows them.
COUNTRY_PAIRS = [
    ("fr", "EG", "ER", "Égypte, Érythrée"),
    ("fr", "ET", "ZW", "Éthiopie before Zimbabwe"),
    ("fr", "AX", "IN", "Îles Åland before Inde"),
    ("nb", "ZW", "AT", "Zimbabwe before Østerrike: æ ø å come after z"),
    ("nb", "AT", "AX", "Østerrike before Åland: ø before å"),
    ("nn", "ZW", "AX", "Zimbabwe before Åland"),
    ("tr", "DJ", "TD", "Cibuti before Çad: ç is a letter after c"),
    ("tr", "CN", "DK", "Çin before Danimarka"),
    ("tr", "SY", "CL", "Suriye before Şili: ş is a letter after s"),
    ("tr", "UZ", "PK", "Özbekistan before Pakistan"),
    ("kmr", "DJ", "TD", "Cîbûtî before Çad: ç is a letter after c"),
    ("kmr", "SE", "CL", "Swêd before Şîlî: ş is a letter after s"),
    ("kmr", "CN", "DK", "Çîn before Danîmarka"),
    ("uk", "AZ", "EG", "Азербайджан before Єгипет"),
    ("uk", "EG", "ZW", "Єгипет before Зімбабве: є follows е"),
    ("uk", "ZW", "IL", "Зімбабве before Ізраїль: і follows и"),
    ("uk", "IL", "JO", "Ізраїль before Йорданія"),
    ("ru", "EG", "ZM", "Египет before Замбия"),
    ("ar", "ET", "AZ", "إثيوبيا before أذربيجان: alef with any hamza is one letter"),
    ("fa", "PK", "TJ", "پاکستان before تاجیکستان: پ follows ب"),
    ("fa", "TD", "DK", "چاد before دانمارک: چ follows ج"),
    ("fa", "JP", "SE", "ژاپن before سوئد: ژ follows ز"),
    ("fa", "VE", "IN", "ونزوئلا before هند: و comes before ه in Persian"),
    ("prs", "PK", "TJ", "پاکستان before تاجکستان"),
    ("prs", "TD", "DK", "چاد before دنمارک"),
    ("ps", "PK", "TJ", "پاکستان before تاجکستان"),
    ("ckb", "TD", "DK", "چاد before دانمارک"),
    ("ckb", "RU", "ZM", "ڕووسیا before زامبیا: ڕ follows ر"),
]


def position(choices, code):
    return [choice.code for choice in choices].index(code)


@pytest.mark.parametrize(("language", "earlier", "later", "why"), COUNTRY_PAIRS)
def test_countries_are_in_the_readers_alphabetical_order(language, earlier, later, why):
    with translation.override(language):
        assert position(COUNTRIES, earlier) < position(COUNTRIES, later), why


def test_spanish_language_names_with_an_accent_are_in_their_place():
    with translation.override("es"):
        labels = {choice.code: str(choice.label) for choice in LANGUAGES}
        assert labels["ara"] == "Árabe"
        assert position(LANGUAGES, "ara") < position(LANGUAGES, "hye")  # Árabe, Armenio
        assert position(LANGUAGES, "ara") < position(LANGUAGES, "ben")  # Bengalí


def test_french_occupations_are_sorted_within_their_group():
    with translation.override("fr"):
        electrician = next(choice for choice in OCCUPATIONS if choice.code == "7411")
        group = [str(choice.label) for choice in OCCUPATIONS if choice.group == electrician.group]
        assert (
            group.index("Électricien")
            < group.index("Forgeron")
            < group.index("Maçon (briques ou pierres)")
        )


@pytest.mark.parametrize("language", ["nb", "fr", "tr", "uk", "ar", "fa", "ckb", "ti"])
def test_dont_know_stateless_and_another_language_stay_last(language):
    with translation.override(language):
        assert COUNTRIES[-1].code == UNKNOWN_COUNTRY
        assert [choice.code for choice in CITIZENSHIPS][-2:] == [STATELESS, UNKNOWN_COUNTRY]
        assert LANGUAGES[-1].code == OTHER_LANGUAGE
        assert OCCUPATIONS[-1].code == "other"


def test_each_language_keeps_its_own_order():
    with translation.override("nb"):
        norwegian = position(COUNTRIES, "AT")
    with translation.override("en"):
        english = position(COUNTRIES, "AT")
    with translation.override("nb"):
        assert position(COUNTRIES, "AT") == norwegian != english
