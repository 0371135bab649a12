"""`make bench`: how fast a part page renders and how many answer saves the server takes.

1. Render: the median server time to render each part page for a registration with 60 or
   more answered questions (Django's test client, in this process, after a warm-up).
2. Save under load: gunicorn with 2 workers serves qualreg; 8 concurrent clients post the
   answer-save request that the page's script sends, then request a bare Django view served
   by the same server through the same middleware. Throughput is reported as a ratio, so the
   figure means the same on a faster or slower machine.

Uses SQLite in data/bench/ unless DATABASE_URL is set.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import statistics
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.serving import ROOT, prepare_django, start_gunicorn, stop  # noqa: E402

DATA = ROOT / "data" / "bench"
CLIENTS = 8
SECONDS = float(os.environ.get("BENCH_SECONDS", "27"))  # per side, over all rounds
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
RENDER_ROUNDS = int(os.environ.get("BENCH_RENDER_ROUNDS", "60"))


def setup_django() -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "QUALREG_DATA_DIR": str(DATA),
        "SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
    }
    prepare_django(DATA, env)


def measure_render(session_key: str) -> dict[str, float]:
    from django.test import Client

    from qualreg.questionnaire.definition import QUESTIONNAIRE

    client = Client()
    client.cookies["sessionid"] = session_key
    medians = {}
    for part in QUESTIONNAIRE.parts:
        url = f"/en/form/{part.key}/"
        for _ in range(5):
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(RENDER_ROUNDS):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        medians[part.key] = statistics.median(times)
    return medians


def request(port: int, method: str, path: str, body: str = "", headers: dict | None = None):  # type: ignore[no-untyped-def]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body or None, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.getheader("Set-Cookie") or "", data


class PartForm(HTMLParser):
    """What `new FormData(form)` holds for the part form, and what the script adds to it:
    each question's key and fingerprint, the fingerprints of the summary and navigation, and
    the sync token of the draft they describe."""

    def __init__(self) -> None:
        super().__init__()
        self.revision = ""
        self.fields: list[tuple[str, str]] = []
        self.displayed: list[str] = []
        self.states: dict[str, str] = {}
        self.in_form = False
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if a.get("id") in ("parts-nav", "error-summary-slot"):
            self.states[a["id"]] = a.get("data-state", "")
        if tag == "form" and a.get("id") == "part-form":
            self.in_form = True
            self.revision = a.get("data-revision", "")
        if not self.in_form:
            return
        if tag == "div" and "data-key" in a and "data-state" in a:
            self.displayed.append(f"{a['data-key']}:{a['data-state']}")
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind not in ("radio", "checkbox") or "checked" in a:
                self.fields.append((a["name"], a.get("value", "on" if kind != "text" else "")))
        elif tag == "select":
            self.select, self.select_first, self.select_chosen = a.get("name"), None, False
        elif tag == "option" and self.select:
            if self.select_first is None:
                self.select_first = a.get("value", "")
            if "selected" in a and not self.select_chosen:
                self.fields.append((self.select, a.get("value", "")))
                self.select_chosen = True
        elif tag == "textarea":
            self.textarea = a.get("name")
            self.fields.append((self.textarea or "", ""))

    def handle_data(self, data: str) -> None:
        if self.textarea:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self.select:
            if not self.select_chosen:
                self.fields.append((self.select, self.select_first or ""))
            self.select = None
        elif tag == "textarea":
            self.textarea = None


class Job:
    """What one client thread sends: the same request again and again, or, for the answer
    save, what the page's script sends (see qualreg/form.js): the first one-answer question of
    the part changed to its first choice, then to its second, so that every save stores a
    changed answer, with the sync token of the last answer the script applied."""

    def __init__(
        self, method: str, path: str, headers: dict[str, str], bodies: list[str], revision: str
    ) -> None:
        self.method, self.path, self.headers = method, path, headers
        self.bodies, self.revision, self.sent = bodies, revision, 0

    def body(self) -> str:
        body = self.bodies[self.sent % len(self.bodies)]
        self.sent += 1
        return f"{body}&{urlencode({'revision': self.revision})}" if self.revision else body

    def received(self, data: bytes) -> None:
        if self.revision:
            self.revision = json.loads(data).get("revision", self.revision)


def bare_job() -> Job:
    return Job("GET", "/bench/bare", {}, [""], "")


def save_job(port: int, session_key: str) -> Job:
    status, cookies, page = request(
        port, "GET", "/en/form/personal/", headers={"Cookie": f"sessionid={session_key}"}
    )
    assert status == 200, status
    csrf_cookie = re.search(r"csrftoken=([^;]+)", cookies).group(1)  # type: ignore[union-attr]
    from qualreg.questionnaire.definition import QUESTIONNAIRE
    from qualreg.questionnaire.engine import field_name

    form = PartForm()
    form.feed(page.decode())
    # The first one-answer question of the part: the commonest kind of change.
    question = next(q for q in QUESTIONNAIRE.part("personal").questions if q.kind == "single")
    name = field_name(question)
    token = [(k, v) for k, v in form.fields if k == "csrfmiddlewaretoken"]
    page_state = [("shown", question.key), ("displayed", " ".join(form.displayed))]
    page_state += [("summary", form.states.get("error-summary-slot", ""))]
    page_state += [("nav", form.states.get("parts-nav", "")), ("autosave", "1"), ("delta", "1")]
    bodies = [urlencode([*token, (name, c.code), *page_state]) for c in question.choices[:2]]
    headers = {
        "Cookie": f"sessionid={session_key}; csrftoken={csrf_cookie}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}/en/form/personal/",
    }
    assert form.revision, "the part form names no revision"
    return Job("POST", "/en/form/personal/", headers, bodies, form.revision)


def load(port: int, jobs: list[Job], seconds: float) -> float:
    """Requests per second that `jobs` (one per client thread) complete with 200."""
    counts = [0] * len(jobs)
    failures = [0] * len(jobs)
    deadline = time.perf_counter() + seconds

    def client(index: int) -> None:
        job = jobs[index]
        while time.perf_counter() < deadline:
            status, _, data = request(port, job.method, job.path, job.body(), job.headers)
            if status == 200:
                job.received(data)
                counts[index] += 1
            else:
                failures[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(len(jobs))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if sum(failures):
        raise SystemExit(f"{sum(failures)} requests failed during the load test")
    return sum(counts) / elapsed


def main() -> None:
    setup_django()
    from bench.fixtures import resident_with_session
    from qualreg.questionnaire.samples import answered_document, count_answered

    answers = answered_document()
    answered = count_answered(answers)
    sessions = [
        resident_with_session(f"2015{number:08d}", answers) for number in range(CLIENTS + 1)
    ]
    medians = measure_render(sessions[-1])

    server, port = start_gunicorn(["--workers", "2", "--log-level", "warning"])
    try:
        save_jobs = [save_job(port, key) for key in sessions[:CLIENTS]]
        bare_jobs = [bare_job() for _client in range(CLIENTS)]
        load(port, bare_jobs, 1.0)  # warm-up
        load(port, save_jobs, 1.0)
        # Paired rounds, each save round right after its bare round, so that a machine whose
        # speed drifts during the run (a shared host) moves both sides of a ratio alike.
        rounds = []
        for _round in range(ROUNDS):
            bare = load(port, bare_jobs, SECONDS / ROUNDS)
            save = load(port, save_jobs, SECONDS / ROUNDS)
            rounds.append((save / bare, bare, save))
    finally:
        stop(server)

    from django.db import connection

    print(f"database: {connection.vendor}; answered questions in the registration: {answered}")
    print("render, median ms per part page:")
    for key, median in medians.items():
        print(f"  {key:<10} {median:6.1f} ms")
    print(f"slowest part page median: {max(medians.values()):.1f} ms (goal <= 50 ms)")
    ratio, bare, save = sorted(rounds)[(len(rounds) - 1) // 2]  # the lower middle if even
    each = ", ".join(f"{r:.0%} ({b:.0f}/{s:.0f})" for r, b, s in rounds)
    print(f"answer save / bare view per round (bare/save requests per second): {each}")
    print(f"median round: bare Django view {bare:.0f}/s, answer save {save:.0f}/s")
    print(f"answer save / bare view: {ratio:.0%} (median of {ROUNDS} rounds; goal >= 40 %)")


if __name__ == "__main__":
    main()
