from django.apps import AppConfig


class AdvisersConfig(AppConfig):
    name = "qualreg.advisers"
    label = "advisers"

    def ready(self) -> None:
        from qualreg.advisers.documents import resident_remarks
        from qualreg.advisers.for_resident import adviser_section
        from qualreg.registration import extras

        extras.add_section(adviser_section)
        extras.add_remarks(resident_remarks)
