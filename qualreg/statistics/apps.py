from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "qualreg.statistics"
    label = "statistics"
