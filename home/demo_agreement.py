"""Demo text of the agreement versions, in the project's own words.

The 2025 version follows the section structure of the agreement in force (its headings and
order), so an import of the original document compares section for section with it. The
text under each heading is a plain-language summary, not the agreement's wording.
"""

from datetime import date

# (level, heading, body html)
SECTIONS_2025 = [
    (1, "Inledning", ""),
    (
        2,
        "Samverkan för goda livsvillkor",
        "<p>Hur ett barn har det beror på många saker: arv, miljö och sådant som händer i livet. "
        "Samhället ska jämna ut skillnaderna, både tidigt och när behoven har blivit stora. "
        "Ofta behövs flera aktörer samtidigt, och då måste de samordna sig.</p>"
        "<p>Utan samverkan riskerar barn och unga att inte få det stöd, den vård och behandling "
        "de har rätt till. Norrbus finns för att det inte ska hända.</p>",
    ),
    (
        2,
        "Norrbus sedan 2008",
        "<p>Region Norrbotten och länets 14 kommuner har haft överenskommelsen sedan 2008. "
        "Tanken är att skola, socialtjänst, primärvård och specialistvård ska samordna resurser "
        "och arbete så att insatserna håller god kvalitet. Behoven har vuxit, bland annat för "
        "att neuropsykiatriska funktionsnedsättningar (NPF) upptäcks oftare i dag, och psykisk "
        "ohälsa har länge fått mindre uppmärksamhet än fysisk.</p>",
    ),
    (
        2,
        "Utveckling mot nära vård",
        "<p>Hela landet ställer om mot nära vård: ett arbetssätt som är personcentrerat, "
        "sammanhållet, proaktivt och hälsofrämjande – inte en ny organisation. Regionen och "
        "kommunerna i Norrbotten har en gemensam målbild och sedan hösten 2022 en länsgemensam "
        "strategi med fyra riktningar:</p>"
        "<ul><li>mer hälsofrämjande och förebyggande arbete</li>"
        "<li>mer personcentrering och delaktighet</li>"
        "<li>en starkare gemensam primärvård</li>"
        "<li>öppnare vårdformer.</li></ul>"
        "<p>Norrbus ska följa samma principer. Överenskommelsen reviderades första gången 2013; "
        "detta är den andra revideringen.</p>",
    ),
    (
        1,
        "Målgrupp",
        "<p>Alla barn och unga till och med 20 år som behöver samordnade insatser från "
        "verksamheter i Region Norrbotten och länets kommuner.</p>",
    ),
    (
        1,
        "Syfte & mål",
        "<p>Barn och unga i Norrbotten ska ha goda livsvillkor och kunna utvecklas utifrån sina "
        "egna förutsättningar, oavsett kön eller könsidentitet. Den som behöver stöd ska få det.</p>"
        "<p>Samverkan gäller både tidiga insatser och stöd vid komplexa behov. Insatserna ska "
        "komma tidigt, vara anpassade och samordnade, utan att verksamhetsgränser står i vägen. "
        "Barnet, den unge och vårdnadshavarna ska vara delaktiga hela vägen.</p>"
        "<p>Norrbus ska också se till att resurserna används väl: den som är bäst lämpad gör "
        "insatsen, alla har samma information och ingen gör samma sak två gånger.</p>",
    ),
    (
        1,
        "Vägledande principer och förhållningssätt",
        "<p>Samverkan kräver att man ser längre än till det egna ansvarsområdet och tar vara på "
        "varandras kompetens. I Norrbus gäller att vi</p>"
        "<ul><li>utgår från barnets behov och arbetar personcentrerat</li>"
        "<li>bemöter flickor, pojkar och personer med annan könsidentitet likvärdigt</li>"
        "<li>har en helhetssyn på barnets livssituation</li>"
        "<li>låter barnet och vårdnadshavarna vara delaktiga och påverka</li>"
        "<li>arbetar förebyggande och sätter in insatser tidigt</li>"
        "<li>lär oss våra samarbetspartners uppdrag</li>"
        "<li>tar vara på tvärprofessionell kompetens</li>"
        "<li>litar på att alla parter vill bidra</li>"
        "<li>utgår från evidens och beprövad erfarenhet</li>"
        "<li>har Barnkonventionen som utgångspunkt.</li></ul>",
    ),
    (
        1,
        "Aktörer i samverkan",
        "<p>Barn med behov av särskilt stöd har rätt att få behoven utredda och tillgodosedda "
        "utan onödig väntan. Lagen fördelar ansvaret för verksamhet och kostnader; där den inte "
        "är tydlig löser huvudmännen frågan tillsammans.</p>"
        "<p>Stöd ges i första hand där barnet finns i vardagen. Nästan alla barn möter skolan, "
        "barnhälsovården och ungdomsmottagningen, så de behöver kunna kartlägga behov och ge "
        "stöd. Privata skolor och vårdgivare uppmuntras att delta, så att alla barn får samma "
        "möjligheter.</p>",
    ),
    (
        2,
        "Skola",
        "<p>Skolan ska se till att alla elever når utbildningens mål och kommer så långt som "
        "möjligt. Elevhälsan – medicinsk, psykologisk, psykosocial och specialpedagogisk – "
        "arbetar främst förebyggande och hälsofrämjande. Varje huvudman bestämmer hur "
        "elevhälsan organiseras.</p>",
    ),
    (
        2,
        "Socialtjänst",
        "<p>Socialtjänsten har det yttersta ansvaret för att människor i kommunen får stöd och "
        "hjälp. Den bedömer om ett barn behöver skydd eller stöd och arbetar för att barn växer "
        "upp under trygga förhållanden, med helhetssyn, frivillighet och kontinuitet.</p>",
    ),
    (
        2,
        "Primärvård",
        "<p>Primärvården är vårdens första linje: öppen vård utan avgränsning till sjukdom, "
        "ålder eller patientgrupp. Den står för bedömning, behandling, förebyggande arbete och "
        "rehabilitering som inte kräver specialistresurser.</p>",
    ),
    (
        2,
        "Specialistvård",
        "<p>Barnsjukvården ger specialiserad vård till barn och unga upp till 18 år: barn- och "
        "ungdomsmedicin, barn- och ungdomshabilitering och barn- och ungdomspsykiatri. "
        "Vuxenpsykiatrin tar över från 18 år.</p>",
    ),
    (
        1,
        "Samverkan i praktiken",
        "<p>Verksamheterna träffas för att få en gemensam bild av barnets situation, klargöra "
        "familjens resurser och behov och komma överens om vad nätverket kan erbjuda. Kärnan är "
        "kommunens skola och socialtjänst och regionens primärvård; vilka som deltar avgörs i "
        "varje enskilt fall.</p>"
        "<p>Det finns två mötesformer: Forum barn och unga för löpande dialog, och Norrbusmötet "
        "där ett enskilt barns situation tas upp tillsammans med barnet och familjen.</p>",
    ),
    (
        2,
        "Forum barn och unga",
        "<p>Varje kommun ska ha minst ett forum för kontinuerlig dialog och erfarenhetsutbyte. "
        "Finns inget ska ett skapas. Vem som kallar och hur ofta man ses bestäms lokalt, men "
        "mötena ska vara regelbundna.</p>"
        "<p>Forumet är till för att agera tidigt och förebyggande. Chefer med god kännedom om "
        "barn och unga i kommunen bör delta, och andra – polis, fastighetsägare, "
        "frivilligorganisationer – kan bjudas in.</p>",
    ),
    (
        2,
        "Norrbusmötet",
        "<p>Tre (ibland två) parter möts lokalt för att komma fram till hur de bäst hjälper ett "
        "barn. Alla verksamheter i Norrbus har lovat att prioritera Norrbusmöten.</p>",
    ),
    (
        3,
        "Behov av möte",
        "<p>Den verksamhet som ser att barnet skulle få bättre stöd om skola, socialtjänst och "
        "primärvård planerar tillsammans tar initiativet. Oftast är det skolan, men alla ska "
        "vara uppmärksamma.</p>",
    ),
    (
        3,
        "Kallelse",
        "<p>Den som kallar ska veta vilka som bör vara med. Deltagarna ska ha mandat att besluta "
        "om insatser. Kallelsen anger syftet, och den som kallar ser till att barnet och "
        "vårdnadshavarna samtycker och kan delta. Hur bråttom det är bedöms från fall till fall.</p>",
    ),
    (
        3,
        "Mötet",
        "<p>Deltagarna skapar en gemensam bild av barnets behov och resurser och kommer överens "
        "om insatser. Den som kallat dokumenterar vem som ansvarar för vad, omfattningen, vem som "
        "utför och hur uppföljningen sker.</p>",
    ),
    (
        3,
        "Efter mötet",
        "<p>Varje aktör genomför sina insatser, själv eller tillsammans med andra. Den som "
        "kallade – eller den mötet utsett – kallar till uppföljning.</p>",
    ),
    (
        2,
        "Vård utanför det egna hemmet",
        "<p>För placerade barn gäller samma principer och samma modell. Skillnaden är att "
        "socialtjänsten har samordningsansvaret.</p>",
    ),
    (
        1,
        "Samverkansstrukturen",
        "<p>Samverkan kräver engagemang och tydlig styrning på alla ledningsnivåer, även den "
        "politiska.</p>",
    ),
    (
        2,
        "Länsnivå",
        "<p>Region Norrbotten och de 14 kommunerna. Den politiska samverkansberedningen hanterar "
        "gemensamma frågor om hälsa, vård, omsorg och skola. Länsstyrgruppen är styrgrupp för "
        "gemensamma frågor. Norrbusfrågor hanteras i Samverkansstruktur målgrupp barn och unga.</p>",
    ),
    (
        2,
        "Länsdelsnivå",
        "<p>Samverkan sker i länets fyra länsdelar. Saknas en samverkansgrupp för barn och unga "
        "ska en bildas.</p>",
    ),
    (
        2,
        "Kommunnivå",
        "<p>I kommunen är Forum barn och unga samverkansstrukturen; större kommuner kan ha flera.</p>",
    ),
    (
        1,
        "Uppföljning",
        "<p>Varje år görs en länsövergripande bedömning av resultaten, vilket kräver löpande "
        "uppföljning. Barnens och de ungas egen bild ska fångas, till exempel med enkäter. "
        "Modell och indikatorer tas fram i Samverkansstruktur målgrupp barn och unga och "
        "redovisas för den politiska samverkansberedningen.</p>",
    ),
    (
        2,
        "Avvikelsehantering",
        "<p>Den som ser att en part avviker från överenskomna rutiner gör en avvikelserapport. "
        "Avvikelsen analyseras i varje berörd verksamhet och gemensamt i Forum barn och unga och "
        "på länsdelsnivå. Den som noterat avvikelsen rapporterar till Samverkansstruktur "
        "målgrupp barn och unga.</p>",
    ),
    (
        2,
        "Oenighet mellan parter",
        "<p>Oenighet om verksamhets- eller kostnadsansvar löses i de berörda organisationernas "
        "ordinarie ledning. Går det inte avgörs frågan i sista hand i Samverkansstruktur "
        "målgrupp barn och unga.</p>"
        "<p>Överenskommelsen ersätter den tidigare och gäller från 1 januari 2025.</p>",
    ),
]

SECTIONS_2013 = [
    (
        1,
        "Bakgrund",
        "<p>Överenskommelsen från 2008 reviderades efter fem år. Parter var dåvarande Norrbottens "
        "läns landsting och Kommunförbundet Norrbotten. 2010 hade den kompletterats med gemensamma "
        "riktlinjer, som också reviderades 2013.</p>",
    ),
    (
        1,
        "Målgrupp",
        "<p>Barn och unga till och med 20 år som behöver stöd från mer än en aktör.</p>",
    ),
    (
        1,
        "Mål",
        "<p>Alla barn och unga i länet ska ha sådant stöd att de så långt som möjligt kan växa "
        "upp, bo och leva i sin familj och vara kvar i sin klass eller grupp.</p>",
    ),
    (
        1,
        "Principer",
        "<ul><li>Överenskommelsen gäller unga som behöver stöd från mer än en aktör.</li>"
        "<li>Samverkan gäller individuellt stöd.</li>"
        "<li>Ju tidigare en insats sätts in, desto bättre.</li>"
        "<li>Varje aktör ansvarar för sitt grunduppdrag och sina kostnader.</li>"
        "<li>Samverkan behöver styras och stödjas på flera nivåer.</li>"
        "<li>Samverkan är till för barnets, den unges och familjens bästa.</li></ul>",
    ),
    (
        1,
        "Aktörer i samverkan",
        "<p>Tre aktörer: skolan och socialtjänsten i kommunen samt hälso- och sjukvården i "
        "landstinget.</p>",
    ),
    (
        1,
        "Nätverksmöten och SIP",
        "<p>Samverkan kring ett barn sker i nätverksmöten (i dag kallade Norrbusmöten). Den aktör "
        "som först ser behovet tar initiativet och inhämtar samtycke. Mötet resulterar i en "
        "samordnad individuell plan, SIP. Skolan kan ta initiativ till, ansvara för och medverka "
        "i planen; genom Norrbus har kommunerna åtagit sig att skolan deltar.</p>",
    ),
    (
        1,
        "Samverkansstrukturen",
        "<p>Samverkansorgan på läns-, länsdels- och kommunnivå. Lokala förutsättningar styr de "
        "kommunala gruppernas sammansättning och arbetssätt.</p>",
    ),
    (
        1,
        "Avvikelsehantering",
        "<p>En gemensam rutin för avvikelsehantering antogs i maj 2013.</p>",
    ),
]

SECTIONS_2008 = [
    (
        1,
        "Bakgrund",
        "<p>Idén föddes ur ett placeringsärende i en mindre kommun som hotade att ta hela "
        "budgeten för individ- och familjeomsorgen. Det visade att aktörerna behövde samverka.</p>",
    ),
    (
        1,
        "Målgrupp",
        "<p>Barn och unga till och med 20 år som behöver insatser från fler än en aktör.</p>",
    ),
    (
        1,
        "Syfte",
        "<p>Tidiga och samordnade insatser för barn och unga som behöver stöd från flera "
        "aktörer.</p>",
    ),
    (
        1,
        "Parter",
        "<p>Norrbottens läns landsting och Kommunförbundet Norrbotten. Överenskommelsen godkändes "
        "av socialnämnder och barn- och ungdomsnämnder i de 14 kommunerna och av "
        "landstingsstyrelsen.</p>",
    ),
]

VERSIONS = [
    {
        "slug": "2008",
        "title": "Norrbus – överenskommelse om samverkan kring barn och unga",
        "version_label": "2008",
        "decision_date": None,
        "effective_date": date(2008, 1, 1),
        "summary": "<p>Den första överenskommelsen mellan landstinget och länets 14 kommuner. "
        "Källorna anger året men inte dagen; 1 januari 2008 är ett exempeldatum.</p>",
        "sections": SECTIONS_2008,
    },
    {
        "slug": "2013",
        "title": "Norrbus – reviderad överenskommelse 2013",
        "version_label": "2013",
        "decision_date": None,
        "effective_date": date(2013, 1, 1),
        "summary": "<p>Den första revideringen, fem år efter starten. Den lade till principer om "
        "tidiga insatser och kostnadsansvar och knöt samverkan till SIP. Källorna anger året men "
        "inte dagen; 1 januari 2013 är ett exempeldatum.</p>",
        "sections": SECTIONS_2013,
    },
    {
        "slug": "2025",
        "title": "Norrbus – reviderad överenskommelse",
        "version_label": "2025",
        "decision_date": None,
        "effective_date": date(2025, 1, 1),
        "summary": "<p>Den andra revideringen, i linje med omställningen till nära vård. Nytt är "
        "bland annat att primärvården och specialistvården beskrivs som egna aktörer, att Forum "
        "barn och unga ska finnas i varje kommun, tydligare principer (bland annat "
        "Barnkonventionen och likvärdighet oavsett könsidentitet) och en årlig uppföljning som "
        "fångar barnens egen bild.</p>",
        "sections": SECTIONS_2025,
    },
]
