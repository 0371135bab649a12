"""The PDF of one registration as a reader gets it: Arabic set right to left with joined
letters, Ethiopic without empty boxes, fonts embedded that cover every character, a header
and "page X of Y" on every page in the reader's language, codes beside coded answers, and a
file name without the DUF number. Checked by reading the PDF back with pypdf."""

from __future__ import annotations

import datetime
import io
import re
from collections import defaultdict

import pypdf
import pytest
from django.utils import timezone, translation

from qualreg.exports import pdf
from qualreg.lib import languages
from qualreg.questionnaire.answers import answer_rows
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.samples import answered_document
from tests.exports.reading import fonts, page_texts
from tests.registration.conftest import COMPLETE_ANSWERS

DUF = "2012 586975 61"
COMPLETED = timezone.make_aware(datetime.datetime(2026, 11, 30, 14, 5))
ARABIC_LETTERS = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06D5]+")
ARABIC_ONLY = re.compile(r"[\u0600-\u06FF ]+")
# Vowel marks (a PDF maps a mark inside a ligature to text in drawing order, not writing
# order) and zero-width joiners and non-joiners (they shape letters but draw nothing) are
# left out of comparisons.
MARKS = re.compile(r"[\u064B-\u065F\u0670\u200B-\u200F]")
ASYLUM = (
    "The information you register is never used when your application for protection "
    "(asylum) is considered."
)
REMARK = pdf.Remark(COMPLETED, "Bergen kommune", "Norskkurs", "Ta med vitnemålet.", "nora")


def _copy(written_in: str, languages: tuple[str, str], **kwargs) -> pdf.Copy:
    answers = kwargs.pop("answers", None) or answered_document()
    return pdf.Copy(answers, DUF, 2, COMPLETED, written_in, languages, **kwargs)


def rendered_strings(answers, language: str) -> list[str]:
    """Every title, question and answer of the answer rows as text in `language`."""
    strings = []
    with translation.override(language):
        for part in answer_rows(QUESTIONNAIRE, answers):
            strings.append(str(part.part.title))
            for answer in part.answers:
                strings += [str(answer.question.label), answer.text]
                for item in answer.items:
                    for field in item.answers:
                        strings += [str(field.question.label), field.text]
    return [" ".join(string.split()) for string in strings if string.strip()]


@pytest.fixture(scope="module")
def arabic_for_adviser() -> bytes:
    """An adviser reading bokmål beside the resident's Arabic: a full registration."""
    return pdf.render(_copy("ar", ("nb", "ar"), remarks=[REMARK]))


@pytest.fixture(scope="module")
def tigrinya_for_resident() -> bytes:
    """The resident's own copy: Tigrinya beside bokmål."""
    return pdf.render(_copy("ti", ("ti", "nb"), for_resident=True, remarks=[REMARK]))


def test_arabic_reads_right_to_left_with_joined_letters(arabic_for_adviser) -> None:
    text = MARKS.sub("", " ".join(page_texts(arabic_for_adviser)))
    strings = [MARKS.sub("", s) for s in rendered_strings(answered_document(), "ar")]
    whole = [s for s in strings if ARABIC_ONLY.fullmatch(s)]
    assert len(whole) > 100
    # Text in Arabic alone comes back as it was written: in reading order, letter by letter
    # (pypdf misplaces a ligature that ends a wrapped line: one in fifty may differ).
    assert len([s for s in whole if s not in text]) <= len(whole) // 50
    # Mixed with digits, Latin or brackets, every Arabic word still does.
    words = {word for s in strings for word in ARABIC_LETTERS.findall(s)}
    assert len(words) > 300
    assert sorted(word for word in words if word not in text) == []
    # Joined: letters are drawn in their initial, medial and final forms, and lam-alef as
    # one ligature, not as isolated letters side by side.
    arabic = [font for font in fonts(arabic_for_adviser).values() if "Arabic" in font.name]
    forms = defaultdict(set)
    for font in arabic:
        for glyph in font.drawn:
            forms[font.to_unicode.get(glyph)].add((font.name, glyph))
    assert len(forms["ل"]) >= 4 and len(forms["ب"]) >= 4
    assert forms["لا"]


def test_tigrinya_comes_back_as_written(tigrinya_for_resident) -> None:
    text = " ".join(page_texts(tigrinya_for_resident))
    strings = rendered_strings(answered_document(), "ti")
    ethiopic = [s for s in strings if re.search(r"[\u1200-\u137F]", s)]
    assert len(ethiopic) > 100
    assert [s for s in ethiopic if s not in text] == []


@pytest.mark.parametrize("name", ["arabic_for_adviser", "tigrinya_for_resident"])
def test_no_glyph_is_missing_and_the_embedded_fonts_cover_the_text(name, request) -> None:
    data = request.getfixturevalue(name)
    found = fonts(data)
    assert found and all(font.embedded for font in found.values())
    # WeasyPrint gives a font with a missing glyph its own encoding; glyph 0 is .notdef.
    assert {font.name: font.encoding for font in found.values()} == {
        font.name: "/Identity-H" for font in found.values()
    }
    assert [font.name for font in found.values() if 0 in font.drawn] == []
    covered = set("".join(text for font in found.values() for text in font.to_unicode.values()))
    reader = "nb" if name == "arabic_for_adviser" else "ti"
    second = "ar" if name == "arabic_for_adviser" else "nb"
    expected = set("".join(rendered_strings(answered_document(), reader)))
    expected |= set("".join(rendered_strings(answered_document(), second)))
    assert sorted(expected - covered - {" "}) == []


def test_every_page_has_the_header_and_its_number_of_the_total(arabic_for_adviser) -> None:
    pages = page_texts(arabic_for_adviser)
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in text
        assert f"DUF-nummer: {DUF}" in text
        assert "Registreringsnummer: 2" in text
        assert "30. november 2026" in text


def test_page_numbers_are_in_the_readers_language(tigrinya_for_resident) -> None:
    pages = page_texts(tigrinya_for_resident)
    with translation.override("ti"):
        template = translation.gettext("Page %(number)s of %(total)s")
    assert template != "Page %(number)s of %(total)s"
    for number, text in enumerate(pages, start=1):
        assert template % {"number": number, "total": len(pages)} in text


def test_coded_answers_carry_their_classification_code(arabic_for_adviser) -> None:
    text = " ".join(page_texts(arabic_for_adviser))
    answers = answered_document()
    assert f"ISO 3166-1 {answers['birth_country']}" in text
    assert "ISO 639-3" in text and "ISCED 2011" in text and "ISCO-08" in text


def test_the_advisers_copy_has_the_remark_with_its_author(arabic_for_adviser) -> None:
    text = " ".join(page_texts(arabic_for_adviser))
    assert "Merknader og neste steg" in text
    assert "nora, Bergen kommune" in text
    assert "Ta med vitnemålet." in text and "Neste steg: Norskkurs" in text
    assert translation.gettext(ASYLUM) not in text


def test_the_residents_copy_has_their_rights_and_remarks_by_organisation(
    tigrinya_for_resident,
) -> None:
    text = " ".join(page_texts(tigrinya_for_resident))
    assert "post@imdi.no" in text
    for language in ("ti", "nb"):  # the rights side by side in both languages
        with translation.override(language):
            assert translation.gettext("Your rights") in text
            assert translation.gettext(ASYLUM) in text
    assert "Bergen kommune" in text and "Ta med vitnemålet." in text
    assert "nora" not in text


def test_the_file_is_a4_and_small(arabic_for_adviser, tigrinya_for_resident) -> None:
    for data in (arabic_for_adviser, tigrinya_for_resident):
        assert data.startswith(b"%PDF-")
        assert len(data) <= 300 * 1024
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:  # A4: 210 x 297 mm in points
            assert (round(page.mediabox.width), round(page.mediabox.height)) == (595, 842)


def test_the_file_name_has_the_number_and_day_never_the_duf_number() -> None:
    copy = _copy("ar", ("nb", "ar"), answers=COMPLETE_ANSWERS)
    assert pdf.filename(copy) == "registration-2-2026-11-30.pdf"
    assert not re.search(r"\d{6}", pdf.filename(copy))


CODES = [language.code for language in languages.LANGUAGES]


@pytest.mark.parametrize("pair", list(zip(CODES[0::2], CODES[1::2], strict=True)), ids=str)
def test_every_language_is_drawn_without_a_missing_glyph(pair: tuple[str, str]) -> None:
    """All 18 languages, two to a PDF (each column in its own)."""
    data = pdf.render(_copy(pair[1], pair, answers=COMPLETE_ANSWERS))
    found = fonts(data)
    assert [font.name for font in found.values() if font.encoding != "/Identity-H"] == []
    assert [font.name for font in found.values() if 0 in font.drawn] == []
    text = MARKS.sub("", " ".join(page_texts(data)))
    for code in pair:
        with translation.override(code):
            title = translation.gettext("Qualification registration")
        assert MARKS.sub("", title) in text


def test_weasyprint_logs_its_steps_and_nothing_of_the_registration(caplog) -> None:
    answers = answered_document()
    pdf.render(_copy("ar", ("nb", "ar"), answers=answers, remarks=[REMARK]))
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert "weasyprint.progress Step 5 - Creating layout - Page 2" in logged
    assert "weasyprint.progress Step 6 - Creating PDF" in logged
    typed = [value for value in answers.values() if isinstance(value, str) and len(value) > 3]
    for secret in [DUF, DUF.replace(" ", ""), REMARK.text, REMARK.author, *typed]:
        assert secret not in logged
