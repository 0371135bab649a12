"""Our gettext catalogues: compiling them without GNU gettext, and checking them.

`make run` must work on a machine with only Python, so catalogues are compiled with Babel
rather than with msgfmt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")


def po_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    written = []
    for po_path in po_files(locale_dir):
        catalog = read(po_path)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


def placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in _PLACEHOLDER.finditer(text))


@dataclass
class Report:
    language: str
    total: int = 0
    translated: int = 0
    problems: list[str] = field(default_factory=list)
    review_state: str = "unknown"

    @property
    def coverage(self) -> float:
        return self.translated / self.total if self.total else 0.0


_REVIEW_HEADER = re.compile(r'^"X-Translation-Review: ([\w-]+)\\n"$', re.MULTILINE)


def review_state(po_path: Path) -> str:
    """`machine-drafted` or `reviewed`, from the X-Translation-Review header.

    Read from the text: Babel's Catalog keeps only the headers it knows.
    """
    match = _REVIEW_HEADER.search(po_path.read_text(encoding="utf-8")[:4000])
    return match.group(1) if match else "unknown"


def check(po_path: Path) -> Report:
    """Every entry translated (all plural forms), with the source's placeholders, not fuzzy."""
    catalog = read(po_path)
    report = Report(language=po_path.parent.parent.name, review_state=review_state(po_path))
    if report.review_state not in {"machine-drafted", "reviewed"}:
        report.problems.append("header X-Translation-Review must be machine-drafted or reviewed")
    for message in catalog:
        if not message.id:
            continue
        report.total += 1
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = ids[0][:60]
        if message.fuzzy:
            report.problems.append(f"fuzzy: {label!r}")
            continue
        if any(not text for text in strings):
            report.problems.append(f"untranslated: {label!r}")
            continue
        # A plural form may leave out the number (Arabic's "one"), so either source form fits.
        allowed = [placeholders(str(text)) for text in ids]
        if any(placeholders(str(text)) not in allowed for text in strings):
            report.problems.append(f"placeholders differ: {label!r}")
            continue
        report.translated += 1
    return report
