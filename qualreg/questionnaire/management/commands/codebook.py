"""manage.py codebook: write the questionnaire's codebook as JSON, Markdown or Excel."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from qualreg.lib import languages
from qualreg.questionnaire.codebook import codebook, to_json, to_markdown, write_xlsx
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.versions import snapshot


class Command(BaseCommand):
    help = "Write the questionnaire codebook (keys, kinds, conditions in words, choice codes)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", choices=["json", "md", "xlsx", "keys"], default="json")
        parser.add_argument("--language", default="en", help="a UI language code, e.g. en, nb, ar")
        parser.add_argument("--output", help="a file to write (required for xlsx)")

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"]
        if language not in languages.BY_CODE:
            raise CommandError(
                f"unknown language {language!r}; use one of {', '.join(languages.CODES)}"
            )
        if options["format"] == "keys":  # the snapshot of keys and codes (docs/questionnaire.md)
            self.stdout.write(snapshot(QUESTIONNAIRE), ending="")
            return
        book = codebook(QUESTIONNAIRE, language)
        output = options.get("output")
        if options["format"] == "xlsx":
            if not output:
                raise CommandError("--format xlsx needs --output FILE")
            write_xlsx(book, output)
            return
        text = to_json(book) if options["format"] == "json" else to_markdown(book)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
