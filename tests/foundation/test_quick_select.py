"""`QuickSelect` writes the same HTML as Django's `Select`, without a template per option."""

from __future__ import annotations

import pytest
from django import forms

from qualreg.lib.forms import QuickSelect

CHOICES = [
    ("", "Anything"),
    ("Group <one>", [("1", "One & only"), ("11", 'Eleven "quoted"')]),
    ("2", "Two"),
]


@pytest.mark.parametrize("value", ["", "11", "2", "<script>"])
def test_it_writes_what_djangos_select_writes(value):
    attrs = {"class": "", "aria-invalid": "true", "autocomplete": "off", "id": "id_x"}
    ours = QuickSelect(choices=CHOICES).render("x", value, attrs)
    django = forms.Select(choices=CHOICES).render("x", value, attrs)
    assert _squeezed(ours) == _squeezed(django)
    assert "&lt;one&gt;" in ours and "One &amp; only" in ours


def test_the_chosen_option_is_selected_and_text_is_escaped():
    html = QuickSelect(choices=CHOICES).render("x", "11", {"id": "id_x"})
    assert '<option value="11" selected>Eleven &quot;quoted&quot;</option>' in html
    assert '<optgroup label="Group &lt;one&gt;">' in html


def _squeezed(html: str) -> str:
    return "".join(line.strip() for line in html.splitlines())
