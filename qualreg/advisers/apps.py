from django.apps import AppConfig


class AdvisersConfig(AppConfig):
    name = "qualreg.advisers"
    label = "advisers"
