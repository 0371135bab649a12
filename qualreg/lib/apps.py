from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "qualreg.lib"
    label = "qualreg_lib"
