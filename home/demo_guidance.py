"""Demo actors, routines, articles and glossary, in the project's own words, from the facts
of the agreement (2025) and the 2019 evaluation."""

from datetime import date

OWNER = "Centralt stöd Norrbus"
NEXT_REVIEW = date(2027, 6, 1)

ACTORS = [
    {
        "slug": "skola",
        "actor": "skola",
        "title": "Skola",
        "short_description": "Möter alla barn och tar oftast initiativet till samverkan. "
        "Elevhälsan finns i varje skola.",
        "mission": "<p>Skolan ska se till att alla elever når utbildningens mål och utvecklas så "
        "långt som möjligt. Elevhälsan arbetar med elevernas lärande, utveckling och hälsa på "
        "individ-, grupp- och skolnivå, främst förebyggande och hälsofrämjande.</p>",
        "legal_basis": "<p>Skollagen (2010:800): rätten till elevhälsa, extra anpassningar och "
        "särskilt stöd. Skollagen kräver inte SIP, men genom Norrbus har alla 14 kommuner "
        "åtagit sig att skolan deltar när en SIP upprättas.</p>",
        "role_in_norrbus": "<p>Eftersom alla barn går i skolan är det oftast där behovet av "
        "samverkan upptäcks – i utvärderingen 2019 sa tre av fyra att skolan oftast tar "
        "initiativet. Skolan kallar då till Norrbusmöte, ser till att vårdnadshavarna samtycker "
        "och dokumenterar vem som gör vad.</p>",
        "when_to_involve": "<p>När ett barns svårigheter märks i skolan: frånvaro, oro, "
        "inlärningssvårigheter, misstanke om NPF, eller när anpassningar och stöd behöver "
        "samordnas med vård eller socialtjänst.</p>",
        "what_to_expect": "<p>Att skolan deltar med någon som har mandat att besluta om "
        "anpassningar och stöd i skolan, oftast rektor eller elevhälsan, och att elevhälsan "
        "delar sin bild av barnets skolsituation när samtycke finns.</p>",
        "units": [
            (
                "Elevhälsan",
                "6–20 år",
                "Skolsköterska, skolläkare, kurator, psykolog och specialpedagog. Medicinska, "
                "psykologiska, psykosociala och specialpedagogiska insatser för alla elever.",
            ),
            (
                "Elevhälsoteam (EHT)",
                "",
                "Rektorns team för elevhälsoarbetet på skolan. Här lyfts elever som kan behöva "
                "samordnat stöd från fler än skolan.",
            ),
            (
                "Rektor",
                "",
                "Beslutar om särskilt stöd och åtgärdsprogram och har mandat att binda skolan "
                "vid insatser i ett Norrbusmöte.",
            ),
        ],
        "misunderstandings": [
            (
                "Skolan behöver inte delta i SIP eftersom skollagen inte kräver det.",
                "Genom Norrbus har alla kommuner åtagit sig att skolan deltar när en SIP tas "
                "fram för ett barn. Skolan kan också ta initiativ till planen.",
            ),
            (
                "Alla aktörer är överens om när samverkan ska börja.",
                "Utvärderingen 2019 visade att skolan oftare än de andra tycker att samverkan "
                "börjar för sent (38 procent av skolans personal, mot 13–15 procent i "
                "socialtjänsten och vården). Ta upp tidpunkten öppet i Forum barn och unga.",
            ),
        ],
    },
    {
        "slug": "socialtjanst",
        "actor": "socialtjanst",
        "title": "Socialtjänst",
        "short_description": "Har det yttersta ansvaret för barn som behöver skydd eller stöd, "
        "och samordnar när ett barn är placerat.",
        "mission": "<p>Socialtjänsten har det yttersta ansvaret för att de som vistas i kommunen "
        "får stöd och hjälp. Den bedömer om ett barn behöver skydd eller stöd och arbetar för "
        "att barn och unga växer upp under trygga förhållanden – med helhetssyn, frivillighet, "
        "kontinuitet och närhet.</p>",
        "legal_basis": "<p>Socialtjänstlagen (SoL) och lagen med särskilda bestämmelser om vård "
        "av unga (LVU). SoL och hälso- och sjukvårdslagen kräver att en SIP upprättas när ett "
        "barn behöver insatser från både socialtjänst och vård och de behöver samordnas.</p>",
        "role_in_norrbus": "<p>Socialtjänsten är stommen i samverkan kring barn med komplexa "
        "behov. Den kan ge stöd till hela familjen, till exempel föräldrastöd, och har "
        "samordningsansvaret när ett barn är placerat utanför hemmet.</p>",
        "when_to_involve": "<p>När du är orolig för att ett barn far illa (då gäller "
        "anmälningsplikten – gör en orosanmälan), när familjen behöver stöd, eller när "
        "skolans och vårdens insatser inte räcker.</p>",
        "what_to_expect": "<p>Att socialtjänsten tar emot och bedömer en orosanmälan, deltar i "
        "Norrbusmöten med en handläggare som kan besluta om insatser, och återkopplar enligt "
        "det som bestämts.</p>",
        "units": [
            (
                "Individ- och familjeomsorgen (IFO), barn och familj",
                "0–20 år",
                "Tar emot orosanmälningar, utreder barns behov av skydd och stöd och beslutar om "
                "insatser till barn och familjer.",
            ),
            (
                "Socialjour",
                "",
                "Tar emot akuta ärenden kvällar, nätter och helger när socialkontoret är stängt.",
            ),
            (
                "Familjecentral (socialtjänstens del)",
                "0–6 år",
                "Föräldrastöd och förebyggande socialt arbete tillsammans med barnhälsovård och "
                "öppen förskola.",
            ),
        ],
        "misunderstandings": [
            (
                "Socialtjänsten är bara en kontrollerande myndighet.",
                "Socialtjänsten ger också stöd, ofta till hela familjen. Att mötas i skolans "
                "miljö, tillsammans med elevhälsan, gör kontakten mindre dramatisk för många "
                "familjer.",
            ),
        ],
    },
    {
        "slug": "primarvard",
        "actor": "primarvard",
        "title": "Primärvård",
        "short_description": "Vårdens första linje: hälsocentral, familjecentral, "
        "ungdomsmottagning och barnhälsovård.",
        "mission": "<p>Primärvården är den första instansen i vårdkedjan: öppen vård utan "
        "avgränsning till sjukdom, ålder eller patientgrupp. Den står för bedömning, "
        "behandling, förebyggande arbete och rehabilitering som inte kräver "
        "specialistresurser.</p>",
        "legal_basis": "<p>Hälso- och sjukvårdslagen (2017:30) och patientlagen (2014:821). "
        "Hälso- och sjukvårdslagen kräver SIP när vård och socialtjänst behöver samordna "
        "sina insatser.</p>",
        "role_in_norrbus": "<p>Primärvården är en av kärnaktörerna i Norrbusmötet, tillsammans "
        "med skola och socialtjänst. I omställningen till nära vård ska primärvården vara "
        "navet – också för barn och unga med psykisk ohälsa som ännu inte behöver "
        "specialistvård.</p>",
        "when_to_involve": "<p>När ett barn har hälsoproblem, lätt till måttlig psykisk ohälsa "
        "eller behöver en medicinsk bedömning – innan det blir fråga om specialistvård.</p>",
        "what_to_expect": "<p>Att hälsocentralen deltar i Norrbusmöten med någon som kan "
        "besluta om vårdens insatser, och att den remitterar vidare till specialistvården när "
        "det behövs.</p>",
        "units": [
            (
                "Hälsocentral (HC)",
                "Alla åldrar",
                "Första linjens vård. Många hälsocentraler har i dag psykolog och kurator.",
            ),
            (
                "Familjecentral",
                "0–6 år",
                "Mödrahälsovård, barnhälsovård, öppen förskola och socialtjänst på samma "
                "ställe, för föräldrar och små barn.",
            ),
            (
                "Ungdomsmottagning (UM)",
                "Upp till 25 år",
                "Barnmorskor, kuratorer och läkare för frågor om sexualitet, relationer och "
                "psykisk hälsa.",
            ),
            (
                "Barnhälsovård (BVC)",
                "0–6 år",
                "Hälsobesök och vaccinationer för alla små barn; ser tidigt barn som behöver stöd.",
            ),
        ],
        "misunderstandings": [
            (
                "Hälsocentralen har inget att bidra med när ett barn mår psykiskt dåligt, så "
                "man bjuder in BUP direkt.",
                "Primärvården är första linjen. Barn som inte redan är patienter hos BUP bör i "
                "första hand få hjälp på hälsocentralen, och många hälsocentraler har i dag "
                "psykolog- och kuratorskompetens.",
            ),
            (
                "Familjecentraler och ungdomsmottagningar står utanför Norrbus.",
                "Båda är en del av primärvården och kan delta i Norrbusmöten när barnets behov "
                "talar för det.",
            ),
        ],
    },
    {
        "slug": "specialistvard",
        "actor": "specialistvard",
        "title": "Specialistvård",
        "short_description": "Barn- och ungdomspsykiatri (BUP), barn- och ungdomsmedicin, "
        "habilitering – och vuxenpsykiatri från 18 år.",
        "mission": "<p>Barnsjukvården ger specialiserad medicinsk vård till barn och unga upp "
        "till 18 år: barn- och ungdomsmedicin, barn- och ungdomshabilitering och barn- och "
        "ungdomspsykiatri. Från 18 år ansvarar vuxenpsykiatrin för psykiatrisk "
        "specialistvård.</p>",
        "legal_basis": "<p>Hälso- och sjukvårdslagen (2017:30), patientlagen (2014:821) och, "
        "för habiliteringen, lagen om stöd och service till vissa funktionshindrade (LSS) där "
        "den berör vårdens insatser.</p>",
        "role_in_norrbus": "<p>Specialistvården deltar när barnets behov kräver specialistens "
        "kunskap. För barn och unga 18–20 år är det vuxenpsykiatrin som är specialistvård.</p>",
        "when_to_involve": "<p>När primärvårdens insatser inte räcker, vid misstanke om allvarlig "
        "psykisk sjukdom, vid behov av utredning (till exempel NPF) eller habilitering. Vid "
        "fara för liv: ring 112.</p>",
        "what_to_expect": "<p>Att BUP nås via BUP-linjen, en gemensam väg in för hela länet, "
        "och att specialistvården deltar i Norrbusmöten – ofta på distans – när den är rätt "
        "vårdnivå.</p>",
        "units": [
            (
                "Barn- och ungdomspsykiatri (BUP)",
                "0–18 år",
                "Utredning och behandling vid psykisk sjukdom och svårare psykisk ohälsa.",
            ),
            (
                "BUP-linjen",
                "0–18 år",
                "En enda väg in till BUP för hela Norrbotten, för rådgivning och för att "
                "komma rätt.",
            ),
            (
                "Barn- och ungdomsmedicin (BUM)",
                "0–18 år",
                "Specialistvård för barn med kroniska och andra medicinska sjukdomar.",
            ),
            (
                "Barn- och ungdomshabilitering",
                "0–18 år",
                "Stöd och behandling för barn med varaktiga funktionsnedsättningar.",
            ),
            (
                "Vuxenpsykiatri",
                "Från 18 år",
                "Psykiatrisk specialistvård för unga vuxna 18–20 år inom Norrbus målgrupp.",
            ),
        ],
        "misunderstandings": [
            (
                "BUP ska vara med på alla Norrbusmöten.",
                "BUP är specialistvård och har ofta de största resursproblemen. Bjud in BUP när "
                "barnets behov kräver det; annars är hälsocentralen rätt part. Osäker? Ring "
                "BUP-linjen.",
            ),
            (
                "Vuxenpsykiatrin är inte en del av Norrbus.",
                "Norrbus gäller till och med 20 år. För unga 18–20 år är vuxenpsykiatrin "
                "specialistvården, och den samverkar med kommunerna även enligt en egen "
                "överenskommelse.",
            ),
        ],
    },
]


def step(title, responsible, body, checklist=(), anchor="", contact=()):
    return {
        "type": "step",
        "value": {
            "title": title,
            "anchor": anchor,
            "responsible": list(responsible),
            "contact_actors": list(contact),
            "body": body,
            "checklist": list(checklist),
            "documents": [],
        },
    }


ALL_ACTORS = ("skola", "socialtjanst", "primarvard", "specialistvard")

ROUTINES = [
    {
        "slug": "norrbusmotet",
        "title": "Norrbusmötet",
        "summary": "Så kallar du till och håller ett möte om ett barn, med barnet och "
        "vårdnadshavarna och de aktörer som behövs.",
        "audience": ALL_ACTORS,
        "audience_note": "",
        "related": ["samordnad-individuell-plan", "vard-utanfor-det-egna-hemmet", "grona-kortet"],
        "steps": [
            step(
                "Behov av möte",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Du bedömer att barnet skulle få bättre stöd om skola, socialtjänst och "
                "primärvård planerade tillsammans. Då tar du initiativet – vilken aktör du än "
                "tillhör. Oftast ser skolan behovet först.</p>",
                ["Behöver barnet stöd från mer än en aktör?", "Räcker de egna insatserna inte?"],
            ),
            step(
                "Kallelse",
                ["skola", "socialtjanst", "primarvard"],
                "<p>Du som kallar tar först kontakt med barnet och vårdnadshavarna och får deras "
                "samtycke – utan samtycke kan sekretessen hindra mötet. Bjud sedan in de "
                "verksamheter som behövs. Skriv syftet i kallelsen så att alla kan förbereda "
                "sig.</p>",
                [
                    "Samtycke från barnet och vårdnadshavarna",
                    "Syftet med mötet står i kallelsen",
                    "Deltagarna har mandat att besluta om insatser",
                    "Bedöm hur bråttom det är",
                ],
                contact=ALL_ACTORS,
            ),
            step(
                "Mötet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Skapa en gemensam bild av barnets situation, resurser och behov och kom "
                "överens om vem som gör vad. Den som kallat dokumenterar åtagandena, i praktiken "
                "i en SIP.</p>",
                [
                    "Vem ansvarar för varje insats",
                    "Insatsernas omfattning",
                    "Vem som utför",
                    "Hur och när uppföljningen sker",
                ],
            ),
            step(
                "Efter mötet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Varje aktör genomför sina insatser. Den som kallade – eller den som mötet "
                "utsåg – kallar till uppföljande möte.</p>",
                ["Uppföljningsmötet är kallat", "Avvikelser rapporteras enligt rutinen"],
            ),
        ],
    },
    {
        "slug": "samordnad-individuell-plan",
        "title": "Samordnad individuell plan (SIP)",
        "summary": "En gemensam plan när ett barn behöver insatser från flera aktörer. "
        "Norrbusmötet resulterar i praktiken i en SIP.",
        "audience": ALL_ACTORS,
        "audience_note": "",
        "related": ["norrbusmotet"],
        "steps": [
            step(
                "Se behovet",
                ["socialtjanst", "primarvard", "specialistvard", "skola"],
                "<p>Socialtjänsten och hälso- och sjukvården är skyldiga att upprätta en SIP när "
                "ett barn behöver insatser från båda och de behöver samordnas. Skolan kan ta "
                "initiativ och deltar alltid enligt Norrbus.</p>",
                contact=ALL_ACTORS,
            ),
            step(
                "Samtycke",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Planen upprättas bara om barnet och vårdnadshavarna samtycker.</p>",
                ["Samtycket är inhämtat och dokumenterat i den egna journalen eller akten"],
            ),
            step(
                "Upprätta planen",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Planen anger vilka insatser som behövs, vem som ansvarar för vad, vem som "
                "har huvudansvaret för planen och när den följs upp. Den ersätter inte de planer "
                "varje huvudman själv måste ha.</p>",
                ["Insatser", "Ansvar per aktör", "Huvudansvarig", "Datum för uppföljning"],
            ),
            step(
                "Följ upp",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Följ upp planen på utsatt datum och justera den efter barnets behov.</p>",
            ),
        ],
    },
    {
        "slug": "forum-barn-och-unga",
        "title": "Forum barn och unga",
        "summary": "Det lokala forumet där verksamheterna regelbundet talar om läget för barn och "
        "unga i kommunen och fångar behov tidigt.",
        "audience": ALL_ACTORS,
        "audience_note": "Chefer med god kännedom om barn och unga i kommunen.",
        "related": ["avvikelsehantering"],
        "steps": [
            step(
                "Se till att forumet finns",
                ["skola", "socialtjanst", "primarvard"],
                "<p>Varje kommun ska ha minst ett forum. Finns inget, skapa ett – gärna utifrån "
                "ett forum som redan finns. Större kommuner kan ha flera.</p>",
            ),
            step(
                "Kalla regelbundet",
                ["skola", "socialtjanst", "primarvard"],
                "<p>Vem som kallar och hur ofta bestäms lokalt, men mötena ska vara "
                "regelbundna. Bjud vid behov in polis, fastighetsägare eller "
                "frivilligorganisationer.</p>",
                contact=("skola", "socialtjanst", "primarvard"),
            ),
            step(
                "Samtala om läget",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Diskutera situationen för barn och unga i kommunen och pågående insatser – "
                "på gruppnivå, inte om enskilda barn. Analysera avvikelser gemensamt.</p>",
                ["Inga namn eller uppgifter om enskilda barn", "Avvikelser sedan förra mötet"],
            ),
        ],
    },
    {
        "slug": "vard-utanfor-det-egna-hemmet",
        "title": "Vård utanför det egna hemmet",
        "summary": "När ett barn är placerat gäller samma samverkansmodell, men socialtjänsten "
        "samordnar.",
        "audience": ALL_ACTORS,
        "audience_note": "",
        "related": ["norrbusmotet"],
        "steps": [
            step(
                "Socialtjänsten samordnar",
                ["socialtjanst"],
                "<p>Vid placering har socialtjänsten samordningsansvaret och tar initiativ till "
                "möten kring barnet.</p>",
                contact=("socialtjanst",),
            ),
            step(
                "Samma modell som Norrbusmötet",
                ["skola", "primarvard", "specialistvard"],
                "<p>Barnets behov av skola, hälsa och vård bedöms och planeras tillsammans, på "
                "samma sätt som för barn som bor hemma.</p>",
                ["Skolgången är ordnad", "Hälso- och vårdbehov är kända"],
                contact=("skola", "primarvard", "specialistvard"),
            ),
        ],
    },
    {
        "slug": "avvikelsehantering",
        "title": "Avvikelsehantering",
        "summary": "Så rapporterar du när en part inte följer det som är överenskommet i Norrbus.",
        "audience": ALL_ACTORS,
        "audience_note": "All personal som arbetar med barn och unga.",
        "related": ["oenighet-mellan-parter", "forum-barn-och-unga"],
        "steps": [
            step(
                "Rapportera avvikelsen",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Du som ser att en part avviker från överenskomna rutiner gör en "
                "avvikelserapport i din egen organisation.</p>",
                ["Vilken rutin som inte följdes", "Vilka parter", "Inga personuppgifter om barnet"],
            ),
            step(
                "Analys i varje verksamhet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Varje berörd verksamhet analyserar avvikelsen.</p>",
            ),
            step(
                "Gemensam analys",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Avvikelsen analyseras tillsammans i Forum barn och unga och på "
                "länsdelsnivå.</p>",
            ),
            step(
                "Rapport till länet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Den part som noterade avvikelsen rapporterar avvikelse, analys och beslut "
                "till Samverkansstruktur målgrupp barn och unga.</p>",
            ),
        ],
    },
    {
        "slug": "oenighet-mellan-parter",
        "title": "Oenighet mellan parter",
        "summary": "Vad du gör när parterna inte är överens om vem som ansvarar för en insats "
        "eller kostnad.",
        "audience": ALL_ACTORS,
        "audience_note": "Chefer i verksamheterna.",
        "related": ["avvikelsehantering"],
        "steps": [
            step(
                "Lyft frågan i den egna ledningen",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Oenighet om verksamhets- eller kostnadsansvar hanteras i de berörda "
                "organisationernas ordinarie ledning. Barnets insatser ska inte vänta på att "
                "frågan avgörs.</p>",
            ),
            step(
                "Sista hand: länets samverkansstruktur",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Frågor som inte löses så avgörs i sista hand i Samverkansstruktur målgrupp "
                "barn och unga.</p>",
            ),
        ],
    },
    {
        "slug": "grona-kortet",
        "title": "Gröna kortet",
        "summary": "Rutinkort och checklista för all personal, framtaget i Östra Norrbotten: "
        "vad du gör före, under och efter ett Norrbusmöte.",
        "audience": ALL_ACTORS,
        "audience_note": "All personal som arbetar med barn och unga.",
        "related": ["norrbusmotet"],
        "steps": [
            step(
                "Före mötet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Bocka av innan du kallar.</p>",
                [
                    "Barnet behöver stöd från fler än en aktör",
                    "Barnet och vårdnadshavarna har samtyckt",
                    "Rätt parter är inbjudna, med mandat",
                    "Syftet står i kallelsen",
                ],
            ),
            step(
                "Under mötet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Bocka av innan mötet avslutas.</p>",
                [
                    "Barnet och vårdnadshavarna har kommit till tals",
                    "Gemensam bild av behoven",
                    "Vem gör vad, och när",
                    "Datum för uppföljning",
                ],
            ),
            step(
                "Efter mötet",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Bocka av efteråt.</p>",
                [
                    "Åtagandena är dokumenterade och skickade",
                    "Uppföljningsmötet är kallat",
                    "Avvikelser är rapporterade",
                ],
            ),
        ],
    },
    {
        "slug": "uppfoljning",
        "title": "Uppföljning",
        "summary": "Hur Norrbus följs upp varje år i länet, och hur barnens egen bild fångas.",
        "audience": ALL_ACTORS,
        "audience_note": "Chefer och samverkansgrupper.",
        "related": ["avvikelsehantering"],
        "steps": [
            step(
                "Löpande uppföljning",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Verksamheterna följer löpande hur Norrbus tillämpas, som underlag för den "
                "årliga bedömningen.</p>",
            ),
            step(
                "Målgruppens perspektiv",
                ["skola", "socialtjanst", "primarvard", "specialistvard"],
                "<p>Barnens, de ungas och anhörigas bild fångas, till exempel i enkäter.</p>",
            ),
            step(
                "Årlig bedömning",
                [],
                "<p>En länsövergripande bedömning av resultaten görs varje år, med modell och "
                "indikatorer från Samverkansstruktur målgrupp barn och unga, och redovisas för "
                "den politiska samverkansberedningen.</p>",
            ),
        ],
    },
]

PROCESS_STEPS = [
    {"title": "Behov av möte", "text": "En aktör ser att barnet behöver stöd från flera."},
    {"title": "Kallelse", "text": "Samtycke, rätt parter med mandat, syftet i kallelsen."},
    {"title": "Mötet", "text": "Gemensam bild och vem som gör vad, dokumenterat i en SIP."},
    {"title": "Efter mötet", "text": "Insatserna genomförs och följs upp i nytt möte."},
]

STRUCTURE_LEVELS = [
    {
        "name": "Länsnivå",
        "bodies": [
            {
                "name": "Politisk samverkansberedning",
                "text": "Regionen och kommunerna hanterar gemensamma frågor om hälsa, vård, "
                "omsorg och skola.",
            },
            {
                "name": "Länsstyrgruppen",
                "text": "Tjänstepersoner från region och kommuner; bereder frågor till "
                "beredningen.",
            },
            {
                "name": "Samverkansstruktur målgrupp barn och unga",
                "text": "Här hanteras Norrbusfrågor, avvikelser och oenighet i sista hand.",
            },
        ],
    },
    {
        "name": "Länsdelsnivå",
        "bodies": [
            {"name": "Östra Norrbotten", "text": "Haparanda, Kalix, Överkalix, Övertorneå"},
            {"name": "Luleå/Boden", "text": "Boden, Luleå"},
            {"name": "Piteå älvdal", "text": "Arjeplog, Arvidsjaur, Piteå, Älvsbyn"},
            {"name": "Malmfälten", "text": "Gällivare, Jokkmokk, Kiruna, Pajala"},
        ],
    },
    {
        "name": "Kommunnivå",
        "bodies": [
            {
                "name": "Forum barn och unga",
                "text": "Minst ett i varje kommun, för löpande dialog och tidiga insatser.",
            }
        ],
    },
]

ABOUT_BODY = [
    {"type": "heading", "value": {"text": "Vem Norrbus gäller", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Barn och unga till och med 20 år som behöver samordnat stöd från mer än "
        "en av aktörerna skola, socialtjänst, primärvård och specialistvård. Privata skolor "
        "och vårdgivare uppmuntras att delta.</p>",
    },
    {"type": "heading", "value": {"text": "Varför det finns", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Utan samverkan riskerar barn att falla mellan stolarna. Norrbus ska ge "
        "tidiga, anpassade och samordnade insatser utan hinder av verksamhetsgränser – och se "
        "till att den som är bäst lämpad gör insatsen, att alla har samma information och att "
        "inget görs två gånger.</p>",
    },
    {"type": "heading", "value": {"text": "Från 2008 till i dag", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Överenskommelsen träffades 2008, reviderades 2013 och igen med verkan "
        "från 1 januari 2025, då i linje med omställningen till nära vård.</p>",
    },
    {
        "type": "process_diagram",
        "value": {"title": "Norrbusmötet i fyra steg", "steps": PROCESS_STEPS},
    },
    {
        "type": "callout",
        "value": {
            "kind": "warning",
            "title": "Inga uppgifter om enskilda barn här",
            "text": "<p>Portalen är vägledning för personal. Skriv aldrig namn, personnummer "
            "eller andra uppgifter om ett barn eller en familj i sökrutan eller i formulär.</p>",
        },
    },
]

NEW_STAFF_BODY = [
    {
        "type": "paragraph",
        "value": "<p>Välkommen! Här är den kortaste vägen in i Norrbus. Läs i den här ordningen "
        "– det tar ungefär en halvtimme.</p>",
    },
    {"type": "heading", "value": {"text": "1. Vad Norrbus är", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>En överenskommelse mellan Region Norrbotten och länets 14 kommuner om "
        "samverkan kring barn och unga 0–20 år. Läs sidan <em>Om Norrbus</em> och "
        "överenskommelsens avsnitt <em>Syfte &amp; mål</em>.</p>",
    },
    {"type": "heading", "value": {"text": "2. Dina samarbetspartners", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Bara var tionde medarbetare säger sig känna sina samarbetspartners uppdrag "
        "väl. Läs sidorna om skola, socialtjänst, primärvård och specialistvård – särskilt "
        "avsnitten om vanliga missförstånd.</p>",
    },
    {"type": "heading", "value": {"text": "3. Norrbusmötet och SIP", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Rutinen för Norrbusmötet beskriver steg för steg hur du kallar till och "
        "håller ett möte. Ha Gröna kortet till hands som checklista.</p>",
    },
    {"type": "heading", "value": {"text": "4. När något inte fungerar", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Var femte medarbetare kände inte till rutinen för avvikelser. Läs rutinerna "
        "för avvikelsehantering och oenighet mellan parter.</p>",
    },
]

STRUCTURE_BODY = [
    {
        "type": "paragraph",
        "value": "<p>Samverkan i Norrbus styrs och stöds på tre nivåer. Frågor som inte kan "
        "lösas lokalt, eller som är principiella, lyfts till nästa nivå.</p>",
    },
    {
        "type": "structure_diagram",
        "value": {"title": "Samverkansstrukturen i Norrbus", "levels": STRUCTURE_LEVELS},
    },
    {"type": "heading", "value": {"text": "Processen kring ett barn", "level": "h2"}},
    {
        "type": "process_diagram",
        "value": {"title": "Samverkansprocessen: Norrbusmötet", "steps": PROCESS_STEPS},
    },
]

GLOSSARY = [
    (
        "Barnkonventionen",
        "",
        "FN:s konvention om barnets rättigheter",
        "FN:s konvention om barnets rättigheter, svensk lag sedan 2020. En utgångspunkt i Norrbus.",
    ),
    (
        "Barn- och ungdomsmedicin",
        "BUM",
        "barnmedicin",
        "Specialistvård för barn och unga upp till 18 år med medicinska sjukdomar.",
    ),
    (
        "Barn- och ungdomspsykiatri",
        "BUP",
        "barnpsykiatri",
        "Specialistvård för barn och unga upp till 18 år med psykisk sjukdom eller svårare psykisk ohälsa.",
    ),
    (
        "BUP-linjen",
        "",
        "BUP-linje, väg in till BUP",
        "En gemensam väg in till BUP för hela Norrbotten.",
    ),
    (
        "Elevhälsa",
        "",
        "elevhälsan",
        "Skolans medicinska, psykologiska, psykosociala och specialpedagogiska insatser för alla elever.",
    ),
    ("Elevhälsoteam", "EHT", "", "Rektorns team för elevhälsoarbetet på en skola."),
    (
        "Familjecentral",
        "",
        "",
        "Samlokaliserad verksamhet med mödrahälsovård, barnhälsovård, öppen förskola och socialtjänst för familjer med små barn.",
    ),
    (
        "Habilitering",
        "",
        "barn- och ungdomshabilitering",
        "Stöd och behandling för barn och unga med varaktiga funktionsnedsättningar.",
    ),
    (
        "Hem för vård eller boende",
        "HVB",
        "",
        "En form av placering utanför hemmet, beslutad av socialtjänsten.",
    ),
    ("Hälsocentral", "HC", "vårdcentral", "Primärvårdens mottagning, vårdens första linje."),
    (
        "Hälso- och sjukvårdslagen",
        "HSL",
        "",
        "Lagen som styr regionens hälso- och sjukvård, bland annat kravet på SIP.",
    ),
    (
        "Individ- och familjeomsorg",
        "IFO",
        "socialkontoret",
        "Den del av socialtjänsten som arbetar med barn, unga och familjer.",
    ),
    (
        "Lagen om stöd och service till vissa funktionshindrade",
        "LSS",
        "",
        "Lag om insatser för personer med vissa omfattande funktionsnedsättningar.",
    ),
    (
        "Nära vård",
        "",
        "",
        "Ett arbetssätt som är personcentrerat, sammanhållet, proaktivt och hälsofrämjande, med primärvården som nav.",
    ),
    (
        "Neuropsykiatrisk funktionsnedsättning",
        "NPF",
        "",
        "Till exempel adhd och autism. Upptäcks i dag oftare än när Norrbus började.",
    ),
    (
        "Norrbusmöte",
        "",
        "nätverksmöte, samverkansmöte",
        "Ett möte om ett barn där skola, socialtjänst och vård möter barnet och vårdnadshavarna.",
    ),
    (
        "Orosanmälan",
        "",
        "anmälan till socialtjänsten",
        "En anmälan till socialtjänsten om att ett barn kan fara illa. Anställda inom skola och vård har anmälningsplikt.",
    ),
    (
        "Placering",
        "",
        "familjehem",
        "När ett barn bor utanför det egna hemmet efter beslut av socialtjänsten.",
    ),
    (
        "Samordnad individuell plan",
        "SIP",
        "samordnad plan",
        "En gemensam plan när ett barn behöver insatser från både socialtjänst och hälso- och sjukvård.",
    ),
    (
        "Samtycke",
        "",
        "medgivande",
        "Barnets och vårdnadshavarnas godkännande till att uppgifter delas och att ett möte hålls.",
    ),
    (
        "Sekretess",
        "",
        "tystnadsplikt",
        "Skyldigheten att inte lämna ut uppgifter om enskilda. Samtycke kan häva den.",
    ),
    ("Skollagen", "", "", "Lagen som styr skolan, bland annat elevhälsan och särskilt stöd."),
    ("Socialtjänstlagen", "SoL", "", "Lagen som styr socialtjänsten, bland annat kravet på SIP."),
    ("Tidiga samordnade insatser", "TSI", "", "Samordnat stöd tidigt, innan behoven hunnit växa."),
    (
        "Ungdomsmottagning",
        "UM",
        "",
        "Primärvårdens mottagning för unga: sexualitet, relationer och psykisk hälsa.",
    ),
    (
        "Vuxenpsykiatri",
        "",
        "",
        "Psykiatrisk specialistvård från 18 år; inom Norrbus för unga 18–20 år.",
    ),
    (
        "Gröna kortet",
        "",
        "grönt kort",
        "Rutinkort och checklista för Norrbusmötet, framtaget i Östra Norrbotten.",
    ),
    (
        "Avvikelse",
        "",
        "avvikelserapport, avvikelserapportering",
        "När en part inte följer en överenskommen rutin. Rapporteras enligt rutinen för avvikelsehantering.",
    ),
    (
        "Forum barn och unga",
        "",
        "samverkansgrupp",
        "Det lokala forumet i varje kommun för löpande dialog och tidiga insatser.",
    ),
]

# DIGG's model for an accessibility statement: status, known gaps, how it was assessed, how to
# report a problem, and where to complain (the supervisory authority, Digg).
_STATEMENT_SECTIONS = [
    (
        "",
        "<p>Region Norrbotten står bakom den här webbplatsen. Vi vill att så många som möjligt "
        "ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om "
        "tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
        "rapporterar problem så att vi kan åtgärda dem.</p>",
    ),
    (
        "Hur tillgänglig är webbplatsen?",
        "<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig "
        "service, på grund av de brister som beskrivs nedan.</p>",
    ),
    (
        "Innehåll som inte är tillgängligt",
        "<ul><li>Dokument som laddats upp till portalen, till exempel äldre versioner av "
        "överenskommelsen, är inte alltid tillgängliga. Överenskommelsens text finns också som "
        "webbsida.</li><li>Redaktörernas redigeringsverktyg (Wagtail) ingår inte i vår "
        "granskning.</li></ul>",
    ),
    (
        "Hur vi har testat webbplatsen",
        "<p>Varje sidtyp testas automatiskt med verktyget axe mot WCAG 2.1 nivå AA vid varje "
        "ändring av koden, och vägarna genom portalen testas med enbart tangentbord. Den "
        "senaste bedömningen gjordes i november 2026. Redogörelsen uppdaterades senast den "
        "24 november 2026.</p>",
    ),
    (
        "Rapportera brister",
        "<p>Upptäcker du problem som inte beskrivs här, eller behöver du innehåll i ett annat "
        "format, kontakta det centrala stödet för Norrbus på tillganglighet@example.se "
        "(exempeladress). Du kan också svara på frågan längst ned på varje sida.</p>",
    ),
    (
        "Tillsyn",
        "<p>Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Är du inte nöjd "
        "med hur vi hanterar dina synpunkter kan du "
        '<a href="https://www.digg.se/tdosanmalan">anmäla det till Digg</a>.</p>',
    ),
]
ACCESSIBILITY_STATEMENT = {
    "slug": "tillganglighet",
    "title": "Tillgänglighetsredogörelse",
    "intro": "Hur tillgänglig Norrbus kunskapsportal är, vad som inte fungerar ännu och hur du "
    "rapporterar ett problem.",
    "content_owner": OWNER,
    "next_review": NEXT_REVIEW,
    "body": [
        block
        for heading, html in _STATEMENT_SECTIONS
        for block in (
            *([{"type": "heading", "value": {"text": heading, "level": "h2"}}] if heading else []),
            {"type": "paragraph", "value": html},
        )
    ],
}
