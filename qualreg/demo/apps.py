from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "qualreg.demo"
    label = "demo"
