"""`manage.py migrate`: Django's, then fresh query-planner statistics on SQLite (lib/sqlite)."""

from __future__ import annotations

from typing import Any

from django.core.management.commands import migrate
from django.db import connections

from qualreg.lib.sqlite import refresh_statistics


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        if not options["plan"] and not options["check_unapplied"]:
            refresh_statistics(connections[options["database"]])
