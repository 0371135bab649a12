"""Centre, Person and LoginCode now live in `people` (see people.0001_initial): the staff
portal keeps no models. State only; the tables stay, under their old names."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0001_initial"),
        ("people", "0001_initial"),
        ("accounts", "0003_centre_in_people"),
        ("privacy", "0002_person_in_people"),
        ("registration", "0006_person_in_people"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="LoginCode"),
                migrations.DeleteModel(name="Person"),
                migrations.DeleteModel(name="Centre"),
            ],
            database_operations=[],
        ),
    ]
