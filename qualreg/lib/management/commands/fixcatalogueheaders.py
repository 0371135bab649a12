"""Set each catalogue's Language and Plural-Forms from CLDR, and mark its review state.

makemessages leaves Plural-Forms empty for languages Django does not know (ps, ti, so …);
Babel has the CLDR plural rules for all of ours. A new catalogue is machine-drafted until a
person who reads the language changes its X-Translation-Review header to `reviewed`.
"""

from __future__ import annotations

import re

from babel.messages.plurals import get_plural
from django.core.management.base import BaseCommand

from qualreg.lib import languages
from qualreg.lib.catalogues import LOCALE_DIR


def _with_headers(text: str, wanted: dict[str, str]) -> str:
    """The catalogue with its header entry rewritten, one header a line."""
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    start = lines.index('msgstr ""') + 1
    joined = "".join(re.findall(r'^"(.*)"$', "\n".join(lines[start:]), flags=re.MULTILINE))
    headers: dict[str, str] = {}
    for entry in joined.split("\\n"):
        name, sep, value = entry.partition(": ")
        if sep:
            headers[name] = value
    headers.update(wanted)
    headers.setdefault("X-Translation-Review", "machine-drafted")
    rebuilt = [f'"{name}: {value}\\n"' for name, value in headers.items()]
    # The header is complete now: drop the "fuzzy" mark makemessages puts on a new one.
    comments = [line for line in lines[:start] if line != "#, fuzzy"]
    return "\n".join([*comments, *rebuilt]) + "\n\n" + body


class Command(BaseCommand):
    help = "Set Language, Plural-Forms and X-Translation-Review in every catalogue."

    def handle(self, *args: object, **options: object) -> None:
        for language in languages.LANGUAGES:
            path = LOCALE_DIR / language.code / "LC_MESSAGES" / "django.po"
            if not path.exists():
                continue
            plural = get_plural(language.babel_locale)
            wanted = {
                "Project-Id-Version": "qualreg",
                "Language": language.code,
                "Plural-Forms": f"nplurals={plural.num_plurals}; plural=({plural.plural_expr});",
            }
            path.write_text(_with_headers(path.read_text(encoding="utf-8"), wanted))
            self.stdout.write(f"{language.code}: {wanted['Plural-Forms']}")
