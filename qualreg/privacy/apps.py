from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "qualreg.privacy"
    label = "privacy"
