from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "qualreg.accounts"
    label = "accounts"


class QualregAdminConfig(admin_apps.AdminConfig):
    """Django's admin on our site class, so its login and password change are throttled."""

    default = False
    default_site = "qualreg.accounts.admin_site.QualregAdminSite"
