"""Guessing is hopeless: lockouts per DUF number and per client, shared through the database."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from qualreg.lib.models import Throttle
from qualreg.people.codes import LoginRefused, Refusal, redeem_login_code
from qualreg.privacy.models import AuditEvent
from tests.centres.conftest import add_person

CLIENT = "203.0.113.9"


def _guess(duf: str, code: str = "ABCD-EFGH", client: str = CLIENT) -> Refusal | None:
    try:
        redeem_login_code(duf, code, client=client)
    except LoginRefused as refused:
        return refused.reason
    return None


@pytest.mark.django_db
def test_five_wrong_codes_lock_the_duf_number_even_for_the_right_code(resident, code_for):
    code = code_for(resident)
    outcomes = [_guess(resident.duf_number) for _ in range(5)]
    assert outcomes == [Refusal.WRONG] * 4 + [Refusal.LOCKED]
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(resident.duf_number, code, client="192.0.2.50")
    assert refused.value.reason is Refusal.LOCKED
    assert 14 * 60 < refused.value.wait_seconds <= 15 * 60


@pytest.mark.django_db
def test_the_lock_ends_after_15_minutes(resident, code_for):
    code = code_for(resident)
    for _ in range(5):
        _guess(resident.duf_number)
    Throttle.objects.update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    assert redeem_login_code(resident.duf_number, code, client=CLIENT) == resident


@pytest.mark.django_db
def test_an_unknown_duf_number_locks_too_so_it_cannot_be_told_apart():
    outcomes = [_guess("202011111111") for _ in range(6)]
    assert outcomes[-2:] == [Refusal.LOCKED, Refusal.LOCKED]


@pytest.mark.django_db
def test_the_login_page_tells_how_long_to_wait(resident, code_for):
    code_for(resident)
    client = Client()
    for _ in range(5):
        response = client.post(
            "/en/login/", {"duf_number": resident.duf_number, "code": "ABCDEFGH"}
        )
    assert response.status_code == 400
    assert "Too many wrong tries. Wait 15 minutes and try again." in response.content.decode()


@pytest.mark.django_db
def test_a_right_code_clears_the_count_of_wrong_ones(resident, code_for):
    for _ in range(4):
        _guess(resident.duf_number)
    redeem_login_code(resident.duf_number, code_for(resident), client=CLIENT)
    code = code_for(resident)
    for _ in range(4):
        assert _guess(resident.duf_number) is Refusal.WRONG
    assert redeem_login_code(resident.duf_number, code, client=CLIENT) == resident


@pytest.mark.django_db
def test_staff_issuing_a_new_code_lifts_the_residents_lock(resident, code_for):
    for _ in range(5):
        _guess(resident.duf_number)
    code = code_for(resident)
    assert redeem_login_code(resident.duf_number, code, client=CLIENT) == resident


@pytest.mark.django_db
def test_one_address_sweeping_many_duf_numbers_is_stopped(centre, code_for):
    """25 different DUF numbers may fail from one address in a window (the default)."""
    people = [add_person(centre, f"2015{n:08d}") for n in range(30)]
    outcomes = [_guess(person.duf_number) for person in people]
    assert outcomes[:24] == [Refusal.WRONG] * 24
    assert outcomes[24:] == [Refusal.LOCKED] * 6
    # Even the right code for a number not yet tried is refused from that address ...
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(people[29].duf_number, code_for(people[29]), client=CLIENT)
    assert refused.value.reason is Refusal.LOCKED
    # ... while another address may still try: the lock is on the address, not the numbers.
    assert _guess(people[28].duf_number, client="192.0.2.77") is Refusal.WRONG


@pytest.mark.django_db
def test_twenty_residents_behind_one_address_each_mistyping_all_get_in(centre, code_for):
    """A centre's shared Wi-Fi: everyone mistypes first (one or two times), then logs in."""
    people = [add_person(centre, f"2017{n:08d}") for n in range(20)]
    codes = {person.pk: code_for(person) for person in people}
    for n, person in enumerate(people):
        for _ in range(1 + n % 2):
            assert _guess(person.duf_number, "2345-6789") is Refusal.WRONG
    for person in people:
        assert redeem_login_code(person.duf_number, codes[person.pk], client=CLIENT) == person


@pytest.mark.django_db
def test_an_address_counts_numbers_not_tries_and_a_login_gives_its_number_back(
    centre, code_for, settings
):
    settings.LOGIN_CLIENT_MAX_FAILURES = 3
    ada, ben, cy, dag = (add_person(centre, f"2018{n:08d}") for n in range(4))
    for _ in range(4):  # one resident retyping their own code: one number
        assert _guess(ada.duf_number) is Refusal.WRONG
    assert redeem_login_code(ada.duf_number, code_for(ada), client=CLIENT) == ada
    # Ada's number no longer counts, so Ben and Cy failing makes two, not three.
    assert _guess(ben.duf_number) is Refusal.WRONG
    assert _guess(cy.duf_number) is Refusal.WRONG
    assert _guess(dag.duf_number) is Refusal.LOCKED  # the third number locks the address
    assert _guess(ben.duf_number) is Refusal.LOCKED


@pytest.mark.django_db
def test_successful_logins_from_one_address_do_not_use_up_its_allowance(centre, code_for):
    """A whole centre may sit behind one address: 30 residents logging in is not an attack."""
    people = [add_person(centre, f"2016{n:08d}") for n in range(30)]
    for person in people:
        assert redeem_login_code(person.duf_number, code_for(person), client=CLIENT) == person


@pytest.mark.django_db
def test_a_used_or_replaced_code_is_audited_but_not_counted_as_a_guess(resident, code_for):
    old = code_for(resident)
    code = code_for(resident)
    for _ in range(6):
        assert _guess(resident.duf_number, old) is Refusal.REVOKED
    assert redeem_login_code(resident.duf_number, code, client=CLIENT) == resident
    assert AuditEvent.objects.filter(action="login.failed", detail__outcome="revoked").count() == 6


@pytest.mark.django_db
def test_every_refused_try_is_audited_including_locked_ones(resident):
    for _ in range(7):
        _guess(resident.duf_number)
    outcomes = list(
        AuditEvent.objects.filter(action="login.failed", person=resident)
        .order_by("id")
        .values_list("detail__outcome", flat=True)
    )
    assert outcomes == ["wrong"] * 5 + ["locked"] * 2


@pytest.mark.django_db(transaction=True)
def test_many_simultaneous_guesses_check_at_most_five_codes(resident, code_for):
    """An attacker who fires 30 guesses at once must not slip past the limit."""
    code_for(resident)
    start = threading.Barrier(30)
    outcomes: list[Refusal | None] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        try:
            start.wait()
            outcome = _guess(resident.duf_number, f"ABCD{ALPHA[n % 8]}FGH", client=f"10.0.0.{n}")
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 30
    checked = AuditEvent.objects.filter(action="login.failed", detail__outcome="wrong").count()
    assert checked <= 5
    assert outcomes.count(Refusal.LOCKED) >= 25


ALPHA = "23456789"


@pytest.mark.django_db(transaction=True)
def test_a_simultaneous_sweep_from_one_address_checks_at_most_the_allowed_numbers(centre):
    """30 different DUF numbers fired at once from one address: at most 25 are checked."""
    people = [add_person(centre, f"2019{n:08d}") for n in range(30)]
    start = threading.Barrier(30)
    outcomes: list[Refusal | None] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        try:
            start.wait()
            outcome = _guess(people[n].duf_number)
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 30
    checked = AuditEvent.objects.filter(action="login.failed", detail__outcome="wrong").count()
    assert checked <= 25
    assert outcomes.count(Refusal.LOCKED) >= 5
