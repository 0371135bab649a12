"""The codebook: the whole questionnaire with keys, kinds, conditions in words and codes.

For translators, reviewers and data users; rendered as JSON, Markdown or Excel in any language.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils import translation

from qualreg.questionnaire.model import Kind, Question, Questionnaire


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _question(
    question: Question, questionnaire: Questionnaire, group: Question | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "key": question.key,
        "kind": str(question.kind),
        "required": question.required,
        "label": _text(question.label),
        "hint": _text(question.hint),
        # The standard the choice codes come from; None for codes of our own.
        "classification": _text(question.classification),
        "retired": question.retired,
        "condition": (
            question.condition.describe(questionnaire, group) if question.condition else None
        ),
        "choices": [
            {"code": c.code, "label": _text(c.label)}
            | ({"exclusive": True} if c.exclusive else {})
            | ({"group": _text(c.group)} if c.group else {})
            | ({"reference": c.reference} if c.reference else {})
            for c in question.choices
        ],
    }
    if question.kind in (Kind.NUMBER, Kind.YEAR):
        entry["min"], entry["max"] = question.min, question.max
    if question.max_selected is not None:
        entry["max_selected"] = question.max_selected
    if question.kind in (Kind.TEXT, Kind.LONGTEXT):
        entry["max_length"] = question.text_limit
    if question.kind == Kind.GROUP:
        entry["fields"] = [_question(f, questionnaire, question) for f in question.fields]
        entry["max_items"] = question.max_items
    return entry


def codebook(questionnaire: Questionnaire, language: str | None = None) -> dict[str, Any]:
    """The codebook as a JSON-able dict, in the given (or active) language."""
    with translation.override(language or translation.get_language()):
        return {
            "version": questionnaire.version,
            "language": translation.get_language(),
            "parts": [
                {
                    "key": part.key,
                    "title": _text(part.title),
                    "intro": _text(part.intro),
                    "questions": [_question(q, questionnaire, None) for q in part.questions],
                }
                for part in questionnaire.parts
            ],
        }


def to_json(book: dict[str, Any]) -> str:
    return json.dumps(book, ensure_ascii=False, indent=2) + "\n"


def _md_choices(choices: list[dict[str, Any]]) -> list[str]:
    return [f"  - `{c['code']}` {c['label']}" for c in choices]


def to_markdown(book: dict[str, Any]) -> str:
    lines = [f"# Codebook, version {book['version']} ({book['language']})", ""]
    for number, part in enumerate(book["parts"], 1):
        lines += [f"## {number}. {part['title']} (`{part['key']}`)", ""]
        for q in part["questions"]:
            lines += _md_question(q, level="###")
    return "\n".join(lines) + "\n"


def _md_question(q: dict[str, Any], level: str) -> list[str]:
    required = "required" if q["required"] else "optional"
    lines = [f"{level} `{q['key']}` — {q['label']}", "", f"- kind: {q['kind']}, {required}"]
    if q.get("retired"):
        lines.append("- retired: kept for earlier registrations, never shown")
    if q.get("hint"):
        lines.append(f"- hint: {q['hint']}")
    if q.get("classification"):
        lines.append(f"- codes: {q['classification']}")
    if q.get("condition"):
        lines.append(f"- shown when: {q['condition']}")
    for limit in ("min", "max", "max_selected", "max_length", "max_items"):
        if q.get(limit) is not None:
            lines.append(f"- {limit}: {q[limit]}")
    if q["choices"]:
        lines.append("- choices:")
        lines += _md_choices(q["choices"])
    lines.append("")
    for field in q.get("fields", []):
        lines += _md_question(field, level=level + "#")
    return lines


def rows(book: dict[str, Any]) -> list[list[Any]]:
    """One row per question and field, for the spreadsheet."""
    result = []
    for part in book["parts"]:
        for q in part["questions"]:
            for entry, group in [(q, "")] + [(f, q["key"]) for f in q.get("fields", [])]:
                choices = "\n".join(f"{c['code']} = {c['label']}" for c in entry["choices"])
                result.append(
                    [
                        part["key"],
                        group,
                        entry["key"],
                        entry["kind"],
                        "yes" if entry["required"] else "no",
                        entry["label"],
                        entry.get("hint") or "",
                        entry.get("condition") or "",
                        entry.get("classification") or "",
                        choices,
                        "yes" if entry.get("retired") else "no",
                    ]
                )
    return result


HEADERS = [
    "part",
    "group",
    "key",
    "kind",
    "required",
    "label",
    "hint",
    "condition",
    "classification",
    "choices",
    "retired",
]


def write_xlsx(book: dict[str, Any], path: str) -> None:
    from openpyxl import Workbook

    from qualreg.lib.xlsx import scratch_directory

    with scratch_directory():
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "questions"
        sheet.append(HEADERS)
        for row in rows(book):
            sheet.append(row)
        info = workbook.create_sheet("about")
        info.append(["version", book["version"]])
        info.append(["language", book["language"]])
        workbook.save(path)
