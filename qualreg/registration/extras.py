"""Sections that apps above the resident's journey add to "My registration".

The journey may not import the portals that stand on it; a portal registers a function here
instead (in its AppConfig.ready), which gets the person and returns a template and its
context, so that the resident sees everything registered about them in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Section = dict[str, Any]  # {"template": name, **context}
_providers: list[Callable[[Any], Section | None]] = []
# The same for the resident's PDF: remarks written about the person (exports.pdf.Remark).
_remark_providers: list[Callable[[Any], list[Any]]] = []


def add_section(provider: Callable[[Any], Section | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def sections_for(person: Any) -> list[Section]:
    return [section for provider in _providers if (section := provider(person)) is not None]


def add_remarks(provider: Callable[[Any], list[Any]]) -> None:
    if provider not in _remark_providers:
        _remark_providers.append(provider)


def remarks_for(person: Any) -> list[Any]:
    return [remark for provider in _remark_providers for remark in provider(person)]
