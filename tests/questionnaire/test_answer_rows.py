"""Answer rows: every reader sees the same answers, with codes, labels and classifications."""

from __future__ import annotations

import io
import json

from django.core.management import call_command
from django.utils import translation

from qualreg.questionnaire.answers import Fact, answer_rows, facts
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Classification

ANSWERS = {
    "birth_year": "1990",
    "birth_country": "SY",
    "citizenship": "XX",
    "school_ever": "yes",
    "school_years": "12",
    "educations": [
        {"id": "0000000a", "edu_level": "6", "edu_field": "07", "edu_country": "SY"},
        {"id": "0000000b", "edu_level": "dont_know"},
    ],
    "home_language": "ara",
    "can_do": ["messaging", "none"],
    "licence": "yes",
    "licence_categories": ["B", "T"],
    "paid_work": "yes",
    "jobs": [{"id": "0000000c", "job_occupation": "5120", "job_sector": "I", "job_years": "6"}],
    "anything_else": "I like bread",
}


def by_key(rows):
    found = {}
    for part in rows:
        for answer in part.answers:
            found[answer.question.key] = answer
    return found


def test_each_value_has_its_code_label_and_classification():
    rows = by_key(answer_rows(QUESTIONNAIRE, ANSWERS))
    country = rows["birth_country"].values[0]
    assert (country.code, country.label, country.classification) == (
        "SY",
        "Syria",
        Classification.ISO_3166_1,
    )
    stateless = rows["citizenship"].values[0]
    assert stateless.code == "XX" and stateless.classification is None  # our own code
    language = rows["home_language"].values[0]
    assert (language.code, language.classification) == ("ara", Classification.ISO_639_3)
    messaging, none = rows["can_do"].values
    assert messaging.classification == Classification.DIGCOMP_2_2
    assert messaging.classified_code == "2.1"  # the competence, not our word code
    assert none.code == "none" and none.classification is None
    car, tractor = rows["licence_categories"].values
    assert car.classification == Classification.EU_LICENCE and car.classified_code == "B"
    assert tractor.code == "T" and tractor.classification is None  # Norway's own class
    birth_year = rows["birth_year"].values[0]
    assert (birth_year.label, birth_year.number, birth_year.code) == ("1990", 1990, None)
    assert rows["anything_else"].values[0].label == "I like bread"


def test_repeat_groups_give_items_with_their_fields():
    rows = by_key(answer_rows(QUESTIONNAIRE, ANSWERS))
    first, second = rows["educations"].items
    assert (first.index, first.id, second.index) == (0, "0000000a", 1)
    fields = {a.question.key: a.values[0] for a in first.answers if a.answered}
    assert fields["edu_level"].classification == Classification.ISCED_2011
    assert fields["edu_field"].classification == Classification.ISCED_F_2013
    assert fields["edu_country"].label == "Syria"
    unknown = next(a for a in second.answers if a.question.key == "edu_level").values[0]
    assert unknown.code == "dont_know" and unknown.classification is None
    job = {a.question.key: a.values[0] for a in rows["jobs"].items[0].answers if a.answered}
    assert job["job_occupation"].classification == Classification.ISCO_08
    assert job["job_sector"].classification == Classification.NACE_REV_2
    assert job["job_years"].number == 6


def test_labels_follow_the_active_language():
    with translation.override("ar"):
        rows = by_key(answer_rows(QUESTIONNAIRE, ANSWERS))
    assert rows["birth_country"].values[0].label == "سوريا"
    assert rows["birth_country"].values[0].code == "SY"


def test_questions_that_do_not_apply_are_left_out_and_unanswered_ones_are_empty():
    rows = by_key(answer_rows(QUESTIONNAIRE, {"school_ever": "no", "school_years": "9"}))
    assert "school_years" not in rows  # hidden by "no": not part of the registration
    assert rows["gender"].values == () and not rows["gender"].answered


def test_facts_are_the_coded_and_numeric_values_with_their_item():
    found = set(facts(answer_rows(QUESTIONNAIRE, ANSWERS)))
    assert Fact("birth_country", None, "SY", None) in found
    assert Fact("birth_year", None, None, 1990) in found
    assert Fact("can_do", None, "messaging", None) in found
    assert Fact("edu_level", 0, "6", None) in found and Fact("edu_level", 1, "dont_know", None)
    assert Fact("job_years", 0, None, 6) in found
    assert not any(fact.question_key == "anything_else" for fact in found)  # free text


def test_the_codebook_says_which_classification_each_list_uses():
    out = io.StringIO()
    call_command("codebook", "--format", "json", "--language", "en", stdout=out)
    entries = {}
    for part in json.loads(out.getvalue())["parts"]:
        for question in part["questions"]:
            entries[question["key"]] = question
            entries.update({field["key"]: field for field in question.get("fields", [])})
    assert entries["birth_country"]["classification"] == "ISO 3166-1"
    assert entries["home_language"]["classification"] == "ISO 639-3"
    assert entries["edu_level"]["classification"] == "ISCED 2011"
    assert entries["edu_field"]["classification"] == "ISCED-F 2013"
    assert entries["job_occupation"]["classification"] == "ISCO-08"
    assert entries["job_sector"]["classification"] == "NACE Rev. 2"
    assert entries["can_do"]["classification"] == "DigComp 2.2"
    assert entries["licence_categories"]["classification"] == "EU licence category"
    assert entries["gender"]["classification"] is None
    out = io.StringIO()
    call_command("codebook", "--format", "md", "--language", "en", stdout=out)
    assert "- codes: ISCED 2011" in out.getvalue()
