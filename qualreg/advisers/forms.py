"""The adviser portal's forms: find one resident, filter and sort the list, the purpose of a
read, and a remark."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualreg.advisers import filters
from qualreg.advisers.models import NextStep
from qualreg.advisers.purposes import Purpose
from qualreg.lib.duf import InvalidDufNumber, normalise_duf
from qualreg.lib.forms import DufNumberField, QuickSelect, read_csv_upload

# The messages of a malformed DUF number, shared by every form that takes one.
DUF_ERRORS = DufNumberField.ERRORS

SORTS = {
    "-completed": ("-completed_at", "-id"),
    "completed": ("completed_at", "id"),
    "duf": ("person__duf_number",),
    "-duf": ("-person__duf_number",),
    "centre": ("person__centre__name", "person__duf_number"),
    "-centre": ("-person__centre__name", "person__duf_number"),
}


class FindForm(forms.Form):
    """Exact DUF number only: there is no search across people."""

    duf = forms.CharField(
        label=_("DUF number"),
        help_text=_("12 digits, with or without spaces, for example 2012 586975 61."),
        max_length=40,
        error_messages={"required": _("Enter the resident's DUF number.")},
    )

    def clean_duf(self) -> str:
        try:
            return normalise_duf(self.cleaned_data["duf"])
        except InvalidDufNumber as error:
            raise forms.ValidationError(
                DUF_ERRORS.get(str(error), DUF_ERRORS["format"]), code="duf"
            ) from error


class ListForm(forms.Form):
    """Filters and order of "My people", read from the URL so that a list can be bookmarked.
    Filters are on structured answers only, and every chosen one narrows the list (AND)."""

    education = forms.ChoiceField(label=_("Education at least"), required=False)
    field = forms.ChoiceField(label=_("Education in the field"), required=False)
    occupation = forms.ChoiceField(label=_("Has worked as"), required=False)
    language = forms.ChoiceField(label=_("Speaks the language"), required=False)
    language_level = forms.ChoiceField(label=_("Speaks that language at least"), required=False)
    norwegian = forms.ChoiceField(label=_("Speaks Norwegian at least"), required=False)
    english = forms.ChoiceField(label=_("Speaks English at least"), required=False)
    licence = forms.ChoiceField(label=_("Driving licence for"), required=False)
    wish = forms.ChoiceField(label=_("Wishes for"), required=False)

    completed_from = forms.DateField(
        label=_("Completed on or after"), required=False, widget=forms.DateInput({"type": "date"})
    )
    completed_to = forms.DateField(
        label=_("Completed on or before"), required=False, widget=forms.DateInput({"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-completed", _("Completed, newest first")),
            ("completed", _("Completed, oldest first")),
            ("duf", _("DUF number")),
            ("centre", _("Reception centre")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Anything"))]
        for name, choices in filters.choice_lists().items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.widget = QuickSelect()  # about 250 options in all
            field.choices = anything + choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("completed_from"), data.get("completed_to")
        if start and end and start > end:
            self.add_error("completed_to", _("The end of the period must be after its start."))
        if data.get("language_level") and not data.get("language"):
            self.add_error("language", _("Choose the language the level is for."))
        return data


class PurposeForm(forms.Form):
    purpose = forms.ChoiceField(
        label=_("Why are you opening this registration?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you are opening this registration.")},
    )
    note = forms.CharField(
        label=_("If other: in a few words"),
        required=False,
        max_length=200,
    )

    # "Other" needs the adviser's words (the export form says so in its own terms).
    other_needs_words = _("Write in a few words why you are opening it.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("purpose") == Purpose.OTHER and not data.get("note", "").strip():
            self.add_error("note", self.other_needs_words)
        return data


class RemarkForm(forms.Form):
    text = forms.CharField(
        label=_("Remark"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("The resident can read this remark."),
    )
    next_step = forms.ChoiceField(
        label=_("Agreed next step"),
        required=False,
        choices=[("", _("No next step")), *NextStep.choices],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("text", "").strip() and not data.get("next_step"):
            raise forms.ValidationError(_("Write a remark or choose a next step."))
        return data


class AssignmentUploadForm(forms.Form):
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One resident a line: DUF number, organisation (name or municipality number), "
            "start date."
        ),
        error_messages={"required": _("Choose a CSV file.")},
    )

    def clean_csv_file(self) -> str:
        return read_csv_upload(self.cleaned_data["csv_file"])


class ExportForm(PurposeForm):
    """Why and in which format an adviser exports the residents of a filtered list."""

    purpose = forms.ChoiceField(
        label=_("Why are you exporting this list?"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you are exporting this list.")},
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("xlsx", _("Spreadsheet (XLSX)")),
            ("jsonl", _("JSON Lines, one registration a line")),
        ],
        widget=forms.RadioSelect,
        initial="xlsx",
        error_messages={"required": _("Choose a format.")},
    )
    other_needs_words = _("Write in a few words why you are exporting it.")
