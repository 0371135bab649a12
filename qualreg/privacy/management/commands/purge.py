"""`manage.py purge`: delete what the service no longer needs; run it hourly (see README)."""

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from qualreg.lib.sqlite import refresh_statistics
from qualreg.privacy import purge


class Command(BaseCommand):
    help = (
        "Delete what has passed its time: untouched drafts, old completed registrations, "
        "inactive residents, spent login codes, expired sessions, spent throttle counts, "
        "old audit rows and the temporary directories of spreadsheet writers killed outright "
        "(docs/privacy.md); then, on SQLite, refresh the query planner's "
        "statistics. Prints how many rows of each kind went, nothing else; safe to run at "
        "any time."
    )

    def handle(self, *args: object, **options: object) -> None:
        for kind, count in purge.run(timezone.now()).items():
            self.stdout.write(f"{kind}: {count}")
        # Hourly, with the rows that changed most gone: SQLite plans by fresh statistics.
        refresh_statistics(connection)
