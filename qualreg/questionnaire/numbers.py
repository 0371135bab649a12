"""Whole numbers as people type them (any Unicode digits), read the same way everywhere."""

from __future__ import annotations

import re
from typing import Any

_INTEGER = re.compile(r"^[+-]?\d{1,9}$")


def as_integer(value: Any) -> int | None:
    """The whole number in `value` (an int, a whole float or digits as text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e9 else None
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if _INTEGER.match(text):
            try:
                return int(text)
            except ValueError:
                return None
    return None
