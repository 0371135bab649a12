"""Code slips: what a resident takes away, in their language and in Norwegian side by side.

Each column is rendered under `translation.override` for its language, with that language's
date format from CLDR (Babel knows every language we offer, Django does not).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from qualreg.lib import buttons, languages
from qualreg.lib.dates import format_moment
from qualreg.people.codes import format_code
from qualreg.people.models import LoginCode, Person

NORWEGIAN = "nb"


@dataclass(frozen=True)
class Slip:
    person: Person
    columns: tuple[SafeString, ...]


def slip_languages(person: Person) -> tuple[str, ...]:
    """The resident's language first, then Norwegian bokmål unless that is theirs already."""
    preferred = languages.get(person.preferred_language).code
    return (preferred,) if preferred == NORWEGIAN else (preferred, NORWEGIAN)


def _button_names() -> dict[str, SafeString]:
    """The labels of the buttons the slip tells the resident to press, as the pages show
    them in the active language, marked so that the slip can show them in bold."""
    return {
        key: format_html('<b class="slip__button">{}</b>', label)
        for key, label in buttons.JOURNEY.items()
    }


def render_slip(person: Person, login_code: LoginCode, plain_code: str) -> Slip:
    columns = []
    for code in slip_languages(person):
        language = languages.get(code)
        with translation.override(code):
            columns.append(
                SafeString(
                    render_to_string(
                        "centres/slip_column.html",
                        {
                            "language": language,
                            "service_url": settings.SERVICE_URL,
                            "duf_display": person.duf_display,
                            "code": format_code(plain_code),
                            "expires": format_moment(login_code.expires_at, code),
                            "buttons": _button_names(),
                        },
                    )
                )
            )
    return Slip(person=person, columns=tuple(columns))
