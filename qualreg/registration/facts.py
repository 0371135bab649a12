"""The facts table: a completed registration's coded and numeric answers as flat rows.

Written from the answer rows (the one way answers are read) in the transaction that completes
the registration, so filters and statistics never read the answers document.
"""

from __future__ import annotations

from typing import Any

from qualreg.questionnaire.answers import answer_rows, facts
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration.models import AnswerFact, Registration


def facts_of(answers: Any) -> list[tuple[str, int | None, str | None, int | None]]:
    """(question key, item index, code, number) for every coded or numeric answer."""
    return [
        (fact.question_key, fact.item_index, fact.code, fact.number)
        for fact in facts(answer_rows(QUESTIONNAIRE, answers))
    ]


def write_facts(registration: Registration, fact_model: Any = AnswerFact) -> int:
    """Write the facts of a completed registration; `fact_model` lets a migration pass its
    historical model. Returns the number of rows."""
    rows = [
        fact_model(registration_id=registration.pk, question=key, item=item, code=code, number=n)
        for key, item, code, n in facts_of(registration.answers)
    ]
    fact_model.objects.bulk_create(rows, batch_size=500)
    return len(rows)
