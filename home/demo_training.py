"""Demo training: the "Introduktion till Norrbus" path, four onboarding paths and six modules,
written from the facts in the agreement (2025) and the 2019 evaluation."""

from .demo_guidance import PROCESS_STEPS, STRUCTURE_LEVELS


def p(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def h(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def callout(title: str, html: str, kind: str = "info") -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def q(question: str, *options: tuple[str, bool, str]) -> dict:
    return {
        "type": "question",
        "value": {
            "question": question,
            "options": [
                {"text": text, "correct": correct, "explanation": explanation}
                for text, correct, explanation in options
            ],
        },
    }


MODULES = [
    {
        "slug": "varfor-norrbus",
        "title": "Varför Norrbus och vem det gäller",
        "intro": "Vad överenskommelsen är, vilka barn och unga den gäller och vad den ska leda "
        "till.",
        "goals": "Förklara vad Norrbus är och vilka som står bakom överenskommelsen\n"
        "Avgöra om ett barn hör till Norrbus målgrupp\n"
        "Beskriva vad samverkan enligt Norrbus ska ge barnet",
        "minutes": 10,
        "lessons": [
            {
                "slug": "vad-ar-norrbus",
                "title": "Vad är Norrbus?",
                "intro": "En överenskommelse om samverkan, inte en egen verksamhet.",
                "body": [
                    p(
                        "<p>Norrbus är en överenskommelse mellan Region Norrbotten och länets 14 "
                        "kommuner. Den beskriver hur skola, socialtjänst, primärvård och "
                        "specialistvård ska arbeta tillsammans när ett barn behöver stöd från "
                        "fler än en av dem.</p>"
                    ),
                    p(
                        "<p>Överenskommelsen kom till 2008, reviderades 2013 och gäller i sin "
                        "nuvarande form från 1 januari 2025. Den senaste revideringen hänger "
                        "ihop med omställningen till nära vård, där primärvården får en större "
                        "roll.</p>"
                    ),
                    callout(
                        "Varför en utbildning?",
                        "<p>När Norrbus utvärderades 2019 sa färre än hälften av de anställda "
                        "att de hade fått tillräcklig information om överenskommelsen, och bara "
                        "var tionde sa att de kände sina samarbetspartners uppdrag väl.</p>",
                    ),
                ],
                "references": [("/om-norrbus/", ""), ("/overenskommelsen/2025/", "inledning")],
                "questions": [],
            },
            {
                "slug": "vem-norrbus-galler",
                "title": "Vem Norrbus gäller och vad det ska ge",
                "intro": "Målgruppen och syftet, så som överenskommelsen beskriver dem.",
                "body": [
                    h("Målgruppen"),
                    p(
                        "<p>Norrbus gäller barn och unga till och med 20 år som behöver "
                        "samordnat stöd från mer än en av aktörerna. Ett barn som bara behöver "
                        "skolans stöd, eller bara vårdens, är alltså inte ett Norrbusärende. "
                        "Fristående skolor och privata vårdgivare uppmuntras att arbeta på "
                        "samma sätt.</p>"
                    ),
                    h("Syftet"),
                    p(
                        "<p>Barnet ska få tidiga, anpassade och samordnade insatser, utan att "
                        "verksamheternas gränser står i vägen. Den som är bäst lämpad gör "
                        "insatsen, alla runt barnet har samma bild och inget görs två gånger. "
                        "Barnet och vårdnadshavarna är delaktiga hela vägen.</p>"
                    ),
                ],
                "references": [
                    ("/overenskommelsen/2025/", "malgrupp"),
                    ("/overenskommelsen/2025/", "syfte-mal"),
                ],
                "questions": [
                    q(
                        "Vilka barn och unga gäller Norrbus?",
                        (
                            "Alla barn 0–18 år i Norrbotten",
                            False,
                            "Nej. Norrbus gäller bara den som behöver stöd från mer än en "
                            "aktör, och åldersgränsen är 20 år.",
                        ),
                        (
                            "Barn och unga till och med 20 år som behöver samordnat stöd från "
                            "mer än en av aktörerna",
                            True,
                            "Rätt. Det är behovet av samordnat stöd från flera som avgör.",
                        ),
                        (
                            "Bara barn som är placerade utanför hemmet",
                            False,
                            "Nej. Placerade barn omfattas, men Norrbus gäller alla barn med "
                            "behov av stöd från flera aktörer.",
                        ),
                    ),
                    q(
                        "Vilka är parter i överenskommelsen?",
                        (
                            "Region Norrbotten",
                            True,
                            "Rätt. Regionen står för primärvården och specialistvården.",
                        ),
                        (
                            "Länets 14 kommuner",
                            True,
                            "Rätt. Kommunerna står för skolan och socialtjänsten.",
                        ),
                        (
                            "Försäkringskassan",
                            False,
                            "Nej. Försäkringskassan är inte part i Norrbus.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "aktorerna",
        "title": "Aktörerna och deras uppdrag",
        "intro": "Skola, socialtjänst, primärvård och specialistvård: vad var och en gör, och "
        "vanliga missförstånd om varandra.",
        "goals": "Beskriva de fyra aktörernas uppdrag i Norrbus\n"
        "Veta när du ska involvera socialtjänsten, primärvården och specialistvården\n"
        "Känna igen vanliga missförstånd mellan aktörerna",
        "minutes": 15,
        "lessons": [
            {
                "slug": "skola-och-socialtjanst",
                "title": "Skolan och socialtjänsten",
                "intro": "Kommunens två aktörer i Norrbus.",
                "body": [
                    h("Skolan"),
                    p(
                        "<p>Alla barn går i skolan, och därför är det oftast där behovet av "
                        "samverkan syns först. I utvärderingen 2019 sa tre av fyra att det "
                        "oftast är skolan som tar initiativet. Elevhälsan arbetar med elevernas "
                        "lärande, utveckling och hälsa, och rektorn beslutar om särskilt stöd. "
                        "Skollagen kräver inte SIP, men genom Norrbus har kommunerna åtagit sig "
                        "att skolan deltar.</p>"
                    ),
                    h("Socialtjänsten"),
                    p(
                        "<p>Socialtjänsten har det yttersta ansvaret för att barn som behöver "
                        "skydd eller stöd får det. Den kan stödja hela familjen och samordnar "
                        "när ett barn är placerat utanför hemmet. Är du orolig för att ett barn "
                        "far illa gäller anmälningsplikten: gör en orosanmälan.</p>"
                    ),
                ],
                "references": [("/aktorer/skola/", ""), ("/aktorer/socialtjanst/", "")],
                "questions": [],
            },
            {
                "slug": "primarvard-och-specialistvard",
                "title": "Primärvården och specialistvården",
                "intro": "Regionens två aktörer, och vem som gör vad mellan dem.",
                "body": [
                    h("Primärvården"),
                    p(
                        "<p>Primärvården är vårdens första linje: hälsocentraler, "
                        "barnhälsovård, ungdomsmottagningar och familjecentraler. Med nära vård "
                        "ska primärvården vara navet, också för barn med lätt till måttlig "
                        "psykisk ohälsa. Den är en av kärnaktörerna i Norrbusmötet.</p>"
                    ),
                    h("Specialistvården"),
                    p(
                        "<p>Specialistvården, till exempel barn- och ungdomspsykiatrin, tar hand "
                        "om det som kräver specialistkunskap. Den deltar när barnets behov kräver "
                        "det, och vägen dit går oftast via primärvården.</p>"
                    ),
                ],
                "references": [("/aktorer/primarvard/", ""), ("/aktorer/specialistvard/", "")],
                "questions": [
                    q(
                        "Vilka aktörer är kärnan i ett Norrbusmöte?",
                        ("Skolan", True, "Rätt. Skolan är en av de tre kärnaktörerna."),
                        ("Socialtjänsten", True, "Rätt. Socialtjänsten är en kärnaktör."),
                        ("Primärvården", True, "Rätt. Primärvården är en kärnaktör."),
                        (
                            "Specialistvården",
                            False,
                            "Inte alltid. Specialistvården deltar när barnets behov kräver det.",
                        ),
                    ),
                    q(
                        "Du är orolig för att ett barn far illa. Vad gäller?",
                        (
                            "Anmälningsplikten: gör en orosanmälan till socialtjänsten",
                            True,
                            "Rätt. Oro för att ett barn far illa anmäls alltid, oavsett Norrbus.",
                        ),
                        (
                            "Vänta till nästa Norrbusmöte",
                            False,
                            "Nej. Anmälningsplikten gäller direkt och väntar inte på ett möte.",
                        ),
                        (
                            "Skriv barnets namn i portalens sökruta",
                            False,
                            "Nej. Skriv aldrig uppgifter om ett barn i portalen.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "norrbusmotet-steg-for-steg",
        "title": "Norrbusmötet steg för steg",
        "intro": "Från behov till uppföljning: så kallar du till och håller ett Norrbusmöte.",
        "goals": "Veta när ett Norrbusmöte behövs och vem som kan kalla\n"
        "Förbereda en kallelse med samtycke, syfte och rätt deltagare\n"
        "Veta vad mötet ska leda till och hur det följs upp",
        "minutes": 15,
        "lessons": [
            {
                "slug": "fore-motet",
                "title": "Före mötet: behov och kallelse",
                "intro": "Den som ser behovet tar initiativet, vilken aktör hen än tillhör.",
                "body": [
                    {
                        "type": "process_diagram",
                        "value": {"title": "Norrbusmötet i fyra steg", "steps": PROCESS_STEPS},
                    },
                    p(
                        "<p>När du bedömer att barnet skulle få bättre stöd om flera aktörer "
                        "planerade tillsammans, tar du initiativet. Först pratar du med barnet "
                        "och vårdnadshavarna och får deras samtycke – utan samtycke kan "
                        "sekretessen hindra mötet. Sedan bjuder du in de verksamheter som "
                        "behövs, med deltagare som har mandat att besluta om insatser, och "
                        "skriver syftet i kallelsen.</p>"
                    ),
                ],
                "references": [("/rutiner/norrbusmotet/", ""), ("/rutiner/grona-kortet/", "")],
                "questions": [
                    q(
                        "Vad måste finnas innan du kallar till ett Norrbusmöte?",
                        (
                            "Samtycke från barnet och vårdnadshavarna",
                            True,
                            "Rätt. Utan samtycke kan sekretessen hindra mötet.",
                        ),
                        (
                            "Ett beslut från socialnämnden",
                            False,
                            "Nej. Vilken aktör som helst kan kalla, utan särskilt beslut.",
                        ),
                        (
                            "En remiss till specialistvården",
                            False,
                            "Nej. Specialistvården bjuds in när barnets behov kräver det.",
                        ),
                    ),
                    q(
                        "Vem kan kalla till ett Norrbusmöte?",
                        (
                            "Den aktör som ser behovet, vilken det än är",
                            True,
                            "Rätt. Oftast är det skolan, men alla aktörer kan ta initiativet.",
                        ),
                        (
                            "Bara socialtjänsten",
                            False,
                            "Nej. Socialtjänsten samordnar när barnet är placerat, men alla "
                            "kan kalla.",
                        ),
                    ),
                ],
            },
            {
                "slug": "motet-och-efterat",
                "title": "Mötet och efteråt",
                "intro": "En gemensam bild, tydliga åtaganden och en uppföljning.",
                "body": [
                    p(
                        "<p>På mötet skapar ni en gemensam bild av barnets situation, resurser "
                        "och behov och kommer överens om vem som gör vad. Den som kallade "
                        "dokumenterar åtagandena, i praktiken i en SIP: vem som ansvarar för "
                        "varje insats, hur omfattande den är, vem som utför den och när den "
                        "följs upp.</p>"
                    ),
                    p(
                        "<p>Efter mötet genomför varje aktör sina insatser. Den som kallade, "
                        "eller den som mötet utsåg, kallar till uppföljning. Följs det "
                        "överenskomna inte, rapporteras det som en avvikelse.</p>"
                    ),
                ],
                "references": [("/rutiner/norrbusmotet/", "")],
                "questions": [
                    q(
                        "Vem dokumenterar vad ni kom överens om på mötet?",
                        (
                            "Den som kallade till mötet",
                            True,
                            "Rätt. Den som kallade dokumenterar åtagandena, i praktiken i en SIP.",
                        ),
                        (
                            "Var och en i sin egen journal, inget gemensamt",
                            False,
                            "Nej. Varje aktör dokumenterar i sin journal också, men åtagandena "
                            "samlas gemensamt.",
                        ),
                    ),
                    q(
                        "Vad ska vara bestämt innan mötet avslutas?",
                        ("Vem som gör vad", True, "Rätt. Varje insats har en ansvarig."),
                        (
                            "När uppföljningen sker",
                            True,
                            "Rätt. Utan datum blir det ingen uppföljning.",
                        ),
                        (
                            "Vem som betalar om parterna är oeniga",
                            False,
                            "Nej. Oenighet om kostnader hanteras i ledningen och får inte "
                            "fördröja barnets insatser.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "sip",
        "title": "SIP – samordnad individuell plan",
        "intro": "När planen krävs, vad den ska innehålla och vem som deltar.",
        "goals": "Veta när en SIP ska upprättas\nBeskriva vad en SIP ska innehålla",
        "minutes": 10,
        "lessons": [
            {
                "slug": "nar-och-hur",
                "title": "När en SIP behövs och vad den innehåller",
                "intro": "Lagen kräver en SIP i vissa fall; Norrbus lägger till skolan.",
                "body": [
                    p(
                        "<p>Socialtjänsten och hälso- och sjukvården är skyldiga att upprätta en "
                        "samordnad individuell plan när ett barn behöver insatser från båda och "
                        "insatserna behöver samordnas. Genom Norrbus deltar också skolan, och "
                        "skolan kan ta initiativ till planen.</p>"
                    ),
                    p(
                        "<p>Planen upprättas bara om barnet och vårdnadshavarna samtycker. Den "
                        "anger vilka insatser som behövs, vem som ansvarar för vad, vem som har "
                        "huvudansvaret för planen och när den ska följas upp. Den ersätter inte "
                        "de egna planer som varje verksamhet måste ha.</p>"
                    ),
                ],
                "references": [("/rutiner/samordnad-individuell-plan/", "")],
                "questions": [
                    q(
                        "Vad ska en SIP innehålla?",
                        ("Vilka insatser som behövs", True, "Rätt."),
                        ("Vem som har huvudansvaret för planen", True, "Rätt."),
                        ("När planen följs upp", True, "Rätt."),
                        (
                            "Barnets fullständiga journal",
                            False,
                            "Nej. Planen samordnar insatser; journalen stannar hos varje aktör.",
                        ),
                    ),
                    q(
                        "Ersätter SIP:en skolans åtgärdsprogram?",
                        (
                            "Ja, SIP:en ersätter alla andra planer",
                            False,
                            "Nej. Varje verksamhet behåller de planer den själv måste ha.",
                        ),
                        (
                            "Nej, den kompletterar verksamheternas egna planer",
                            True,
                            "Rätt. SIP:en samordnar; de egna planerna finns kvar.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "avvikelser-och-oenighet",
        "title": "Avvikelser och oenighet",
        "intro": "Vad du gör när någon inte följer överenskommelsen, och när parterna inte är "
        "överens.",
        "goals": "Rapportera en avvikelse enligt rutinen\n"
        "Veta hur oenighet om ansvar eller kostnader hanteras",
        "minutes": 10,
        "lessons": [
            {
                "slug": "avvikelser",
                "title": "Avvikelser",
                "intro": "En avvikelse är när en part inte följer det som är överenskommet.",
                "body": [
                    p(
                        "<p>Ser du att en part avviker från det som är överenskommet i Norrbus, "
                        "gör du en avvikelserapport i din egen organisation. Varje berörd "
                        "verksamhet analyserar avvikelsen, och den analyseras sedan gemensamt i "
                        "Forum barn och unga och på länsdelsnivå. Den part som noterade "
                        "avvikelsen rapporterar avvikelse, analys och beslut vidare till "
                        "länets samverkansstruktur.</p>"
                    ),
                    callout(
                        "Ingen uppgift om barnet",
                        "<p>Beskriv vad som inte följdes, inte vem barnet är. Namn och "
                        "personnummer hör inte hemma i en avvikelserapport om samverkan.</p>",
                        "warning",
                    ),
                ],
                "references": [("/rutiner/avvikelsehantering/", "")],
                "questions": [
                    q(
                        "Var gör du avvikelserapporten?",
                        (
                            "I din egen organisation",
                            True,
                            "Rätt. Rapporten görs där du arbetar och analyseras sedan gemensamt.",
                        ),
                        (
                            "Direkt till Region Norrbottens ledning",
                            False,
                            "Nej. Avvikelsen går först genom din egen organisation.",
                        ),
                    ),
                ],
            },
            {
                "slug": "oenighet",
                "title": "Oenighet mellan parter",
                "intro": "Barnets insatser ska inte vänta på att en tvist avgörs.",
                "body": [
                    p(
                        "<p>Är parterna oeniga om vem som ansvarar för en insats eller en "
                        "kostnad, lyfts frågan i de berörda organisationernas ordinarie "
                        "ledning. Under tiden ska barnet få sina insatser. Frågor som inte går "
                        "att lösa så avgörs i sista hand i länets samverkansstruktur för barn "
                        "och unga.</p>"
                    ),
                ],
                "references": [("/rutiner/oenighet-mellan-parter/", "")],
                "questions": [
                    q(
                        "Parterna är oeniga om vem som ska betala en insats. Vad händer med "
                        "barnets insats?",
                        (
                            "Den väntar tills frågan är avgjord",
                            False,
                            "Nej. Barnets insatser ska inte vänta på att tvisten avgörs.",
                        ),
                        (
                            "Den genomförs medan frågan hanteras i ledningen",
                            True,
                            "Rätt. Tvisten hanteras i ledningen, barnet får sitt stöd.",
                        ),
                    ),
                    q(
                        "Var avgörs en oenighet som inte går att lösa i ledningen?",
                        (
                            "I länets samverkansstruktur för barn och unga",
                            True,
                            "Rätt. Där avgörs den i sista hand.",
                        ),
                        (
                            "I Norrbusmötet kring barnet",
                            False,
                            "Nej. Mötet handlar om barnets behov, inte om tvister mellan "
                            "organisationer.",
                        ),
                    ),
                ],
            },
        ],
    },
    {
        "slug": "samverkansstrukturen",
        "title": "Samverkansstrukturen",
        "intro": "Hur samverkan styrs på läns-, länsdels- och kommunnivå.",
        "goals": "Beskriva de tre nivåerna i samverkansstrukturen\n"
        "Veta vad Forum barn och unga är till för",
        "minutes": 10,
        "lessons": [
            {
                "slug": "tre-nivaer",
                "title": "Tre nivåer",
                "intro": "Frågor som inte löses lokalt lyfts till nästa nivå.",
                "body": [
                    {
                        "type": "structure_diagram",
                        "value": {
                            "title": "Samverkansstrukturen i Norrbus",
                            "levels": STRUCTURE_LEVELS,
                        },
                    },
                    p(
                        "<p>I varje kommun finns minst ett Forum barn och unga där chefer "
                        "regelbundet talar om läget för barn och unga i kommunen – på "
                        "gruppnivå, aldrig om enskilda barn – och analyserar avvikelser. "
                        "Länsdelarna samlar kommunerna i fyra områden, och på länsnivå finns "
                        "den politiska samverkansberedningen, länsstyrgruppen och "
                        "samverkansstrukturen för barn och unga.</p>"
                    ),
                ],
                "references": [
                    ("/samverkansstrukturen/", ""),
                    ("/rutiner/forum-barn-och-unga/", ""),
                ],
                "questions": [
                    q(
                        "Vad pratar ni om i Forum barn och unga?",
                        (
                            "Läget för barn och unga i kommunen, på gruppnivå",
                            True,
                            "Rätt. Forumet ser behov tidigt och analyserar avvikelser.",
                        ),
                        (
                            "Enskilda barn, med namn",
                            False,
                            "Nej. Forumet talar aldrig om enskilda barn.",
                        ),
                    ),
                    q(
                        "Hur många Forum barn och unga ska en kommun ha?",
                        (
                            "Minst ett",
                            True,
                            "Rätt. Större kommuner kan ha flera.",
                        ),
                        (
                            "Ett gemensamt för hela länet",
                            False,
                            "Nej. Forumet finns på kommunnivå.",
                        ),
                    ),
                ],
            },
        ],
    },
]

INTRODUCTION = "introduktion-till-norrbus"

PATHS = [
    {
        "slug": INTRODUCTION,
        "title": "Introduktion till Norrbus",
        "intro": "Sex moduler om det viktigaste i Norrbus, för alla som arbetar med barn och "
        "unga. Ungefär en timme och tio minuter.",
        "actor": "",
        "modules": [module["slug"] for module in MODULES],
    },
    {
        "slug": "ny-i-skolan",
        "title": "Ny i skolan",
        "intro": "För dig som är ny i skolan eller elevhälsan: skolan ser oftast behovet först "
        "och kallar till Norrbusmöte.",
        "actor": "skola",
        "modules": [
            "varfor-norrbus",
            "norrbusmotet-steg-for-steg",
            "aktorerna",
            "sip",
            "avvikelser-och-oenighet",
        ],
    },
    {
        "slug": "ny-inom-socialtjansten",
        "title": "Ny inom socialtjänsten",
        "intro": "För dig som är ny i socialtjänsten: SIP, Norrbusmötet och ditt ansvar när ett "
        "barn är placerat.",
        "actor": "socialtjanst",
        "modules": [
            "varfor-norrbus",
            "sip",
            "norrbusmotet-steg-for-steg",
            "aktorerna",
            "avvikelser-och-oenighet",
        ],
    },
    {
        "slug": "ny-inom-primarvarden",
        "title": "Ny inom primärvården",
        "intro": "För dig som är ny i primärvården: navet i nära vård och en kärnaktör i "
        "Norrbusmötet.",
        "actor": "primarvard",
        "modules": [
            "varfor-norrbus",
            "aktorerna",
            "norrbusmotet-steg-for-steg",
            "sip",
            "avvikelser-och-oenighet",
        ],
    },
    {
        "slug": "ny-inom-specialistvarden",
        "title": "Ny inom specialistvården",
        "intro": "För dig som är ny i specialistvården: när du deltar och hur vägen från "
        "primärvården ser ut.",
        "actor": "specialistvard",
        "modules": [
            "varfor-norrbus",
            "aktorerna",
            "sip",
            "norrbusmotet-steg-for-steg",
            "samverkansstrukturen",
        ],
    },
]

INDEX = {
    "title": "Utbildning",
    "intro": "Introduktion och utbildning i Norrbus för dig som arbetar med barn och unga. "
    "Börja med vägen för din verksamhet, eller gå hela introduktionen.",
}
