"""`manage.py refreshstatistics`: count the stored counts of the statistics again now."""

import time

from django.core.management.base import BaseCommand

from qualreg.statistics.refresh import refresh


class Command(BaseCommand):
    help = (
        "Count the statistics' stored counts again (manage.py purge does it every hour). "
        "Prints how many stored counts had changed."
    )

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        changed = refresh()
        self.stdout.write(
            f"statistics counts: {changed} changed; {time.perf_counter() - started:.1f} s"
        )
