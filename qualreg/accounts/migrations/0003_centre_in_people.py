"""User.centre now points at people.Centre in Django's state only: the column and its
constraint already point at the same table, which kept its name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="user",
                    name="centre",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="staff",
                        verbose_name="reception centre",
                        to="people.centre",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
