"""Centre, Person and LoginCode move from `centres` to `people` in Django's state only.

The tables keep their names (`db_table`) and their rows: no SQL runs here, except that the
content types (and so permissions and admin history) follow the models to their new app.
`centres.0002_move_to_people` removes the models from the old app's state once every foreign
key points here.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("centre", "person", "logincode")


def _relabel(apps, schema_editor, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    types = content_type.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if not types.filter(app_label=new, model=model).exists():
            types.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "centres", "people")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "people", "centres")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("centres", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Centre",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(max_length=200, unique=True, verbose_name="name"),
                        ),
                        (
                            "municipality",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="municipality"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "centres_centre",
                        "verbose_name": "reception centre",
                        "verbose_name_plural": "reception centres",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Person",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "duf_number",
                            models.CharField(max_length=12, unique=True, verbose_name="DUF number"),
                        ),
                        (
                            "preferred_language",
                            models.CharField(
                                choices=[
                                    ("nb", "Norsk bokmål"),
                                    ("nn", "Norsk nynorsk"),
                                    ("en", "English"),
                                    ("ar", "العربية"),
                                    ("prs", "دری"),
                                    ("fa", "فارسی"),
                                    ("ps", "پښتو"),
                                    ("ckb", "کوردیی ناوەندی"),
                                    ("kmr", "Kurmancî"),
                                    ("ti", "ትግርኛ"),
                                    ("am", "አማርኛ"),
                                    ("so", "Soomaali"),
                                    ("uk", "Українська"),
                                    ("ru", "Русский"),
                                    ("tr", "Türkçe"),
                                    ("fr", "Français"),
                                    ("es", "Español"),
                                    ("sw", "Kiswahili"),
                                ],
                                default="nb",
                                max_length=8,
                                verbose_name="preferred language",
                            ),
                        ),
                        ("added_at", models.DateTimeField(auto_now_add=True, verbose_name="added")),
                        (
                            "added_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "centre",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="residents",
                                to="people.centre",
                                verbose_name="reception centre",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "centres_person",
                        "verbose_name": "resident",
                        "verbose_name_plural": "residents",
                        "ordering": ["duf_number"],
                    },
                ),
                migrations.CreateModel(
                    name="LoginCode",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("code_hash", models.CharField(max_length=64, unique=True)),
                        ("issued_at", models.DateTimeField(auto_now_add=True)),
                        ("expires_at", models.DateTimeField()),
                        ("used_at", models.DateTimeField(blank=True, null=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "issued_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="login_codes",
                                to="people.person",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "centres_logincode",
                        "verbose_name": "login code",
                        "verbose_name_plural": "login codes",
                        "ordering": ["-issued_at"],
                        "indexes": [
                            models.Index(
                                fields=["person", "used_at", "revoked_at"],
                                name="centres_log_person__6ccdb8_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
