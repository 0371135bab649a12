"""CPU time per request, in process: the answer save against the bare view, interleaved.

For a host too busy for `make bench` (bench/run.py measures throughput, which on a
saturated machine mostly measures the other tenants): the CPU time a request costs this
process moves much less with the load. Requests go through Django's test client with the
whole middleware stack: the save is the one `make bench` sends (one question changed, the
page's fingerprints and sync token), the bare view is requested without a session, as there.

    .venv/bin/python bench/cpu.py [TREE] [ITERATIONS]

TREE is a copy of the project (default: this one), so that variants of the code can be
compared in turns; prints the median CPU milliseconds of each request and bare/save, which
is what the save/bare throughput ratio tends to on CPU-bound workers (lower here than under
gunicorn, since the test client adds its own cost to both sides). Uses SQLite in
TREE/data/cpu-bench/ unless DATABASE_URL is set (then that database is migrated).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

TREE = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
ITERATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 400
WARM_UP = 20


def setup() -> None:
    data = TREE / "data" / "cpu-bench"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["QUALREG_DATA_DIR"] = str(data)
    os.environ["SECRET_KEY"] = "bench-secret-key-that-is-long-enough-0123456789"
    os.environ.pop("DEBUG", None)
    sys.path.insert(0, str(TREE))
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    # Pages name their static files; no collectstatic needed for plain names.
    storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}
    call_command("compilecatalogs", verbosity=0)
    call_command("migrate", verbosity=0)


def main() -> None:
    setup()
    from django.test import Client

    from bench.fixtures import resident_with_session
    from bench.run import PartForm
    from qualreg.questionnaire.definition import QUESTIONNAIRE
    from qualreg.questionnaire.engine import field_name
    from qualreg.questionnaire.samples import answered_document

    resident = Client()
    resident.cookies["sessionid"] = resident_with_session("201500000001", answered_document())
    bare = Client()
    page = resident.get("/en/form/personal/")
    form = PartForm()
    form.feed(page.content.decode())
    question = next(q for q in QUESTIONNAIRE.part("personal").questions if q.kind == "single")
    state = [
        ("shown", question.key),
        ("displayed", " ".join(form.displayed)),
        ("summary", form.states.get("error-summary-slot", "")),
        ("nav", form.states.get("parts-nav", "")),
        ("autosave", "1"),
        ("delta", "1"),
    ]
    bodies = [urlencode([(field_name(question), c.code), *state]) for c in question.choices[:2]]
    revision = form.revision
    bare_times, save_times = [], []
    for number in range(WARM_UP + ITERATIONS):
        started = time.process_time()
        response = bare.get("/bench/bare")
        bare_time = time.process_time() - started
        assert response.status_code == 200
        body = f"{bodies[number % 2]}&{urlencode({'revision': revision})}"
        started = time.process_time()
        response = resident.post(
            "/en/form/personal/", body, content_type="application/x-www-form-urlencoded"
        )
        save_time = time.process_time() - started
        assert response.status_code == 200, response.status_code
        revision = json.loads(response.content).get("revision", revision)
        if number >= WARM_UP:
            bare_times.append(bare_time)
            save_times.append(save_time)
    bare_ms = statistics.median(bare_times) * 1000
    save_ms = statistics.median(save_times) * 1000
    print(
        f"{TREE.resolve().name}: bare view {bare_ms:.2f} ms, answer save {save_ms:.2f} ms CPU "
        f"(medians of {ITERATIONS}); bare/save {bare_ms / save_ms:.1%}"
    )


if __name__ == "__main__":
    main()
