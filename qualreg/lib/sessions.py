"""Django's database sessions, read with one plain statement.

Every resident request reads its session, and building the ORM query for it costs several
times what the database takes to answer it: this read is worth 8.6 points of save/bare on
SQLite (docs/benchmarks.md, "The hand-written shortcuts"). Writing, expiry and key rotation
stay Django's.
"""

from __future__ import annotations

import functools
from typing import Any

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone


@functools.cache
def _select(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    meta = Session._meta
    columns = {field.name: field.column for field in meta.concrete_fields}
    data, key, expiry = (
        quote(columns[name]) for name in ("session_data", "session_key", "expire_date")
    )
    # Only our own quoted names are formatted in; the values are parameters.
    return f"SELECT {data} FROM {quote(meta.db_table)} WHERE {key} = %s AND {expiry} > %s"  # noqa: S608


class SessionStore(db.SessionStore):
    def load(self) -> dict[str, Any]:
        data = self._session_data_from_db() if self.session_key else None
        if data is None:
            self._session_key = None  # a missing or expired session, as Django handles it
            return {}
        return self.decode(data)

    def _session_data_from_db(self) -> str | None:
        alias = router.db_for_read(Session)
        connection = connections[alias]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(_select(alias), [self.session_key, now])
            row = cursor.fetchone()
        return row[0] if row else None
