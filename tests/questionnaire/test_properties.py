"""Property tests: the engine survives any answers and pruning is stable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.engine import (
    answers_from_post,
    is_answered,
    part_state,
    progress,
    prune,
    status,
    summary,
    validate,
    visible_questions,
)
from qualreg.questionnaire.model import Kind

KEYS = [q.key for q in QUESTIONNAIRE.questions()]
CODES = sorted(
    {c for q in QUESTIONNAIRE.questions() if q.kind != Kind.GROUP for c in list(q.codes)[:30]}
)
FIELD_KEYS = [f.key for q in QUESTIONNAIRE.questions() for f in q.fields]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.sampled_from(CODES),
    st.text(max_size=30),
    st.just("ab" * 1300),
)
junk = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
items = st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["0000000a", "0000000b", "deadbeef"]), junk)},
    optional={k: st.one_of(st.sampled_from(CODES), junk) for k in FIELD_KEYS[:25]},
)
values = st.one_of(
    junk,
    st.sampled_from(CODES),
    st.lists(st.sampled_from(CODES), max_size=5),
    st.lists(items, max_size=14),
)
answers_strategy = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), values, max_size=25
)
fast = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(answers_strategy)
def test_prune_is_idempotent_and_keeps_only_visible_questions(answers):
    once = prune(QUESTIONNAIRE, answers)
    assert prune(QUESTIONNAIRE, once) == once
    visible = {q.key for part in QUESTIONNAIRE.parts for q in visible_questions(part, answers)}
    assert set(once) <= visible
    assert visible == {q.key for part in QUESTIONNAIRE.parts for q in visible_questions(part, once)}


@fast
@given(answers_strategy)
def test_validate_state_and_summary_never_raise(answers):
    for part in QUESTIONNAIRE.parts:
        errors = validate(part, answers)
        assert all(isinstance(k, str) and v for k, v in errors.items())
        assert part_state(part, answers, set(KEYS[:10])) in {
            "not_started",
            "in_progress",
            "done",
            "has_problems",
        }
        for question in part.questions:
            assert status(question, answers, {question.key}) in {
                "invalid",
                "unanswered",
                "missing",
                "answered",
            }
    for _part, rows in summary(QUESTIONNAIRE, answers):
        assert all(isinstance(text, str) for _q, text in rows)
    answered, total = progress(QUESTIONNAIRE, answers)
    assert 0 <= answered <= total


@fast
@given(answers_strategy)
def test_progress_counts_the_answered_questions_that_apply(answers):
    pruned = prune(QUESTIONNAIRE, answers)
    applying = [q for part in QUESTIONNAIRE.parts for q in visible_questions(part, answers)]
    answered = sum(is_answered(q, pruned) for q in applying)
    assert progress(QUESTIONNAIRE, answers) == (answered, len(applying))


@fast
@given(answers_strategy)
def test_pruned_answers_have_no_choice_errors(answers):
    pruned = prune(QUESTIONNAIRE, answers)
    for part in QUESTIONNAIRE.parts:
        for messages in validate(part, pruned).values():
            assert "Choose one of the answers in the list." not in [str(m) for m in messages]


post_values = st.lists(
    st.one_of(st.text(max_size=20), st.sampled_from(CODES), st.just("x" * 3000)), max_size=4
)
post_data = st.dictionaries(
    st.one_of(st.sampled_from(["shown"] + [f"q-{k}" for k in KEYS]), st.text(max_size=10)),
    st.one_of(post_values, junk),
    max_size=30,
)


@fast
@given(answers_strategy, post_data, st.lists(st.sampled_from(KEYS), max_size=20))
def test_answers_from_post_never_raises_and_stays_bounded(answers, data, shown):
    data = {**data, "shown": shown}
    for part in QUESTIONNAIRE.parts:
        result = answers_from_post(part, answers, data)
        assert isinstance(result, dict)
        for key in shown:
            value = result.get(key)
            if isinstance(value, str) and key not in answers:
                assert len(value) <= 20000
        validate(part, result)
