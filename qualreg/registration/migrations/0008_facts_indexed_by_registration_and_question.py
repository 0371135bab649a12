# The facts of one registration found by question and code in one index probe (advisers'
# filters); the index also serves lookups by registration alone, so the plain one goes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0007_person_deleted_with_their_registrations"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="answerfact",
            index=models.Index(
                fields=["registration", "question", "code", "item"],
                name="fact_registration_question",
            ),
        ),
        migrations.AlterField(
            model_name="answerfact",
            name="registration",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facts",
                to="registration.registration",
            ),
        ),
    ]
