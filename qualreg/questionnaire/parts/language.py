"""Part 3, Language: the language of childhood, English, Norwegian and every other language."""

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import LANGUAGES, OTHER_LANGUAGE, skill_scale
from qualreg.questionnaire.conditions import All, Answered, Equals, NoneSelected, Not
from qualreg.questionnaire.model import Choice, Part
from qualreg.questionnaire.parts.common import (
    DONT_KNOW,
    YES,
    YES_NO,
    dropdown,
    group,
    multiple,
    number,
    single,
    text,
)

CANNOT = "0"
NO_LESSONS = "none"
HAD_LESSONS = NoneSelected("norwegian_lessons", (NO_LESSONS,))

CEFR_LEVELS = (
    Choice("A1", _("A1 (beginner)")),
    Choice("A2", _("A2")),
    Choice("B1", _("B1")),
    Choice("B2", _("B2")),
    Choice("C1", _("C1")),
    Choice("C2", _("C2 (best)")),
    Choice(DONT_KNOW, _("I don't know")),
)

OTHER_LANGUAGE_FIELDS = (
    dropdown("lang_code", _("Which language?"), LANGUAGES),
    text(
        "lang_other",
        _("Write the name of the language"),
        condition=Equals("item.lang_code", OTHER_LANGUAGE),
    ),
    single("lang_speak", _("How well can you speak it?"), skill_scale(_("I cannot speak it"))),
    single(
        "lang_read_write",
        _("How well can you read and write it?"),
        skill_scale(_("I cannot read or write it")),
        required=False,
    ),
    single(
        "lang_certificate",
        _("Do you have a test or certificate in this language?"),
        YES_NO,
        required=False,
    ),
    single(
        "lang_certificate_level",
        _("Which level does the certificate show?"),
        CEFR_LEVELS,
        condition=Equals("item.lang_certificate", YES),
        required=False,
    ),
)

PART = Part(
    key="language",
    title=_("Language"),
    intro=_("Tell us which languages you know and how well you know them."),
    questions=(
        dropdown(
            "home_language", _("Which language did you speak at home when you grew up?"), LANGUAGES
        ),
        text(
            "home_language_other",
            _("Write the name of the language you spoke at home"),
            condition=Equals("home_language", OTHER_LANGUAGE),
        ),
        dropdown(
            "best_language",
            _("Which language do you speak best today?"),
            LANGUAGES,
            required=False,
            hint=_("Leave this empty if it is the language you spoke at home."),
        ),
        single(
            "english_speak",
            _("How well can you speak English?"),
            skill_scale(_("Cannot speak English")),
        ),
        single(
            "english_read_write",
            _("How well can you read and write English?"),
            skill_scale(_("Cannot read or write English")),
            condition=All(Answered("english_speak"), Not(Equals("english_speak", CANNOT))),
        ),
        single(
            "norwegian_speak",
            _("How well can you speak Norwegian?"),
            skill_scale(_("Cannot speak Norwegian")),
        ),
        single(
            "norwegian_read_write",
            _("How well can you read and write Norwegian?"),
            skill_scale(_("Cannot read or write Norwegian")),
            condition=All(Answered("norwegian_speak"), Not(Equals("norwegian_speak", CANNOT))),
        ),
        multiple(
            "norwegian_lessons",
            _("Have you had Norwegian lessons?"),
            (
                Choice("reception_centre", _("Yes, at the reception centre")),
                Choice(
                    "volunteer", _("Yes, with volunteers (for example the Red Cross or a library)")
                ),
                Choice("online", _("Yes, on the internet or with an app")),
                Choice("other", _("Yes, in another way")),
                Choice(NO_LESSONS, _("No, not yet"), exclusive=True),
            ),
            hint=_("You can choose more than one."),
        ),
        number(
            "norwegian_lessons_months",
            _("For about how many months have you had Norwegian lessons?"),
            0,
            120,
            condition=HAD_LESSONS,
            required=False,
        ),
        single(
            "norwegian_test",
            _("Have you passed a Norwegian test? Which level?"),
            (Choice("none", _("No")), *CEFR_LEVELS[:5], CEFR_LEVELS[6]),
            condition=HAD_LESSONS,
            required=False,
        ),
        single(
            "other_languages_any",
            _("Can you speak or understand any other languages?"),
            YES_NO,
            hint=_("Not the language you spoke at home, English or Norwegian."),
        ),
        group(
            "other_languages",
            _("Your other languages"),
            OTHER_LANGUAGE_FIELDS,
            condition=Equals("other_languages_any", YES),
            max_items=8,
            add_label=_("Add another language"),
            item_title_field="lang_code",
        ),
        single(
            "interpreter_experience",
            _("Have you worked or helped as an interpreter or translator?"),
            YES_NO,
            required=False,
        ),
    ),
)
