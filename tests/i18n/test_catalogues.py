"""Every language's catalogue is complete, compiles, keeps the source's placeholders, is
written in the language's script, and carries every string the code has."""

from __future__ import annotations

import gettext
import io
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.test import override_settings

from qualreg.lib import languages
from qualreg.lib.catalogues import LOCALE_DIR, check

CODES = [language.code for language in languages.LANGUAGES]
SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06FF]"),
    "ethiopic": re.compile(r"[\u1200-\u137F]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF]"),
}


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", CODES)
def test_the_catalogue_is_complete_with_matching_placeholders(code):
    report = check(po_path(code))
    assert report.problems == []
    assert report.translated == report.total > 0


@pytest.mark.parametrize("code", CODES)
def test_no_message_is_defined_twice(code):
    """Catalogues merge as a union of entries (.gitattributes): a string added on two branches
    would stand twice, which Babel reads quietly but GNU gettext (make messages) refuses."""
    entries = [(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path(code))) if not e.obsolete]
    assert [entry for entry, count in Counter(entries).items() if count > 1] == []


@pytest.mark.parametrize("code", CODES)
def test_the_catalogue_compiles_and_loads(code):
    with po_path(code).open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    assert translations.info()["language"] == code


@pytest.mark.parametrize("code", CODES)
def test_translations_are_written_in_the_language_s_own_script(code):
    """Latin is allowed everywhere (DUF, NAV, digits); another language's script is not."""
    script = languages.get(code).script
    foreign = [pattern for name, pattern in SCRIPTS.items() if name != script]
    with po_path(code).open("rb") as handle:
        catalog = read_po(handle)
    wrong = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any(pattern.search(text) for text in strings for pattern in foreign):
            wrong.append(str(message.id)[:60])
    assert wrong == []
    if script != "latin":
        translated = [m for m in catalog if m.id and SCRIPTS[script].search(str(m.string))]
        assert len(translated) > 0.8 * len([m for m in catalog if m.id])


def test_the_catalogues_hold_every_string_in_the_code(tmp_path, monkeypatch):
    """Extract the strings again (GNU gettext's xgettext) and compare with the catalogue."""
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext is missing: run `make test-packages` (Debian package gettext)")
    source = Path(__file__).resolve().parents[2] / "qualreg"
    copy = tmp_path / "qualreg"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__"))
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0, no_location=True)
    os.chdir(source)

    def ids(path: Path) -> set[tuple[str | None, str]]:
        with path.open("rb") as handle:
            return {(m.context, str(m.id)) for m in read_po(handle) if m.id}

    extracted = ids(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    shipped = ids(po_path("en"))
    assert sorted(extracted - shipped) == []
