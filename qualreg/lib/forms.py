"""Helpers shared by every form page: one error summary, one way to render a field, one way
to read an uploaded CSV file, one field for a DUF number, a drop-down that writes long lists
quickly."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from qualreg.lib.duf import InvalidDufNumber, normalise_duf

# A CSV upload of residents or assignments: thousands of lines fit well within this.
MAX_CSV_BYTES = 200_000


def error_summary(form: forms.Form) -> list[tuple[str, str]]:
    """(id of the field to focus, message) for each error, in the order of the fields."""
    rows: list[tuple[str, str]] = []
    for message in form.non_field_errors():
        first = next(iter(form.fields), None)
        rows.append((form[first].id_for_label if first else "main", str(message)))
    for name in form.fields:
        for message in form.errors.get(name, []):
            rows.append((form[name].id_for_label, str(message)))
    return rows


def read_csv_upload(upload: UploadedFile) -> str:
    """The text of an uploaded CSV file, or a ValidationError a person can act on."""
    if (upload.size or 0) > MAX_CSV_BYTES:
        raise forms.ValidationError(_("The file is too large. Upload at most 200 KB."))
    data = upload.read()
    # Spreadsheets save CSV as UTF-8 (often with a byte-order mark) or as Windows-1252.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return str(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise forms.ValidationError(_("The file could not be read. Save it as CSV (UTF-8)."))


class DufNumberField(forms.CharField):
    """A DUF number typed in any usual way; cleans to its 12 digits, or a message a person
    can act on (the staff portal's and the advisers' wording, so one translation serves)."""

    ERRORS = {
        "format": _("Enter a DUF number of 12 digits, for example 2012 586975 61."),
        "year": _(
            "A DUF number starts with the year of the first application. Check the first 4 digits."
        ),
    }

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("label", _("DUF number"))
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("error_messages", {"required": _("Enter the resident's DUF number.")})
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def clean(self, value: object) -> str:
        raw = super().clean(value)
        if raw in self.empty_values:
            return ""
        try:
            return normalise_duf(raw)
        except InvalidDufNumber as error:
            raise forms.ValidationError(
                self.ERRORS.get(str(error), self.ERRORS["format"]), code="duf"
            ) from error


class QuickSelect(forms.Select):
    """A drop-down written out in Python rather than through one template per option: the
    same HTML as Django's `Select`, but a list of 60 languages costs a fraction of a
    millisecond instead of several (the adviser's filter form has about 250 options)."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            parts.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    option["value"],
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group:
                parts.append(mark_safe("</optgroup>"))  # noqa: S308 (a fixed tag)
        parts.append(mark_safe("</select>"))  # noqa: S308 (a fixed tag)
        return mark_safe("\n".join(parts))  # noqa: S308 (each part is escaped above)


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """HTML attributes as Django's widget template writes them, in the same order."""
    return mark_safe(  # noqa: S308 (each part is escaped)
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )
