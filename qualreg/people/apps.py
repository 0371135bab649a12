from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "qualreg.people"
    label = "people"
