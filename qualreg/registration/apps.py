from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "qualreg.registration"
    label = "registration"
