"""A resident's consent decisions for "My registration": each with the text of the version
they decided on, in the language they read it in."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from qualreg.lib import languages
from qualreg.registration import consent_texts


def decisions_with_texts(person: Any) -> list[dict[str, Any]]:
    """Newest first: {"record", "language", "sections": [(heading, [paragraph, …]), …]}."""
    entries = []
    for record in person.consents.order_by("-at", "-id"):
        language = languages.get(record.language)
        with translation.override(language.code):
            sections = [
                (str(heading), [str(paragraph) for paragraph in paragraphs])
                for heading, paragraphs in consent_texts.sections(record.text_version)
            ]
        entries.append({"record": record, "language": language, "sections": sections})
    return entries
