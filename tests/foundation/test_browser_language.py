"""A visitor without a language in the URL lands on the language their phone asks for."""

import pytest

pytestmark = pytest.mark.django_db

# What phones and browsers send (Android, iOS, desktop browsers) → the language we show.
PHONE_TAGS = {
    "fa-AF": "prs",
    "fa-Arab-AF": "prs",
    "prs": "prs",
    "prs-AF": "prs",
    "fa": "fa",
    "fa-IR": "fa",
    "ku": "kmr",
    "ku-Latn": "kmr",
    "ku-Latn-TR": "kmr",
    "ku-TR": "kmr",
    "ku-SY": "kmr",
    "kmr": "kmr",
    "kmr-TR": "kmr",
    "ckb": "ckb",
    "ckb-IQ": "ckb",
    "ckb-IR": "ckb",
    "ku-Arab": "ckb",
    "ku-Arab-IQ": "ckb",
    "ku-IQ": "ckb",
    "ti": "ti",
    "ti-ER": "ti",
    "ti-ET": "ti",
    "am-ET": "am",
    "so-SO": "so",
    "so-KE": "so",
    "ar-SY": "ar",
    "ar-IQ": "ar",
    "ar-001": "ar",
    "uk-UA": "uk",
    "ru-RU": "ru",
    "ru-UA": "ru",
    "tr-TR": "tr",
    "fr-FR": "fr",
    "fr-CD": "fr",
    "es-ES": "es",
    "es-419": "es",
    "sw-KE": "sw",
    "sw-TZ": "sw",
    "sw-CD": "sw",
    "nb": "nb",
    "nb-NO": "nb",
    "no": "nb",
    "no-NO": "nb",
    "nn": "nn",
    "nn-NO": "nn",
    "en-US": "en",
    "en-GB": "en",
    "ps": "ps",
    "ps-AF": "ps",
    "ps-PK": "ps",
}


def landing(client, accept_language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize(("tag", "language"), PHONE_TAGS.items())
def test_a_phone_language_tag_lands_on_our_language(client, tag, language):
    assert landing(client, tag) == f"/{language}/"


def test_dari_speakers_phone_gets_dari_and_the_page_says_so(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fa-AF,fa;q=0.9,en;q=0.5", follow=True)
    assert response.redirect_chain[0][0] == "/prs/"
    assert '<html lang="prs" dir="rtl"' in response.content.decode()


def test_the_language_wanted_most_wins_whatever_the_order_of_the_list(client):
    assert landing(client, "en;q=0.3,ku;q=0.9,nb;q=0.5") == "/kmr/"
    assert landing(client, "de-DE,ckb-IQ;q=0.8,ar-IQ;q=0.7") == "/ckb/"


def test_equally_wanted_languages_keep_the_browsers_order(client):
    assert landing(client, "ti-ER;q=0.8,am-ET;q=0.8") == "/ti/"


def test_a_language_marked_not_wanted_is_not_chosen(client):
    assert landing(client, "ar;q=0,de") == "/nb/"


def test_languages_we_do_not_speak_are_passed_over(client):
    assert landing(client, "de-DE,pl;q=0.9,so-SO;q=0.8") == "/so/"
    assert landing(client, "de-DE,pl;q=0.9") == "/nb/"


def test_a_malformed_header_falls_back_to_norwegian(client):
    assert landing(client, "ku;;q=x,,,") == "/nb/"
    assert landing(client, "x" * 2000) == "/nb/"


def test_a_remembered_choice_wins_over_the_phone(client):
    client.cookies["django_language"] = "kmr"
    assert landing(client, "ar") == "/kmr/"


def test_a_language_in_the_url_wins_over_everything(client):
    client.cookies["django_language"] = "kmr"
    response = client.get("/ti/", HTTP_ACCEPT_LANGUAGE="ar")
    assert '<html lang="ti"' in response.content.decode()
