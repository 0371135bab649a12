"""Part 1, Personal data: the little about the person that advisers need to plan.

No name, no contact data, no religion, ethnicity or health.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.questionnaire.codelists import CITIZENSHIPS, COUNTRIES
from qualreg.questionnaire.conditions import Equals, NumberCompare, OneOf
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.parts.common import (
    NO,
    PREFER_NOT,
    YES,
    YES_NO,
    dropdown,
    group,
    number,
    single,
    year,
)

PART = Part(
    key="personal",
    title=_("Personal data"),
    intro=_("A few questions about you. We do not ask for your name."),
    questions=(
        year(
            "birth_year",
            _("Which year were you born?"),
            hint=_("Only the year, for example 1995. If you are not sure, write your best guess."),
        ),
        single(
            "gender",
            _("Are you a woman or a man?"),
            (
                Choice("woman", _("Woman")),
                Choice("man", _("Man")),
                Choice("other", pgettext_lazy("gender", "Other")),
                Choice(PREFER_NOT, _("I prefer not to say")),
            ),
        ),
        dropdown("birth_country", _("In which country were you born?"), COUNTRIES),
        dropdown(
            "citizenship",
            _("Which country are you a citizen of?"),
            CITIZENSHIPS,
            hint=_(
                "Choose the country of your passport or ID card. If you have none, choose “Stateless”."  # noqa: E501
            ),
        ),
        single(
            "home_area",
            _("Where did you live most of your life before you left your home country?"),
            (
                Choice("city", _("In a big city")),
                Choice("town", _("In a small town")),
                Choice("village", _("In a village or in the countryside")),
                Choice("camp", _("In a refugee camp")),
                Choice(PREFER_NOT, _("I prefer not to say")),
            ),
            required=False,
        ),
        single(
            "lived_abroad",
            _("Did you live 6 months or more in another country before you came to Norway?"),
            YES_NO,
            hint=_("Do not count your home country."),
        ),
        group(
            "countries_lived",
            _("Countries you lived in before Norway"),
            (
                dropdown("lived_country", _("Which country?"), COUNTRIES),
                number(
                    "lived_years",
                    _("About how many years did you live there?"),
                    0,
                    60,
                    hint=_("Write 0 if it was less than one year."),
                ),
            ),
            condition=Equals("lived_abroad", YES),
            max_items=8,
            add_label=_("Add another country"),
            item_title_field="lived_country",
        ),
        single(
            "marital_status",
            _("Are you married?"),
            (
                Choice("single", _("No, I am single")),
                Choice("married", _("Yes, I am married")),
                Choice("partner", _("I live with a partner")),
                Choice("divorced", _("I am separated or divorced")),
                Choice("widowed", _("I am a widow or widower")),
                Choice(PREFER_NOT, _("I prefer not to say")),
            ),
        ),
        single(
            "partner_in_norway",
            _("Is your husband, wife or partner in Norway?"),
            (
                Choice(YES, _("Yes, in Norway")),
                Choice("other_country", _("No, in another country")),
                Choice(PREFER_NOT, _("I prefer not to say")),
            ),
            condition=OneOf("marital_status", ("married", "partner")),
            required=False,
        ),
        single(
            "children",
            _("Do you have children?"),
            (*YES_NO, Choice(PREFER_NOT, _("I prefer not to say"))),
        ),
        number(
            "children_under_18",
            _("How many of your children are under 18 years old?"),
            0,
            20,
            condition=Equals("children", YES),
            hint=_("Write 0 if all your children are 18 or older."),
        ),
        single(
            "children_with_you",
            _("Do your children under 18 live with you in Norway?"),
            (
                Choice("all", _("Yes, all of them")),
                Choice("some", _("Some of them")),
                Choice("none", _("No")),
            ),
            condition=NumberCompare("children_under_18", ">", 0),
            required=False,
        ),
        single(
            "interpreter_need",
            _("Do you need an interpreter when you talk with public offices in Norway?"),
            (
                Choice(YES, _("Yes")),
                Choice("sometimes", _("Sometimes")),
                Choice(NO, _("No")),
            ),
            required=False,
        ),
    ),
)
