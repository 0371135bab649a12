"""AuditEvent.person now points at people.Person in Django's state only: the column and its
constraint already point at the same table, which kept its name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="auditevent",
                    name="person",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="audit_events",
                        verbose_name="resident",
                        to="people.person",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
