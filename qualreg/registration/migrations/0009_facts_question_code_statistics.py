# PostgreSQL estimates a filter on the facts table ("question = 'edu_field' AND code = '06'")
# as if the question and the code were independent, which they are not (each question has its
# own codes): thousands of rows were estimated at 32, and the planner then read every such
# registration in the country before keeping an organisation's. Statistics on the pair give it
# the real counts. Other databases have no such statistics and need none.

from django.db import migrations

CREATE = [
    "CREATE STATISTICS IF NOT EXISTS fact_question_code_stats (mcv) "
    "ON question, code FROM registration_answerfact",
    # Room for every (question, code) pair the questionnaire has (about 900).
    "ALTER STATISTICS fact_question_code_stats SET STATISTICS 1000",
]
DROP = ["DROP STATISTICS IF EXISTS fact_question_code_stats"]


def _run(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("registration", "0008_facts_indexed_by_registration_and_question")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
