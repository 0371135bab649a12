"""Per-question status, per-part state, progress, pruning and the summary."""

from __future__ import annotations

from django.utils import translation

from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.engine import part_state, progress, prune, status, summary

LANGUAGE = QUESTIONNAIRE.part("language")
ENGLISH = QUESTIONNAIRE.question("english_speak")
COMPLETE_LANGUAGE = {
    "home_language": "ara",
    "english_speak": "0",
    "norwegian_speak": "1",
    "norwegian_read_write": "1",
    "norwegian_lessons": ["none"],
    "other_languages_any": "no",
}


def test_status_has_three_marks():
    assert status(ENGLISH, {}, set()) == "unanswered"
    assert status(ENGLISH, {}, {"english_speak"}) == "missing"
    assert status(ENGLISH, {"english_speak": "5"}, {"english_speak"}) == "answered"
    optional = QUESTIONNAIRE.question("best_language")
    assert status(optional, {}, {"best_language"}) == "unanswered"


def test_part_state_moves_from_not_started_to_done():
    assert part_state(LANGUAGE, {}, set()) == "not_started"
    assert part_state(LANGUAGE, {"english_speak": "5"}, set()) == "in_progress"
    assert part_state(LANGUAGE, COMPLETE_LANGUAGE, set()) == "done"


def test_part_state_shows_problems():
    assert part_state(LANGUAGE, {"english_speak": "5"}, {"home_language"}) == "has_problems"
    assert (
        part_state(LANGUAGE, {**COMPLETE_LANGUAGE, "english_speak": "9"}, set()) == "has_problems"
    )


def test_progress_counts_visible_questions():
    answered, total = progress(QUESTIONNAIRE, {})
    assert answered == 0 and 40 <= total <= 70
    answered, total_after = progress(QUESTIONNAIRE, {"school_ever": "yes", "english_speak": "5"})
    assert answered == 2 and total_after > total


def test_prune_removes_hidden_unknown_and_invalid_answers():
    answers = {
        "school_ever": "no",
        "school_years": "5",  # hidden: never went to school
        "religion": "x",  # unknown key
        "english_speak": "7",  # unknown code
        "norwegian_lessons": ["online", "bogus"],
        "birth_year": "abc",  # kept as typed; validation reports it
    }
    assert prune(QUESTIONNAIRE, answers) == {
        "school_ever": "no",
        "norwegian_lessons": ["online"],
        "birth_year": "abc",
    }


def test_prune_follows_chains_of_conditions():
    answers = {"children": "no", "children_under_18": "2", "children_with_you": "all"}
    assert prune(QUESTIONNAIRE, answers) == {"children": "no"}


def test_prune_cleans_group_items():
    answers = {
        "school_ever": "yes",
        "educations": [
            {"id": "0000000a", "edu_level": "1", "edu_field": "06", "edu_outcome": "completed"},
            {"id": "bad id"},
            "junk",
        ],
    }
    assert prune(QUESTIONNAIRE, answers)["educations"] == [
        {"id": "0000000a", "edu_level": "1", "edu_outcome": "completed"}
    ]


def test_summary_lists_every_part_with_answers_as_text():
    answers = {
        "english_speak": "4",
        "norwegian_lessons": ["online", "volunteer"],
        "lived_abroad": "yes",
        "countries_lived": [{"id": "0000000a", "lived_country": "TR", "lived_years": "3"}],
    }
    with translation.override("en"):
        result = summary(QUESTIONNAIRE, answers)
    assert [part.key for part, _rows in result] == [p.key for p in QUESTIONNAIRE.parts]
    rows = {q.key: text for _part, part_rows in result for q, text in part_rows}
    assert rows["english_speak"] == "Good"
    assert rows["norwegian_lessons"] == (
        "Yes, on the internet or with an app and Yes, with volunteers (for example the Red Cross or a library)"  # noqa: E501
    )
    assert (
        rows["countries_lived"]
        == "Which country?: Türkiye\nAbout how many years did you live there?: 3"
    )
    assert rows["birth_year"] == "Not answered"


def test_summary_renders_in_another_language():
    with translation.override("nb"):
        rows = {
            q.key: t
            for _p, part_rows in summary(QUESTIONNAIRE, {"birth_country": "SY"})
            for q, t in part_rows
        }
    assert rows["birth_country"] == "Syria"
    with translation.override("ar"):
        rows = {
            q.key: t
            for _p, part_rows in summary(QUESTIONNAIRE, {"birth_country": "SY"})
            for q, t in part_rows
        }
    assert rows["birth_country"] == "سوريا"


def _refused(question):
    return {
        "single": "no-such-answer",
        "dropdown": "no-such-answer",
        "multiple": ["no-such-answer"],
        "number": "many",
        "year": "3",
    }.get(question.kind, "x" * (question.text_limit + 1))


def test_every_question_s_mark_follows_the_server_s_judgement():
    from qualreg.questionnaire.engine import validate
    from qualreg.questionnaire.model import Kind
    from qualreg.questionnaire.samples import answered_document

    full = answered_document(items_per_group=1)
    walked = set()
    for part in QUESTIONNAIRE.parts:
        for question in part.questions:
            if question.key not in full:
                continue  # not on the path that shows the most questions
            walked.add(question.kind)

            def mark(answers, tried=(), question=question, part=part):
                return status(question, answers, set(tried), validate(part, answers))

            assert mark(full) == "answered", question.key
            empty = {k: v for k, v in full.items() if k != question.key}
            assert mark(empty) == "unanswered", question.key
            expected = "missing" if question.required else "unanswered"
            assert mark(empty, {question.key}) == expected, question.key
            if question.kind != Kind.GROUP:
                assert mark({**full, question.key: _refused(question)}) == "invalid", question.key
                continue
            [item] = full[question.key]
            assert mark({**full, question.key: [{"id": item["id"]}]}) == "unanswered"
            for field in question.fields:
                if field.key not in item:
                    continue
                refused = {**item, field.key: _refused(field)}
                assert mark({**full, question.key: [refused]}) == "invalid", field.key
                if field.required:
                    partly = {k: v for k, v in item.items() if k != field.key}
                    assert mark({**full, question.key: [partly]}, {question.key}) == "missing"
    assert walked == set(Kind)
