"""Question labels are bold in every script: each web font is declared with the weight its
file really has, so that where we ship one weight the browser synthesises the bold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from tests.i18n.test_scripts_in_browser import log_in

STATIC = Path(__file__).resolve().parents[2] / "qualreg" / "static" / "qualreg"
_FACE = re.compile(r"@font-face\s*{([^}]*)}")
_WEIGHT = re.compile(r"font-weight:\s*([0-9 ]+);")
_SOURCE = re.compile(r"src:\s*url\(([^)]+)\)")


def declared_faces() -> list[tuple[str, str]]:
    """(font file, declared font-weight) of every @font-face rule in our stylesheets."""
    faces = []
    for stylesheet in sorted(STATIC.glob("*.css")):
        for rule in _FACE.findall(stylesheet.read_text(encoding="utf-8")):
            weight, source = _WEIGHT.search(rule), _SOURCE.search(rule)
            assert weight and source, f"@font-face in {stylesheet.name} without weight or src"
            faces.append((source.group(1), weight.group(1).strip()))
    return faces


def test_the_stylesheets_declare_fonts_for_every_script():
    files = {file for file, _weight in declared_faces()}
    assert files >= {
        "fonts/noto-sans-arabic-400-subset.woff2",
        "fonts/noto-sans-ethiopic-400-subset.woff2",
        "fonts/noto-sans-latin-700-normal.woff2",
    }


@pytest.mark.parametrize(("file", "weight"), declared_faces())
def test_each_font_is_declared_with_the_weight_of_its_file(file, weight):
    font = TTFont(STATIC / file)
    # A range claims the file can draw every weight in it: true only of a variable font.
    # Claimed by a single-weight file, it stops the browser from synthesising the bold.
    assert "fvar" not in font, "a variable font: check its wght axis against the range"
    assert weight == str(font["OS/2"].usWeightClass)


# Draws a label's own text on a canvas in the label's computed font, at its own weight and at
# normal weight, and counts the ink: the same font matching and synthesis as the page uses.
INK = """(selector) => {
  const label = document.querySelector(selector);
  const style = getComputedStyle(label);
  const text = label.textContent.trim();
  const ink = (weight) => {
    const canvas = document.createElement("canvas");
    canvas.width = 1600; canvas.height = 120;
    const context = canvas.getContext("2d");
    context.font = `${weight} ${style.fontSize} ${style.fontFamily}`;
    context.fillText(text, 10, 80);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    for (let i = 3; i < pixels.length; i += 4) sum += pixels[i];
    return sum;
  };
  return {weight: style.fontWeight, text, own: ink(style.fontWeight), normal: ink(400)};
}"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["ar", "ckb", "ti", "uk", "en"])
def test_a_question_label_is_drawn_bolder_than_an_answer(
    live_server: Any, new_page: Any, resident_session: Any, language: str
) -> None:
    page = new_page()
    log_in(page, live_server, resident_session, language)
    page.goto(f"{live_server.url}/{language}/form/personal/")
    page.evaluate("() => document.fonts.ready")
    question = page.evaluate(INK, ".field legend")
    answer = page.evaluate(INK, ".choice label")
    assert question["text"] and answer["text"]
    assert question["weight"] == "700" and answer["weight"] == "400"
    # Bold (real or synthesised) puts visibly more ink on the page than the normal weight:
    # about 1.5 times as much; 1.05 when the bold was neither picked nor synthesised.
    assert question["own"] > 1.25 * question["normal"], question
    assert answer["own"] == answer["normal"]
