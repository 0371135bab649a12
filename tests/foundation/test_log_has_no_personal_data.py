"""A DUF number, a login code and an answer sent through every kind of request, failing ones
included, reach no log line, no traceback and no stream: what an operator reading the server
log (or anyone given a copy of it) would see."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.db import DataError, transaction
from django.test import Client

from qualreg.people.models import Person
from qualreg.registration import saving
from tests.registration.conftest import post_part

pytestmark = pytest.mark.django_db

DUF = "201258697561"
ANSWER = "Sykepleier-fra-Aleppo-7731"


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def server_log(monkeypatch, caplog):
    """What the configured console handler writes, and whatever reaches Python's last resort."""
    console = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = console.setStream(stream)
    last_resort = _Recorder()
    monkeypatch.setattr(logging, "lastResort", last_resort)
    caplog.set_level(logging.DEBUG)
    yield stream, last_resort
    console.setStream(previous)


@pytest.fixture
def secrets_(resident, code_for):
    code = code_for(resident)
    # Every spelling a person or a log could use.
    return [DUF, "2012 586975 61", "586975", code, f"{code[:4]}-{code[4:]}", ANSWER, "Aleppo"]


def _logged_in(resident, code) -> Client:
    browser = Client(raise_request_exception=False)
    assert browser.post("/en/login/", {"duf_number": DUF, "code": code}).status_code == 302
    assert browser.post("/en/consent/", {"decision": "consent"}).status_code == 302
    return browser


def _all_kinds_of_request(resident, code: str, monkeypatch) -> list[int]:
    statuses = []
    anonymous = Client(raise_request_exception=False)
    # A wrong code first (400), with the number in the query string too.
    statuses.append(
        anonymous.post(
            f"/en/login/?duf={DUF}", {"duf_number": DUF, "code": "2222-2222"}
        ).status_code
    )
    browser = _logged_in(resident, code)
    # Normal: an answer saved.
    statuses.append(post_part(browser, "personal", {"gender": ANSWER}).status_code)
    # 404: the number and the code in an unknown path, and in a known route's slug.
    statuses.append(anonymous.get(f"/en/{DUF}/{code}/").status_code)
    statuses.append(anonymous.get(f"/{DUF}?code={code}").status_code)
    statuses.append(browser.get(f"/en/form/{DUF}-{code}/").status_code)
    # 405, with the answer in the body.
    statuses.append(browser.put("/en/form/personal/", data=f"q-gender={ANSWER}").status_code)
    # 403: a CSRF failure.
    csrf = Client(enforce_csrf_checks=True, raise_request_exception=False)
    statuses.append(csrf.post("/en/login/", {"duf_number": DUF, "code": code}).status_code)
    # 400: too many fields (SuspiciousOperation), and a malformed multipart body.
    many = {f"q-{DUF}-{n}": ANSWER for n in range(1200)}
    statuses.append(browser.post("/en/form/personal/", many).status_code)
    statuses.append(
        anonymous.generic(
            "POST",
            "/en/login/",
            f'--b\r\nContent-Disposition: form-data; name="duf_number"\r\n\r\n{DUF}\r\n',
            content_type="multipart/form-data; boundary=b",
        ).status_code
    )
    # 400: a Host header that is not ours (DisallowedHost) and carries the number.
    statuses.append(anonymous.get("/en/login/", HTTP_HOST=f"{DUF}.example").status_code)

    # 500: an error whose message quotes the answer and the number, chained to another.
    def fails_quoting(*args, **kwargs):
        try:
            raise KeyError(DUF)
        except KeyError as error:
            raise DataError(f'invalid input for "{ANSWER}" of {DUF}') from error

    monkeypatch.setattr(saving, "_write_if_unchanged", fails_quoting)
    statuses.append(post_part(browser, "personal", {"gender": ANSWER}).status_code)

    # 500: the database's own IntegrityError, which on PostgreSQL quotes the refused row.
    def duplicate_person(*args, **kwargs):
        with transaction.atomic():
            Person.objects.create(duf_number=DUF, centre=resident.centre)

    monkeypatch.setattr(saving, "_write_if_unchanged", duplicate_person)
    statuses.append(post_part(browser, "personal", {"gender": ANSWER}).status_code)
    return statuses


def test_no_request_of_any_kind_writes_a_number_a_code_or_an_answer_to_the_log(
    resident, secrets_, server_log, caplog, capfd, monkeypatch
):
    stream, last_resort = server_log
    statuses = _all_kinds_of_request(resident, secrets_[3], monkeypatch)
    assert statuses == [400, 302, 404, 404, 404, 405, 403, 400, 400, 400, 500, 500]

    written = stream.getvalue()
    printed = "".join(capfd.readouterr())
    captured = caplog.text + "\n".join(record.getMessage() for record in caplog.records)
    for secret in secrets_:
        assert secret not in written
        assert secret not in captured
        assert secret not in printed
    assert last_resort.records == []

    # One line per request, by route, with 4xx at INFO.
    access = [r for r in caplog.records if r.name == "qualreg.access"]
    assert len(access) == len(statuses) + 2  # every request, and logging in and consenting
    assert {r.levelno for r in access} == {logging.INFO}
    assert re.search(r"qualreg.access GET <unmatched> 404 [\d.]+ms", written)
    assert "qualreg.access GET en/form/<slug:part_key>/ 404" in written

    # The 500s keep their traceback (frames and exception types), never a message.
    assert written.count("Traceback (most recent call last):") >= 3
    assert "django.db.utils.DataError: [redacted]" in written
    assert "KeyError: [redacted]" in written
    assert "django.db.utils.IntegrityError: [redacted]" in written
    assert "in duplicate_person" in written
    assert "ERROR django.request error POST en/form/<slug:part_key>/" in written
    assert "django.security.DisallowedHost DisallowedHost GET en/login/" in written
    assert "django.security.csrf csrf POST en/login/" in written


def test_a_record_from_another_library_keeps_its_words_but_not_its_values(server_log):
    stream, _last_resort = server_log
    logging.getLogger("somelibrary").warning("could not store %s for %s", ANSWER, DUF)
    assert "could not store [redacted] for [redacted]" in stream.getvalue()


def test_an_exception_logged_as_the_message_is_told_by_its_type(server_log):
    stream, _last_resort = server_log
    logging.getLogger("qualreg.anything").error(ValueError(f"bad answer {ANSWER}"))
    assert "ERROR qualreg.anything ValueError: [redacted]" in stream.getvalue()
    assert ANSWER not in stream.getvalue()


def test_another_librarys_numbers_keep_their_format_and_its_text_stays_out(server_log, capfd):
    stream, last_resort = server_log
    library = logging.getLogger("somelibrary")
    library.info("%d items %s", 3, "x")
    library.info("took %5.2f s, flags %x, %s%% done", 1.5, 255, 40)
    library.info("%(rows)d rows for %(who)s", {"rows": 12, "who": ANSWER})
    # Text where a number belongs, a number too long to be a count, too few values.
    library.warning("%d of %s for %d", DUF, ANSWER, int(DUF))
    library.warning("%s and %d", ANSWER)
    written = stream.getvalue()
    assert "INFO somelibrary 3 items [redacted]\n" in written
    assert "took  1.50 s, flags ff, [redacted]% done" in written
    assert "12 rows for [redacted]" in written
    assert "[redacted] of [redacted] for [redacted]" in written
    assert "[redacted] and [redacted]" in written
    assert DUF not in written and ANSWER not in written
    printed = "".join(capfd.readouterr())
    assert "Logging error" not in printed and ANSWER not in printed
    assert last_resort.records == []
