"""Using a code is atomic: the same code sent at the same moment logs in exactly once.

Two ways to race: many threads, each with its own database connection, calling the code
machinery; and two live app servers (as two app processes behind a load balancer) sharing
one database, each receiving the same login at the same moment over HTTP.
"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from qualreg.people.codes import LoginRefused, Refusal, redeem_login_code
from qualreg.people.models import LoginCode

pytestmark = pytest.mark.django_db(transaction=True)
ROUNDS = 40
RACERS = 6


def test_many_threads_with_the_same_code_log_in_exactly_once_each_round(resident, code_for):
    winners_per_round = []
    for _round in range(ROUNDS):
        code = code_for(resident)
        start = threading.Barrier(RACERS)
        outcomes: list[object] = []

        def race(
            n: int, code: str = code, start: threading.Barrier = start, outcomes: list = outcomes
        ) -> None:
            try:
                start.wait()
                try:
                    outcome: object = redeem_login_code(
                        resident.duf_number, code, client=f"10.1.0.{n}"
                    )
                except LoginRefused as refused:
                    outcome = refused.reason
                outcomes.append(outcome)  # list.append is atomic in CPython
            finally:
                connection.close()

        threads = [threading.Thread(target=race, args=(n,)) for n in range(RACERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(outcomes) == RACERS, "a racer crashed"
        counted = Counter(outcome == resident for outcome in outcomes)
        # A loser is told the code is used; beyond five tries at once for one DUF number the
        # extra ones are refused before they are checked, as a lockout.
        assert set(outcomes) - {resident} <= {Refusal.USED, Refusal.LOCKED}
        winners_per_round.append(counted[True])
    print(f"\nthreads: {ROUNDS} rounds of {RACERS}, winners per round {Counter(winners_per_round)}")
    assert winners_per_round == [1] * ROUNDS
    assert LoginCode.objects.filter(used_at__isnull=False).count() == ROUNDS


class _Browser:
    """A resident's browser talking to one app server: cookies, CSRF token, no redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    def __init__(self, server_url: str) -> None:
        self.url = f"{server_url}/en/login/"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self._NoRedirect
        )
        page = self.opener.open(self.url, timeout=20).read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, duf: str, code: str) -> int:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self.token, "duf_number": duf, "code": code}
        ).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Referer": self.url})
        try:
            return self.opener.open(request, timeout=20).status
        except urllib.error.HTTPError as error:
            return error.code


def test_two_app_servers_receiving_the_same_code_at_once_log_in_exactly_once(resident, code_for):
    servers = [LiveServer("localhost:0"), LiveServer("localhost:0")]
    try:
        winners_per_round = []
        for _round in range(ROUNDS // 2):
            code = code_for(resident)
            browsers = [_Browser(server.url) for server in servers]
            start = threading.Barrier(len(browsers))
            statuses: list[int] = []

            def race(
                browser: _Browser,
                code: str = code,
                start: threading.Barrier = start,
                statuses: list = statuses,
            ) -> None:
                start.wait()
                statuses.append(browser.log_in(resident.duf_number, code))

            threads = [threading.Thread(target=race, args=(b,)) for b in browsers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sorted(statuses) in ([302, 400], [302, 302]), statuses
            winners_per_round.append(statuses.count(302))
    finally:
        for server in servers:
            server.stop()
    print(f"\ntwo servers: {ROUNDS // 2} rounds, winners per round {Counter(winners_per_round)}")
    assert winners_per_round == [1] * (ROUNDS // 2)
