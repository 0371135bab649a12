from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "qualreg.registration"
    label = "registration"

    def ready(self) -> None:
        from qualreg.registration import lifetime  # noqa: F401 (registers the purge rules)
