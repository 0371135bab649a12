"""`manage.py generateregistrations`: many completed registrations with a plausible spread
of answers, some of them assigned to one organisation, for measuring advisers' pages.

Refuses to run in production: the residents it makes are not real.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from qualreg.demo.generate import generate
from qualreg.statistics.refresh import refresh


class Command(BaseCommand):
    help = (
        "Make COUNT completed registrations of generated residents (with their facts) and "
        "assign ORGANISATION-SIZE of the residents to one organisation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--organisation-size", type=int, default=2000)
        parser.add_argument("--organisation", default="Generert kommune")
        parser.add_argument(
            "--distinct", type=int, default=2000, help="distinct answer documents to draw from"
        )
        parser.add_argument("--seed", type=int, default=12)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("generateregistrations must not run in production")
        if options["count"] < 1 or options["organisation_size"] < 1 or options["distinct"] < 1:
            raise CommandError("--count, --organisation-size and --distinct must be at least 1")
        started = time.perf_counter()
        made = generate(
            options["count"],
            options["organisation"],
            options["organisation_size"],
            distinct=options["distinct"],
            seed=options["seed"],
            progress=lambda line: self.stdout.write(
                f"{time.perf_counter() - started:7.1f} s  {line}"
            ),
        )
        refresh()  # the statistics' stored counts
        self.stdout.write(
            f"{made.registrations} completed registrations of {made.residents} residents "
            f"({made.facts} facts); {made.assigned} assigned to {made.organisation.name}; "
            f"{time.perf_counter() - started:.0f} s"
        )
