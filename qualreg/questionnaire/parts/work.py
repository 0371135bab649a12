"""Part 6, Work experience: paid and unpaid work, and each job with its occupation code."""

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import COUNTRIES, NACE_SECTIONS, OTHER_OCCUPATION
from qualreg.questionnaire.conditions import Any, Equals
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.occupations import OCCUPATIONS
from qualreg.questionnaire.parts.common import (
    YES,
    YES_NO,
    YES_NO_DONT_KNOW,
    dropdown,
    group,
    longtext,
    number,
    single,
    text,
    year,
)

HAS_WORKED = Any(Equals("paid_work", YES), Equals("unpaid_work", YES))

JOB_FIELDS = (
    dropdown(
        "job_occupation",
        _("What was your job?"),
        OCCUPATIONS,
        hint=_(
            "Choose the job that fits best. If you cannot find it, choose “Another job” at the end."
        ),
    ),
    text(
        "job_occupation_other",
        _("Write the name of the job"),
        condition=Equals("item.job_occupation", OTHER_OCCUPATION),
    ),
    longtext(
        "job_tasks",
        _("What did you do in this job?"),
        hint=_("Write the most important tasks. You can write in your own language."),
        required=False,
    ),
    dropdown("job_sector", _("What kind of workplace was it?"), NACE_SECTIONS, required=False),
    single(
        "job_work_type",
        _("How did you work?"),
        (
            Choice("employee", _("I was employed and got a salary")),
            Choice("own_business_staff", _("I had my own business with employees")),
            Choice("own_business_alone", _("I had my own business and worked alone")),
            Choice("family_unpaid", _("I helped in the family business or farm without pay")),
            Choice("volunteer", _("As a volunteer")),
            Choice("apprentice", _("As an apprentice or trainee")),
            Choice("military", _("Military service")),
        ),
    ),
    dropdown("job_country", _("In which country did you work?"), COUNTRIES),
    year("job_start_year", _("Which year did you start?"), required=False),
    year(
        "job_end_year",
        _("Which year did you stop?"),
        hint=_("Leave empty if you still had this job when you left."),
        required=False,
    ),
    number(
        "job_years",
        _("About how many years did you do this job in all?"),
        0,
        60,
        hint=_("Write 0 if it was less than one year."),
    ),
    single(
        "job_led_people",
        _("Were you the leader of other people?"),
        (
            Choice("no", _("No")),
            Choice("1_5", _("Yes, 1 to 5 people")),
            Choice("6_20", _("Yes, 6 to 20 people")),
            Choice("over_20", _("Yes, more than 20 people")),
        ),
        required=False,
    ),
    single(
        "job_proof",
        _("Do you have papers that show this job (for example a reference or a contract)?"),
        (
            Choice("with_me", _("Yes, I have them with me")),
            Choice("copy", _("Yes, a copy or a photo")),
            Choice("can_get", _("No, but I can get them")),
            Choice("no", _("No")),
        ),
        required=False,
    ),
    single(
        "job_licence",
        _("Did you need a licence or permission to do this job?"),
        YES_NO_DONT_KNOW,
        required=False,
    ),
)

PART = Part(
    key="work",
    title=_("Work experience"),
    intro=_(
        "Tell us about all the work you have done, also unpaid work and work on the way to Norway."
    ),
    questions=(
        single(
            "paid_work",
            _("Have you had paid work, as an employee or with your own business?"),
            YES_NO,
        ),
        single(
            "unpaid_work",
            _("Have you worked without pay?"),
            YES_NO,
            hint=_("For example in a family business, on a farm, or as a volunteer."),
        ),
        group(
            "jobs",
            _("Your jobs"),
            JOB_FIELDS,
            hint=_("Add each job, also jobs in other countries on the way to Norway."),
            condition=HAS_WORKED,
            max_items=12,
            add_label=_("Add another job"),
            item_title_field="job_occupation",
        ),
        single(
            "worked_in_norway",
            _("Have you worked in Norway, paid or unpaid?"),
            YES_NO,
            required=False,
        ),
        text(
            "worked_in_norway_what",
            _("What work did you do in Norway?"),
            condition=Equals("worked_in_norway", YES),
            required=False,
        ),
    ),
)
