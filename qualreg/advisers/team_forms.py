"""The lead adviser's form for a new adviser, and the new adviser's password form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from qualreg.accounts.signin import tried_account


class AddAdviserForm(forms.Form):
    username = forms.CharField(
        label=_("User name"),
        help_text=_("Letters, digits and . @ + - _ only, for example kari.nordmann."),
        max_length=150,
        validators=[UnicodeUsernameValidator(message=_("Use only letters, digits and . @ + - _"))],
        error_messages={"required": _("Enter a user name.")},
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter the first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, error_messages={"required": _("Enter the last name.")}
    )
    email = forms.EmailField(
        label=_("Work e-mail address"),
        help_text=_("The set-up link is sent here."),
        error_messages={
            "required": _("Enter the work e-mail address."),
            "invalid": _("Enter an e-mail address like name@kommune.no."),
        },
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        # Also a name that differs only in case or in look-alike letters: they would share
        # one sign-in lockout and be easy to confuse.
        if tried_account(username).user_id is not None:
            raise forms.ValidationError(_("This user name is taken. Choose another."))
        return username


class SetUpPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("New password"),
        help_text=_("At least 12 characters. A few unrelated words are easy to remember."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter a password.")},
    )
    password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter the password again.")},
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
