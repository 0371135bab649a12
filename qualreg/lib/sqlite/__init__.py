"""SQLite with fresh query-planner statistics, as SQLite advises (sqlite.org/lang_analyze.html).

SQLite chooses indexes from statistics (the sqlite_stat1 table) that only ANALYZE writes;
without them it guesses. Our backend (`base.py`, chosen in settings for every SQLite
database) runs `PRAGMA optimize` before it closes a connection: it analyses the tables
whose indexes that connection used and whose statistics are missing or out of date, and is
otherwise a no-op. `refresh_statistics` analyses every table, after `migrate` and in the
hourly `manage.py purge`, so that tables no connection has analysed yet get statistics too.
PostgreSQL keeps its own statistics (autovacuum): nothing here touches it.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

# Rows read from each index by ANALYZE: statistics good enough to plan by, in milliseconds
# however large the database (SQLite advises 100 to 1000).
ANALYSIS_LIMIT = 400


def refresh_statistics(connection: BaseDatabaseWrapper) -> None:
    """Analyse every table of an SQLite database; nothing on any other database."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")
