"""Compile qualreg's .po catalogues to .mo with Babel (no GNU gettext needed)."""

from django.core.management.base import BaseCommand

from qualreg.lib.catalogues import compile_all


class Command(BaseCommand):
    help = "Compile every catalogue in qualreg/locale to .mo files."

    def handle(self, *args: object, **options: object) -> None:
        written = compile_all()
        self.stdout.write(f"compiled {len(written)} catalogues")
