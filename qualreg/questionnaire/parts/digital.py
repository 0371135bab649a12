"""Part 4, Digital skills: devices, use, and a can-do list tied to DigComp 2.2."""

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import DIGCOMP_CAN_DO
from qualreg.questionnaire.conditions import Equals, OneOf
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.parts.common import YES, YES_NO, YES_NO_DONT_KNOW, multiple, single, text

HOW_OFTEN = (
    Choice("daily", _("Every day")),
    Choice("weekly", _("Every week")),
    Choice("sometimes", _("Sometimes")),
    Choice("never", _("Never")),
)

PART = Part(
    key="digital",
    title=_("Digital skills"),
    intro=_("Questions about phones, computers and the internet."),
    questions=(
        single("smartphone", _("Do you have your own smartphone?"), YES_NO, required=False),
        single(
            "computer_access",
            _("Can you use a computer or tablet here in Norway?"),
            (
                Choice("own", _("Yes, I have my own")),
                Choice("borrow", _("Yes, I can borrow one")),
                Choice("no", _("No")),
            ),
            required=False,
        ),
        single(
            "computer_use_before",
            _("How often did you use a computer before you came to Norway?"),
            HOW_OFTEN,
        ),
        multiple(
            "can_do",
            _("Which of these can you do without help?"),
            DIGCOMP_CAN_DO,
            hint=_("Choose all that you can do on a phone, tablet or computer."),
        ),
        single(
            "keyboard_latin",
            _("Can you type on a keyboard with Latin letters (a, b, c …)?"),
            (
                Choice("fast", _("Yes, fast")),
                Choice("slow", _("Yes, but slowly")),
                Choice("no", _("No")),
            ),
            condition=OneOf("computer_use_before", ("daily", "weekly", "sometimes")),
            required=False,
        ),
        single(
            "it_certificate",
            _(
                "Do you have a course or certificate in computers (for example ICDL, Cisco or Microsoft)?"  # noqa: E501
            ),
            YES_NO,
            required=False,
        ),
        text(
            "it_certificate_name",
            _("Which course or certificate?"),
            condition=Equals("it_certificate", YES),
            required=False,
        ),
        single(
            "online_forms",
            _("Have you filled in a form or applied for something on the internet?"),
            YES_NO_DONT_KNOW,
            required=False,
        ),
        single(
            "computer_course_wish",
            _("Would you like a course to learn more about computers?"),
            YES_NO_DONT_KNOW,
            required=False,
        ),
    ),
)
