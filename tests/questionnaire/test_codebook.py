"""manage.py codebook writes the whole questionnaire as JSON, Markdown and Excel."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = io.StringIO()
    call_command("codebook", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def book():
    return json.loads(run("--format", "json", "--language", "en"))


def entries(book):
    for part in book["parts"]:
        for q in part["questions"]:
            yield q
            yield from q.get("fields", [])


def test_json_has_seven_parts_in_order(book):
    assert book["version"] == "2026-11-1" and book["language"] == "en"
    keys = ["personal", "education", "language", "digital", "driving", "work", "other"]
    assert [p["key"] for p in book["parts"]] == keys
    assert all({"key", "title", "questions"} <= set(p) for p in book["parts"])


def test_json_counts_questions_groups_and_conditions(book):
    all_entries = list(entries(book))
    assert len(all_entries) >= 80
    assert sum(q["kind"] == "group" for q in all_entries) >= 4
    assert sum(bool(q["condition"]) for q in all_entries) >= 25
    for q in all_entries:
        assert {"key", "kind", "required", "label", "hint", "condition", "choices"} <= set(q)
    groups = [q for q in all_entries if q["kind"] == "group"]
    assert all(g["fields"] and g["max_items"] for g in groups)


def test_json_keeps_the_seed_examples(book):
    by_label = {q["label"]: q for q in entries(book)}
    home = by_label["Which language did you speak at home when you grew up?"]
    assert home["kind"] == "dropdown"
    home_labels = {c["label"] for c in home["choices"]}
    assert {
        "Arabic",
        "Dari (from Afghanistan)",
        "Farsi (from Iran)",
        "Kurdish (Kurmanji)",
        "Kurdish (Sorani)",
    } <= home_labels
    english = by_label["How well can you speak English?"]
    assert [c["label"] for c in english["choices"]] == [
        "Very good",
        "Good",
        "Neither good nor bad",
        "Poor",
        "Very poor",
        "Cannot speak English",
    ]
    activities = by_label["Did you use to do any of these activities before you came to Norway?"]
    labels = [c["label"] for c in activities["choices"]]
    assert labels[:5] == [
        "Caring for children",
        "Caring for family members who were ill",
        "Cleaning the house",
        "Cooking at home",
        "Agriculture",
    ]


def test_json_conditions_are_words(book):
    by_key = {q["key"]: q for q in entries(book)}
    assert "Have you ever gone to school?" in by_key["school_years"]["condition"]


def test_json_lists_standard_codes(book):
    by_key = {q["key"]: q for q in entries(book)}
    citizenship = {c["code"] for c in by_key["citizenship"]["choices"]}
    assert {"XK", "XX", "ZZ", "NO", "SY", "AF"} <= citizenship
    occupations = by_key["job_occupation"]["choices"]
    assert len(occupations) >= 121 and all(c.get("group") for c in occupations[:-1])
    assert {"B", "CE", "T"} <= {c["code"] for c in by_key["licence_categories"]["choices"]}
    assert all(c.get("reference") for c in by_key["can_do"]["choices"][:-1])


def test_markdown_in_another_language():
    text = run("--format", "md", "--language", "nb")
    assert text.startswith("# Codebook, version 2026-11-1 (nb)")
    assert "`birth_country`" in text and "Syria" in text


def test_xlsx_needs_an_output_file(tmp_path):
    with pytest.raises(CommandError):
        run("--format", "xlsx")
    target = tmp_path / "codebook.xlsx"
    run("--format", "xlsx", "--output", str(target))
    from openpyxl import load_workbook

    sheet = load_workbook(target)["questions"]
    assert sheet.max_row > 80


def test_an_unknown_language_is_refused():
    with pytest.raises(CommandError):
        run("--language", "xx")


def test_json_can_go_to_a_file(tmp_path):
    target = tmp_path / "book.json"
    run("--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2026-11-1"
