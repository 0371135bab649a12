"""The reader's language as the questionnaire needs it: our code for it, and Babel's locale.

The bottom of the engine: the model, the code lists and the engine all ask it, and it asks
none of them.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language

from qualreg.lib import languages as ui_languages


def active_language_code() -> str:
    """Our UI language code for the active Django language (the default for unknown ones)."""
    code = (get_language() or "").lower()
    if code in ui_languages.BY_CODE:
        return code
    return ui_languages.get(code.split("-")[0]).code


def babel_locale() -> Locale:
    try:
        return Locale.parse(ui_languages.get(active_language_code()).babel_locale)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")
