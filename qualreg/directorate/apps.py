from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectorateConfig(AppConfig):
    name = "qualreg.directorate"
    label = "directorate"

    def ready(self) -> None:
        from qualreg.accounts import admin_site

        admin_site.add_page(_("Delete a resident on request"), "directorate:delete_person")
        admin_site.add_page(_("Audit log"), "directorate:audit_log")
        admin_site.add_page(_("Correction requests"), "directorate:corrections")
