"""Every language in a real Chromium: lang and dir, no accessibility violations, and text in
Arabic script, Ethiopic and Cyrillic drawn with our own web fonts that have every glyph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from qualreg.lib import languages
from tests.browser_fixtures import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FONTS = Path(__file__).resolve().parents[2] / "qualreg" / "static" / "qualreg" / "fonts"
SCRIPT_FONTS = {
    "arabic": ("noto-sans-arabic-400-subset.woff2", "Noto Sans Arabic", range(0x0600, 0x0700)),
    "ethiopic": (
        "noto-sans-ethiopic-400-subset.woff2",
        "Noto Sans Ethiopic",
        range(0x1200, 0x1380),
    ),
    "cyrillic": ("noto-sans-cyrillic-400-normal.woff2", "Noto Sans", range(0x0400, 0x0460)),
}


def log_in(page: Any, live_server: Any, resident_session: Any, language: str, n: int = 0) -> None:
    from django.test import Client

    client = Client()
    resident_session(client, language, duf_number=f"2016{n:08d}")
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", [language.code for language in languages.LANGUAGES])
def test_a_part_page_is_accessible_in_every_language(
    live_server, new_page, resident_session, language
):
    page = new_page()
    log_in(page, live_server, resident_session, language)
    page.goto(f"{live_server.url}/{language}/form/language/")
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if languages.get(language).bidi else "ltr")
    assert axe_violations(page) == []


def glyphs_missing(page: Any, script: str) -> list[str]:
    """Characters of `script` on the page that our web font for it cannot draw."""
    file_name, _family, block = SCRIPT_FONTS[script]
    cmap = TTFont(FONTS / file_name).getBestCmap()
    text = page.evaluate("() => document.body.innerText")
    return sorted({char for char in text if ord(char) in block and ord(char) not in cmap})


def rendering_fonts(page: Any, selector: str) -> list[str]:
    """The fonts Chromium actually used to draw an element's text (DevTools protocol)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")
    node = session.send(
        "DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector}
    )
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    return [font["familyName"] for font in fonts if font["glyphCount"] > 0]


@pytest.mark.parametrize("language", ["ar", "ti", "uk"])
def test_part_page_and_translation_view_draw_every_glyph(
    live_server, new_page, resident_session, language
):
    script = languages.get(language).script
    family = SCRIPT_FONTS[script][1]
    for n, (name, viewport) in enumerate((("desktop", (1280, 900)), ("phone", (360, 740)))):
        page = new_page(viewport={"width": viewport[0], "height": viewport[1]})
        log_in(page, live_server, resident_session, language, n)
        page.goto(f"{live_server.url}/{language}/form/education/")
        page.evaluate("() => document.fonts.ready")
        assert glyphs_missing(page, script) == []
        # The script's font is font-display: optional: the first page of a visit may paint
        # with the system's font if ours is late (a busy host, a slow network); it is in the
        # cache for every page after, as here.
        page.reload()
        page.evaluate("() => document.fonts.ready")
        assert family in rendering_fonts(page, "h1")
        screenshot(page, f"part-{language}-{name}")

        page.locator(
            "summary", has_text=page.locator(".translate-form summary").inner_text()
        ).click()
        page.locator("#second-language").select_option("nb")
        page.locator("button[name=goto][value=translate]").click()
        page.wait_for_load_state()
        translated = page.locator(".translation[lang=nb]").first
        assert translated.get_attribute("dir") == "ltr"
        page.evaluate("() => document.fonts.ready")
        assert glyphs_missing(page, script) == []
        screenshot(page, f"translation-{language}-nb-{name}")
        assert axe_violations(page) == []
