from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "qualreg.exports"
    label = "exports"
