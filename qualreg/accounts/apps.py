from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "qualreg.accounts"
    label = "accounts"
