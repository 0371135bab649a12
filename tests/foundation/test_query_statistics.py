"""SQLite plans queries by statistics only ANALYZE writes: `migrate` and the hourly purge
write them for every table, and a connection refreshes those of what it queried as it
closes. PostgreSQL keeps its own (autovacuum): nothing is sent to it."""

from __future__ import annotations

import io
import sqlite3

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qualreg.accounts.models import User
from qualreg.lib.sqlite.base import DatabaseWrapper
from qualreg.people.models import Centre, Person

pytestmark = pytest.mark.django_db

OUR_TABLES = {Centre._meta.db_table, Person._meta.db_table, User._meta.db_table}


def _forget_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")


def _analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1 WHERE stat IS NOT NULL")
        return {table for (table,) in cursor.fetchall()}


def _statistics_after(command: str, *args: str) -> tuple[set[str], list[str]]:
    if connection.vendor == "sqlite":
        _forget_statistics()
    with CaptureQueriesContext(connection) as queries:
        call_command(command, *args, stdout=io.StringIO())
    sent = [query["sql"] for query in queries if "ANALYZE" in query["sql"].upper()]
    return (_analysed_tables() if connection.vendor == "sqlite" else set()), sent


def test_the_hourly_purge_leaves_statistics_for_our_tables(resident, other_resident, staff):
    analysed, sent = _statistics_after("purge")
    if connection.vendor == "sqlite":
        assert analysed >= OUR_TABLES
    else:
        assert sent == []


def test_migrate_leaves_statistics_for_our_tables(resident, staff):
    analysed, sent = _statistics_after("migrate", "--verbosity=0")
    if connection.vendor == "sqlite":
        assert analysed >= OUR_TABLES
    else:
        assert sent == []


def test_a_connection_leaves_statistics_for_what_it_queried_when_it_closes(tmp_path):
    path = str(tmp_path / "planner.sqlite3")
    database = DatabaseWrapper(
        {
            "ENGINE": "qualreg.lib.sqlite",
            "NAME": path,
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
        },
        alias="planner",
    )
    with database.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, centre TEXT)")
        cursor.execute("CREATE INDEX visit_centre ON visit (centre)")
        cursor.executemany(
            "INSERT INTO visit (centre) VALUES (%s)", [(f"c{n % 20}",) for n in range(2000)]
        )
        cursor.execute("SELECT id FROM visit WHERE centre = %s", ["c3"])
        assert len(cursor.fetchall()) == 100
    database.close()
    with sqlite3.connect(path) as reader:
        statistics = reader.execute("SELECT tbl, idx, stat FROM sqlite_stat1").fetchall()
    # Rows in the table, rows per centre: estimated from at most ANALYSIS_LIMIT rows.
    [(table, index, stat)] = statistics
    assert (table, index) == ("visit", "visit_centre")
    rows, per_centre = map(int, stat.split())
    assert rows > 1000 and 50 < per_centre < 200
