"""Demo data for 'Vem ringer jag?'.

The county parts and their municipalities are facts (the 2019 evaluation, section 3.4), as is
1177. Every other contact detail is an example: phone numbers come from the range the Swedish
Post and Telecom Authority reserves for fiction (070-174 06 05 to 070-174 06 99), e-mail
addresses are at example.org, and every such entry is marked is_example.
"""

import datetime
import itertools

from django.utils.text import slugify

EXAMPLE_VERIFIED_BY = "Centralt stöd Norrbus (demo)"
EXAMPLE_VERIFIED_ON = datetime.date(2026, 9, 1)
# Two municipalities' shared contacts were last checked long ago: the report has something to show.
STALE_VERIFIED_ON = datetime.date(2025, 3, 1)
STALE_MUNICIPALITIES = {"Arjeplog", "Övertorneå"}

COUNTY_PARTS = [
    ("Östra Norrbotten", "ostra-norrbotten", ["Kalix", "Haparanda", "Överkalix", "Övertorneå"]),
    ("Luleå/Boden", "lulea-boden", ["Luleå", "Boden"]),
    ("Piteå älvdal", "pitea-alvdal", ["Piteå", "Älvsbyn", "Arvidsjaur", "Arjeplog"]),
    ("Malmfälten", "malmfalten", ["Kiruna", "Gällivare", "Jokkmokk", "Pajala"]),
]

SITUATIONS = [
    {
        "slug": "orolig-for-ett-barn",
        "title": "Jag är orolig för ett barn",
        "description": "Är barnet i akut fara: ring 112. Annars kontaktar du socialtjänsten, som "
        "tar emot orosanmälningar och svarar på frågor utan att du nämner barnets namn. "
        "Utanför kontorstid nås socialjouren.",
        "routine": "grona-kortet",
    },
    {
        "slug": "kalla-till-norrbusmote",
        "title": "Kalla till Norrbusmöte",
        "description": "Få samtycke från barnet och vårdnadshavarna först. Bjud sedan in de "
        "verksamheter barnet behöver, med syftet i kallelsen.",
        "routine": "norrbusmotet",
    },
    {
        "slug": "psykiatrisk-bedomning",
        "title": "Barnet kan behöva psykiatrisk bedömning",
        "description": "Hälsocentralen är första linjen. Är du osäker på om det är en fråga för "
        "BUP: ring BUP-linjen, en väg in för hela länet.",
        "routine": "norrbusmotet",
    },
    {
        "slug": "ung-vuxen-psykisk-ohalsa",
        "title": "Ung vuxen 18–20 med psykisk ohälsa",
        "description": "Norrbus gäller till och med 20 år. Från 18 år är vuxenpsykiatrin "
        "specialistvården; hälsocentralen är första linjen.",
        "routine": "samordnad-individuell-plan",
    },
    {
        "slug": "barnet-ar-placerat",
        "title": "Barnet är placerat",
        "description": "Socialtjänsten i den placerande kommunen samordnar. Skola och hälso- "
        "och sjukvård planerar tillsammans med den.",
        "routine": "vard-utanfor-det-egna-hemmet",
    },
    {
        "slug": "rapportera-avvikelse",
        "title": "Rapportera en avvikelse",
        "description": "Rapportera i din egen verksamhets system först. Kommunens "
        "Norrbuskontakt och länsdelens samverkansgrupp hjälper till med det gemensamma.",
        "routine": "avvikelsehantering",
    },
]

FICTION_NUMBERS = (f"070-174 06 {n:02d}" for n in range(5, 100))


def example_email(*parts: str) -> str:
    return "{}@example.org".format(".".join(slugify(part) for part in parts))


def contact(name, actor, *, phone=True, email=None, situations=(), verified_on=None, **extra):
    return {
        "name": name,
        "actor": actor,
        "phone": next(FICTION_NUMBERS) if phone else "",
        "email": email or "",
        "situations": list(situations),
        "verified_on": verified_on or EXAMPLE_VERIFIED_ON,
        "verified_by": EXAMPLE_VERIFIED_BY,
        "is_example": True,
        **extra,
    }


def municipality_contacts(name: str) -> list[dict]:
    verified = STALE_VERIFIED_ON if name in STALE_MUNICIPALITIES else EXAMPLE_VERIFIED_ON
    return [
        contact(
            f"Elevhälsan, {name} kommun",
            "skola",
            email=example_email("elevhalsan", name),
            situations=["kalla-till-norrbusmote", "orolig-for-ett-barn"],
            opening_hours="Skoldagar 8–16",
            contact_when="Frågor om en elevs hälsa och skolsituation, och när skolan ska vara med "
            "i ett Norrbusmöte.",
            verified_on=verified,
        ),
        contact(
            "Socialtjänsten, mottagningen för barn och unga",
            "socialtjanst",
            email=example_email("mottagning-barn", name),
            situations=["orolig-for-ett-barn", "kalla-till-norrbusmote", "barnet-ar-placerat"],
            opening_hours="Vardagar 8–12 och 13–16",
            contact_when="Du är orolig för ett barn: orosanmälan, eller rådfråga utan att nämna "
            "barnets namn. Kallelse av socialtjänsten till ett Norrbusmöte.",
            verified_on=verified,
        ),
        contact(
            f"Hälsocentralen i {name}",
            "primarvard",
            situations=[
                "kalla-till-norrbusmote",
                "psykiatrisk-bedomning",
                "ung-vuxen-psykisk-ohalsa",
            ],
            opening_hours="Vardagar 8–17",
            contact_when="Första linjen för barns och ungas hälsa, psykisk ohälsa inräknad. Bjud "
            "in hälsocentralen när barnets hälsa berörs i ett Norrbusmöte.",
            verified_on=verified,
        ),
        contact(
            f"Specialistvårdens kontakt för Norrbusmöten i {name}",
            "specialistvard",
            email=example_email("specialistvard", name),
            situations=["kalla-till-norrbusmote"],
            contact_when="När BUP, barn- och ungdomsmedicin eller habiliteringen ska kallas till "
            "ett Norrbusmöte. Osäker på vart barnet hör? Ring BUP-linjen.",
            verified_on=verified,
        ),
        contact(
            f"Norrbuskontakt i {name}",
            "annan",
            email=example_email("norrbus", name),
            is_norrbus_contact=True,
            situations=["rapportera-avvikelse"],
            contact_when="Frågor om hur Norrbus tillämpas i kommunen, avvikelser och Forum barn "
            "och unga.",
            verified_on=verified,
        ),
    ]


def county_part_contacts(name: str, slug: str) -> list[dict]:
    return [
        contact(
            f"Socialjouren, {name}",
            "socialtjanst",
            situations=["orolig-for-ett-barn"],
            out_of_hours=True,
            opening_hours="Kvällar, nätter och helger",
            contact_when="Akut oro för ett barn när socialtjänsten i kommunen har stängt.",
        ),
        contact(
            f"Samverkansgruppen för {name}",
            "annan",
            phone=False,
            email=example_email("samverkan", slug),
            situations=["rapportera-avvikelse"],
            contact_when="Avvikelser och frågor som inte kan lösas i kommunen. Gruppen analyserar "
            "avvikelser på länsdelsnivå.",
        ),
    ]


COUNTY_CONTACTS = [
    contact(
        "BUP-linjen",
        "specialistvard",
        situations=["psykiatrisk-bedomning", "kalla-till-norrbusmote"],
        opening_hours="Vardagar 8–16",
        contact_when="En väg in till barn- och ungdomspsykiatrin för hela länet: rådgivning och "
        "frågan om ett barn ska till BUP.",
    ),
    contact(
        "Barn- och ungdomsmedicin",
        "specialistvard",
        contact_when="Barn och unga med kroniska sjukdomar eller som behöver specialistvård för "
        "kroppen, och när de ska vara med i ett Norrbusmöte.",
    ),
    contact(
        "Habiliteringen",
        "specialistvard",
        contact_when="Barn och unga med varaktiga funktionsnedsättningar, t.ex. "
        "utvecklingsstörning, autism eller rörelsehinder.",
    ),
    contact(
        "Vuxenpsykiatrin",
        "specialistvard",
        situations=["ung-vuxen-psykisk-ohalsa"],
        contact_when="Unga vuxna från 18 år med psykisk ohälsa som behöver specialistvård.",
    ),
    contact(
        "Samverkansstruktur målgrupp barn och unga",
        "annan",
        phone=False,
        email=example_email("samverkansstruktur", "barn-och-unga"),
        situations=["rapportera-avvikelse"],
        contact_when="Länets samverkansstruktur: avvikelser som inte lösts i länsdelen och "
        "oenighet mellan parter, som sista instans.",
    ),
    {
        "name": "1177 Vårdguiden",
        "actor": "primarvard",
        "phone": "1177",
        "website": "https://www.1177.se/",
        "out_of_hours": True,
        "opening_hours": "Dygnet runt",
        "contact_when": "Sjukvårdsrådgivning dygnet runt, för unga och deras familjer.",
        "situations": ["psykiatrisk-bedomning", "ung-vuxen-psykisk-ohalsa"],
        "verified_on": EXAMPLE_VERIFIED_ON,
        "verified_by": EXAMPLE_VERIFIED_BY,
        "is_example": False,
    },
]

COUNTY_PART_CONTACTS = {slug: county_part_contacts(name, slug) for name, slug, _m in COUNTY_PARTS}
MUNICIPALITY_CONTACTS = {
    name: municipality_contacts(name)
    for name in itertools.chain.from_iterable(members for _n, _s, members in COUNTY_PARTS)
}

FORUM = {
    "forum_convener": "Socialtjänstens verksamhetschef för barn och unga",
    "forum_meets": "Varannan månad",
    "forum_note": "Forumet tar upp samverkan på verksamhetsnivå: skola, socialtjänst, "
    "hälsocentral och, när det behövs, specialistvården.",
    "forum_is_example": True,
}


def forum_email(slug: str) -> str:
    """An example address for the municipality's Forum barn och unga (example.se: not real)."""
    return f"forum-barn-och-unga@{slug}.example.se"


LOCAL_ROUTINE = {
    "slug": "lokalt-tillagg-norrbusmotet",
    "title": "Exempel: lokalt tillägg till Norrbusmötet",
    "intro": "Ett exempel på hur en kommun kan beskriva sitt eget sätt att arbeta, som "
    "komplement till Norrbus. Innehållet är en exempeluppgift.",
    "body": [
        {
            "type": "paragraph",
            "value": "<p>Exempel: i kommunen bokar elevhälsan lokal för Norrbusmöten som hålls "
            "på skolan, och socialtjänsten för dem som hålls hos socialtjänsten. Den som kallar "
            "skickar kallelsen minst en vecka före mötet, om det inte är bråttom.</p>",
        },
        {
            "type": "callout",
            "value": {
                "kind": "info",
                "title": "Exempeluppgift",
                "text": "<p>Det här är demoinnehåll, inte kommunens faktiska rutin.</p>",
            },
        },
    ],
}
