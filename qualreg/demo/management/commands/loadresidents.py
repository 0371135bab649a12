"""Residents with login codes for `make load` (bench/load), created before the load starts.

Each resident gets a DUF number from a range no real case number uses in these tests (first
application in 1999, numbers from 999000000 up), a preferred language in the proportions of
the languages spoken in the reception centres, a centre (one staff login per centre, with a
second factor, for the codes a break needs), one fresh code, and a recovery code of its
centre's staff login of its own, for the staff's second step when this resident takes a
break (a recovery code works once; the app's code may be used once per 30 s). The accounts
are written as JSON lines to --out: the codes exist nowhere else. Refuses to run in production.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from qualreg.accounts.models import Role, User
from qualreg.accounts.second_factor import enrol
from qualreg.people.codes import format_code, issue_login_code
from qualreg.people.models import Centre, Person

FIRST_NUMBER = 199999900000  # 1999 9990000 00: far from any number the tests or demo use
# (language, weight): most residents read Arabic, Tigrinya, Dari, Farsi, Somali or Ukrainian.
LANGUAGES = (
    ("ar", 25),
    ("ti", 15),
    ("prs", 10),
    ("fa", 10),
    ("so", 10),
    ("uk", 10),
    ("ps", 5),
    ("kmr", 4),
    ("ckb", 4),
    ("am", 3),
    ("en", 2),
    ("fr", 2),
)


def language_of(number: int) -> str:
    """The preferred language of resident `number`: fixed, in the proportions above."""
    slot = (number * 37) % sum(weight for _code, weight in LANGUAGES)
    for code, weight in LANGUAGES:
        if slot < weight:
            return code
        slot -= weight
    raise AssertionError("weights cover every slot")


class Command(BaseCommand):
    help = "Create residents with login codes for the load test and write them to --out."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--centres", type=int, default=20)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("loadresidents must not run in production")
        count, centre_count, out = options["count"], options["centres"], options["out"]
        staff = [self._centre_and_staff(index) for index in range(centre_count)]
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as lines:
            for start in range(0, count, 500):
                with transaction.atomic():
                    for number in range(start, min(start + 500, count)):
                        user, password, recovery = staff[number % centre_count]
                        account = self._resident(number, user, password)
                        account["staff_code"] = StaticToken.random_token()
                        StaticToken.objects.create(device=recovery, token=account["staff_code"])
                        lines.write(json.dumps(account) + "\n")
        self.stdout.write(f"{count} residents in {centre_count} centres written to {out}")

    def _centre_and_staff(self, index: int) -> tuple[User, str, StaticDevice]:
        centre, _ = Centre.objects.get_or_create(name=f"Load mottak {index + 1}")
        password = secrets.token_urlsafe(16)
        user, _ = User.objects.get_or_create(
            username=f"load-staff-{index + 1}",
            defaults={"role": Role.CENTRE_STAFF, "centre": centre},
        )
        user.set_password(password)
        user.save()
        enrol(user)
        return user, password, StaticDevice.objects.get(user=user, name="recovery")

    def _resident(self, number: int, staff: User, password: str) -> dict[str, Any]:
        duf_number = str(FIRST_NUMBER + number)
        person, created = Person.objects.get_or_create(
            duf_number=duf_number,
            defaults={
                "centre": staff.centre,
                "preferred_language": language_of(number),
                "added_by": staff,
            },
        )
        if not created:
            raise CommandError("the load's residents exist already: use a fresh database")
        _login_code, code = issue_login_code(person, issued_by=staff)
        return {
            "number": number,
            "person_id": person.pk,
            "duf_number": duf_number,
            "code": format_code(code),
            "language": person.preferred_language,
            "staff_username": staff.username,
            "staff_password": password,
        }
