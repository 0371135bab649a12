"""Each part's follow-up questions appear only when they apply."""

from __future__ import annotations

from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.engine import visible_fields, visible_questions


def shown(part_key: str, answers: dict) -> set[str]:
    return {q.key for q in visible_questions(QUESTIONNAIRE.part(part_key), answers)}


def test_personal_follow_ups():
    assert not shown("personal", {}) & {"countries_lived", "partner_in_norway", "children_under_18"}
    assert "countries_lived" in shown("personal", {"lived_abroad": "yes"})
    assert "partner_in_norway" in shown("personal", {"marital_status": "partner"})
    assert "partner_in_norway" not in shown("personal", {"marital_status": "single"})
    assert "children_with_you" not in shown(
        "personal", {"children": "yes", "children_under_18": "0"}
    )
    assert "children_with_you" in shown("personal", {"children": "yes", "children_under_18": "2"})
    assert "children_with_you" not in shown(
        "personal", {"children": "no", "children_under_18": "2"}
    )


def test_education_follow_ups():
    assert not shown("education", {"school_ever": "no"}) & {"school_years", "educations"}
    assert {"school_years", "educations"} <= shown("education", {"school_ever": "yes"})
    assert "courses" in shown("education", {"courses_any": "yes"})
    finished_bachelor = {
        "school_ever": "yes",
        "educations": [{"id": "0000000a", "edu_level": "6", "edu_outcome": "completed"}],
    }
    assert "recognition_applied" in shown("education", finished_bachelor)
    stopped = {
        **finished_bachelor,
        "educations": [{"id": "0000000a", "edu_level": "6", "edu_outcome": "stopped"}],
    }
    assert "recognition_applied" not in shown("education", stopped)
    assert "recognition_wish" in shown("other", finished_bachelor)


def test_education_item_fields_follow_the_level_and_outcome():
    group = QUESTIONNAIRE.question("educations")
    primary = {
        f.key for f in visible_fields(group, {"edu_level": "1", "edu_outcome": "stopped"}, {})
    }
    assert "edu_field" not in primary and "edu_licence" not in primary
    assert {"edu_years_studied", "edu_end_year"} <= primary
    degree = {
        f.key
        for f in visible_fields(
            group, {"edu_level": "7", "edu_outcome": "completed", "edu_licence": "yes"}, {}
        )
    }
    assert {"edu_field", "edu_licence", "edu_licence_name", "edu_end_year"} <= degree
    assert "edu_years_studied" not in degree


def test_language_follow_ups():
    assert "english_read_write" not in shown("language", {})
    assert "english_read_write" not in shown("language", {"english_speak": "0"})
    assert "english_read_write" in shown("language", {"english_speak": "2"})
    assert "home_language_other" in shown("language", {"home_language": "other"})
    assert "norwegian_test" not in shown("language", {"norwegian_lessons": ["none"]})
    assert "norwegian_test" in shown("language", {"norwegian_lessons": ["online"]})
    assert "other_languages" in shown("language", {"other_languages_any": "yes"})
    group = QUESTIONNAIRE.question("other_languages")
    fields = {
        f.key for f in visible_fields(group, {"lang_code": "other", "lang_certificate": "yes"}, {})
    }
    assert {"lang_other", "lang_certificate_level"} <= fields


def test_digital_follow_ups():
    assert "keyboard_latin" not in shown("digital", {"computer_use_before": "never"})
    assert "keyboard_latin" in shown("digital", {"computer_use_before": "weekly"})
    assert "it_certificate_name" in shown("digital", {"it_certificate": "yes"})


def test_driving_follow_ups():
    none = shown("driving", {"licence": "no"})
    assert "licence_country" not in none and "can_drive_without_licence" in none
    lost = shown("driving", {"licence": "lost"})
    assert {"licence_country", "licence_categories"} <= lost and "licence_document" not in lost
    assert "licence_document" in shown("driving", {"licence": "yes"})
    assert "licence_wish" not in shown("driving", {"norwegian_licence": "yes"})
    assert "machines_other" in shown("driving", {"machines": ["crane", "other"]})


def test_work_follow_ups():
    assert "jobs" not in shown("work", {"paid_work": "no", "unpaid_work": "no"})
    assert "jobs" in shown("work", {"paid_work": "no", "unpaid_work": "yes"})
    group = QUESTIONNAIRE.question("jobs")
    assert "job_occupation_other" in {
        f.key for f in visible_fields(group, {"job_occupation": "other"}, {})
    }
    assert "job_occupation_other" not in {
        f.key for f in visible_fields(group, {"job_occupation": "5120"}, {})
    }
    assert "worked_in_norway_what" in shown("work", {"worked_in_norway": "yes"})


def test_other_follow_ups_use_earlier_parts():
    assert "same_field" in shown("other", {"paid_work": "yes"})
    assert "same_field" not in shown("other", {"paid_work": "no"})
    assert {"education_wish_kind", "education_wish_field"} <= shown(
        "other", {"education_wish": "maybe"}
    )
    assert "education_wish_kind" not in shown("other", {"education_wish": "no"})
    assert "business_what" in shown("other", {"business_wish": "yes"})
    assert "interests_other" in shown("other", {"interests": ["other"]})
    assert "work_wish_other" in shown("other", {"work_wish": "other"})


def test_a_typical_person_sees_between_40_and_70_questions():
    person = {
        "lived_abroad": "yes",
        "marital_status": "married",
        "children": "yes",
        "children_under_18": "2",
        "school_ever": "yes",
        "educations": [{"id": "0000000a", "edu_level": "35", "edu_outcome": "completed"}],
        "courses_any": "no",
        "english_speak": "2",
        "norwegian_speak": "1",
        "norwegian_lessons": ["reception_centre"],
        "other_languages_any": "yes",
        "computer_use_before": "sometimes",
        "licence": "yes",
        "paid_work": "yes",
        "unpaid_work": "no",
        "education_wish": "yes",
    }
    count = sum(len(visible_questions(part, person)) for part in QUESTIONNAIRE.parts)
    assert 40 <= count <= 70
