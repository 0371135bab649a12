"""Write the facts of registrations completed before the facts table existed."""

from django.db import migrations


def rebuild_facts(apps, schema_editor):
    from qualreg.registration.facts import write_facts

    Registration = apps.get_model("registration", "Registration")
    AnswerFact = apps.get_model("registration", "AnswerFact")
    AnswerFact.objects.filter(registration__status="completed").delete()
    for registration in Registration.objects.filter(status="completed").iterator(chunk_size=200):
        write_facts(registration, AnswerFact)


class Migration(migrations.Migration):
    dependencies = [("registration", "0004_corrections_and_facts")]

    operations = [migrations.RunPython(rebuild_facts, migrations.RunPython.noop)]
