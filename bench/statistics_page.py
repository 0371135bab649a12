"""`make bench-statistics`: server time of the statistics page and of its CSV downloads.

Fills a database (kept between runs, in data/bench-statistics/ or DATABASE_URL) with
BENCH_STATISTICS_RESIDENTS residents (100,000 by default; about 84 % of them complete a
registration) from qualreg.demo.population, then measures in this process, after a warm-up,
the median and the slowest of BENCH_STATISTICS_ROUNDS requests of:

- the refresh of the stored counts (`manage.py refreshstatistics`, which purge runs hourly;
  BENCH_STATISTICS_REFRESH=0 skips it when there are stored counts);
- the page with no filter and with each one filter, from the stored counts;
- the CSV of every table (with no filter, and with the centre filter), from the stored counts;
- in the same run, for the ratio, the old path that counts on every request (the page with
  no filter and with the centre filter, and three CSVs, BENCH_STATISTICS_LIVE_ROUNDS times).

Registrations of the bench keep no answers document (statistics never read it), only their
facts, so that filling the database takes minutes rather than an hour.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "bench-statistics"
RESIDENTS = int(os.environ.get("BENCH_STATISTICS_RESIDENTS", "100000"))
ROUNDS = int(os.environ.get("BENCH_STATISTICS_ROUNDS", "7"))
LIVE_ROUNDS = int(os.environ.get("BENCH_STATISTICS_LIVE_ROUNDS", "1"))


def setup() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["QUALREG_DATA_DIR"] = str(DATA)
    os.environ["SECRET_KEY"] = "bench-secret-key-that-is-long-enough-0123456789"
    os.environ.pop("DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("compilecatalogs", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def fill() -> None:
    from django.db import connection

    from qualreg.demo.population import populate
    from qualreg.registration.models import AnswerFact, Registration

    started = time.perf_counter()
    written = populate(RESIDENTS, prefix="2022", seed=7, templates=500, keep_answers=False)
    if written:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
        print(f"filled: {written} completed registrations in {time.perf_counter() - started:.0f} s")
    completed = Registration.objects.filter(status="completed").count()
    print(
        f"database: {connection.vendor}, {completed} completed registrations, "
        f"{AnswerFact.objects.count()} facts"
    )


def analyst() -> object:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from qualreg.accounts.models import Role, User
    from qualreg.accounts.second_factor import has_second_factor

    user, _ = User.objects.get_or_create(
        username="bench-analyst", defaults={"role": Role.STATISTICS}
    )
    if not has_second_factor(user):
        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.filter(user=user).first().persistent_id
    session.save()
    return client


def timed(client: object, url: str, rounds: int = ROUNDS) -> tuple[float, float]:
    times = []
    for _round in range(rounds):
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), max(times)


def main() -> None:
    setup()
    fill()
    from django.utils import timezone

    from qualreg.people.models import Centre
    from qualreg.statistics import report
    from qualreg.statistics.models import StoredCount
    from qualreg.statistics.refresh import refresh
    from qualreg.statistics.report import table_keys

    if os.environ.get("BENCH_STATISTICS_REFRESH", "1") == "1" or not StoredCount.objects.exists():
        started = time.perf_counter()
        refresh()
        print(f"refresh of the stored counts: {time.perf_counter() - started:.1f} s")
    print(f"{StoredCount.objects.count()} stored counts")
    client = analyst()
    centre = Centre.objects.order_by("name").first()
    assert centre is not None
    filters = {
        "no filter": "",
        "period (this year)": f"period={timezone.localdate().year}",
        "centre": f"centre={centre.pk}",
        "municipality": f"municipality={centre.municipality}",
        "language of the form": "language=uk",
        "gender": "gender=woman",
        "birth-year band": "birth=1980-1989",
    }
    client.get("/en/statistics/")  # type: ignore[attr-defined]  # warm-up: labels, plans
    print(f"\npage, server time over {ROUNDS} requests (median / slowest), ms")
    pages = {}
    for name, query in filters.items():
        median, slowest = timed(client, f"/en/statistics/?{query}")
        pages[name] = median
        page = client.get(f"/en/statistics/?{query}")  # type: ignore[attr-defined]
        shown = "refused" if b"alert--warning" in page.content else "shown"
        print(f"  {name:22} {median:7.0f} {slowest:7.0f}   ({shown})")
    print(f"\nCSV of each table, server time over {ROUNDS} requests (median / slowest), ms")
    worst = []
    csvs = {}
    for query in ("", f"centre={centre.pk}"):
        for key in table_keys():
            median, slowest = timed(client, f"/en/statistics/tables/{key}.csv?{query}")
            worst.append((median, slowest, key, query or "no filter"))
            csvs[(key, query)] = median
            print(f"  {key:22} {query or 'no filter':12} {median:7.0f} {slowest:7.0f}")
    median, slowest, key, query = max(worst)
    print(f"\nslowest CSV: {key} ({query}) median {median:.0f} ms, slowest {slowest:.0f} ms")

    # The old path, counted on every request, in the same run for the ratio.
    stored_scope = report.stored_scope
    report.stored_scope = lambda filters, **kwargs: None
    try:
        print(f"\nold path (counted on each request), over {LIVE_ROUNDS} request(s), ms")
        for name in ("no filter", "centre"):
            old, _slowest = timed(client, f"/en/statistics/?{filters[name]}", LIVE_ROUNDS)
            print(
                f"  page, {name:16} {old:7.0f}   stored {pages[name]:5.0f}   "
                f"{old / pages[name]:5.0f}x"
            )
        for key in ("gender", "occupation_sub_major", "completed_by_month"):
            old, _slowest = timed(client, f"/en/statistics/tables/{key}.csv?", LIVE_ROUNDS)
            print(
                f"  CSV, {key:17} {old:7.0f}   stored {csvs[(key, '')]:5.0f}   "
                f"{old / csvs[(key, '')]:5.0f}x"
            )
    finally:
        report.stored_scope = stored_scope


if __name__ == "__main__":
    main()
