"""Where each link of the language switcher leads: this page in that language.

The links are built from the route the request resolved to, never from the path the browser
sent: a path is the attacker's text (`//evil.example/x` would become a link off the site, and
a DUF number typed into an address would be printed 18 times). Without a route to follow
(an unknown address, an error page) every link leads to that language's front page.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from qualreg.lib import languages

Links = list[tuple[languages.Language, str]]


def front_pages() -> Links:
    """Each language's front page."""
    links = []
    for language in languages.LANGUAGES:
        with translation.override(language.code):
            links.append((language, reverse("home")))
    return links


def same_page(request: HttpRequest) -> Links:
    """The page the request resolved to, in each language; the front page without a route.

    The query string is left out: it is the sender's text, and no page needs it to be found.
    """
    match = request.resolver_match
    if match is None or not match.url_name:
        return front_pages()
    links = []
    for language in languages.LANGUAGES:
        with translation.override(language.code):
            try:
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                url = reverse("home")
        links.append((language, url))
    return links
