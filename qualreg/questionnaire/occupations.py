"""Common jobs in plain words, each coded to an ISCO-08 unit group, grouped for the drop-down.

Norway's STYRK-08 is derived from ISCO-08, so the 4-digit codes map directly. Codes are the
ISCO-08 unit group codes themselves; "other" leads to a free-text question.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qualreg.questionnaire.codelists import OTHER_OCCUPATION, _sort
from qualreg.questionnaire.model import Choice, Classification, LazyChoices

ISCO_08 = Classification.ISCO_08

# (group label, ((ISCO-08 unit group, plain label), ...)), in ISCO major-group order.
OCCUPATION_GROUPS: tuple[tuple[object, tuple[tuple[str, object], ...]], ...] = (
    (
        _("Leaders and managers"),
        (
            ("1120", _("Director or boss of a company or organisation")),
            ("1221", _("Sales or marketing manager")),
            ("1311", _("Farm manager")),
            ("1321", _("Factory manager")),
            ("1323", _("Building project manager")),
            ("1342", _("Manager in health care (for example hospital or clinic)")),
            ("1345", _("Head of a school")),
            ("1411", _("Hotel manager")),
            ("1412", _("Restaurant manager")),
            ("1420", _("Shop owner or manager of a shop or wholesale business")),
        ),
    ),
    (
        _("Professionals (usually with university or college)"),
        (
            ("2113", _("Chemist")),
            ("2131", _("Biologist")),
            ("2142", _("Civil engineer")),
            ("2144", _("Mechanical engineer")),
            ("2145", _("Chemical engineer")),
            ("2151", _("Electrical engineer")),
            ("2153", _("Telecommunications engineer")),
            ("2161", _("Architect")),
            ("2166", _("Graphic designer")),
            ("2211", _("Doctor (general practitioner)")),
            ("2212", _("Specialist doctor (for example surgeon)")),
            ("2221", _("Nurse")),
            ("2222", _("Midwife")),
            ("2250", _("Veterinarian (animal doctor)")),
            ("2261", _("Dentist")),
            ("2262", _("Pharmacist")),
            ("2264", _("Physiotherapist")),
            ("2310", _("University or college teacher")),
            ("2320", _("Teacher at a vocational school")),
            ("2330", _("Teacher at a secondary school")),
            ("2341", _("Teacher at a primary school")),
            ("2342", _("Kindergarten teacher")),
            ("2352", _("Teacher for children with special needs")),
            ("2353", _("Language teacher")),
            ("2411", _("Accountant or auditor")),
            ("2412", _("Financial adviser")),
            ("2423", _("Human resources (personnel) officer")),
            ("2511", _("IT systems analyst")),
            ("2512", _("Software developer (programmer)")),
            ("2513", _("Web developer")),
            ("2522", _("IT systems or network administrator")),
            ("2611", _("Lawyer")),
            ("2612", _("Judge")),
            ("2622", _("Librarian")),
            ("2631", _("Economist")),
            ("2634", _("Psychologist")),
            ("2635", _("Social worker")),
            ("2642", _("Journalist")),
            ("2643", _("Translator or interpreter")),
            ("2651", _("Artist (for example painter)")),
            ("2652", _("Musician or singer")),
        ),
    ),
    (
        _("Technicians and assistants"),
        (
            ("3112", _("Building or civil engineering technician")),
            ("3113", _("Electrical technician")),
            ("3115", _("Mechanical technician")),
            ("3152", _("Ship's officer or pilot")),
            ("3153", _("Aircraft pilot")),
            ("3212", _("Medical laboratory technician")),
            ("3213", _("Pharmacy technician")),
            ("3221", _("Assistant nurse")),
            ("3251", _("Dental assistant")),
            ("3256", _("Medical assistant")),
            ("3258", _("Ambulance worker or paramedic")),
            ("3313", _("Bookkeeper")),
            ("3322", _("Sales representative")),
            ("3343", _("Office or administrative secretary")),
            ("3422", _("Sports coach or instructor")),
            ("3434", _("Chef (head cook)")),
            ("3512", _("IT support technician")),
            ("3521", _("Camera, sound or broadcasting technician")),
        ),
    ),
    (
        _("Office and customer service"),
        (
            ("4110", _("Office clerk")),
            ("4120", _("Secretary")),
            ("4132", _("Data entry clerk")),
            ("4211", _("Bank teller or cashier in a bank")),
            ("4222", _("Call centre worker")),
            ("4224", _("Hotel receptionist")),
            ("4226", _("Receptionist")),
            ("4311", _("Accounting clerk")),
            ("4321", _("Stock or warehouse clerk")),
            ("4412", _("Post office worker or mail carrier")),
        ),
    ),
    (
        _("Service, care and sales"),
        (
            ("5111", _("Flight attendant")),
            ("5120", _("Cook")),
            ("5131", _("Waiter")),
            ("5132", _("Bartender")),
            ("5141", _("Hairdresser or barber")),
            ("5142", _("Beauty therapist")),
            ("5153", _("Caretaker of a building")),
            ("5211", _("Seller at a market or stall")),
            ("5212", _("Street food seller")),
            ("5221", _("Shopkeeper")),
            ("5223", _("Shop assistant")),
            ("5230", _("Cashier")),
            ("5311", _("Childcare worker or nanny")),
            ("5312", _("Teacher's assistant")),
            ("5321", _("Health care assistant in a hospital or care home")),
            ("5322", _("Home care worker")),
            ("5411", _("Firefighter")),
            ("5412", _("Police officer")),
            ("5414", _("Security guard")),
        ),
    ),
    (
        _("Farming, fishing and forestry"),
        (
            ("6111", _("Farmer growing crops (for example wheat, vegetables)")),
            ("6112", _("Fruit or tree grower")),
            ("6113", _("Gardener or plant grower")),
            ("6121", _("Farmer with animals (cattle, sheep, goats)")),
            ("6122", _("Poultry (chicken) farmer")),
            ("6123", _("Beekeeper")),
            ("6130", _("Farmer with both crops and animals")),
            ("6210", _("Forestry worker")),
            ("6221", _("Fish farmer")),
            ("6222", _("Fisher")),
        ),
    ),
    (
        _("Building, crafts and repair"),
        (
            ("7111", _("House builder")),
            ("7112", _("Bricklayer or mason")),
            ("7114", _("Concrete worker")),
            ("7115", _("Carpenter")),
            ("7121", _("Roofer")),
            ("7122", _("Floor layer or tiler")),
            ("7123", _("Plasterer")),
            ("7126", _("Plumber")),
            ("7127", _("Air conditioning or refrigeration mechanic")),
            ("7131", _("Painter of buildings")),
            ("7212", _("Welder")),
            ("7213", _("Sheet metal worker")),
            ("7221", _("Blacksmith")),
            ("7222", _("Toolmaker or locksmith")),
            ("7231", _("Car mechanic")),
            ("7233", _("Mechanic for farm or industrial machines")),
            ("7234", _("Bicycle repairer")),
            ("7313", _("Jeweller or goldsmith")),
            ("7317", _("Handicraft worker in wood or basketry")),
            ("7318", _("Carpet weaver or textile handicraft worker")),
            ("7322", _("Printer")),
            ("7411", _("Electrician")),
            ("7412", _("Electrical mechanic")),
            ("7421", _("Electronics repairer")),
            ("7422", _("Phone or computer repairer")),
            ("7511", _("Butcher")),
            ("7512", _("Baker or pastry maker")),
            ("7513", _("Dairy worker (for example cheese maker)")),
            ("7522", _("Furniture maker")),
            ("7531", _("Tailor or dressmaker")),
            ("7533", _("Sewing or embroidery worker")),
            ("7536", _("Shoemaker")),
        ),
    ),
    (
        _("Machine operators and drivers"),
        (
            ("8111", _("Miner")),
            ("8153", _("Sewing machine operator in a factory")),
            ("8160", _("Machine operator in a food factory")),
            ("8212", _("Assembler of electrical equipment")),
            ("8311", _("Train driver")),
            ("8321", _("Motorcycle driver or delivery rider")),
            ("8322", _("Car, taxi or van driver")),
            ("8331", _("Bus driver")),
            ("8332", _("Truck driver")),
            ("8341", _("Tractor or farm machine driver")),
            ("8342", _("Excavator or digger operator")),
            ("8343", _("Crane operator")),
            ("8344", _("Forklift driver")),
            ("8350", _("Sailor or ship's crew")),
        ),
    ),
    (
        _("Helpers and labourers"),
        (
            ("9111", _("Cleaner or helper in private homes")),
            ("9112", _("Cleaner in offices, hotels or other buildings")),
            ("9122", _("Car washer")),
            ("9211", _("Farm worker (crops)")),
            ("9212", _("Farm worker (animals)")),
            ("9214", _("Garden worker")),
            ("9216", _("Fishery helper")),
            ("9312", _("Road building worker")),
            ("9313", _("Building site labourer")),
            ("9321", _("Packer")),
            ("9329", _("Factory worker")),
            ("9333", _("Loader or warehouse worker")),
            ("9411", _("Fast food worker")),
            ("9412", _("Kitchen helper or dishwasher")),
            ("9520", _("Street seller (not food)")),
            ("9611", _("Rubbish or recycling collector")),
            ("9613", _("Street sweeper")),
            ("9621", _("Messenger or package deliverer")),
            ("9622", _("Odd-job worker")),
        ),
    ),
    (_("Armed forces"), (("0310", _("Soldier or military service")),)),
)


def occupation_codes() -> tuple[str, ...]:
    return (
        *(code for _group, jobs in OCCUPATION_GROUPS for code, _label in jobs),
        OTHER_OCCUPATION,
    )


def _build_occupations() -> tuple[Choice, ...]:
    choices: list[Choice] = []
    for group, jobs in OCCUPATION_GROUPS:
        group_label = str(group)
        choices.extend(
            _sort(
                [
                    Choice(code, str(label), group=group_label, classification=ISCO_08)
                    for code, label in jobs
                ]
            )
        )
    choices.append(Choice(OTHER_OCCUPATION, str(_("Another job (write it)"))))
    return tuple(choices)


OCCUPATIONS = LazyChoices("occupations", occupation_codes, _build_occupations, ISCO_08)

# ISCO-08 sub-major groups (two digits) that hold at least one job of the list, in plain
# words, for readers who look for people by kind of work (advisers' filters). The major group
# (one digit) of each is the group of the drop-down above.
ISCO_SUB_MAJOR_GROUPS: dict[str, object] = {
    "03": _("Soldiers (armed forces, other ranks)"),
    "11": _("Top managers and senior officials"),
    "12": _("Managers in administration, sales and marketing"),
    "13": _("Managers in production, building, health care and schools"),
    "14": _("Managers of hotels, restaurants and shops"),
    "21": _("Scientists, engineers, architects and designers"),
    "22": _("Doctors, nurses and other health professionals"),
    "23": _("Teachers"),
    "24": _("Accountants, financial advisers and personnel officers"),
    "25": _("IT professionals (for example programmers)"),
    "26": _("Lawyers, social workers, journalists, translators and artists"),
    "31": _("Engineering technicians, ship's officers and pilots"),
    "32": _("Health technicians, assistant nurses and paramedics"),
    "33": _("Bookkeepers, sales representatives and office secretaries"),
    "34": _("Sports coaches and chefs"),
    "35": _("IT support and broadcasting technicians"),
    "41": _("Office clerks and secretaries"),
    "42": _("Receptionists, bank tellers and call centre workers"),
    "43": _("Accounting and warehouse clerks"),
    "44": _("Post office workers and mail carriers"),
    "51": _("Cooks, waiters, hairdressers and other service workers"),
    "52": _("Sellers, shop assistants and cashiers"),
    "53": _("Care workers for children, the sick and the old"),
    "54": _("Firefighters, police officers and security guards"),
    "61": _("Farmers and gardeners"),
    "62": _("Forestry workers, fishers and fish farmers"),
    "71": _("Builders, plumbers and painters"),
    "72": _("Metal workers and mechanics"),
    "73": _("Handicraft workers and printers"),
    "74": _("Electricians and electronics repairers"),
    "75": _("Butchers, bakers, tailors and furniture makers"),
    "81": _("Machine operators in mines and factories"),
    "82": _("Assemblers"),
    "83": _("Drivers, machine operators and sailors"),
    "91": _("Cleaners and helpers"),
    "92": _("Farm, garden and fishery helpers"),
    "93": _("Labourers in building, factories and transport"),
    "94": _("Kitchen helpers and fast food workers"),
    "95": _("Street sellers"),
    "96": _("Rubbish collectors, messengers and odd-job workers"),
}


def isco_major_groups() -> tuple[tuple[str, object, tuple[str, ...]], ...]:
    """(ISCO-08 major group code, its label, its sub-major group codes) for every group of
    the drop-down, in ISCO order as the drop-down has them."""
    groups = []
    for label, jobs in OCCUPATION_GROUPS:
        majors = {code[0] for code, _label in jobs}
        assert len(majors) == 1, f"the group {label} mixes ISCO-08 major groups"
        groups.append((majors.pop(), label, tuple(sorted({code[:2] for code, _label in jobs}))))
    return tuple(groups)


def isco_unit_codes(group: str) -> tuple[str, ...]:
    """The job codes of the list in an ISCO-08 major (one digit) or sub-major (two digits)
    group; none for anything else."""
    if not group.isdigit() or len(group) not in (1, 2):
        return ()
    return tuple(code for code in occupation_codes() if code.startswith(group))
