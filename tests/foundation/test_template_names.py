"""Every template name our code renders resolves to our own file, and none of our names is
also a template of Django or another installed package: a shared name means one of the two
pages is silently replaced by the other (admin's "logged out" page once replaced ours)."""

from __future__ import annotations

import re
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.template.loader import get_template

import qualreg

OUR_CODE = Path(qualreg.__file__).resolve().parent

# Templates of others that ours extend on purpose.
EXTENDED_ON_PURPOSE = {"admin/change_list.html"}
# Templates of others that ours replace on purpose: the admin's base_site.html, the place
# Django gives for theming the admin (ours adds our admin.css, then extends Django's).
REPLACED_ON_PURPOSE = {"admin/base_site.html"}

_NAME_IN_PYTHON = re.compile(
    r"""(?:render|render_to_string|get_template|select_template|inclusion_tag|TemplateResponse)"""
    r"""\(\s*(?:request\s*,\s*)?["']([\w/.-]+\.(?:html|txt))["']"""
    r"""|template_name\s*=\s*["']([\w/.-]+\.(?:html|txt))["']"""
)
_NAME_IN_TEMPLATE = re.compile(r"""{%\s*(?:include|extends)\s+["']([\w/.-]+)["']""")


def template_dirs() -> list[Path]:
    """Every folder Django's loaders search: settings' DIRS, then each app's templates/."""
    dirs = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    dirs += [Path(config.path) / "templates" for config in apps.get_app_configs()]
    return [d.resolve() for d in dirs if d.is_dir()]


def names_in(folder: Path) -> dict[str, Path]:
    return {
        path.relative_to(folder).as_posix(): path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".html", ".txt"}
    }


def our_templates() -> dict[str, Path]:
    ours: dict[str, Path] = {}
    for folder in template_dirs():
        if folder.is_relative_to(OUR_CODE):
            ours.update(names_in(folder))
    return ours


def others_templates() -> dict[str, Path]:
    """Templates of Django's contrib apps, other installed packages and Django's forms."""
    others: dict[str, Path] = {}
    folders = [d for d in template_dirs() if not d.is_relative_to(OUR_CODE)]
    folders.append(Path(django.__file__).parent / "forms" / "templates")
    for folder in folders:
        others.update(names_in(folder))
    return others


def names_our_code_renders() -> set[str]:
    """The names written in our Python (render, get_template, inclusion_tag …) and in our
    templates ({% include %}, {% extends %}). Names built at run time (a widget per
    question kind) are among the files found by walking our template folders."""
    names: set[str] = set()
    for path in OUR_CODE.rglob("*.py"):
        for match in _NAME_IN_PYTHON.finditer(path.read_text(encoding="utf-8")):
            names.add(match.group(1) or match.group(2))
    for path in our_templates().values():
        names.update(_NAME_IN_TEMPLATE.findall(path.read_text(encoding="utf-8")))
    return names


def test_the_enumeration_finds_the_pages_we_know():
    rendered = names_our_code_renders()
    assert {"home.html", "error.html", "centres/slips.html", "includes/field.html"} <= rendered
    assert len(our_templates()) >= 40


def test_every_name_our_code_renders_is_one_of_our_templates():
    ours = our_templates()
    unknown = {name for name in names_our_code_renders() if name not in ours}
    assert unknown == EXTENDED_ON_PURPOSE


def test_every_one_of_our_templates_resolves_to_our_file():
    wrong = {}
    for name, path in sorted(our_templates().items()):
        origin = Path(get_template(name).origin.name).resolve()
        if origin != path.resolve():
            wrong[name] = str(origin)
    assert wrong == {}


def test_no_template_of_ours_shares_a_name_with_django_s_or_another_package_s():
    others = others_templates()
    assert "registration/logged_out.html" in others  # the enumeration sees admin's pages
    assert sorted(set(our_templates()) & set(others)) == sorted(REPLACED_ON_PURPOSE)
