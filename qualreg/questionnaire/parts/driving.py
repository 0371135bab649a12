"""Part 5, Driving licence: licences from other countries, and machines the person can use."""

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import COUNTRIES, DRIVING_CATEGORIES
from qualreg.questionnaire.conditions import AnySelected, Equals, Not, OneOf
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.parts.common import (
    YES,
    YES_NO,
    YES_NO_DONT_KNOW,
    dropdown,
    multiple,
    single,
    text,
)

LOST = "lost"
HAS_OR_HAD = OneOf("licence", (YES, LOST))

PART = Part(
    key="driving",
    title=_("Driving licence"),
    intro=_("Questions about driving licences from other countries than Norway, and machines."),
    questions=(
        single(
            "licence",
            _(
                "Do you have a driving licence from your home country or another country (not from Norway)?"  # noqa: E501
            ),
            (
                Choice(YES, _("Yes")),
                Choice(LOST, _("I had one, but I lost it or it was taken from me")),
                Choice("no", _("No")),
            ),
        ),
        dropdown(
            "licence_country",
            _("Which country gave you the driving licence?"),
            COUNTRIES,
            condition=HAS_OR_HAD,
        ),
        multiple(
            "licence_categories",
            _("Which vehicles does your licence allow you to drive?"),
            DRIVING_CATEGORIES,
            condition=HAS_OR_HAD,
            hint=_("You can choose more than one."),
        ),
        single(
            "licence_document",
            _("Do you have the driving licence with you?"),
            (
                Choice("original", _("Yes, the original")),
                Choice("copy", _("Only a copy or a photo")),
                Choice("no", _("No")),
            ),
            condition=Equals("licence", YES),
            required=False,
        ),
        single(
            "driving_as_job",
            _("Have you driven as a job (for example taxi, truck, bus or delivery)?"),
            YES_NO,
            condition=HAS_OR_HAD,
            required=False,
        ),
        single(
            "can_drive_without_licence",
            _("Can you drive a car, even if you have no licence?"),
            (
                Choice(YES, _("Yes")),
                Choice("a_little", _("A little")),
                Choice("no", _("No")),
            ),
            condition=Equals("licence", "no"),
            required=False,
        ),
        single(
            "norwegian_licence",
            _(
                "Do you have a Norwegian driving licence, or have you started driving lessons in Norway?"  # noqa: E501
            ),
            (
                Choice("no", _("No")),
                Choice("started", _("I have started lessons")),
                Choice(YES, _("Yes, I have a Norwegian licence")),
            ),
            required=False,
        ),
        single(
            "licence_wish",
            _("Would you like to take a Norwegian driving licence?"),
            YES_NO_DONT_KNOW,
            condition=Not(Equals("norwegian_licence", YES)),
            required=False,
        ),
        multiple(
            "machines",
            _("Which of these machines can you use?"),
            (
                Choice("tractor", _("Tractor")),
                Choice("forklift", _("Forklift")),
                Choice("excavator", _("Excavator or other building machine")),
                Choice("crane", _("Crane")),
                Choice("boat", _("Boat with engine")),
                Choice("sewing_machine", _("Industrial sewing machine")),
                Choice("other", _("Another machine")),
                Choice("none", _("None of these"), exclusive=True),
            ),
            required=False,
        ),
        text(
            "machines_other",
            _("Which other machine can you use?"),
            condition=AnySelected("machines", ("other",)),
            required=False,
        ),
    ),
)
