"""The staff portal's forms: add a resident, import many, search and filter the list."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from qualreg.lib import languages
from qualreg.lib.duf import InvalidDufNumber, normalise_duf
from qualreg.lib.forms import MAX_CSV_BYTES, DufNumberField, read_csv_upload
from qualreg.registration.status import Status

MAX_IMPORT_LINES = 1000

# The messages of a malformed DUF number, shared by every form that takes one.
DUF_ERRORS = DufNumberField.ERRORS


def language_choices() -> list[tuple[str, str]]:
    """Each language by its name in the staff member's language and by its own name."""
    try:
        ui_locale = Locale.parse(languages.get(translation.get_language()).babel_locale)
    except (UnknownLocaleError, ValueError):
        ui_locale = Locale.parse("en")
    choices = []
    for language in languages.LANGUAGES:
        name = ui_locale.languages.get(language.babel_locale) or ui_locale.languages.get(
            language.babel_locale.split("_")[0], language.english_name
        )
        label = language.autonym if name == language.autonym else f"{name} – {language.autonym}"
        choices.append((language.code, label))
    return choices


def duf_problem(raw: str) -> str | None:
    """The translated reason why `raw` is not a DUF number, or None when it is one."""
    try:
        normalise_duf(raw)
    except InvalidDufNumber as error:
        return str(DUF_ERRORS.get(str(error), DUF_ERRORS["format"]))
    return None


class AddResidentForm(forms.Form):
    duf_number = forms.CharField(
        label=_("DUF number"),
        help_text=_("12 digits, with or without spaces, for example 2012 586975 61."),
        max_length=40,
        error_messages={"required": _("Enter the resident's DUF number.")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        help_text=_("The form and the code slip are shown in this language."),
        error_messages={
            "required": _("Select the resident's preferred language."),
            "invalid_choice": _("Select one of the languages in the list."),
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = self.fields["preferred_language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [("", "")] + language_choices()

    def clean_duf_number(self) -> str:
        # Whether the number is registered already is asked by `adding.add_resident`, once
        # the whole form is valid: each asking is audited, and ends in an addition or a refusal.
        raw = self.cleaned_data["duf_number"]
        problem = duf_problem(raw)
        if problem:
            raise forms.ValidationError(problem, code="invalid")
        return normalise_duf(raw)


def already_registered(at_my_centre: bool) -> str:
    """Why a DUF number cannot be added twice; never names another centre."""
    if at_my_centre:
        return str(_("This DUF number is already on your centre's list of residents."))
    return str(
        _(
            "This DUF number is already registered in the service. If the person has moved "
            "to your centre, ask the directorate to move them."
        )
    )


class ImportResidentsForm(forms.Form):
    lines = forms.CharField(
        label=_("Paste DUF numbers"),
        help_text=_(
            "One resident per line. After the DUF number you may add a comma or semicolon "
            "and a language code, for example: 2012 586975 61; ar"
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "dir": "ltr"}),
        max_length=MAX_CSV_BYTES,
        error_messages={"max_length": _("The list is too long. Add at most 1000 residents.")},
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file"),
        help_text=_(
            "A DUF number in the first column and, if you like, a language code in the second."
        ),
        required=False,
    )
    default_language = forms.ChoiceField(
        label=_("Language for lines without one"),
        error_messages={
            "required": _("Select a language for lines without one."),
            "invalid_choice": _("Select one of the languages in the list."),
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        language = self.fields["default_language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = language_choices()
        self.fields["default_language"].initial = languages.DEFAULT

    def clean_csv_file(self) -> str:
        upload = self.cleaned_data.get("csv_file")
        if not upload:
            return ""
        return read_csv_upload(upload)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        text = cleaned.get("csv_file") or cleaned.get("lines") or ""
        if not self.errors and not str(text).strip():
            raise forms.ValidationError(
                _("Paste at least one DUF number, or choose a CSV file."), code="required"
            )
        if len(str(text).splitlines()) > MAX_IMPORT_LINES:
            raise forms.ValidationError(_("The list is too long. Add at most 1000 residents."))
        cleaned["text"] = text
        return cleaned


class ListFilterForm(forms.Form):
    """The status filter and page number: in the address, since they name nobody."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All residents")), *Status.choices],
    )


class SearchForm(forms.Form):
    """A DUF number search, sent with POST so the number stays out of addresses and logs."""

    duf = forms.CharField(
        label=_("Search by DUF number"),
        help_text=_("All or part of the number, with or without spaces."),
        max_length=40,
        required=False,
    )
