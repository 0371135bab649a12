"""The administrators' forms: deleting a resident on request, and filtering the audit log."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualreg.advisers.models import Organisation
from qualreg.lib.duf import InvalidDufNumber, normalise_duf
from qualreg.lib.forms import DufNumberField
from qualreg.privacy.audit import Action

# A case or archive reference: letters, digits and a few separators, never a DUF number.
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$")


class FindPersonForm(forms.Form):
    duf_number = DufNumberField(
        help_text=_("12 digits, with or without spaces, for example 2012 586975 61.")
    )


class ConfirmDeletionForm(forms.Form):
    """The number found, and the same number typed again: nothing else confirms a deletion."""

    duf_number = DufNumberField(widget=forms.HiddenInput)
    duf_number_again = DufNumberField(label=_("Type the DUF number again to confirm"))
    reference = forms.CharField(label=_("Case reference (optional)"), max_length=40, required=False)

    def clean_reference(self) -> str:
        reference = str(self.cleaned_data["reference"]).strip()
        if not reference:
            return ""
        if not _REFERENCE.match(reference) or _is_duf_number(reference):
            raise forms.ValidationError(
                _("Use letters, digits, / . _ and - only, and never a DUF number."),
                code="reference",
            )
        return reference

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, again = cleaned.get("duf_number"), cleaned.get("duf_number_again")
        if first and again and first != again:
            self.add_error(
                "duf_number_again",
                forms.ValidationError(
                    _("The DUF numbers are not the same. Nothing was deleted."), code="mismatch"
                ),
            )
        return cleaned


def _is_duf_number(text: str) -> bool:
    try:
        normalise_duf(text)
    except InvalidDufNumber:
        return False
    return True


class AuditFilterForm(forms.Form):
    """Every filter is exact: the log is read about one resident, actor or action at a time,
    never searched across people."""

    duf_number = DufNumberField(label=_("Resident (DUF number)"), required=False)
    actor = forms.CharField(label=_("Staff user (username)"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(
        label=_("From (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To (date)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("All"))]
        self.fields["action"].choices = choices + [(value, value) for value in Action.values]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error(
                "until",
                forms.ValidationError(_("The end date is before the start date."), code="dates"),
            )
        return cleaned
