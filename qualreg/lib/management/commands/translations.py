"""Hand catalogue entries to translators as JSON, and take their translations back.

    manage.py translations export ar > ar.json      # entries without a translation
    manage.py translations import ar ar.json        # fill them in; marks nothing reviewed
    manage.py translations copy-source en           # English is the source language

The JSON is a list of {"id", "context", "plural", "nplurals", "where", "translation"}; for
plural entries "translation" is a list with one string per plural form of the language.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import polib
from django.core.management.base import BaseCommand, CommandError, CommandParser

from qualreg.lib import languages
from qualreg.lib.catalogues import LOCALE_DIR, placeholders


def _catalogue(code: str) -> polib.POFile:
    if code not in languages.BY_CODE:
        raise CommandError(f"unknown language {code!r}")
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"), wrapwidth=79)


def _nplurals(po: polib.POFile) -> int:
    header = po.metadata.get("Plural-Forms", "nplurals=2;")
    return int(header.split("nplurals=")[1].split(";")[0])


def _untranslated(entry: polib.POEntry) -> bool:
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not entry.msgstr_plural or any(not text for text in entry.msgstr_plural.values())
    return not entry.msgstr


class Command(BaseCommand):
    help = "Export untranslated entries of a catalogue as JSON, or import translations."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "import", "copy-source"])
        parser.add_argument("language")
        parser.add_argument("file", nargs="?")
        parser.add_argument("--all", action="store_true", help="export every entry")

    def handle(self, *args: Any, **options: Any) -> None:
        po = _catalogue(options["language"])
        if options["action"] == "export":
            self._export(po, everything=options["all"])
        elif options["action"] == "copy-source":
            self._copy_source(po)
        else:
            if not options["file"]:
                raise CommandError("import needs the JSON file")
            self._import(po, Path(options["file"]))

    def _export(self, po: polib.POFile, everything: bool) -> None:
        rows = []
        for entry in po:
            if entry.obsolete or not (everything or _untranslated(entry)):
                continue
            rows.append(
                {
                    "id": entry.msgid,
                    "context": entry.msgctxt,
                    "plural": entry.msgid_plural or None,
                    "nplurals": _nplurals(po) if entry.msgid_plural else None,
                    "where": sorted({path for path, _ in entry.occurrences})[:3],
                    "translation": [entry.msgstr_plural.get(i, "") for i in range(_nplurals(po))]
                    if entry.msgid_plural
                    else entry.msgstr,
                }
            )
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")

    def _copy_source(self, po: polib.POFile) -> None:
        """For English, the source language: every translation is its source string."""
        for entry in po:
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.metadata["X-Translation-Review"] = "reviewed"
        po.save()

    def _import(self, po: polib.POFile, path: Path) -> None:
        rows = json.loads(path.read_text(encoding="utf-8"))
        index = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
        nplurals = _nplurals(po)
        filled, refused = 0, []
        for row in rows:
            entry = index.get((row.get("context"), row["id"]))
            translation = row.get("translation")
            if entry is None or not translation:
                continue
            sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
            allowed = [placeholders(source) for source in sources]
            texts = translation if isinstance(translation, list) else [translation]
            if any(placeholders(text) not in allowed for text in texts) or not all(texts):
                refused.append(row["id"][:60])
                continue
            if entry.msgid_plural:
                if len(texts) != nplurals:
                    refused.append(row["id"][:60])
                    continue
                entry.msgstr_plural = dict(enumerate(texts))
            else:
                entry.msgstr = texts[0]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        po.save()
        self.stdout.write(f"filled {filled}; refused {len(refused)}")
        for label in refused:
            self.stdout.write(f"  refused (placeholders or plural forms): {label!r}")
