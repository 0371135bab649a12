"""Reading a PDF back as a reader's software does (pypdf): its text page by page, its fonts
with the characters each maps its glyphs to, and the glyphs its text draws."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pypdf
from pypdf.generic import ContentStream


@dataclass
class Font:
    name: str
    embedded: bool
    encoding: str
    # glyph id -> the text it stands for, from the font's ToUnicode map
    to_unicode: dict[int, str] = field(default_factory=dict)
    drawn: set[int] = field(default_factory=set)  # glyph ids the pages draw with it


def page_texts(data: bytes) -> list[str]:
    """Each page's text with runs of white space made one space."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def fonts(data: bytes) -> dict[str, Font]:
    """Every font of every page, by its PDF name, with the glyphs drawn in it."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: dict[str, Font] = {}
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        by_key: dict[str, Font] = {}
        for key, reference in resources.items():
            font = reference.get_object()
            name = str(font["/BaseFont"])
            if name not in found:
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant["/FontDescriptor"].get_object()
                found[name] = Font(
                    name,
                    "/FontFile2" in descriptor or "/FontFile3" in descriptor,
                    str(font["/Encoding"]) if "/Encoding" in font else "",
                    _to_unicode(font["/ToUnicode"].get_object().get_data().decode("latin-1")),
                )
            by_key[key] = found[name]
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = by_key[operands[0]]
            elif operator in (b"Tj", b"TJ") and current is not None:
                strings = operands[0] if operator == b"TJ" else operands
                for string in strings:
                    if isinstance(string, str | bytes):
                        raw = getattr(string, "original_bytes", string)
                        current.drawn.update(
                            int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)
                        )
    return found


def _to_unicode(cmap: str) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(glyph, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in re.findall(
            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
        ):
            start = int.from_bytes(bytes.fromhex(text), "big")
            for offset in range(int(last, 16) - int(first, 16) + 1):
                mapping[int(first, 16) + offset] = chr(start + offset)
    return mapping
