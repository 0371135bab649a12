from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "qualreg.statistics"
    label = "statistics"

    def ready(self) -> None:
        # Imported for its purge rule: the stored counts are counted again every hour.
        from qualreg.statistics import refresh  # noqa: F401
