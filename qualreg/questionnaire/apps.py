"""Django app config for the questionnaire engine and its content."""

from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "qualreg.questionnaire"
    label = "questionnaire"
    verbose_name = "Questionnaire"
    default_auto_field = "django.db.models.BigAutoField"
