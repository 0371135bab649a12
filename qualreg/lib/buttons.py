"""Labels of the buttons a resident presses on the way to the login form.

The pages show them and the code slip names them ("Choose “Continue”, then “Next” …"): both
read them from here, so the slip names the buttons the pages show, in every language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

START = _("Continue")  # the front page, after choosing a language
ABOUT_NEXT = _("Next")  # the page about the registration
LOG_IN = _("Log in to the form")  # the login form

JOURNEY = {"start": START, "next": ABOUT_NEXT, "log_in": LOG_IN}
