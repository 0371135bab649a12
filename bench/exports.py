"""A list export of 10,000 registrations: wall time, CPU time and peak memory, per format.

    .venv/bin/python bench/exports.py [COUNT]

Fills a database with COUNT (default 10,000) residents assigned to one organisation, each
with a completed registration holding `answered_document()` (every question that becomes
visible answered, two items in every repeat group: the largest registration there is), then
exports them all as an adviser does — the posted form of "Export the list", through Django's
test client, the whole middleware stack, the access rule and the audit rows — once as XLSX
and once as JSON Lines, each in a fresh process so that its peak memory is its own. The
response is read to the end and only counted. Uses SQLite in data/exports-bench/ unless
DATABASE_URL is set (that database is then migrated and filled; use an empty one).
The goal (issue 13): ≤ 30 s and < 300 MB for 10,000 registrations.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "exports-bench"
USERNAME = "bench-adviser"


def _django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["QUALREG_DATA_DIR"] = str(DATA)
    os.environ["SECRET_KEY"] = "bench-secret-key-that-is-long-enough-0123456789"
    os.environ.pop("DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    # Pages name their static files; no collectstatic needed for plain names.
    storage = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": storage}


def fill(count: int) -> None:
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    _django()
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from qualreg.accounts.models import Role, User
    from qualreg.accounts.second_factor import enrol
    from qualreg.advisers.models import Adviser, Assignment, Organisation
    from qualreg.people.models import Centre, Person
    from qualreg.questionnaire.definition import VERSION
    from qualreg.questionnaire.samples import answered_document
    from qualreg.registration.models import Registration

    call_command("compilecatalogs", verbosity=0)
    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(
        kind=Organisation.Kind.MUNICIPALITY, name="Bench kommune", municipality_number="4601"
    )
    user = User.objects.create_user(USERNAME, password="bench-password-0123", role=Role.ADVISER)
    Adviser.objects.create(user=user, organisation=organisation)
    enrol(user)
    centre = Centre.objects.create(name="Bench mottak")
    people = Person.objects.bulk_create(
        Person(duf_number=f"2015{number:08d}", centre=centre, preferred_language="ar")
        for number in range(count)
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Assignment.objects.bulk_create(
        Assignment(person=person, organisation=organisation, start_date=yesterday)
        for person in people
    )
    answers = answered_document()
    now = timezone.now()
    Registration.objects.bulk_create(
        (
            Registration(
                person=person,
                sequence=1,
                definition_version=VERSION,
                language="ar",
                status=Registration.Status.COMPLETED,
                progress_percent=100,
                answers=answers,
                completed_at=now,
            )
            for person in people
        ),
        batch_size=500,
    )


def export(file_format: str) -> dict[str, object]:
    """One export in this process; its figures as a dict."""
    _django()
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from qualreg.accounts.models import User
    from qualreg.privacy.models import AuditEvent

    user = User.objects.get(username=USERNAME)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    client.get("/en/advisers/export/")  # warm: templates, catalogues, the questionnaire
    audited_before = AuditEvent.objects.filter(action="adviser.exported").count()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.post(
        "/en/advisers/export/", {"purpose": "guidance", "file_format": file_format}
    )
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    audited = AuditEvent.objects.filter(action="adviser.exported").count() - audited_before
    return {
        "format": file_format,
        "seconds": round(wall, 1),
        "cpu_seconds": round(cpu, 1),
        "megabytes": round(size / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_before_mb": round(rss_before),
        "audit_rows": audited,
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--export":
        print(json.dumps(export(sys.argv[2])))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--fill", str(count)], check=True)
    print(f"{count} completed registrations written in {time.perf_counter() - started:.0f} s")
    for file_format in ("xlsx", "jsonl"):
        result = subprocess.run(
            [sys.executable, __file__, "--export", file_format],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        print(
            f"{figures['format']}: {figures['seconds']} s ({figures['cpu_seconds']} s CPU), "
            f"{figures['megabytes']} MB, peak memory {figures['peak_rss_mb']} MB "
            f"(process before the export {figures['rss_before_mb']} MB), "
            f"{figures['audit_rows']} audit rows"
        )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--fill":
        fill(int(sys.argv[2]))
    else:
        main()
