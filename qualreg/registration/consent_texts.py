"""The consent declaration's texts, one per version, so that every ConsentRecord names the
exact text the person agreed to and "My registration" can show it again, in the language
they read it in.

Changing a word of the text means a new version: add it to TEXTS and make it CURRENT_VERSION;
never change a version that records name.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# (heading, paragraphs) of one version of the declaration.
Sections = tuple[tuple[Promise, tuple[Promise, ...]], ...]

_TEXT_2026_1 = (
    (
        _("What the information is used for"),
        (
            _(
                "The information you register about your languages, schooling, work, skills "
                "and wishes is used to plan training, education and work for you when you are "
                "settled in a municipality."
            ),
            _("It is never used when your application for protection (asylum) is considered."),
        ),
    ),
    (
        _("Who can see it"),
        (
            _(
                "Advisers in the municipality you are settled in, in NAV and in the county "
                "career centre. Staff at the reception centre can see whether you have "
                "started or completed the registration, but never your answers."
            ),
            _("Every time someone reads your registration, it is recorded who, when and why."),
        ),
    ),
    (
        _("Your rights"),
        (
            _(
                "You have the right to see what is registered about you, and to have incorrect "
                "information corrected or deleted. You can see your registration in this "
                "service at any time you are logged in."
            ),
            _(
                "Taking part is voluntary. If you do not consent, nothing is registered except "
                "that you said no."
            ),
        ),
    ),
)

TEXTS: dict[str, Sections] = {"2026-1": _TEXT_2026_1}
CURRENT_VERSION = "2026-1"


def sections(version: str) -> Sections:
    """The declaration of `version` (empty for a version this service never had)."""
    return TEXTS.get(version, ())
