"""A resident part-way through a registration with every question answered, in any language."""

from __future__ import annotations

from typing import Any

import pytest
from babel.messages.pofile import read_po

from bench.fixtures import resident_with_session
from qualreg.lib.catalogues import LOCALE_DIR
from qualreg.questionnaire.samples import answered_document


@pytest.fixture
def resident_session(db: Any) -> Any:
    """Log a resident with a consented draft holding `answered_document()` into a client."""

    def log_in(client: Any, language: str, duf_number: str = "201611112222") -> None:
        key = resident_with_session(duf_number, answered_document(), language)
        client.cookies["sessionid"] = key

    return log_in


def catalogue(code: str) -> dict[str, str]:
    """Source string → translation (first form for plurals) of a language's catalogue."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").open("rb") as handle:
        catalog = read_po(handle)
    pairs = {}
    for message in catalog:
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        target = message.string[0] if isinstance(message.string, tuple) else message.string
        pairs[source] = target
    return pairs
