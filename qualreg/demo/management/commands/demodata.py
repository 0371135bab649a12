"""Demo data for `make run`: a centre, a staff login, an administrator, a resident and a code.

Safe to run again: it keeps what exists, resets the demo passwords, and issues a fresh code.
Refuses to run in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qualreg.accounts.models import Role, User
from qualreg.lib.duf import format_duf
from qualreg.people.codes import format_code, issue_login_code
from qualreg.people.models import Centre, Person

DEMO_DUF = "201258697561"
DEMO_STAFF = ("staff", "demo-staff-password")
DEMO_ADMIN = ("admin", "demo-admin-password")


class Command(BaseCommand):
    help = "Create or refresh the demo centre, logins and resident, and print a fresh code."

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION:
            raise CommandError("demodata must not run in production")
        with transaction.atomic():
            centre, _ = Centre.objects.get_or_create(
                name="Demo mottak", defaults={"municipality": "Oslo"}
            )
            staff = self._user(DEMO_STAFF, Role.CENTRE_STAFF, centre)
            self._user(DEMO_ADMIN, Role.ADMINISTRATOR, None, superuser=True)
            person, _ = Person.objects.get_or_create(
                duf_number=DEMO_DUF, defaults={"centre": centre, "preferred_language": "en"}
            )
            _, code = issue_login_code(person, issued_by=staff)
        url = settings.SERVICE_URL
        self.stdout.write(
            "\n".join(
                [
                    "",
                    "qualreg demo data",
                    f"  Resident:       {url}/en/login/",
                    f"    DUF number:   {format_duf(DEMO_DUF)}",
                    f"    code:         {format_code(code)}",
                    "                  (works once; run make run again for a new one)",
                    f"  Centre staff:   {url}/en/staff/login/",
                    f"    username {DEMO_STAFF[0]}, password {DEMO_STAFF[1]}",
                    f"  Administrator:  {url}/admin/",
                    f"    username {DEMO_ADMIN[0]}, password {DEMO_ADMIN[1]}",
                    "",
                ]
            )
        )

    def _user(
        self,
        credentials: tuple[str, str],
        role: str,
        centre: Centre | None,
        superuser: bool = False,
    ) -> User:
        username, password = credentials
        user, _ = User.objects.get_or_create(
            username=username, defaults={"role": role, "centre": centre}
        )
        user.role = role
        user.centre = centre
        user.is_staff = superuser
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        return user
