"""Without JavaScript a part shows at once every question that applies, and each Next
reveals the follow-ups of what it just answered: a part takes a few page loads, not one per
question. Walked with the simulated resident of `make load`, who posts the whole form with
Next as a browser without JavaScript does.

Run with `-s` to see the page loads of each part:
`.venv/bin/pytest tests/registration/test_page_loads_without_javascript.py -s`
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from django.test import Client

from bench.load.resident import PART_KEYS, Account, Habits, Resident
from qualreg.registration.models import Registration
from tests.registration.conftest import NO_PAUSE, browser_of

pytestmark = pytest.mark.django_db

NO_JAVASCRIPT = Habits(no_javascript=1, translation_per_part=0, takes_a_break=0, fills_in_again=0)
MOST_PAGE_LOADS_PER_PART = 3  # on average over the seven parts (issue #16)


def walk_counting_part_pages(account: Account, seed: int) -> tuple[Resident, Counter[str]]:
    """A whole registration without JavaScript; the part page loads of each part."""
    loads: Counter[str] = Counter()
    names: list[str] = []
    browse = browser_of(Client(), names)

    def browser(method: str, path: str, name: str, data: Any = None) -> Any:
        if method == "GET" and name == "part page":
            loads[path.rstrip("/").rsplit("/", 1)[-1]] += 1
        return browse(method, path, name, data)

    resident = Resident(
        account,
        browser,
        lambda: browse,
        lambda low, high: None,
        random.Random(seed),
        NO_PAUSE,
        NO_JAVASCRIPT,
    )
    resident.register()
    assert "save" not in names  # no request a script would send
    return resident, loads


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_part_takes_at_most_three_page_loads_on_average_without_javascript(accounts, seed):
    account = accounts[seed]
    resident, loads = walk_counting_part_pages(account, seed)
    total = sum(loads.values())
    print(
        f"\npage loads without JavaScript (seed {seed}): "
        + ", ".join(f"{part} {loads[part]}" for part in PART_KEYS)
        + f"; parts {total}, average {total / len(PART_KEYS):.1f}"
    )
    assert set(loads) == set(PART_KEYS)
    assert total / len(PART_KEYS) <= MOST_PAGE_LOADS_PER_PART, loads
    # Fewer pages lose nothing: every answer given is in the completed registration.
    completed = Registration.objects.get(person__duf_number=account.duf_number)
    assert completed.is_completed
    assert completed.answers == resident.saved[0]
    assert len(completed.answers) > 20
