"""Posted form data updates only the questions on the page, keeps input, and stays bounded."""

from __future__ import annotations

from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.engine import add_item, answers_from_post, field_name, remove_item
from qualreg.questionnaire.model import Kind

from .factory import pet_group, question, questionnaire

PERSONAL = QUESTIONNAIRE.part("personal")
LANGUAGE = QUESTIONNAIRE.part("language")


def test_field_names_follow_the_scheme():
    jobs = QUESTIONNAIRE.question("jobs")
    assert field_name(QUESTIONNAIRE.question("birth_year")) == "q-birth_year"
    assert field_name(jobs, "a1b2c3d4", jobs.field("job_country")) == "q-jobs-a1b2c3d4-job_country"
    assert field_name(jobs, "a1b2c3d4", "job_country") == "q-jobs-a1b2c3d4-job_country"


def test_only_shown_questions_are_updated():
    answers = {"birth_year": "1990", "gender": "woman", "english_speak": "3"}
    data = {"shown": ["gender"], "q-gender": ["man"], "q-birth_year": ["2001"]}
    result = answers_from_post(PERSONAL, answers, data)
    assert result == {"birth_year": "1990", "gender": "man", "english_speak": "3"}
    assert answers["gender"] == "woman"  # the input is not changed


def test_a_post_for_another_part_changes_nothing_here():
    answers = {"birth_year": "1990"}
    data = {"shown": ["english_speak"], "q-english_speak": ["5"]}
    assert answers_from_post(PERSONAL, answers, data) == answers


def test_a_shown_question_left_empty_is_cleared():
    result = answers_from_post(PERSONAL, {"birth_year": "1990"}, {"shown": ["birth_year"]})
    assert "birth_year" not in result


def test_unchecked_checkboxes_of_a_shown_question_clear_it():
    answers = {"norwegian_lessons": ["online"]}
    assert answers_from_post(LANGUAGE, answers, {"shown": ["norwegian_lessons"]}) == {}
    data = {
        "shown": ["norwegian_lessons"],
        "q-norwegian_lessons": ["online", "volunteer", "online"],
    }
    assert answers_from_post(LANGUAGE, answers, data)["norwegian_lessons"] == [
        "online",
        "volunteer",
    ]


def test_invalid_input_is_kept_as_typed():
    data = {
        "shown": ["birth_year", "gender"],
        "q-birth_year": [" nineteen90 "],
        "q-gender": ["zebra"],
    }
    result = answers_from_post(PERSONAL, {}, data)
    assert result == {"birth_year": "nineteen90", "gender": "zebra"}


def test_huge_values_are_ignored_and_the_old_answer_kept():
    data = {
        "shown": ["birth_year", "gender"],
        "q-birth_year": ["1" * 5000],
        "q-gender": ["x" * 500],
    }
    result = answers_from_post(PERSONAL, {"birth_year": "1990", "gender": "man"}, data)
    assert result == {"birth_year": "1990", "gender": "man"}


def test_junk_data_does_not_raise():
    assert answers_from_post(PERSONAL, None, {"shown": "gender", "q-gender": "man"}) == {
        "gender": "man"
    }
    assert answers_from_post(PERSONAL, {"a": 1}, None) == {"a": 1}  # type: ignore[arg-type]
    assert answers_from_post(PERSONAL, {}, {"shown": [1, None], "q-gender": [3]}) == {}


def group_questionnaire(max_items=3):
    return questionnaire(pet_group(max_items=max_items), question("note", Kind.TEXT))


def test_add_item_gives_a_stable_random_id_and_respects_the_maximum():
    built = group_questionnaire(max_items=2)
    answers, first = add_item({}, "pets", built)
    answers, second = add_item(answers, "pets", built)
    assert first and second and first != second and len(first) == 8
    full, third = add_item(answers, "pets", built)
    assert third is None and full == answers
    assert [item["id"] for item in answers["pets"]] == [first, second]


def test_remove_item_keeps_the_other_ids():
    built = group_questionnaire()
    answers, first = add_item({}, "pets", built)
    answers, second = add_item(answers, "pets", built)
    answers, third = add_item(answers, "pets", built)
    answers = remove_item(answers, "pets", second, built)
    assert [item["id"] for item in answers["pets"]] == [first, third]
    answers = remove_item(remove_item(answers, "pets", first, built), "pets", third, built)
    assert "pets" not in answers


def test_group_items_are_updated_by_their_ids_and_never_created_by_a_post():
    built = group_questionnaire()
    part = built.parts[0]
    answers, item_id = add_item({"note": "keep"}, "pets", built)
    data = {
        "shown": ["pets"],
        f"q-pets-{item_id}-pet_kind": ["dog"],
        f"q-pets-{item_id}-pet_name": ["Rex"],
        "q-pets-deadbeef-pet_kind": ["cat"],
    }
    result = answers_from_post(part, answers, data)
    assert result == {
        "note": "keep",
        "pets": [{"id": item_id, "pet_kind": "dog", "pet_name": "Rex"}],
    }


def test_the_default_questionnaire_has_the_groups():
    answers, item_id = add_item({}, "jobs")
    assert answers["jobs"] == [{"id": item_id}]
    assert add_item(answers, "jobs")[1] != item_id
