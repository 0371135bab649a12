"""`make bench-advisers`: how fast advisers' pages answer among many registrations.

"My people" for an organisation with ORG_SIZE assigned residents among COUNT completed
registrations (`manage.py generateregistrations`), for every combination of two filters,
and one registration page: the server time of each request (Django's test client, in this
process, the whole middleware stack, audit rows included), median and 95th percentile.

Needs a database of its own: DATABASE_URL (PostgreSQL, as the goals are set for), else SQLite
in data/bench-advisers/. The registrations are generated once and kept between runs (the
generation takes minutes); BENCH_ADVISERS_FRESH=1 starts from an empty database.
"""

from __future__ import annotations

import datetime
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "bench-advisers"
COUNT = int(os.environ.get("BENCH_ADVISERS_COUNT", "100000"))
ORG_SIZE = int(os.environ.get("BENCH_ADVISERS_ORG_SIZE", "2000"))
ROUNDS = int(os.environ.get("BENCH_ADVISERS_ROUNDS", "5"))
ORGANISATION = "Generert kommune"

# Two values of each filter, a common one and a narrow one, as an adviser would choose them.
FILTERS: dict[str, list[dict[str, str]]] = {
    "education": [{"education": "34"}, {"education": "6"}],
    "field": [{"field": "09"}, {"field": "06"}],
    "occupation": [{"occupation": "7"}, {"occupation": "22"}],
    "language": [{"language": "ara"}, {"language": "eng", "language_level": "4"}],
    "norwegian": [{"norwegian": "2"}, {"norwegian": "4"}],
    "english": [{"english": "2"}, {"english": "4"}],
    "licence": [{"licence": "B"}, {"licence": "C"}],
    "wish": [{"wish": "education"}, {"wish": "both"}],
    "completed": [{"completed_from": "{year_ago}"}, {"completed_to": "{half_year_ago}"}],
}


def setup_django() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    # Not bench.serving.prepare_django: that empties the data folder, and the generated
    # registrations (in SQLite there) are kept between runs.
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["QUALREG_DATA_DIR"] = str(DATA)
    os.environ["SECRET_KEY"] = "bench-secret-key-that-is-long-enough-0123456789"
    os.environ.pop("DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    if os.environ.get("BENCH_ADVISERS_FRESH"):
        call_command("flush", "--noinput", verbosity=0)
    call_command("compilecatalogs", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def ensure_registrations() -> None:
    from django.core.management import call_command

    from qualreg.advisers.models import Organisation
    from qualreg.registration.models import Registration

    have = Registration.objects.filter(status=Registration.Status.COMPLETED).count()
    if Organisation.objects.filter(name=ORGANISATION).exists() and have >= COUNT:
        print(f"using the {have} completed registrations already in the database")
        return
    if have:
        raise SystemExit(
            f"the database holds {have} registrations but not the bench's: "
            "set BENCH_ADVISERS_FRESH=1 or use an empty database"
        )
    started = time.perf_counter()
    call_command(
        "generateregistrations",
        count=COUNT,
        organisation_size=ORG_SIZE,
        organisation=ORGANISATION,
    )
    print(f"generated in {time.perf_counter() - started:.0f} s")


def signed_in_adviser() -> tuple[Any, list[int]]:
    """A test client signed in as an adviser of the organisation, second factor verified,
    who has given the purpose of opening the registrations of 40 of its residents (their
    ids are returned), as in a working day."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from qualreg.accounts.models import Role, User
    from qualreg.accounts.second_factor import enrol
    from qualreg.advisers.models import Adviser, Assignment, Organisation
    from qualreg.advisers.purposes import SESSION_KEY as PURPOSES_KEY

    organisation = Organisation.objects.get(name=ORGANISATION)
    user = User.objects.filter(username="bench-adviser").first()
    if user is None:
        user = User.objects.create_user(
            "bench-adviser",
            password=None,
            role=Role.ADVISER,  # signed in by force_login
        )
        Adviser.objects.create(user=user, organisation=organisation)
        enrol(user)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.filter(user=user).first().persistent_id
    assigned = Assignment.objects.filter(organisation=organisation).values_list("person_id")
    people = random.Random(12).sample(sorted(pk for (pk,) in assigned), 40)
    session[PURPOSES_KEY] = {str(person_id): "guidance" for person_id in people}
    session.save()
    return client, people


CPU: list[float] = []  # the Django process's CPU time of every request timed, ms


def timed(client: Any, url: str) -> tuple[float, int]:
    """Server time of one request (ms) and its number of SQL queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        CPU.append((time.process_time() - cpu) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def combinations() -> list[str]:
    from urllib.parse import urlencode

    today = datetime.date.today()
    dates = {
        "year_ago": (today - datetime.timedelta(days=365)).isoformat(),
        "half_year_ago": (today - datetime.timedelta(days=182)).isoformat(),
    }
    queries = []
    for first, second in itertools.combinations(FILTERS, 2):
        for one, other in itertools.product(FILTERS[first], FILTERS[second]):
            params = {key: value.format(**dates) for key, value in {**one, **other}.items()}
            queries.append(urlencode(params))
    return queries


def measure_people(client: Any) -> dict[str, Any]:
    queries = combinations()
    for query in queries[:10]:  # warm-up
        timed(client, f"/en/advisers/?{query}")
    CPU.clear()
    times: list[float] = []
    per_combination: dict[str, float] = {}
    query_counts: set[int] = set()
    for query in queries:
        own = []
        for _round in range(ROUNDS):
            elapsed, count = timed(client, f"/en/advisers/?{query}")
            own.append(elapsed)
            query_counts.add(count)
        times += own
        per_combination[query] = statistics.median(own)
    cpu = statistics.median(CPU)
    unfiltered = [timed(client, "/en/advisers/")[0] for _round in range(ROUNDS * 4)]
    deep = [timed(client, "/en/advisers/?page=40")[0] for _round in range(ROUNDS * 4)]
    slowest = sorted(per_combination.items(), key=lambda item: -item[1])[:5]
    return {
        "combinations": len(queries),
        "requests": len(times),
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "slowest": slowest,
        "unfiltered": statistics.median(unfiltered),
        "deep_page": statistics.median(deep),
        "queries": sorted(query_counts),
        "cpu": cpu,
    }


def measure_registration(client: Any, people: list[int]) -> dict[str, Any]:
    from qualreg.advisers.access import latest_registrations
    from qualreg.advisers.models import Adviser

    adviser = Adviser.objects.get(user__username="bench-adviser")
    chosen = list(
        latest_registrations(adviser).filter(person_id__in=people).values_list("pk", flat=True)
    )
    for registration_id in chosen[:5]:
        timed(client, f"/en/advisers/registrations/{registration_id}/")
    CPU.clear()
    times = []
    counts = set()
    for _round in range(3):
        for registration_id in chosen:
            elapsed, count = timed(client, f"/en/advisers/registrations/{registration_id}/")
            times.append(elapsed)
            counts.add(count)
    return {
        "requests": len(times),
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "queries": sorted(counts),
        "cpu": statistics.median(CPU),
    }


def main() -> None:
    setup_django()
    ensure_registrations()
    from django.db import connection

    from qualreg.advisers.models import Assignment
    from qualreg.registration.models import AnswerFact, Registration

    client, purposes_given = signed_in_adviser()
    people = measure_people(client)
    one = measure_registration(client, purposes_given)
    completed = Registration.objects.filter(status=Registration.Status.COMPLETED).count()
    assigned = Assignment.objects.filter(organisation__name=ORGANISATION).count()
    print(
        f"database: {connection.vendor}; {completed} completed registrations, "
        f"{AnswerFact.objects.count()} facts; {assigned} residents assigned to the organisation"
    )
    print(
        f'"My people", {people["combinations"]} combinations of two filters x {ROUNDS}: '
        f"median {people['median']:.1f} ms (goal <= 100), "
        f"p95 {people['p95']:.1f} ms (goal <= 250); queries per page {people['queries']}; "
        f"CPU of the Django process, median {people['cpu']:.1f} ms"
    )
    print(
        f"  no filter: median {people['unfiltered']:.1f} ms; "
        f"page 40 of the unfiltered list: {people['deep_page']:.1f} ms"
    )
    for query, median in people["slowest"]:
        print(f"  slowest: {median:6.1f} ms  {query}")
    print(
        f"one registration page, {one['requests']} requests: median {one['median']:.1f} ms "
        f"(goal <= 50), p95 {one['p95']:.1f} ms; queries per page {one['queries']}; "
        f"CPU median {one['cpu']:.1f} ms"
    )


if __name__ == "__main__":
    main()
