"""Typed text made safe to store and show: invisible characters that break storage or display
are removed.

What is removed is invisible, so the person's text reads the same after cleaning and nothing
asks them to fix what they cannot see. PostgreSQL's jsonb refuses NUL and the encoder refuses
lone surrogates, so one such character would otherwise lose a whole save.
"""

from __future__ import annotations

import re

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Explicit bidirectional embeddings, overrides and isolates. Left unbalanced in an answer they
# reorder or re-embed the text after it wherever the answer is shown without isolation (an
# export, a spreadsheet), so that it reads differently from what is stored. The marks (LRM,
# RLM, ALM) stay: they are what mixed right-to-left and left-to-right typing needs.
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Lone surrogates (no character; a form post cannot carry them, a hand-built one can).
_SURROGATES = "\ud800-\udfff"
# Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_REMOVED = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}{_SURROGATES}{_NONCHARACTERS}]")
_LINE_BREAKS_AND_TABS = re.compile(r"[\t\r\n]+")


def clean_typed(value: str, *, multiline: bool = False) -> str:
    """The text without invisible controls; a one-line text also gets a space for each run of
    tabs and line breaks (a text field cannot hold them), while a multi-line one keeps them."""
    value = _REMOVED.sub("", value)
    if not multiline:
        value = _LINE_BREAKS_AND_TABS.sub(" ", value)
    return value
