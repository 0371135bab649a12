from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "qualreg.corrections"
    label = "corrections"

    def ready(self) -> None:
        from qualreg.corrections.for_resident import requests_section
        from qualreg.registration import extras

        extras.add_section(requests_section)
