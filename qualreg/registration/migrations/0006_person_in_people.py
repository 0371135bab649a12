"""Registration.person and ConsentRecord.person now point at people.Person in Django's state only: the column and its
constraint already point at the same table, which kept its name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0005_facts_of_completed_registrations"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="registration",
                    name="person",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="registrations",
                        to="people.person",
                    ),
                ),
                migrations.AlterField(
                    model_name="consentrecord",
                    name="person",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="consents",
                        to="people.person",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
