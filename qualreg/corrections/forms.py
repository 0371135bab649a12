"""The texts people write about a correction: the resident's request, the administrator's
reason for a correction or a refusal. Cleaned of invisible controls (lib.text) before they are
checked, so that a stray control character is removed rather than refused."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualreg.lib.text import clean_typed

MAX_TEXT = 1000


class TypedTextField(forms.CharField):
    """A required text of at most MAX_TEXT characters, kept as typed, lines included."""

    def __init__(self, label: Any, required: Any, help_text: Any) -> None:
        super().__init__(
            label=label,
            help_text=help_text,
            max_length=MAX_TEXT,
            strip=False,
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={
                "required": required,
                "max_length": _("Write at most 1000 characters."),
            },
        )

    def to_python(self, value: Any) -> str:
        return clean_typed(str(super().to_python(value)), multiline=True).strip()


class AskForm(forms.Form):
    text = TypedTextField(
        _("What is wrong?"),
        _("Write what is wrong."),
        _("Write it in your own words, in any language."),
    )


class CorrectionReasonForm(forms.Form):
    reason = TypedTextField(
        _("Reason for the correction"),
        _("Write the reason for the correction."),
        _("The resident reads it in the history of their registration."),
    )


class RefusalForm(forms.Form):
    refusal_reason = TypedTextField(
        _("Reason for refusing"),
        _("Write why the request is refused."),
        _("The resident reads it when they next log in."),
    )
