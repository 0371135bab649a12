"""Part 2, Education: schooling, reading and writing, each education and course."""

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import (
    COUNTRIES,
    ISCED_FIELDS,
    ISCED_LEVELS,
    LANGUAGES,
    UPPER_SECONDARY_OR_HIGHER,
    VOCATIONAL_OR_HIGHER,
)
from qualreg.questionnaire.conditions import All, AnyItem, Equals, OneOf
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.parts.common import (
    DONT_KNOW,
    YES,
    YES_NO,
    YES_NO_DONT_KNOW,
    dropdown,
    group,
    number,
    single,
    text,
    year,
)

COMPLETED = "completed"

READ_WRITE = (
    Choice("well", _("Yes, well")),
    Choice("a_little", _("Yes, a little")),
    Choice("no", _("No")),
)

EDUCATION_FIELDS = (
    dropdown(
        "edu_level",
        _("What kind of school or education was it?"),
        ISCED_LEVELS,
        hint=_("Choose the one that fits best."),
    ),
    dropdown(
        "edu_field",
        _("What was the main subject?"),
        ISCED_FIELDS,
        condition=OneOf("item.edu_level", VOCATIONAL_OR_HIGHER),
    ),
    text(
        "edu_programme",
        _("What was the name of the education or degree?"),
        hint=_(
            "For example “Nursing” or “Bachelor in civil engineering”. You can write in any language."  # noqa: E501
        ),
        required=False,
    ),
    dropdown("edu_country", _("In which country was it?"), COUNTRIES),
    single(
        "edu_outcome",
        _("Did you finish it?"),
        (
            Choice(COMPLETED, _("Yes, I finished it")),
            Choice("stopped", _("No, I stopped before the end")),
            Choice("ongoing", _("I was still studying when I had to leave")),
        ),
    ),
    year(
        "edu_end_year",
        _("Which year did you finish or stop?"),
        condition=OneOf("item.edu_outcome", (COMPLETED, "stopped")),
        required=False,
    ),
    number(
        "edu_years_studied",
        _("How many years did you study there?"),
        0,
        15,
        condition=OneOf("item.edu_outcome", ("stopped", "ongoing")),
    ),
    single(
        "edu_proof",
        _("Do you have a diploma or other papers that show this education?"),
        (
            Choice("original", _("Yes, I have the original with me")),
            Choice("copy", _("Yes, I have a copy or a photo")),
            Choice("can_get", _("No, but I can get it from my home country")),
            Choice("lost", _("No, it is lost or I cannot get it")),
            Choice("never", _("I never got one")),
        ),
    ),
    dropdown(
        "edu_teaching_language", _("In which language was the teaching?"), LANGUAGES, required=False
    ),
    single(
        "edu_licence",
        _(
            "Did this education give you a licence to work in a profession (for example nurse, teacher or electrician)?"  # noqa: E501
        ),
        YES_NO_DONT_KNOW,
        condition=OneOf("item.edu_level", VOCATIONAL_OR_HIGHER),
        required=False,
    ),
    text(
        "edu_licence_name",
        _("What is the licence for?"),
        condition=Equals("item.edu_licence", YES),
        required=False,
    ),
)

COURSE_FIELDS = (
    text(
        "course_topic",
        _("What did you learn in the course?"),
        hint=_("For example “first aid” or “sewing”."),
    ),
    dropdown("course_country", _("In which country was it?"), COUNTRIES, required=False),
    year("course_year", _("Which year was it?"), required=False),
    single("course_certificate", _("Did you get a certificate?"), YES_NO, required=False),
)

FINISHED_UPPER_SECONDARY = AnyItem(
    "educations",
    All(OneOf("item.edu_level", UPPER_SECONDARY_OR_HIGHER), Equals("item.edu_outcome", COMPLETED)),
)

PART = Part(
    key="education",
    title=_("Education"),
    intro=_("Tell us about all the schools and education you have had, also if it was short."),
    questions=(
        single("school_ever", _("Have you ever gone to school?"), YES_NO),
        number(
            "school_years",
            _("How many years did you go to school in all?"),
            0,
            30,
            condition=Equals("school_ever", YES),
            hint=_(
                "Count all schools, also university. If you are not sure, write your best guess."
            ),
        ),
        single(
            "read_write_first",
            _("Can you read and write in the language you spoke at home when you grew up?"),
            READ_WRITE,
        ),
        single(
            "read_write_latin",
            _("Can you read and write the Latin alphabet (a, b, c …)?"),
            READ_WRITE,
            hint=_("This is the alphabet that English and Norwegian are written in."),
        ),
        single(
            "numeracy",
            _("Can you do everyday sums, for example with money or measures?"),
            (
                Choice("easily", _("Yes, easily")),
                Choice("with_help", _("Yes, with some help")),
                Choice("no", _("No")),
            ),
            required=False,
        ),
        group(
            "educations",
            _("Your schools and education"),
            EDUCATION_FIELDS,
            hint=_(
                "Add each school or education after primary school. If primary school was all, add that."  # noqa: E501
            ),
            condition=Equals("school_ever", YES),
            max_items=10,
            add_label=_("Add another education"),
            item_title_field="edu_level",
        ),
        single(
            "courses_any",
            _("Have you taken any courses or training outside school?"),
            YES_NO,
            hint=_("For example a course in first aid, computers, sewing or driving machines."),
        ),
        group(
            "courses",
            _("Your courses and training"),
            COURSE_FIELDS,
            condition=Equals("courses_any", YES),
            max_items=10,
            add_label=_("Add another course"),
            item_title_field="course_topic",
        ),
        single(
            "recognition_applied",
            _("Have you already applied to have your education recognised in Norway?"),
            YES_NO_DONT_KNOW,
            condition=FINISHED_UPPER_SECONDARY,
            required=False,
        ),
        single(
            "education_in_norway",
            _("Have you taken any education or course in Norway, also at the reception centre?"),
            (*YES_NO, Choice(DONT_KNOW, _("I don't know"))),
            required=False,
        ),
    ),
)
