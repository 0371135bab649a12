"""Locust users for `make load`: each runs one resident's registration after another.

The driver (bench/load/run.py) sets `SETUP` before it starts users: the servers to spread
residents over, the accounts from `manage.py loadresidents` and where to record what was
sent. A resident picks a server when it logs in (again after a break, so a return may land
on the other server). Each user takes the next unused account for each registration.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gevent
from geventhttpclient.url import URL
from locust import User, task
from locust.contrib.fasthttp import FastHttpSession

from bench.load.resident import Account, JourneyError, Reply, Resident, encode

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
# Think times are multiplied by this: 1 is human pace (the figures); a smaller number only
# checks the tooling quickly, with whole registrations in a short run.
PACE = float(os.environ.get("LOAD_PACE", "1"))
# A browser closes its own connection to a server once it has been idle this long, as a load
# balancer does (60 s is a common idle timeout): shorter than gunicorn's keep-alive
# (bench/load/gunicorn.conf.py), so the server never closes a connection just as a request
# is sent on it, which would lose that request (a post is not sent again).
CLIENT_IDLE_SECONDS = float(os.environ.get("LOAD_CLIENT_IDLE_SECONDS", "60"))


@dataclass
class Setup:
    servers: list[str] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    sent: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    stopping: bool = False
    idle: int = 0  # users that have stopped for good
    journeys: int = 0  # registrations walked to the end
    failed_journeys: Counter[str] = field(default_factory=Counter)
    out_of_accounts: int = 0
    _next: Any = None

    def load(self, path: Path, servers: list[str]) -> None:
        self.servers = servers
        self.accounts = [Account(**json.loads(line)) for line in path.read_text().splitlines()]
        self._next = iter(self.accounts)

    def take(self) -> Account | None:
        return next(self._next, None)

    def use(self, start: int, stop: int | None) -> None:
        """Take accounts from `start` up to `stop` only: each phase has its own, so that no
        account is used twice (a second login with a used code would fail)."""
        self._next = itertools.islice(iter(self.accounts), start, stop)


SETUP = Setup()


def close_connections(session: FastHttpSession, server: str) -> None:
    """Close `session`'s kept-alive connections to `server`: its next request opens a new one."""
    address = URL(server)
    client = session.client.clientpool.clients.pop((address.host, address.port), None)
    if client is not None:
        client.close()


class Stop(Exception):
    """The driver asked the users to stop between two requests."""


class ResidentUser(User):
    """Registration after registration, each as a new resident."""

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        self.rng = random.Random()
        self.staff: dict[str, Any] = {}  # a signed-in staff browser per centre's login

    def _browser(self, server_of: list[str]) -> Any:
        """A browser (own cookies) that sends each request to the server now in `server_of`."""
        session = FastHttpSession(
            None,
            request_event=self.environment.events.request,
            user=self,
            connection_timeout=30,
            network_timeout=60,
        )

        last_reply: dict[str, float] = {}  # server → when its last reply came

        def request(method: str, path: str, name: str, data: Any = None) -> Reply:
            server = server_of[0]
            if time.monotonic() - last_reply.get(server, time.monotonic()) > CLIENT_IDLE_SECONDS:
                close_connections(session, server)
            with session.request(
                method,
                server + path,
                name=name,
                data=encode(data) if method == "POST" else None,
                headers=FORM if method == "POST" else None,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                status = response.status_code or 0
                if status == 0:  # no reply: say why (the connection's error)
                    error = getattr(response, "error", None)
                    response.failure(f"0 {type(error).__name__}: {error}")
                elif status >= 400:
                    response.failure(f"{status}")
                else:
                    response.success()
                last_reply[server] = time.monotonic()
                location = response.headers.get("Location", "") if response.headers else ""
                return Reply(status, location, response.text or "")

        return request

    def _think(self, low: float, high: float) -> None:
        deadline = self.rng.uniform(low, high) * PACE
        while deadline > 0:
            if SETUP.stopping:
                raise Stop
            gevent.sleep(min(deadline, 1.0))
            deadline -= 1.0

    @task
    def register(self) -> None:
        account = SETUP.take()
        if account is None:
            SETUP.out_of_accounts += 1
            self._stay_idle()
        server = [self.rng.choice(SETUP.servers)]
        if account.staff_username not in self.staff:
            self.staff[account.staff_username] = self._browser([SETUP.servers[0]])
        staff = self.staff[account.staff_username]
        resident = Resident(account, self._browser(server), lambda: staff, self._think, self.rng)

        def pick_server() -> None:  # at each login: a return may land on another server
            server[0] = self.rng.choice(SETUP.servers)

        resident.before_log_in = pick_server
        SETUP.sent[account.duf_number] = resident.saved
        try:
            resident.register()
            SETUP.journeys += 1
        except Stop:
            self._stay_idle()
        except Exception as error:  # a journey the service broke: counted, then the next one
            kind = str(error) if isinstance(error, JourneyError) else type(error).__name__
            SETUP.failed_journeys[kind] += 1
        if SETUP.stopping:
            self._stay_idle()

    def _stay_idle(self) -> None:
        SETUP.idle += 1
        while True:
            gevent.sleep(3600)
