"""Tried as a user would, in a real Chromium at 360 px, in Dari (the pages load no script): a
resident asks for two corrections, an administrator corrects one and refuses the other, the
resident logs in again with a new code and sees the corrected answer, the old registration
in the history and the refusal's reason; then withdraws consent. axe-core checks every page."""

from __future__ import annotations

import pytest

from qualreg.accounts.second_factor import enrol
from qualreg.registration.models import Registration
from tests.browser_fixtures import axe_violations, screenshot
from tests.corrections.conftest import ADMIN_PASSWORD
from tests.signing_in import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def _resident_logs_in(page, base: str, code: str) -> None:
    page.goto(f"{base}/prs/login/")
    page.fill("#id_duf_number", "2012 586975 61")
    page.fill("#id_code", code)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}/prs/completed/")


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_correction_asked_in_dari_corrected_refused_and_seen_at_the_next_login(
    live_server, new_page, resident, completed, administrator, code_for
) -> None:
    base = live_server.url
    enrol(administrator)
    phone = new_page(viewport=PHONE)
    _resident_logs_in(phone, base, code_for(resident))
    phone.goto(f"{base}/prs/my-registration/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert "post@imdi.no" in phone.inner_text("main")
    assert axe_violations(phone) == []

    phone.locator("a[href$='/ask/1/birth_year/']").click()
    phone.wait_for_url("**/prs/corrections/ask/1/birth_year/")
    assert phone.locator("h1").inner_text() == "این نادرست است"
    assert axe_violations(phone) == []
    phone.locator("main form button[type=submit]").click()  # nothing written
    assert phone.locator(".error-summary").is_visible()
    assert "بنویسید که چه چیز نادرست است." in phone.inner_text(".error-summary")
    assert axe_violations(phone) == []
    screenshot(phone, "corrections-ask-error-prs-360")
    phone.fill("#id_text", "سال تولد من ۱۹۹۱ است، نه ۱۹۹۰.")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**/prs/corrections/sent/")
    assert axe_violations(phone) == []
    screenshot(phone, "corrections-sent-prs-360")
    phone.goto(f"{base}/prs/corrections/ask/1/gender/")
    phone.fill("#id_text", "جنسیت درست است، ببخشید.")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**/prs/corrections/sent/")

    admin = new_page(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    admin.goto(f"{base}/admin/login/?next=/admin/corrections/")
    admin.fill("#id_username", administrator.username)
    admin.fill("#id_password", ADMIN_PASSWORD)
    admin.locator("form input[type=submit], form button[type=submit]").first.click()
    admin.wait_for_url("**/admin/second-factor/**")
    admin.fill("#id_code", current_code(administrator))
    admin.locator("main button[type=submit], #content button[type=submit]").first.click()
    admin.wait_for_url(f"{base}/admin/corrections/")
    assert admin.locator("h1").inner_text() == "Forespørsler om retting"
    assert axe_violations(admin) == []
    screenshot(admin, "corrections-queue-nb")
    admin.locator("table a").first.click()
    assert "سال تولد من ۱۹۹۱ است" in admin.inner_text("main")
    assert axe_violations(admin) == []
    admin.fill("#q-birth_year", "1991")
    admin.fill("#id_correction-reason", "Fødselsåret er rettet etter passet.")
    admin.locator("button[value=correct]").click()
    admin.wait_for_url(f"{base}/admin/corrections/")
    assert "Registreringen er rettet." in admin.inner_text("main")
    admin.locator("table a").first.click()
    assert "جنسیت درست است" in admin.inner_text("main")
    admin.fill("#id_refusal-refusal_reason", "Svaret er riktig slik det står. / جواب درست است.")
    admin.locator("button[value=refuse]").click()
    admin.wait_for_url(f"{base}/admin/corrections/")
    assert axe_violations(admin) == []
    assert Registration.objects.get(sequence=2).answers["birth_year"] == "1991"

    again = new_page(viewport=PHONE)
    _resident_logs_in(again, base, code_for(resident))
    assert "1991" in again.inner_text("main")  # the latest registration is the corrected one
    assert axe_violations(again) == []
    again.goto(f"{base}/prs/my-registration/")
    main = again.locator("main").text_content()  # closed <details> included
    assert "توسط مدیران سیستم اصلاح شد." in main  # registration 2 is a correction
    assert "Fødselsåret er rettet etter passet." in main
    assert "در ثبت 2 اصلاح شد." in main  # registration 1 stays, replaced
    assert "اصلاح شد: ثبت 2 را ببینید." in main
    assert "Svaret er riktig slik det står." in main
    assert axe_violations(again) == []
    assert _no_horizontal_scroll(again)
    screenshot(again, "corrections-my-registration-prs-360")
    again.locator("details.card[open] summary").first.scroll_into_view_if_needed()
    screenshot(again, "corrections-my-registration-card-prs-360", full_page=False)
    again.locator("#corrections").scroll_into_view_if_needed()
    screenshot(again, "corrections-my-registration-requests-prs-360", full_page=False)

    again.locator("a[href$='/consent/withdraw/']").click()
    again.wait_for_url("**/prs/consent/withdraw/")
    assert again.locator("h1").inner_text() == "رضایت خود را پس بگیرید"
    assert axe_violations(again) == []
    assert _no_horizontal_scroll(again)
    screenshot(again, "corrections-withdraw-prs-360")
    again.locator("main form button[type=submit]").click()
    again.wait_for_url("**/prs/my-registration/#consent")
    assert "مشاوران دیگر نمی‌توانند ثبت شما را بخوانند." in again.inner_text("main")
    assert axe_violations(again) == []
    screenshot(again, "corrections-withdrawn-prs-360", full_page=False)
