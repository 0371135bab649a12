"""Standard code lists behind the long drop-downs and the classified answers.

Countries are ISO 3166-1 alpha-2 (plus XK Kosovo, XX Stateless, ZZ Unknown) and languages
ISO 639-3; their names come from CLDR (Babel) in the reader's language, built lazily and kept
per language. Every other label is a gettext string.
"""

from __future__ import annotations

import dataclasses

from babel import Locale
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qualreg.lib.collation import sorted_for
from qualreg.questionnaire.locale import active_language_code, babel_locale
from qualreg.questionnaire.model import Choice, Classification, LazyChoices

STATELESS = "XX"
UNKNOWN_COUNTRY = "ZZ"
OTHER_LANGUAGE = "other"
OTHER_OCCUPATION = "other"


def classified(
    classification: Classification, choices: tuple[Choice, ...], *, own: tuple[str, ...] = ()
) -> tuple[Choice, ...]:
    """The choices marked as codes of `classification`, except our own codes in `own` ("I
    don't know", "None of these") and, where choices carry a reference, those without one."""
    return tuple(
        choice
        if choice.code in own or (_has_references(choices) and not choice.reference)
        else dataclasses.replace(choice, classification=classification)
        for choice in choices
    )


def _has_references(choices: tuple[Choice, ...]) -> bool:
    return any(choice.reference for choice in choices)


def _sort(choices: list[Choice], last: tuple[str, ...] = ()) -> tuple[Choice, ...]:
    """Sort by label in the reader's alphabet, with special codes kept at the end."""
    ordinary = sorted_for(
        active_language_code(), (c for c in choices if c.code not in last), lambda c: str(c.label)
    )
    special = [c for code in last for c in choices if c.code == code]
    return tuple(ordinary + special)


# Countries ------------------------------------------------------------------------------------


def country_codes() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted({country.alpha_2 for country in pycountry.countries} | {"XK"}))


def _country_names() -> dict[str, str]:
    import pycountry

    return {country.alpha_2: country.name for country in pycountry.countries} | {"XK": "Kosovo"}


def _build_countries(extra: tuple[str, ...]) -> tuple[Choice, ...]:
    territories = babel_locale().territories
    english = Locale.parse("en").territories
    fallback = _country_names()
    choices = [
        Choice(
            code,
            territories.get(code) or english.get(code) or fallback[code],
            classification=Classification.ISO_3166_1,
        )
        for code in country_codes()
    ]
    own = {STATELESS: _("Stateless (no citizenship)"), UNKNOWN_COUNTRY: _("I don't know")}
    choices += [Choice(code, str(own[code]), exclusive=True) for code in extra]
    return _sort(choices, last=extra)


def countries(*extra: str) -> LazyChoices:
    """All countries, optionally with XX (stateless) and/or ZZ (unknown) at the end."""
    return LazyChoices(
        "countries" + "".join(f"+{e}" for e in extra),
        lambda: country_codes() + extra,
        lambda: _build_countries(extra),
        Classification.ISO_3166_1,
    )


COUNTRIES = countries(UNKNOWN_COUNTRY)
CITIZENSHIPS = countries(STATELESS, UNKNOWN_COUNTRY)

# Languages ------------------------------------------------------------------------------------
# ISO 639-3 code -> (CLDR language key or None, our own label). Where CLDR's name is missing or
# ambiguous for our readers (Dari/Farsi, Kurmanji/Sorani), CLDR key is None: we use our label.
LANGUAGE_TABLE: dict[str, tuple[str | None, object]] = {
    "aar": ("aa", _("Afar")),
    "amh": ("am", _("Amharic")),
    "ara": ("ar", _("Arabic")),
    "aze": ("az", _("Azerbaijani")),
    "bal": ("bal", _("Baluchi")),
    "ben": ("bn", _("Bengali")),
    "bos": ("bs", _("Bosnian")),
    "che": ("ce", _("Chechen")),
    "ckb": (None, _("Kurdish (Sorani)")),
    "deu": ("de", _("German")),
    "din": ("din", _("Dinka")),
    "eng": ("en", _("English")),
    "fra": ("fr", _("French")),
    "ful": ("ff", _("Fula")),
    "hau": ("ha", _("Hausa")),
    "haz": (None, _("Hazaragi")),
    "hin": ("hi", _("Hindi")),
    "hrv": ("hr", _("Croatian")),
    "hye": ("hy", _("Armenian")),
    "ibo": ("ig", _("Igbo")),
    "ind": ("id", _("Indonesian")),
    "ita": ("it", _("Italian")),
    "kat": ("ka", _("Georgian")),
    "kin": ("rw", _("Kinyarwanda")),
    "kmr": (None, _("Kurdish (Kurmanji)")),
    "lin": ("ln", _("Lingala")),
    "mya": ("my", _("Burmese")),
    "nno": ("nn", _("Norwegian Nynorsk")),
    "nob": ("nb", _("Norwegian Bokmål")),
    "npi": ("ne", _("Nepali")),
    "nus": ("nus", _("Nuer")),
    "orm": ("om", _("Oromo")),
    "pan": ("pa", _("Punjabi")),
    "pes": (None, _("Farsi (from Iran)")),
    "pol": ("pl", _("Polish")),
    "por": ("pt", _("Portuguese")),
    "prs": (None, _("Dari (from Afghanistan)")),
    "pus": ("ps", _("Pashto")),
    "rhg": ("rhg", _("Rohingya")),
    "ron": ("ro", _("Romanian")),
    "run": ("rn", _("Kirundi")),
    "rus": ("ru", _("Russian")),
    "sdh": (None, _("Kurdish (Southern)")),
    "som": ("so", _("Somali")),
    "spa": ("es", _("Spanish")),
    "sqi": ("sq", _("Albanian")),
    "srp": ("sr", _("Serbian")),
    "swh": ("sw", _("Swahili")),
    "tam": ("ta", _("Tamil")),
    "tgk": ("tg", _("Tajik")),
    "tgl": ("fil", _("Filipino (Tagalog)")),
    "tig": ("tig", _("Tigre")),
    "tir": ("ti", _("Tigrinya")),
    "tuk": ("tk", _("Turkmen")),
    "tur": ("tr", _("Turkish")),
    "ukr": ("uk", _("Ukrainian")),
    "urd": ("ur", _("Urdu")),
    "uzs": (None, _("Uzbek (from Afghanistan)")),
    "uzb": ("uz", _("Uzbek")),
    "vie": ("vi", _("Vietnamese")),
    "wol": ("wo", _("Wolof")),
    "yor": ("yo", _("Yoruba")),
    "zho": ("zh", _("Chinese")),
}


def _build_languages() -> tuple[Choice, ...]:
    names = babel_locale().languages
    choices = []
    for code, (cldr, own) in LANGUAGE_TABLE.items():
        label = names.get(cldr) if cldr else None
        # CLDR names are lower-case in many languages; a list reads better capitalised.
        label = label[:1].upper() + label[1:] if label else str(own)
        choices.append(Choice(code, label, classification=Classification.ISO_639_3))
    choices.append(Choice(OTHER_LANGUAGE, str(_("Another language (write it)"))))
    return _sort(choices, last=(OTHER_LANGUAGE,))


LANGUAGES = LazyChoices(
    "languages",
    lambda: (*LANGUAGE_TABLE, OTHER_LANGUAGE),
    _build_languages,
    Classification.ISO_639_3,
)

# Skill scales ---------------------------------------------------------------------------------
# The six-step scale of the seed, coded 5 (very good) .. 0 (cannot). Codes never change.


def skill_scale(cannot: object) -> tuple[Choice, ...]:
    return (
        Choice("5", _("Very good")),
        Choice("4", pgettext_lazy("skill", "Good")),
        Choice("3", _("Neither good nor bad")),
        Choice("2", pgettext_lazy("skill", "Poor")),
        Choice("1", _("Very poor")),
        Choice("0", cannot),
    )


SKILL_SCALE = skill_scale(_("I cannot"))

# Education: ISCED 2011 levels and ISCED-F 2013 broad fields -----------------------------------
ISCED_LEVELS = classified(
    Classification.ISCED_2011,
    (
        Choice("1", _("Primary school (the first years of school)")),
        Choice("2", _("Lower secondary school (middle school)")),
        Choice("34", _("Upper secondary school, general (for example baccalaureate)")),
        Choice("35", _("Upper secondary school, vocational (learning a trade)")),
        Choice("4", _("Vocational course or diploma after secondary school (not university)")),
        Choice("5", _("College or institute, 2 or 3 years (short higher education)")),
        Choice("6", _("University, bachelor's degree")),
        Choice("7", _("University, master's degree or long degree (for example medicine)")),
        Choice("8", _("Doctorate (PhD)")),
        Choice("dont_know", _("I don't know which fits")),
    ),
    own=("dont_know",),
)
VOCATIONAL_OR_HIGHER = ("35", "4", "5", "6", "7", "8")
UPPER_SECONDARY_OR_HIGHER = ("34", "35", "4", "5", "6", "7", "8")

ISCED_FIELDS = classified(
    Classification.ISCED_F_2013,
    (
        Choice("00", _("General school subjects (no special field)")),
        Choice("01", _("Teaching and education")),
        Choice("02", _("Arts, languages, history and religion studies")),
        Choice("03", _("Social sciences, journalism and information")),
        Choice("04", _("Business, administration and law")),
        Choice("05", _("Natural sciences, mathematics and statistics")),
        Choice("06", _("Computers and information technology (ICT)")),
        Choice("07", _("Engineering, manufacturing and construction")),
        Choice("08", _("Agriculture, forestry, fishing and animal care")),
        Choice("09", _("Health and welfare (for example nursing, medicine, social work)")),
        Choice("10", _("Services (for example transport, security, tourism, hairdressing)")),
        Choice("dont_know", _("I don't know which fits"), exclusive=True),
    ),
    own=("dont_know",),
)

# Work: NACE Rev. 2 sections in plain words ----------------------------------------------------
NACE_SECTIONS = classified(
    Classification.NACE_REV_2,
    (
        Choice("A", _("Farming, forestry or fishing")),
        Choice("B", _("Mining or quarrying")),
        Choice("C", _("Factory work and making things (manufacturing)")),
        Choice("D", _("Electricity, gas or heating supply")),
        Choice("E", _("Water supply, sewage, waste and recycling")),
        Choice("F", _("Building and construction")),
        Choice("G", _("Shops, markets and trade; repair of cars and motorcycles")),
        Choice("H", _("Transport, delivery and storage")),
        Choice("I", _("Hotels, restaurants and food service")),
        Choice("J", _("Information, media, telecom and IT")),
        Choice("K", _("Banking, finance and insurance")),
        Choice("L", _("Buying, selling and renting houses (real estate)")),
        Choice(
            "M",
            _(
                "Professional, scientific and technical services (for example law, accounting, engineering)"  # noqa: E501
            ),
        ),
        Choice("N", _("Office support, cleaning, security and other support services")),
        Choice("O", _("Government, public administration, police or army")),
        Choice("P", _("Schools and education")),
        Choice("Q", _("Health care and social work")),
        Choice("R", _("Arts, entertainment, sports and recreation")),
        Choice(
            "S", _("Other services (for example hairdressing, repair of phones, organisations)")
        ),
        Choice("T", _("Work in private homes (for example housekeeper, nanny)")),
        Choice("U", _("International organisations (for example UN, embassies)")),
        Choice("dont_know", _("I don't know"), exclusive=True),
    ),
    own=("dont_know",),
)

# Digital skills: a can-do list, each item tied to a DigComp 2.2 competence --------------------
DIGCOMP_CAN_DO = classified(
    Classification.DIGCOMP_2_2,
    (
        Choice("search_web", _("Search for information on the internet"), reference="1.1"),
        Choice(
            "judge_sources",
            _("Tell if information on the internet can be trusted"),
            reference="1.2",
        ),
        Choice(
            "files", _("Save files and find them again on a phone or computer"), reference="1.3"
        ),
        Choice(
            "messaging",
            _("Send messages or make video calls (for example WhatsApp)"),
            reference="2.1",
        ),
        Choice("email", _("Send and read e-mail"), reference="2.1"),
        Choice("share_photos", _("Take photos or videos and share them"), reference="2.2"),
        Choice(
            "public_services",
            _("Fill in forms on the internet or use public online services"),
            reference="2.3",
        ),
        Choice("online_banking", _("Pay or use a bank on the internet or phone"), reference="2.3"),
        Choice("video_meetings", _("Take part in an online meeting or class"), reference="2.4"),
        Choice("write_document", _("Write a letter or document on a computer"), reference="3.1"),
        Choice("spreadsheet", _("Use a spreadsheet (for example Excel)"), reference="3.2"),
        Choice("presentation", _("Make a presentation (for example PowerPoint)"), reference="3.1"),
        Choice("programming", _("Write computer programs (coding)"), reference="3.4"),
        Choice("safe_passwords", _("Make safe passwords and spot fraud or scams"), reference="4.1"),
        Choice("privacy", _("Protect your personal information on the internet"), reference="4.2"),
        Choice("install_apps", _("Install and update apps"), reference="5.1"),
        Choice("fix_problems", _("Fix simple problems with a phone or computer"), reference="5.1"),
        Choice("none", _("None of these"), exclusive=True),
    ),
    own=("none",),
)

# Driving licence: EU categories (Directive 2006/126/EC) plus Norway's T ----------------------
DRIVING_CATEGORIES = classified(
    Classification.EU_LICENCE,
    (
        Choice("AM", _("AM – moped")),
        Choice("A1", _("A1 – light motorcycle")),
        Choice("A2", _("A2 – medium motorcycle")),
        Choice("A", _("A – motorcycle")),
        Choice("B", _("B – car")),
        Choice("BE", _("BE – car with a big trailer")),
        Choice("C1", _("C1 – light truck")),
        Choice("C1E", _("C1E – light truck with trailer")),
        Choice("C", _("C – truck")),
        Choice("CE", _("CE – truck with trailer")),
        Choice("D1", _("D1 – minibus")),
        Choice("D1E", _("D1E – minibus with trailer")),
        Choice("D", _("D – bus")),
        Choice("DE", _("DE – bus with trailer")),
        Choice("T", _("T – tractor")),
        Choice("dont_know", _("I don't know"), exclusive=True),
    ),
    own=("T", "dont_know"),
)
