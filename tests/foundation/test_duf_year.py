"""A DUF number's first four digits are a year that has begun in Norway."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from qualreg.lib.duf import InvalidDufNumber, normalise_duf


def test_a_number_from_the_first_minutes_of_a_norwegian_new_year_is_accepted(monkeypatch):
    # 23:30 on New Year's Eve in UTC is already 00:30 on 1 January 2027 in Oslo, where the
    # immigration authorities may have given the number.
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )
    assert normalise_duf("2027 123456 78") == "202712345678"
    with pytest.raises(InvalidDufNumber, match="year"):
        normalise_duf("2028 123456 78")
