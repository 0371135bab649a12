from django.apps import AppConfig


class CentresConfig(AppConfig):
    name = "qualreg.centres"
    label = "centres"
