"""Django's SQLite backend, with SQLite's advice on statistics followed (see __init__)."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

from django.db.backends.sqlite3 import base

from qualreg.lib.sqlite import ANALYSIS_LIMIT


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: Any) -> Any:
        connection = super().get_new_connection(conn_params)
        # So that the ANALYZE `PRAGMA optimize` may run stays quick on a large database.
        connection.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        return connection

    def _close(self) -> None:
        if self.connection is not None:
            # Statistics for what this connection queried, if they are missing or out of
            # date; a failure here must not keep the connection from closing.
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA optimize")
        super()._close()  # type: ignore[misc]  # Django has it; the stubs lack it
