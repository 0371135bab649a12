"""Template helpers: render a form field the same way everywhere, with its hint and error."""

from __future__ import annotations

import datetime

from django import forms, template
from django.utils.safestring import SafeString

from qualreg.lib.dates import format_moment
from qualreg.lib.forms import error_summary as _error_summary

register = template.Library()


@register.inclusion_tag("includes/field.html")
def field(
    bound: forms.BoundField, css_class: str = "", autocomplete: str = "off"
) -> dict[str, object]:
    describedby = []
    if bound.help_text:
        describedby.append(f"{bound.id_for_label}-hint")
    if bound.errors:
        describedby.append(f"{bound.id_for_label}-error")
    attrs: dict[str, str | bool] = {"class": css_class, "autocomplete": autocomplete}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    return {"field": bound, "widget": SafeString(bound.as_widget(attrs=attrs))}


@register.simple_tag
def form_errors(form: forms.Form) -> list[tuple[str, str]]:
    return _error_summary(form)


@register.filter
def local_datetime(moment: datetime.datetime | None) -> str:
    """A moment as people of the page's language write it, in Norwegian time."""
    return format_moment(moment) if moment is not None else ""
