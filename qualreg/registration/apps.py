from django.apps import AppConfig


class RegistrationConfig(AppConfig):
    name = "qualreg.registration"
    label = "registration"

    def ready(self) -> None:
        # Imported for their purge rules: the data's lifetime, and withdrawn consent.
        from qualreg.registration import lifetime, withdrawal  # noqa: F401
