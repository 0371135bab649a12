"""Fail when any catalogue misses an entry, has an empty or fuzzy one, or breaks a placeholder."""

from django.core.management.base import BaseCommand, CommandError

from qualreg.lib import languages
from qualreg.lib.catalogues import LOCALE_DIR, check


class Command(BaseCommand):
    help = "Check that every language's catalogue is complete and its placeholders match."

    def handle(self, *args: object, **options: object) -> None:
        failures = 0
        for language in languages.LANGUAGES:
            path = LOCALE_DIR / language.code / "LC_MESSAGES" / "django.po"
            if not path.exists():
                self.stdout.write(f"{language.code}: missing catalogue")
                failures += 1
                continue
            report = check(path)
            self.stdout.write(
                f"{language.code}: {report.translated}/{report.total} "
                f"({report.coverage:.0%}) {report.review_state}"
            )
            for problem in report.problems[:20]:
                self.stdout.write(f"    {problem}")
            failures += bool(report.problems)
        if failures:
            raise CommandError(f"{failures} catalogue(s) incomplete")
