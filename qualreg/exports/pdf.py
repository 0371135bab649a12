"""One registration as a PDF, made with WeasyPrint from the engine's answer rows: A4, a
column per language (the reader's beside the resident's), the classification codes, the
remarks, and on the resident's copy their rights.

This module renders only. The portals decide who may have which copy, write the audit log,
and hand over what the copy may show (`Copy`).

Fonts: Debian's fonts-noto-core (Noto Sans, Noto Sans Arabic, Noto Sans Ethiopic, regular
and bold). The web fonts in static/ are subsets made for pages: they lack the space, digits
and bold, which a PDF would draw as the missing glyph. WeasyPrint embeds only the glyphs used.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from qualreg.exports import records
from qualreg.exports.pdf_rows import direction, two_language_rows
from qualreg.lib import languages
from qualreg.lib.dates import format_moment

STYLESHEET = Path(__file__).parent / "templates" / "exports" / "pdf" / "print.css"
TEMPLATE = "exports/pdf/registration.html"

# Font families of the PDF: (family, weight) -> file in settings.PDF_FONT_DIR.
FONT_FILES = {
    ("Qualreg Print", 400): "NotoSans-Regular.ttf",
    ("Qualreg Print", 700): "NotoSans-Bold.ttf",
    ("Qualreg Print Arabic", 400): "NotoSansArabic-Regular.ttf",
    ("Qualreg Print Arabic", 700): "NotoSansArabic-Bold.ttf",
    ("Qualreg Print Ethiopic", 400): "NotoSansEthiopic-Regular.ttf",
    ("Qualreg Print Ethiopic", 700): "NotoSansEthiopic-Bold.ttf",
}
# Each script's own font first, so that its spaces and punctuation are shaped with its
# letters; the others follow for digits, codes and names in another script.
FAMILIES = {
    "arabic": '"Qualreg Print Arabic", "Qualreg Print", "Qualreg Print Ethiopic"',
    "ethiopic": '"Qualreg Print Ethiopic", "Qualreg Print", "Qualreg Print Arabic"',
    "other": '"Qualreg Print", "Qualreg Print Arabic", "Qualreg Print Ethiopic"',
}
MEDIA_TYPE = "application/pdf"


class FontsMissing(RuntimeError):
    """The system fonts the PDF needs are not installed (Debian: fonts-noto-core)."""


@dataclass(frozen=True)
class Remark:
    """An adviser's remark as a copy shows it: on the resident's copy without the author."""

    written_at: datetime.datetime
    organisation: str
    next_step: Any = ""  # the next step's label (lazy: it is shown in each column's language)
    text: str = ""  # as the adviser wrote it
    author: str = ""

    @property
    def text_direction(self) -> str:
        return direction(self.text)


@dataclass(frozen=True)
class Copy:
    """What one PDF shows. `languages`: the reader's language, then the second column's
    (the resident's for an adviser, bokmål for the resident); one column when they agree."""

    answers: Any
    duf_display: str
    number: int  # the registration's number for the resident (1, 2, …)
    completed_at: datetime.datetime
    written_in: str  # the language the form was filled in (typed answers are in it)
    languages: tuple[str, str]
    for_resident: bool = False
    remarks: Sequence[Remark] = field(default_factory=tuple)


def filename(copy: Copy) -> str:
    """`registration-2-2026-12-05.pdf`: the registration number and the day it was completed
    (Norwegian time), never the DUF number (files end up in download folders and e-mail)."""
    return records.filename(
        "registration", copy.number, timezone.localdate(copy.completed_at), "pdf"
    )


def response(copy: Copy) -> HttpResponse:
    """The copy as a download, named by `filename`."""
    result = HttpResponse(render(copy), content_type=MEDIA_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename(copy)}"'
    return result


def render(copy: Copy) -> bytes:
    """The copy as PDF bytes, in the reader's language (the first of `copy.languages`)."""
    # Imported here: WeasyPrint loads Pango, which only making a PDF needs.
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    codes = tuple(dict.fromkeys(copy.languages))
    with translation.override(codes[0]):
        html = render_to_string(TEMPLATE, _context(copy, codes))
        page_css = _page_css()
    fetcher = _fonts_only(weasyprint.URLFetcher)
    fonts = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(filename=STYLESHEET, url_fetcher=fetcher, font_config=fonts),
        weasyprint.CSS(string=page_css, url_fetcher=fetcher, font_config=fonts),
    ]
    document = weasyprint.HTML(string=html, url_fetcher=fetcher)
    return bytes(document.write_pdf(stylesheets=stylesheets, font_config=fonts))


def _context(copy: Copy, codes: tuple[str, ...]) -> dict[str, Any]:
    written_in = languages.get(copy.written_in)
    columns = []
    for code in codes:
        with translation.override(code):
            columns.append(
                {
                    "language": languages.get(code),
                    "title": gettext("Qualification registration"),
                    "written_in": gettext("Filled in in %(language)s.")
                    % {"language": written_in.autonym},
                }
            )
    return {
        "reader": languages.get(codes[0]),
        "columns": columns,
        "rows": two_language_rows(copy.answers, codes),
        "written_in": written_in,
        "duf_display": copy.duf_display,
        "number": copy.number,
        "completed": format_moment(copy.completed_at),
        "for_resident": copy.for_resident,
        "remarks": copy.remarks,
        "contact_email": settings.CONTACT_EMAIL,
    }


def _page_css() -> str:
    """The fonts, each script's family, and "Page X of Y" in the reader's language."""
    rules = [
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
        f'src: url("{_font_path(name).as_uri()}"); }}'
        for (family, weight), name in FONT_FILES.items()
    ]
    rules.append(f"html {{ font-family: {FAMILIES['other']}; }}")
    for script, family in FAMILIES.items():
        codes = [language.code for language in languages.LANGUAGES if language.script == script]
        selectors = ", ".join(f':lang("{code}")' for code in codes)
        if selectors:
            rules.append(f"{selectors} {{ font-family: {family}; }}")
    rules.append(f"@page {{ @bottom-center {{ content: {_page_numbers()}; }} }}")
    return "\n".join(rules)


def _page_numbers() -> str:
    """CSS content for the translated "Page %(number)s of %(total)s" with page counters."""
    text = gettext("Page %(number)s of %(total)s")
    counters = {"number": "counter(page)", "total": "counter(pages)"}
    parts = []
    for piece in re.split(r"(%\((?:number|total)\)s)", text):
        placeholder = re.fullmatch(r"%\((number|total)\)s", piece)
        if placeholder:
            parts.append(counters[placeholder.group(1)])
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def _font_path(name: str) -> Path:
    path = Path(settings.PDF_FONT_DIR) / name
    if not path.is_file():
        raise FontsMissing(
            f"{path} is missing: install Debian's fonts-noto-core or set PDF_FONT_DIR"
        )
    return path


def _fonts_only(base: type) -> Any:
    """A URL fetcher that loads our font files and nothing else: a document never fetches
    what its text names."""
    allowed = {_font_path(name).as_uri() for name in FONT_FILES.values()}

    class FontsOnly(base):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url not in allowed:
                raise ValueError("the PDF loads only its fonts")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=["file"])
