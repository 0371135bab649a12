"""Demo data for `make run`: a centre, a staff login, an administrator, a resident and a code,
an adviser, an analyst, and a few hundred residents of five centres with completed
registrations, so that the statistics page is worth looking at.

Safe to run again: it keeps what exists, resets the demo passwords, and issues a fresh code.
Refuses to run in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from qualreg.accounts.models import Role, User
from qualreg.accounts.second_factor import enrol
from qualreg.advisers.models import Adviser, Assignment, Organisation
from qualreg.demo.population import populate
from qualreg.lib.duf import format_duf
from qualreg.people.codes import format_code, issue_login_code
from qualreg.people.models import Centre, Person
from qualreg.statistics.refresh import refresh

DEMO_DUF = "201258697561"
DEMO_STAFF = ("staff", "demo-staff-password")
DEMO_ADMIN = ("admin", "demo-admin-password")
DEMO_ADVISER = ("adviser", "demo-adviser-password")
DEMO_ANALYST = ("analyst", "demo-analyst-password")
DEMO_RESIDENTS = 400  # of whom about 84 % complete a registration


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
            admin = self._user(DEMO_ADMIN, Role.ADMINISTRATOR, None, superuser=True)
            staff_app, staff_recovery = self._second_factor(staff)
            admin_app, admin_recovery = self._second_factor(admin)
            person, _ = Person.objects.get_or_create(
                duf_number=DEMO_DUF, defaults={"centre": centre, "preferred_language": "en"}
            )
            _, code = issue_login_code(person, issued_by=staff)
            adviser_app, recovery = self._adviser(person)
            analyst = self._user(DEMO_ANALYST, Role.STATISTICS, None)
            analyst_app, _secret, analyst_recovery = enrol(analyst)
            populate(DEMO_RESIDENTS, prefix="2021", templates=120)
        refresh()  # the statistics' stored counts, so that the demo's are there at once
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
                    *self._second_factor_lines(staff_app, staff_recovery),
                    f"  Administrator:  {url}/admin/",
                    f"    username {DEMO_ADMIN[0]}, password {DEMO_ADMIN[1]}",
                    *self._second_factor_lines(admin_app, admin_recovery),
                    f"  Adviser:        {url}/en/advisers/login/",
                    f"    username {DEMO_ADVISER[0]}, password {DEMO_ADVISER[1]}",
                    *self._second_factor_lines(adviser_app, recovery),
                    f"  Statistics:     {url}/en/statistics/login/",
                    f"    username {DEMO_ANALYST[0]}, password {DEMO_ANALYST[1]}",
                    *self._second_factor_lines(analyst_app, analyst_recovery),
                    "",
                ]
            )
        )

    def _adviser(self, person: Person) -> tuple[str, list[str]]:
        """The demo adviser of Demo kommune, to which the demo resident is assigned, with a
        fresh authenticator secret and recovery codes."""
        organisation, _ = Organisation.objects.get_or_create(
            name="Demo kommune",
            defaults={"kind": Organisation.Kind.MUNICIPALITY, "municipality_number": "0301"},
        )
        user = self._user(DEMO_ADVISER, Role.ADVISER, None)
        Adviser.objects.update_or_create(user=user, defaults={"organisation": organisation})
        if not Assignment.objects.current().filter(person=person, organisation=organisation):
            Assignment.objects.create(
                person=person,
                organisation=organisation,
                start_date=timezone.localdate(),
                reason="demo",
            )
        return self._second_factor(user)

    def _second_factor(self, user: User) -> tuple[str, list[str]]:
        """A fresh authenticator secret and recovery codes (every demo login has both)."""
        address, _secret, recovery = enrol(user)
        return address, recovery

    def _second_factor_lines(self, app: str, recovery: list[str]) -> list[str]:
        return [
            "    second factor: add this address to an authenticator app",
            f"    {app}",
            f"    or use a recovery code (each works once): {' '.join(recovery)}",
        ]

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
