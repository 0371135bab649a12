"""Part 7, Other: activities the person used to do, interests, and wishes for education and work."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.questionnaire.codelists import ISCED_FIELDS, OTHER_OCCUPATION
from qualreg.questionnaire.conditions import AnySelected, Equals, OneOf
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.occupations import OCCUPATIONS
from qualreg.questionnaire.parts.common import (
    DONT_KNOW,
    YES,
    YES_NO_DONT_KNOW,
    dropdown,
    longtext,
    multiple,
    single,
    text,
)
from qualreg.questionnaire.parts.education import FINISHED_UPPER_SECONDARY

YES_MAYBE = ("yes", "maybe")
YES_MAYBE_NO = (
    Choice(YES, _("Yes")),
    Choice("maybe", _("Maybe")),
    Choice("no", _("No")),
    Choice(DONT_KNOW, _("I don't know")),
)

ACTIVITIES = (
    Choice("childcare", _("Caring for children")),
    Choice("care_ill_family", _("Caring for family members who were ill")),
    Choice("cleaning", _("Cleaning the house")),
    Choice("cooking_home", _("Cooking at home")),
    Choice("agriculture", _("Agriculture")),
    Choice("care_elderly", _("Caring for old or disabled people")),
    Choice("cooking_many", _("Cooking for many people, for example at parties")),
    Choice("animals", _("Keeping animals")),
    Choice("gardening", _("Gardening")),
    Choice("sewing", _("Sewing or making clothes")),
    Choice("hair_beauty", _("Cutting hair or beauty care")),
    Choice("building", _("Building or repairing houses")),
    Choice("repair_vehicles", _("Repairing cars, bikes or machines")),
    Choice("repair_electronics", _("Repairing phones or electronics")),
    Choice("trading", _("Selling or trading at a market or in a shop")),
    Choice("handicrafts", _("Handicrafts, for example carpets, jewellery or woodwork")),
    Choice("teaching", _("Teaching or helping others to learn")),
    Choice("interpreting", _("Interpreting for others")),
    Choice("community", _("Organising things or volunteering in the local community")),
    Choice("sports_coaching", _("Coaching sports")),
    Choice("fishing", _("Fishing")),
    Choice("driving_others", _("Driving for others")),
    Choice("none", _("None of these"), exclusive=True),
)

INTERESTS = (
    Choice("sports", _("Sports and exercise")),
    Choice("music", _("Music")),
    Choice("art", _("Art or drawing")),
    Choice("reading", _("Reading")),
    Choice("writing", _("Writing")),
    Choice("technology", _("Computers and technology")),
    Choice("nature", _("Nature and outdoor life")),
    Choice("cooking", _("Cooking")),
    Choice("handicrafts", _("Handicrafts")),
    Choice("helping", _("Helping other people")),
    Choice("languages", _("Learning languages")),
    Choice("other", _("Something else")),
)

PART = Part(
    key="other",
    title=pgettext_lazy("title of the last part of the form", "Other"),
    intro=_("What you used to do, what you like, and what you wish for in Norway."),
    questions=(
        multiple(
            "activities",
            _("Did you use to do any of these activities before you came to Norway?"),
            ACTIVITIES,
            hint=_("Select the activities you used to do. You can select more than one activity."),
        ),
        multiple(
            "interests", _("What do you like to do in your free time?"), INTERESTS, required=False
        ),
        text(
            "interests_other",
            _("What else do you like to do?"),
            condition=AnySelected("interests", ("other",)),
            required=False,
        ),
        dropdown(
            "work_wish",
            _("What kind of work would you like to have in Norway?"),
            OCCUPATIONS,
            hint=_(
                "Choose the job you want most. If you cannot find it, choose “Another job” at the end."  # noqa: E501
            ),
            required=False,
        ),
        text(
            "work_wish_other",
            _("Write the job you would like to have"),
            condition=Equals("work_wish", OTHER_OCCUPATION),
            required=False,
        ),
        single(
            "same_field",
            _("Would you like to work with the same kind of work as before?"),
            (
                Choice(YES, _("Yes")),
                Choice("similar", _("Something similar")),
                Choice("new", _("No, something new")),
                Choice(DONT_KNOW, _("I don't know")),
            ),
            condition=Equals("paid_work", YES),
            required=False,
        ),
        single(
            "work_start_wish",
            _("When would you like to start working in Norway?"),
            (
                Choice("soon", _("As soon as I can")),
                Choice("after_norwegian", _("After I have learned some Norwegian")),
                Choice("after_education", _("After I have taken education")),
                Choice(DONT_KNOW, _("I don't know")),
            ),
            required=False,
        ),
        single(
            "work_hours_wish",
            _("Would you like to work full time or part time?"),
            (
                Choice("full_time", _("Full time")),
                Choice("part_time", _("Part time")),
                Choice(DONT_KNOW, _("I don't know")),
            ),
            required=False,
        ),
        single("education_wish", _("Would you like to take education in Norway?"), YES_MAYBE_NO),
        multiple(
            "education_wish_kind",
            _("What kind of education would you like?"),
            (
                Choice("adult_primary", _("Primary or lower secondary school for adults")),
                Choice("upper_secondary", _("Upper secondary school")),
                Choice("trade_certificate", _("A trade certificate (fagbrev)")),
                Choice("higher", _("University or college")),
                Choice("short_courses", _("Short courses")),
                Choice(DONT_KNOW, _("I don't know yet"), exclusive=True),
            ),
            condition=OneOf("education_wish", YES_MAYBE),
            max_selected=3,
            hint=_("Choose up to 3."),
            required=False,
        ),
        dropdown(
            "education_wish_field",
            _("What would you like to study?"),
            ISCED_FIELDS,
            condition=OneOf("education_wish", YES_MAYBE),
            required=False,
        ),
        single(
            "recognition_wish",
            _("Would you like to have your education from abroad recognised in Norway?"),
            (
                Choice(YES, _("Yes")),
                Choice("no", _("No")),
                Choice("already", _("I have already applied")),
                Choice(DONT_KNOW, _("I don't know")),
            ),
            condition=FINISHED_UPPER_SECONDARY,
            required=False,
        ),
        single(
            "work_assessment_wish",
            _(
                "Would you like to have your work experience checked, for example to get a trade certificate?"  # noqa: E501
            ),
            YES_NO_DONT_KNOW,
            condition=Equals("paid_work", YES),
            required=False,
        ),
        single(
            "business_wish",
            _("Would you like to start your own business in Norway?"),
            YES_MAYBE_NO,
            required=False,
        ),
        text(
            "business_what",
            _("What kind of business?"),
            condition=OneOf("business_wish", YES_MAYBE),
            required=False,
        ),
        single(
            "volunteer_wish",
            _(
                "Would you like to do volunteer work in Norway, "
                "for example in a sports club or an organisation?"
            ),
            YES_NO_DONT_KNOW,
            required=False,
        ),
        text(
            "volunteer_what",
            _("What would you like to do as a volunteer?"),
            condition=Equals("volunteer_wish", YES),
            required=False,
        ),
        multiple(
            "priorities",
            _("What is most important for you now?"),
            (
                Choice("learn_norwegian", _("To learn Norwegian")),
                Choice("job_quickly", _("To get a job quickly")),
                Choice("education", _("To take education")),
                Choice("recognition", _("To get my education recognised")),
                Choice("business", _("To start a business")),
                Choice("driving_licence", _("To get a driving licence")),
                Choice("family", _("To take care of my family")),
            ),
            max_selected=3,
            hint=_("Choose up to 3."),
            required=False,
        ),
        longtext(
            "anything_else",
            _("Is there anything else about your skills or wishes you want to tell us?"),
            required=False,
        ),
        single(
            "helped_by",
            _("Who helped you to fill in this form?"),
            (
                Choice("nobody", _("Nobody, I did it alone")),
                Choice("staff", _("Staff at the reception centre")),
                Choice("interpreter", _("An interpreter")),
                Choice("family_friend", _("Family or a friend")),
            ),
        ),
    ),
)
