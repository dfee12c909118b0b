"""Demo clients, signals and cases for the teams of outreach/demo.py, made through cases.services.

Each case is a block in CASES: team, worker, client, the path it takes through the phases, and how
many days ago the signal came in and the worker last did something. The helpers spread the steps of
the path over that span and fill the time in between with doorstep attempts ("lange adem"),
contacts and agreements drawn from the case's situation in THEMES.

The services take their dates from the clock (a case opens today, a phase starts now, a follow-up
may not lie in the past), so while it writes, the demo sets the clock behind django.utils.timezone
to the moment of each step (_Clock), and puts it back afterwards. Everything else, every check and
every timeline event, is the services' own work.
"""

import math
from datetime import date, datetime, time, timedelta
from functools import partial
from types import SimpleNamespace
from unittest import mock

from django.utils import timezone

from cases import services as s
from cases.models import Client, Signal
from cases.phases import CLOSED_PHASES, TRAJECTORY_PHASES, Phase
from outreach.models import Team, User

# The tables are blocks: a header line, then `key: value` lines indented four spaces (a key may
# repeat); a value goes on over lines indented eight. Fields in a value are split on "|".
# All people, addresses and phone numbers are fictional.

# key | first name | last name | born | neighbourhood | street | postcode
# kids / partner: name born, ...; language: an interpreter is needed.
CLIENTS = """
hoogendoorn | Marjolein | Hoogendoorn | 1976-03-14 | Prinsenland | Ravelhof 88 | 3068 RB
    notes: Sinds een jaar gescheiden; de ex-partner heeft zo'n € 100.000 schuld op haar naam
        gemaakt. Twee zoons (31 en 28) wonen op zichzelf: goed contact met de oudste, geen contact
        met de jongste en daardoor ook niet met haar kleindochter. Moeder (op leeftijd) en broer in
        Rotterdam. Hernia, vijf keer geopereerd; loopt moeilijk. Bewindvoerder: Bewindvoering
        Maasoever. Woont in een 50+-flat; de buurvrouw leent haar laptop en printer.
de_wit | Henk | de Wit | 1961-07-02 | Kralingen-Oost | Oudedijk 217b | 3062 AG
yilmaz | Emine | Yilmaz | 1984-11-23 | Het Lage Land | Dahliastraat 31 | 3067 SJ
    kids: Kerem 2010-04-02, Ela 2014-08-19
brouwer | Gerard | Brouwer | 1955-01-30 | Oosterflank | Balatonstraat 112 | 3067 ME
van_leeuwen | Truus | van Leeuwen | 1942-05-18 | Het Lage Land | Irisstraat 9 | 3067 RT
    notes: Weduwe; zoon woont in Breda.
kaya | Derya | Kaya | 1991-09-04 | Prinsenland | Koninginnestraat 14 | 3068 AB
    kids: Emre 2016-05-01, Elif 2019-09-12
mulder | Ronald | Mulder | 1968-12-11 | Kralingen-Oost | Lange Landweg 40 | 3063 CK
sedney | Glenn | Sedney | 1979-06-27 | Het Lage Land | Narcissenlaan 77 | 3067 ZA
van_dam | Peter | van Dam | 1971-03-08 | Oosterflank | Gardasingel 5 | 3067 KL
lopes | Shanice | Lopes | 2001-02-15 | Het Lage Land | Tulpstraat 52 | 3067 TP
    kids: Jayden 2023-06-30, Noa 2026-07-14
nowak | Tomasz | Nowak | 1986-10-19 | Prinsenland | Slotlaan 42 | 3068 GH
    language: Pools
verbeek | Ans | Verbeek | 1958-04-03 | Kralingen-Oost | Kralingseweg 301 | 3062 CE
koster | Wim | Koster | 1950-08-21 | Het Lage Land | Hyacintweg 18 | 3067 PB
el_idrissi | Naima | El Idrissi | 1969-02-09 | Oosterflank | Comomeer 66 | 3067 NG
de_graaf | Bep | de Graaf | 1937-12-01 | Prinsenland | Ridderslag 3 | 3068 PD
vreden | Errol | Vreden | 1966-05-25 | Het Lage Land | Lelielaan 120 | 3067 VW
smits | Jolanda | Smits | 1953-09-13 | Oosterflank | Ohridmeer 27 | 3067 NV
hendriks | Joop | Hendriks | 1947-02-28 | Kralingen-Oost | Veenweg 88 | 3063 AX
groen | Dennis | Groen | 1998-07-07 | Het Lage Land | Anjerstraat 15 | 3067 RA
van_vliet | Corrie | van Vliet | 1963-10-30 | Prinsenland | Prinsenhof 210 | 3068 BE
kuipers | Rob | Kuipers | 1964-04-16 | Zevenkamp | Ritmeesterpad 21 | 3069 HE
ferreira | Lidia | Ferreira | 1987-08-05 | Ommoord | Hesseplaats 340 | 3069 EK
    kids: Tiago 2016-03-11, Ana 2019-05-22
dekker | Hans | Dekker | 1960-01-22 | Zevenkamp | Kasteel Dussenstraat 8 | 3069 WB
demir | Ayşe | Demir | 1947-06-10 | Ommoord | Briandplaats 57 | 3068 JA
    language: Turks
    notes: Weduwe; de kinderen wonen in Duitsland.
benali | Mohamed | Benali | 1975-11-02 | Zevenkamp | Fazantstraat 44 | 3069 TC
roos | Kimberley | Roos | 1998-03-19 | Nesselande | Ginnekenstraat 12 | 3059 KS
    kids: Milan 2021-11-03, Lotte 2024-02-20
willems | Sandra | Willems | 1982-12-24 | Ommoord | Spaaklaan 19 | 3069 AG
    kids: Daan 2012-01-09, Fleur 2015-10-27
van_der_linden | Jan | van der Linden | 1939-05-06 | Ommoord | Hesseplaats 118 | 3069 EA
schouten | Marco | Schouten | 1977-07-31 | Zevenkamp | Nieuw Ommoord 63 | 3069 BH
hermans | Ilse | Hermans | 1970-02-14 | Nesselande | Kosboulevard 90 | 3059 XC
meijer | Richard | Meijer | 1967-09-09 | Zevenkamp | Zevenkampse Ring 230 | 3069 GA
postma | Fenna | Postma | 1985-01-17 | Ommoord | Ommoordseweg 14 | 3068 EC
celik | Ahmet | Celik | 1958-03-26 | Zevenkamp | Kastanjesingel 7 | 3069 VK
vermeulen | Greet | Vermeulen | 1949-10-08 | Ommoord | Adenauerplaats 25 | 3069 BV
kok | Jordy | Kok | 1990-06-01 | Nesselande | Fledder 8 | 3059 RE
    partner: Esther 1991-09-17
    kids: Sem 2014-07-07, Lieke 2016-01-30
van_rijn | Theo | van Rijn | 1956-11-15 | Ommoord | Gerard Bronsplaats 77 | 3069 AR
haddou | Samira | Haddou | 1989-04-29 | Zevenkamp | Diepenbrockstraat 16 | 3069 MX
    kids: Yasmina 2018-12-05
jacobs | Wilma | Jacobs | 1962-08-18 | Ommoord | Hesseplaats 212 | 3069 EJ
hofman | Nel | Hofman | 1934-01-05 | Ommoord | Briandplaats 9 | 3068 JB
vroegindeweij | Arie | Vroegindeweij | 1938-07-12 | Zevenkamp | Ritmeesterpad 3 | 3069 HB
"""

# Situations. prior: source | information. first: observed | most urgent | the client's words.
# agree: who | what. note: kind (h home visit, p phone, n network) | activities | notes | next.
THEMES = """
schulden
    concerns: finances housing
    prior: Corporatie, incasso | Huurachterstand van drie maanden (ongeveer € 2.300). Brieven en
        een huisbezoek zonder reactie; nog geen vonnis.
    suit: Financiële problemen en vermijding, geen psychiatrie of beperking bekend. Past.
    strategy: Overdag langs, kaartje met 06-nummer achterlaten; corporatie houdt de procedure aan.
    first: Gang vol ongeopende post, ook van de deurwaarder. | Betalingsregeling voor de huur.
        | 'Ik maak niks meer open. Als ik het niet zie, bestaat het niet.'
    agree: client | Opent elke dag de post en legt rekeningen in de blauwe map.
    agree: worker | Belt samen met cliënt de corporatie voor een betalingsregeling.
    agree: volunteer | Vrijwilliger van de Postwijzer komt om de week de administratie doen.
    agree: worker | Meldt cliënt aan voor schuldhulpverlening bij de Kredietbank Rotterdam.
    plan: Eerst huurachterstand en leefgeld veiligstellen; dan een schuldenoverzicht en de
        Kredietbank. Cliënt leert de post zelf bij te houden, met een vrijwilliger.
    note: h | post | Samen de post van drie weken geopend en gesorteerd. | Aanmaningen op een lijst.
    note: h | call_agency | Samen de corporatie gebeld: € 75 per maand. | Termijn nakijken.
    note: n | network forms | Met de Postwijzer-vrijwilliger de formulieren voor de Kredietbank
        ingevuld. | Bankafschriften opzoeken.
    note: p | | Cliënt belde zelf: termijn betaald, post bijgehouden. | Samen een begroting maken.
    network: cliënt en vrijwilliger Postwijzer
    done: Betalingsregeling loopt, schuldhulp is gestart en cliënt houdt de post zelf bij.
eenzaam
    concerns: isolation physical
    noprior: Niet nodig: de melder kent mevrouw en kondigt ons bezoek aan.
    suit: Vereenzaming en afnemende mobiliteit, geen crisis; komt zelf nergens meer. Past.
    strategy: Eerste bezoek samen met de vrijwilliger die mevrouw al kent.
    first: Woning schoon maar koud, koelkast leeg; loopt met een rollator. | Boodschappen en
        warme maaltijden. | 'Sinds mijn man dood is komt er niemand meer.'
    agree: volunteer | Zorgmaatje komt elke dinsdag langs voor koffie of een wandeling.
    agree: client | Gaat op donderdag naar de koffieochtend in het buurthuis.
    agree: network | Zoon belt twee keer per week en komt eens per maand langs.
    agree: worker | Vraagt huishoudelijke hulp en maaltijdservice aan bij het Wmo-loket.
    plan: Het netwerk weer op gang brengen (zoon, zorgmaatje, koffieochtend) en praktische hulp
        via de Wmo.
    note: h | listening | Koffie en verhalen over vroeger; deed meteen open. | Zoon bellen.
    note: n | network | Met de zoon gebeld, op de speaker. Hij komt vaker. | Koffieochtend.
    note: h | accompany | Samen naar de koffieochtend; mevrouw kende er een oud-buurvrouw.
        | Volgende week zelf gaan.
    note: h | forms | Wmo-aanvraag huishoudelijke hulp samen ingevuld. | Keukentafelgesprek Wmo.
    network: cliënt en zoon
    done: Vast zorgmaatje, wekelijks naar de koffieochtend en huishoudelijke hulp geregeld.
vervuiling
    concerns: housing mental
    prior: Huismeester | Balkon vol vuilniszakken en oud meubilair; stankklachten sinds de zomer.
        Beleefd in het trappenhuis, laat niemand binnen.
    suit: Vervuiling, mogelijk verzamelgedrag, geen acuut gevaar. Eerst vertrouwen opbouwen.
    strategy: Met de huismeester langs; over het balkon praten, niet over de woning.
    first: Gang smal door stapels kranten en dozen, keuken onbruikbaar. | Vluchtweg vrijmaken.
        | 'Ik ga het heus opruimen, ik heb alleen geen tijd gehad.'
    agree: client | Zet elke week twee vuilniszakken bij de container.
    agree: volunteer | Klussendienst helpt het balkon leeg te maken.
    agree: worker | Overlegt met de corporatie over uitstel van de aanschrijving.
    agree: network | Broer helpt één zaterdag per maand met opruimen.
    plan: Stap voor stap de woning leefbaar maken, eerst balkon en vluchtweg; nagaan of er een
        GGZ-vraag achter het verzamelen zit.
    note: h | practical | Twaalf zakken van het balkon naar de container. | Rest van het balkon.
    note: h | listening | Veel spullen zijn van zijn moeder geweest. | Samen één doos uitzoeken.
    note: h | call_agency | Corporatie gebeld: aanschrijving opgeschort. | Foto's voor huismeester.
    note: n | network practical | Broer was er; hij neemt de oude kasten mee. | Keuken aanpakken.
    network: cliënt en broer
    done: Balkon en vluchtweg vrij, keuken bruikbaar; de aanschrijving is ingetrokken.
overlast
    concerns: mental other
    prior: Wijkagent | Vier meldingen van geluidsoverlast in twee maanden, vooral 's nachts.
        Verward maar niet agressief; geen strafbare feiten.
    suit: Overlast lijkt voort te komen uit slecht slapen en piekeren. Eerst contact.
    strategy: Eind van de middag langs; vragen hoe het gaat, niet over de klachten beginnen.
    first: Rommelig, muziek hard aan. | Rust en een nachtritme. | 'De buren zijn tegen me. Ik kan
        niet slapen, dus zet ik muziek op.'
    agree: client | Zet na elf uur 's avonds geen muziek meer aan.
    agree: worker | Regelt een gesprek met Buurtbemiddeling met de onderburen.
    agree: client | Maakt een afspraak met de huisarts over het slapen.
    agree: network | Zus komt op zondag eten.
    plan: Overlast terugdringen met afspraken en buurtbemiddeling; slapen via de huisarts.
    note: h | listening | Vertelt over zijn ontslag; sindsdien geen ritme. | Dagbesteding.
    note: h | accompany | Samen naar de huisarts voor de slaapklachten. | Verwijzing POH GGZ.
    note: p | | Slechte week, weer muziek 's nachts. | Extra bezoek inplannen.
    network: cliënt en zus
    done: Drie maanden geen meldingen; dagbesteding gevonden en slaapt beter.
huiselijk
    concerns: safety children
    prior: Lokaal Team Huiselijk Geweld | Politie-inzet na ruzie; huisverbod van tien dagen voor
        de partner. Twee kinderen. Veilig Thuis is op de hoogte.
    suit: Huiselijk geweld met kinderen; LTHG vraagt ons voor de praktische en financiële kant.
    strategy: Binnen een week langs, op schooltijd. Afstemmen met de casusregisseur.
    first: Gespannen, kinderen op school, huis op orde. | Veiligheidsplan en eigen inkomen.
        | 'Ik wil dat het ophoudt, maar ik wil hem niet kwijt.'
    agree: client | Belt bij dreiging direct 112 en daarna de maatschappelijk werker.
    agree: worker | Zet toeslagen en kinderbijslag op naam van mevrouw.
    agree: network | Zus is het vaste adres voor de kinderen als het thuis escaleert.
    agree: worker | Stemt elke maand af met de casusregisseur van het LTHG.
    plan: Veiligheid voorop (veiligheidsplan, LTHG, Veilig Thuis); daarnaast eigen inkomen en
        een eigen steunnetwerk voor mevrouw en de kinderen.
    note: h | listening | Veiligheidsplan doorgenomen; weet wie ze belt. | Zus uitnodigen.
    note: h | forms | Toeslagen op eigen naam aangevraagd. | Bevestiging nakijken.
    note: p | call_agency | Casusregisseur LTHG: situatie stabiel. | Over een maand weer afstemmen.
    note: n | network | Met mevrouw en haar zus de opvang van de kinderen geregeld. | Rooster.
    network: cliënt en zus
    done: Geen nieuwe incidenten; eigen inkomen en een vast steunnetwerk. LTHG sluit ook af.
psychisch
    concerns: mental
    prior: Huisarts | Somber, eet slecht, komt afspraken niet na. Eerder behandeld voor een
        depressie.
    suit: Psychische klachten op de voorgrond. Eerst contact, dan beoordelen of GGZ nodig is.
    strategy: Brief met aankondiging, daarna langs. De huisarts belt vooraf.
    first: Gordijnen dicht, praat zacht; geen suïcidale uitingen. | Dagritme en eten. | 'Het
        heeft allemaal geen zin meer.'
    agree: client | Gaat elke ochtend een kwartier naar buiten.
    agree: worker | Gaat mee naar de huisarts voor een verwijzing.
    agree: network | Dochter belt elke avond.
    agree: volunteer | Maatje gaat eens per week mee boodschappen doen.
    plan: Dagstructuur terug, contact met huisarts en zo nodig GGZ herstellen, dochter betrekken.
    note: h | listening | Staat om twaalf uur op. | Kleine stap: om tien uur op.
    note: h | accompany | Samen naar de huisarts; verwijzing POH GGZ. | Afspraak POH voorbereiden.
    note: n | network | Dochter gesproken; zij belt voortaan 's avonds. | Navragen hoe dat gaat.
    network: cliënt en dochter
    done: Weer dagstructuur, in behandeling bij de POH GGZ; de dochter is betrokken.
verslaving
    concerns: addiction finances
    prior: Wijkagent | Drie keer aangehouden voor openbare dronkenschap; aanloop van drinkmaten.
    suit: Alcohol met overlast en geldproblemen, geen acute medische nood. Past.
    strategy: 's Ochtends langs, voordat het drinken begint; zonder de wijkagent.
    first: Lege flessen in de keuken; om tien uur nuchter. | Eten en vaste lasten. | 'Ik drink
        omdat ik me verveel. Stoppen lukt toch niet.'
    agree: client | Laat de huur automatisch afschrijven op de dag van de uitkering.
    agree: worker | Regelt een intake bij de verslavingszorg en gaat mee.
    agree: client | Geen drinkmaten meer over de vloer na acht uur 's avonds.
    agree: volunteer | Maatje gaat wekelijks mee vissen.
    plan: Schade beperken (huur, eten, overlast), samen naar de verslavingszorg, nieuwe bezigheden.
    note: h | listening | Nuchter; over zijn dochter die hij niet meer ziet. | Brief aan dochter?
    note: h | accompany | Samen naar de intake bij de verslavingszorg. | Uitslag bespreken.
    note: p | listening | Terugval na het weekend; eerlijk gesprek. | Over een week langs.
    note: n | network | Maatje en cliënt gingen vissen bij de Kralingse Plas. | Vaste dag.
    network: cliënt en maatje
    done: In behandeling bij de verslavingszorg, de huur gaat automatisch, geen overlast meer.
gezin
    concerns: finances children
    prior: Consultatiebureau (CJG) | Alleenstaande moeder, twee kleine kinderen, mist afspraken,
        mogelijk geldzorgen. Kinderen goed verzorgd.
    suit: Overbelaste jonge moeder met geldzorgen; geen aanwijzingen voor een beperking. Past.
    strategy: Langs na de middagslaap van de kinderen; aansluiten bij wat mevrouw zelf wil.
    first: Kleine woning, was overal, kinderen verzorgd. | Toeslagen aanvragen. | 'Alles komt
        tegelijk. Ik weet niet waar ik moet beginnen.'
    agree: worker | Vraagt samen met mevrouw huur- en kinderopvangtoeslag aan.
    agree: network | Moeder van mevrouw past twee middagen per week op.
    agree: client | Houdt een weekbudget bij in het schriftje.
    agree: volunteer | Vrijwilliger van Home-Start komt wekelijks helpen.
    plan: Inkomen op orde met toeslagen, een weekbudget, en ontlasting via oma en Home-Start.
    note: h | forms | Toeslagen samen aangevraagd. | Beschikking afwachten.
    note: h | post | Post gesorteerd; brief Belastingdienst samen gelezen. | Bezwaar maken.
    note: n | network | Oma past voortaan op woensdag en vrijdag op. | Nagaan of dat lukt.
    network: cliënt en haar moeder
    done: Toeslagen lopen, eigen budget, wekelijkse steun van oma en Home-Start.
post
    concerns: finances mental physical
    noprior: Mevrouw meldt zich zelf aan; voorinformatie is niet nodig.
    suit: Zelfmelder, psychische klachten na de scheiding, hernia. Gesprekken bij haar thuis.
    strategy: Telefonisch een afspraak maken voor een huisbezoek.
    first: Loopt moeilijk (hernia). Tafel vol post, deels ongeopend. | Overzicht van de schulden
        die de ex op haar naam maakte. | 'Ik wist niet dat hij alles op mijn naam zette.'
    agree: client | Sorteert de post zelf in drie bakken: betalen, bewindvoerder, bewaren.
    agree: worker | Komt eens per maand langs om samen de post te ordenen.
    agree: worker | Meldt mevrouw aan bij de Kredietbank Rotterdam voor schuldsanering.
    agree: worker | Vraagt een scootmobiel aan via de Wmo.
    agree: network | Oudste zoon gaat mee naar het gesprek bij de bewindvoerder.
    plan: Financieel: bewindvoering en schuldsanering (ongeveer € 100.000, door de ex-partner op
        haar naam gemaakt). Eens per maand samen de post ordenen, met opdrachten voor tussendoor,
        zodat ze zelf zicht krijgt op haar financiën. Ruimte voor het verhaal over de scheiding en
        de zoons. Praktisch: een scootmobiel.
    note: h | post listening | Eerst twintig minuten bijgepraat over haar moeder, broer en de
        zoons; daarna de post van de maand geordend. | Opdracht: nieuwe post zelf sorteren.
    note: h | post | Post geordend; de bakken had ze zelf bijgehouden, behalve de brieven van de
        deurwaarder. | Brieven deurwaarder naar de bewindvoerder.
    note: h | post call_agency | Samen de Kredietbank gebeld over de schuldsanering; daarna de
        post. | Ontbrekende stukken opsturen.
    note: h | post listening | Ruzie met de jongste zoon; ze ziet haar kleindochter niet. Daarna
        de post. | Wil ze haar zoon schrijven?
    network: cliënt en oudste zoon
    done: Schuldsanering loopt via de bewindvoerder; mevrouw houdt haar post zelf bij.
starting
    note: h | listening | Tweede gesprek aan de keukentafel: levensverhaal en wat cliënt zelf
        anders wil. | Afspraken op papier zetten.
    note: h | practical | Het dringendste eerst opgepakt; cliënt wil verder. | Contract bespreken.
    note: h | listening | Afspraken samen doorgelopen; kopie hangt op de koelkast. | Trajectplan.
aftercare
    note: p | listening | Nazorg: het gaat goed, de afspraken lopen. | Over een maand bellen.
    note: h | listening | Nazorg: kort langs, geen nieuwe achterstanden. | Volgende maand bellen.
"""

# team worker client path signal-days-ago last-days-ago theme source [options]
# saw: reporter | organisation | observed. to / why: referral, reason. extra: a later signal on
# the same open case: days ago | source | reporter | organisation | observed.
CASES = """
PA sanne hoogendoorn traject_evaluatie 540 6 post self fails=0 cadence=30 fu=24
    saw: Marjolein Hoogendoorn | | Belt zelf: sinds de scheiding somber en kan de stapel post
        niet meer aan. Loopt moeilijk door hernia; vraagt of iemand bij haar thuis kan komen.
PA sanne de_wit signaal 3 2 overlast lzn urgency=high
    saw: R. Dijkstra | Lokaal Zorgnetwerk Prins Alexander | Geluidsoverlast 's nachts; spreekt
        buren aan over 'stralen' door de muur. Buren zijn bang. Geen hulpverlening betrokken.
PA sanne yilmaz voorfase 12 8 schulden housing
    saw: A. Verschoor | Havensteder | Huurachterstand van drie maanden, reageert niet op brieven.
        Stapel ongeopende post achter de deur. Alleenstaande moeder met twee kinderen.
PA sanne brouwer eerste_contact 45 4 vervuiling caretaker fails=6
    saw: Huismeester Dirk | Woonstad Rotterdam | Verwaarloosd balkon vol vuilniszakken, stank
        in het trappenhuis. Meneer laat niemand binnen.
PA sanne van_leeuwen afgesloten 500 200 eenzaam even_buurten fails=3
    saw: Gerda | Even Buurten | Mevrouw is sinds de dood van haar man nauwelijks buiten geweest.
        Koelkast leeg, post blijft liggen. Vereenzaming.
PA sanne van_leeuwen contract 70 16 eenzaam even_buurten fu=7
    saw: Gerda | Even Buurten | Mevrouw van Leeuwen komt niet meer naar de koffieochtend en deed
        niet open. Was eerder bij jullie in beeld.
PA sanne kaya traject_begin 120 22 huiselijk lthg fails=1 urgency=high fu=7
    saw: Casusregisseur | LTHG Prins Alexander | Huisverbod voor de partner na politie-inzet.
        Mevrouw en twee kinderen thuis. Vraag: steun bij inkomen en veiligheid.
PA sanne mulder nazorg 420 30 schulden housing fails=4 urgency=high
    saw: Incasso | Woonstad Rotterdam | Huurachterstand van € 3.100, ontruiming dreigt.
PA sanne sedney doorverwezen_na_contact 200 170 psychisch gp fails=3
    saw: Dr. Kuijpers | Huisartsenpraktijk Het Lage Land | Zegt dat hij gevolgd wordt, slaapt in
        zijn kleren, komt niet op afspraken.
    to: BAVO Europoort
    why: Psychotische klachten op de voorgrond; specialistische GGZ nodig. Samen naar de intake.
PA youssef van_dam traject_afsluiting 330 3 verslaving police fails=3
    saw: Wijkagent | Politie Rotterdam, basisteam Prins Alexander | Drie keer beschonken
        aangetroffen bij het winkelcentrum; de woning trekt drinkmaten aan.
PA youssef lopes traject_begin 95 9 gezin community fails=1
    saw: Opbouwwerker Kim | Buurthuis Het Lage Land | Jonge moeder met baby en peuter kan de huur
        niet betalen. Wil hulp, durft niet te bellen.
PA youssef nowak eerste_contact 20 1 overlast neighbour fails=3 brief
    saw: Buurman op nummer 40 | | Geluidsoverlast: elke nacht harde muziek, soms geschreeuw.
PA youssef verbeek niet_passend 60 50 overlast neighbour
    saw: Mevrouw Koppelaar | | Buurvrouw zet haar afval in het portiek en scheldt bewoners uit.
    why: Burenruzie over afval zonder zorgvraag; verwezen naar Buurtbemiddeling.
PA youssef koster client_wil_niet 150 95 vervuiling caretaker fails=5
    saw: Huismeester Ben | Havensteder | Stank uit de woning, ramen al maanden dicht,
        verwaarloosd balkon. Komt alleen naar buiten voor boodschappen.
    why: Weigert na vijf pogingen en een gesprek aan de deur elke hulp; geen acuut gevaar. De
        huismeester blijft signaleren.
PA youssef el_idrissi afgesloten_nazorg 560 60 schulden gp fails=1
    saw: Praktijkondersteuner | Gezondheidscentrum Oosterflank | Hartkloppingen en gepieker over
        geld; aanmaningen van de zorgverzekeraar en de energieleverancier.
PA youssef de_graaf voorfase 7 5 eenzaam pastoral
    saw: Pastor Van Beek | Parochie Prins Alexander | Komt niet meer naar de kerk; zat in het
        donker en zei dat ze 'klaar is met het leven'.
PA kees vreden contract 55 5 verslaving police
    saw: Wijkagent | Politie Rotterdam, basisteam Prins Alexander | Meldingen van ruzie en
        lawaai; meneer onder invloed aangetroffen.
PA kees smits traject_evaluatie 260 40 eenzaam even_buurten fu=14
    saw: Vrijwilliger Henk | Even Buurten | Zit de hele dag binnen, geen familie in de buurt,
        vergeet te eten.
    extra: 4 | neighbour | Buurvrouw Ria | | Mevrouw Smits zet al twee weken haar vuilnis niet
        buiten en de gordijnen blijven dicht.
PA kees hendriks afgesloten 400 120 psychisch pastoral
    saw: Diaken Mol | Protestantse Gemeente Kralingen | Weduwnaar sinds vorig jaar; zegt dat het
        leven geen zin meer heeft. Eet slecht.
PA kees hendriks signaal 8 6 psychisch gp
    saw: Dr. Kuijpers | Huisartsenpraktijk Het Lage Land | Meneer Hendriks gaat sinds het einde
        van de vorige hulp achteruit: vergeetachtig, valt af, mist afspraken.
PA kees groen doorverwezen_na_contact 90 70 schulden housing
    saw: A. Verschoor | Havensteder | Jonge huurder met huurachterstand; vrienden gebruiken zijn
        pinpas. Lijkt de brieven niet te begrijpen.
    to: Pameijer
    why: Licht verstandelijke beperking; langdurige begeleiding nodig die wij niet bieden.
PA kees van_vliet heropend 480 2 schulden housing fails=4
    saw: A. Verschoor | Havensteder | Vier maanden huurachterstand; reageert op niets.
    why: Terugval: nieuwe huurachterstand en ongeopende post. Mevrouw vroeg zelf naar Kees.
OM fatima kuipers signaal 2 1 overlast police urgency=high
    saw: Meldkamer | Politie Rotterdam, basisteam Zevenkamp | Buren belden 112 om drie uur 's
        nachts: meneer schreeuwde op het balkon. Verward, niet agressief.
OM fatima ferreira voorfase 15 10 psychisch lzn
    saw: Voorzitter LZN | Lokaal Zorgnetwerk Ommoord | Mevrouw zit veel binnen, de kinderen
        missen vaak school. School en wijkteam maken zich zorgen om de moeder.
OM fatima dekker eerste_contact 30 12 schulden housing fails=4
    saw: Incasso | Woonstad Rotterdam | Huurachterstand van € 2.800; meneer reageert niet.
OM fatima demir contract 50 3 eenzaam even_buurten fails=1 fu=10
    saw: Vrijwilliger Aysel | Even Buurten | Spreekt weinig Nederlands, alleen sinds de dood van
        haar man, kinderen in Duitsland. Zit de hele dag voor de tv.
OM fatima benali traject_begin 80 18 schulden gp fails=0 fu=7
    saw: Dr. Hamdi | Huisartsenpraktijk Zevenkamp | Maagklachten en stress; vertelt over schulden
        en beslag op zijn loon.
OM fatima roos traject_evaluatie 300 2 gezin community
    saw: Opbouwwerker Sem | Huis van de Wijk Nesselande | Jonge moeder met twee kleine kinderen,
        partner vertrokken, rekeningen stapelen zich op.
OM fatima willems traject_afsluiting 380 26 huiselijk lthg fails=1 urgency=high fu=14
    saw: Casusregisseur | LTHG Prins Alexander | Derde melding van huiselijk geweld in een jaar;
        tijdelijk huisverbod. Twee kinderen.
OM fatima van_der_linden nazorg 450 12 eenzaam even_buurten
    saw: Vrijwilliger Henk | Even Buurten | Valt regelmatig, weigert alarmering, krijgt geen
        bezoek meer sinds zijn vrouw is overleden.
OM fatima schouten client_wil_niet 100 75 verslaving police fails=3
    saw: Wijkagent | Politie Rotterdam, basisteam Zevenkamp | Dronken bij metrostation Zevenkamp.
    why: Wil geen hulp; eigen keuze na een gesprek aan de deur. De wijkagent houdt zicht.
OM jeroen hermans eerste_contact 14 3 overlast neighbour
    saw: Bewonerscommissie | | Honden blaffen de hele dag, mevrouw schreeuwt tegen de buren.
OM jeroen meijer traject_begin 140 35 verslaving police fails=4 fu=7
    saw: Wijkagent | Politie Rotterdam, basisteam Zevenkamp | Vaak onder invloed op straat.
OM jeroen postma nazorg 360 4 schulden housing
    saw: Incasso | Havensteder | Huurachterstand van twee maanden, brievenbus vol.
OM jeroen celik afgesloten 470 150 schulden housing fails=3
    saw: Incasso | Woonstad Rotterdam | Vier maanden huurachterstand; begrijpt de brieven niet.
OM jeroen celik voorfase 9 6 schulden housing
    saw: Incasso | Woonstad Rotterdam | Opnieuw huurachterstand bij meneer Celik; eerder traject.
OM jeroen vermeulen niet_passend 40 33 psychisch gp
    saw: Dr. Lammers | Huisartsenpraktijk Ommoord | Belt de praktijk dagelijks, angstig.
    why: Heeft al een casemanager bij de ambulante GGZ; geen rol voor outreach.
OM jeroen kok doorverwezen 110 80 gezin lzn
    saw: Voorzitter LZN | Lokaal Zorgnetwerk Ommoord | Vader met een licht verstandelijke
        beperking verliest het overzicht over de financiën; drie kinderen.
    to: MEE Rotterdam Rijnmond
    why: Licht verstandelijke beperking; MEE biedt passende langdurige ondersteuning.
OM priya van_rijn traject_evaluatie 230 8 vervuiling caretaker fails=5 nozrm
    saw: Huismeester Ahmed | Havensteder | Balkon vol spullen, buren melden rook uit de woning.
OM priya haddou contract 60 20 huiselijk lthg fails=1 urgency=high fu=14
    saw: Casusregisseur | LTHG Prins Alexander | Politie-inzet na melding van de buren; partner
        heeft een huisverbod.
OM priya jacobs afgesloten 330 40 psychisch gp
    saw: Dr. Lammers | Huisartsenpraktijk Ommoord | Somber sinds haar ontslag, komt de deur niet
        uit; achterstand bij de zorgverzekeraar.
OM priya jacobs eerste_contact+ 10 2 psychisch gp fails=0
    saw: Dr. Lammers | Huisartsenpraktijk Ommoord | Mevrouw Jacobs komt weer niet op afspraken en
        huilt aan de telefoon. Vraagt zelf naar Priya.
OM priya hofman signaal 5 4 eenzaam pastoral
    saw: Pastor Van Beek | Parochie Prins Alexander | Durft 's nachts niet te slapen, ziet niemand.
OM priya vroegindeweij afgesloten_vroeg 250 90 eenzaam even_buurten fails=1
    saw: Vrijwilliger Aysel | Even Buurten | Loopt slecht, eet onregelmatig; zoon in Groningen.
    why: Na een val opgenomen; verhuist naar een verpleeghuis in Capelle. Zoon regelt het verder.
"""

# Signals still waiting, and declined ones: team days-ago source status, then the urgency and
# concerns (waiting) or the reason (declined). who: name | address | postcode.
SIGNALS = """
PA 0 neighbour waiting high isolation physical
    who: meneer Van Os | Tulpstraat 60 | 3067 TR
    saw: Mevrouw Aarts | | Al een week niet gezien, brievenbus puilt uit, dag en nacht licht aan.
PA 1 housing waiting normal finances
    who: mevrouw De Jong | Veenweg 12 | 3063 AB
    saw: A. Verschoor | Havensteder | Vier maanden huurachterstand; niemand deed open.
PA 3 gp waiting normal physical isolation
    who: meneer Scholten | Hyacintweg 40 | 3067 PC
    saw: Dr. Kuijpers | Huisartsenpraktijk Het Lage Land | Vergeetachtig, mist afspraken.
PA 6 caretaker waiting high physical
    who: J. Hendriks | Veenweg 88 | 3063 AX
    saw: Huismeester Dirk | Woonstad Rotterdam | Op de galerij gevallen, kwam niet zelf overeind.
PA 12 even_buurten waiting low isolation
    who: mevrouw Kramer | Irisstraat 30 | 3067 RV
    saw: Gerda | Even Buurten | Spreekt niemand meer behalve de caissière van de supermarkt.
PA 40 police declined outside_area
    who: meneer Vos
    saw: Wijkagent | Politie Rotterdam, basisteam Prins Alexander | Slaapt in een portiek.
    why: Adres valt onder Capelle aan den IJssel; doorgezet naar het wijkteam daar.
PA 18 neighbour declined no_concern
    who: bewoners van nummer 12
    saw: Buurman | | Zetten hun fietsen in de gemeenschappelijke gang.
OM 0 police waiting high safety children
    who: familie Ramos | Fazantstraat 10 | 3069 TA
    saw: Meldkamer | Politie Rotterdam, basisteam Zevenkamp | Geschreeuw en gestommel; twee
        kinderen in huis. Agenten troffen een rustige situatie aan.
OM 2 housing waiting normal housing
    who: meneer Bouwman | Hesseplaats 88 | 3069 EB
    saw: Wijkbeheer | Havensteder | Verwaarloosd balkon vol vuilniszakken; stank en duiven.
OM 4 pastoral waiting normal mental isolation
    who: meneer Van Dijk | Briandplaats 71 | 3068 JC
    saw: Pastor Van Beek | Parochie Prins Alexander | Weduwnaar; weet niet waarvoor hij opstaat.
OM 7 lzn waiting high finances children
    who: mevrouw Tahiri | Spaaklaan 41 | 3069 AH
    saw: Voorzitter LZN | Lokaal Zorgnetwerk Ommoord | Schulden, afsluiting gas en licht dreigt.
OM 10 client waiting low finances
    who: haar buurvrouw | Ommoordseweg 16 | 3068 ED
    saw: Fenna Postma (oud-cliënt) | | Buurvrouw opent al maanden haar post niet.
OM 25 gp declined other_org
    who: mevrouw Lindeman
    saw: Dr. Hamdi | Huisartsenpraktijk Zevenkamp | Verwaarloost zichzelf en is angstig.
    why: Het FACT-team van de GGZ is al betrokken.
OM 33 housing declined not_found
    who: meneer Ouwehand
    saw: Incasso | Woonstad Rotterdam | Huurachterstand, reageert niet.
    why: Staat niet meer ingeschreven; vertrokken onbekend waarheen.
"""

FAILS = [
    ("door", "not_home", "Niet thuis. Kaartje met 06-nummer door de bus gedaan."),
    ("door", "not_opened", "Tv hoorbaar, licht aan; de deur ging niet open."),
    ("letter", "not_home", "Brief met een voorstel voor een afspraak door de bus gedaan."),
    ("door", "not_opened", "Gordijnen dicht, brievenbus puilt uit. Niemand deed open."),
    ("neighbour", "not_home", "Buurvrouw zegt dat cliënt vooral 's avonds thuis is."),
    ("phone", "not_home", "Gebeld op het nummer van de melder; voicemail ingesproken."),
    ("door", "not_opened", "Met de huismeester aangebeld; iemand keek door het raam."),
]
# What a worker records, shielded, when a signal concerns safety at home.
SAFETY = (
    "Bij Veilig Thuis bekend. De politie legde vorig jaar een tijdelijk huisverbod op aan de "
    "partner. Niet in het bijzijn van de partner over de zorgen beginnen."
)
BRIEF = ("door", "brief", "Deed even open, wilde niet praten, nam het kaartje wel aan.")
LEADS = {"PA": "marieke", "OM": "ingrid"}
KINDS = {"h": "home_visit", "p": "phone", "n": "network"}
PROFESSIONAL = {"police", "lzn", "lthg", "gp", "housing", "pastoral", "community", "even_buurten"}

STEPS = [  # the full way through the phases
    "accept",
    "voorfase",
    "eerste_contact",
    "contact",
    "contract",
    "traject",
    "evaluatie",
    "afsluiting",
]
# The steps of each path, named after the phase the case ends in (and how it got there).
PATHS = {
    "signaal": STEPS[:1],
    "voorfase": STEPS[:2],
    "eerste_contact": STEPS[:3],
    "eerste_contact+": STEPS[:4],  # the door has opened
    "contract": STEPS[:5],
    "traject_begin": STEPS[:6],
    "traject_evaluatie": STEPS[:7],
    "traject_afsluiting": STEPS,
    "nazorg": [*STEPS, "nazorg"],
    "heropend": [*STEPS, "nazorg", "heropenen"],
    "afgesloten": [*STEPS, "afsluiten"],
    "afgesloten_nazorg": [*STEPS, "nazorg", "nazorg-beeindigen"],
    "afgesloten_vroeg": [*STEPS[:4], "afsluiten"],
    "doorverwezen": [*STEPS[:2], "doorverwijzen"],
    "doorverwezen_na_contact": [*STEPS[:4], "doorverwijzen"],
    "niet_passend": [*STEPS[:2], "niet-passend"],
    "client_wil_niet": [*STEPS[:4], "client-wil-niet"],
}
# Rough length in days of each step, and of the stay in the last phase of an open case.
WEIGHT = {"accept": 1, "voorfase": 1, "eerste_contact": 4, "contract": 12, "traject": 8}
WEIGHT |= {"evaluatie": 120, "afsluiting": 100, "nazorg": 30, "afsluiten": 20, "heropenen": 120}
WEIGHT |= {"nazorg-beeindigen": 150, "doorverwijzen": 15, "niet-passend": 8}
WEIGHT |= {"client-wil-niet": 15}
DWELL = {"voorfase": 3, "eerste_contact+": 6, "contract": 8, "traject_begin": 40}
DWELL |= {"traject_evaluatie": 100, "traject_afsluiting": 30, "nazorg": 60, "heropend": 6}
AFTER = {"accept": Phase.SIGNAAL, "voorfase": Phase.VOORFASE, "contract": Phase.CONTRACT}
AFTER |= dict.fromkeys(["eerste_contact", "contact", "heropenen"], Phase.EERSTE_CONTACT)
AFTER |= {"traject": Phase.TRAJECT_BEGIN, "evaluatie": Phase.TRAJECT_EVALUATIE}
AFTER |= {"afsluiting": Phase.TRAJECT_AFSLUITING, "nazorg": Phase.NAZORG}


def _blocks(text):
    """[(header, {key: [value, ...]})] from a table in the format described above."""
    blocks, key = [], None
    for line in text.strip("\n").splitlines():
        if line.startswith(" " * 8):
            values = blocks[-1][1][key]
            values[-1] = f"{values[-1]} {line.strip()}"
        elif line.startswith(" "):
            key, _sep, value = line.strip().partition(": ")
            blocks[-1][1].setdefault(key, []).append(value)
        else:
            blocks.append((line.strip(), {}))
    return blocks


def _split(value):
    return [part.strip() for part in value.split("|")]


def _one(fields, key):
    return fields.get(key, [""])[0]


def _themes():
    themes = {}
    for name, fields in _blocks(THEMES):
        theme = themes[name] = {key: values[0] for key, values in fields.items()}
        theme["notes"] = [_split(note) for note in fields["note"]]
        theme["agree"] = [_split(agreement) for agreement in fields.get("agree", [])]
    return themes


CLIENT_FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "neighbourhood",
    "street_address",
    "postcode",
]


def _clients():
    clients = {}
    for header, fields in _blocks(CLIENTS):
        key, *values = _split(header)
        client = dict(zip(CLIENT_FIELDS, values, strict=True), city="Rotterdam")
        client["date_of_birth"] = date.fromisoformat(client["date_of_birth"])
        client["phone"] = f"06-{(len(clients) * 7919 + 1234567) % 90000000 + 10000000}"
        client["household_notes"] = _one(fields, "notes")
        client["language"] = _one(fields, "language")
        client["interpreter_needed"] = "language" in fields
        members = [("child", m) for m in _one(fields, "kids").split(", ") if m]
        members += [("partner", m) for m in fields.get("partner", [])]
        client["household"] = [
            {"relation": relation, "name": name, "date_of_birth": date.fromisoformat(born)}
            for relation, (name, born) in ((r, m.split()) for r, m in members)
        ]
        clients[key] = client
    return clients


def _cases():
    rows = []
    for header, fields in _blocks(CASES):
        team, worker, client, path, signal, last, theme, source, *options = header.split()
        row = SimpleNamespace(team=team, worker=worker, client=client, path=path, theme=theme)
        row.__dict__.update(signal=int(signal), last=int(last), source=source, fails=2)
        row.__dict__.update(brief=False, fu=None, cadence=14, urgency="normal", nozrm=False)
        for option in options:
            name, _sep, value = option.partition("=")
            setattr(row, name, int(value) if value.isdigit() else value or True)
        row.saw, row.to, row.reason = _one(fields, "saw"), _one(fields, "to"), _one(fields, "why")
        row.extra = _split(fields["extra"][0]) if "extra" in fields else None
        rows.append(row)
    return rows


NO_END_ZRM = "Eind-ZRM op papier afgenomen; staat in het papieren dossier."


class _Clock:
    """While active, timezone.now() answers `moment` (the real time when it is None). It replaces
    the datetime that timezone.now() asks, so model defaults (phase_since, created_at) follow."""

    moment = None

    def __enter__(self):
        clock = self

        class _Datetime(datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.moment.astimezone(tz) if clock.moment else datetime.now(tz)

        self._patch = mock.patch.object(timezone, "datetime", _Datetime)
        self._patch.start()
        return self

    def __exit__(self, *exc_info):
        self._patch.stop()


def _moment(today, days_ago):
    """A moment in working hours `days_ago` days before today: the fraction sets the order within
    the day, the day itself a little variation. A weekend moves to the Friday before."""
    whole = math.ceil(days_ago)
    day = today - timedelta(days=whole)
    day -= timedelta(days=max(0, day.weekday() - 4))
    minutes = (int((whole - days_ago) * 290) + day.toordinal() * 97 % 180) // 5 * 5
    return timezone.make_aware(datetime.combine(day, time(8, 45)) + timedelta(minutes=minutes))


def _spread(a, b, n, to_end):
    """n points from a towards b (days ago); with to_end the last one falls on b."""
    return [a - (a - b) * (i + 1) / (n if to_end else n + 1) for i in range(n)]


def _cadence(a, b, start, later, to_end):
    """(days ago, gap): weekly in the first six weeks after `start`, then every `later` days;
    with to_end the last point falls on b (gap None)."""
    points, t = [], a
    while (t := t - (7 if start - t < 42 else later)) > b + 2:
        points.append((t, 7 if start - t < 42 else later))
    if to_end:
        if points and points[-1][0] - b < 3:
            points.pop()
        points.append((b, None))
    return points


def _signal(ctx, team, lead, source, saw, **fields):
    """Register a signal received on the clock's day. saw: reporter | organisation | observed."""
    name, organisation, observed = _split(saw)
    fields |= {"reporter_name": name, "reporter_organisation": organisation, "source": source}
    day = timezone.localdate()
    return s.signal_register(
        acting_user=lead, team=ctx.teams[team], received_on=day, observed=observed, **fields
    )


class _Story:
    """One case, from the signal to where its row says it is now."""

    def __init__(self, ctx, index, row):
        self.ctx, self.index, self.row = ctx, index, row
        self.theme, self.client = ctx.themes[row.theme], ctx.clients[row.client]
        self.lead, self.worker = ctx.users[LEADS[row.team]], ctx.users[row.worker]
        self.case = self.signal = self.traject_at = None
        self.agreements, self.contacts, self.fed = [], 0, False

    @property
    def on(self):
        return {"acting_user": self.worker, "case": self.case}

    def run(self):
        previous = None
        for days_ago, action in self.schedule():
            moment = _moment(self.ctx.today, days_ago)
            if previous is not None and moment <= previous:
                moment = previous + timedelta(minutes=20)
            previous = self.ctx.clock.moment = moment
            action(moment)
        if self.row.extra:
            days_ago, source, *saw = self.row.extra
            self.ctx.clock.moment = _moment(self.ctx.today, int(days_ago))
            signal = self.register(None, source, " | ".join(saw))
            client = self.case.client
            s.signal_accept(
                acting_user=self.lead, signal=signal, assigned_worker=self.worker, client=client
            )

    def schedule(self):
        row = self.row
        steps = PATHS[row.path]
        weights = [5 * (row.fails + 1) if step == "contact" else WEIGHT[step] for step in steps]
        dwell = 5 * (row.fails + row.brief) if row.path == "eerste_contact" else 0
        dwell = DWELL.get(row.path, dwell)
        scale = (row.signal - row.last) / (sum(weights) + dwell)
        yield row.signal, self.register
        at, phase, contacted = row.signal, None, False
        for step, weight in zip(steps, weights, strict=True):
            nxt = at - scale * weight
            yield from self.fill(phase, contacted, at, nxt, False)
            yield nxt, getattr(self, f"do_{step}", None) or partial(self.close, step)
            contacted = contacted or step in ("contact", "heropenen")
            self.traject_at = nxt if step == "traject" else self.traject_at
            at, phase = nxt, AFTER.get(step)
        if dwell:
            yield from self.fill(phase, contacted, at, row.last, True)

    def fill(self, phase, contacted, a, b, to_end):
        """What happens between two steps (or, with to_end, up to the row's last day)."""
        row, themes = self.row, self.ctx.themes
        if phase == Phase.VOORFASE:
            first, second = _spread(a, b, 2, to_end)
            yield first, self.prior_info
            yield second, self.prephase_plan
        elif phase == Phase.EERSTE_CONTACT and not contacted:
            n = row.fails + (row.brief and to_end)
            for i, point in enumerate(_spread(a, b, n, to_end)):
                yield point, partial(self.attempt, i, to_end and row.brief and i == n - 1)
            if to_end:
                text = "Signaal opgepakt. We zijn een paar keer langs geweest en blijven proberen."
                yield b, partial(self.feedback, text, "not_needed")
        elif phase in (Phase.EERSTE_CONTACT, Phase.CONTRACT) and row.path != "client_wil_niet":
            points = _spread(a, b, 2 if a - b > 25 else 1, to_end)
            for i, point in enumerate(points):
                follow = (row.fu or 7) if to_end and i == len(points) - 1 else 7
                yield point, partial(self.contact, themes["starting"], follow)
        elif phase in TRAJECTORY_PHASES or phase == Phase.NAZORG:
            aftercare = phase == Phase.NAZORG
            later = 30 if aftercare else row.cadence
            start = math.inf if aftercare else self.traject_at
            pool = themes["aftercare"] if aftercare else self.theme
            for point, gap in _cadence(a, b, start, later, to_end):
                yield point, partial(self.contact, pool, gap or row.fu or later)

    def register(self, moment, source=None, saw=None):
        c, source = self.client, source or self.row.source
        fields = {"subject_name": f"{c['first_name']} {c['last_name']}"}
        fields |= {"subject_address": c["street_address"], "subject_postcode": c["postcode"]}
        fields |= {"concerns": self.theme["concerns"].split(), "urgency": self.row.urgency}
        if source in PROFESSIONAL:
            fields["subject_date_of_birth"] = c["date_of_birth"]
        by = self.worker if source == "self" else self.lead
        signal = _signal(self.ctx, self.row.team, by, source, saw or self.row.saw, **fields)
        self.signal = self.signal or signal
        return signal

    def do_accept(self, moment):
        known = self.ctx.known.get(self.row.client)
        fields = None if known else self.client
        by = {"acting_user": self.lead, "assigned_worker": self.worker}
        self.case = s.signal_accept(**by, signal=self.signal, client=known, client_fields=fields)
        self.signal.refresh_from_db()
        self.ctx.known[self.row.client] = self.case.client

    def move(self, move, **values):
        self.case = s.case_transition(**self.on, move=move, **values)

    def do_voorfase(self, moment):
        self.move("voorfase", note=f"Teamoverleg: {self.worker.first_name} pakt het op.")
        if "prior" in self.theme:
            reason = "We willen weten wat er speelt en of het veilig is voordat we aanbellen."
            basis = "Gerechtvaardigd belang: alleen wat nodig is om contact te leggen, bij "
            basis += "partners uit het Lokaal Zorgnetwerk. Besproken in het teamoverleg."
            decision = {"prior_info_decision": "yes", "prior_info_basis": basis}
        else:
            reason, decision = self.theme["noprior"], {"prior_info_decision": "no"}
        s.case_update_prephase(**self.on, prior_info_reason=reason, **decision)

    def prior_info(self, moment):
        if "prior" in self.theme:
            source, content = _split(self.theme["prior"])
            info = {"source": source, "content": content, "without_client_knowledge": True}
            s.prior_information_add(**self.on, gathered_on=moment.date(), **info)
        if "safety" in self.theme["concerns"].split():
            # Shielded: only the worker and the leads read it (outreach.access.may_see_sensitive).
            s.sensitive_detail_add(
                **self.on, kind="domestic_violence", recorded_on=moment.date(), content=SAFETY
            )

    def prephase_plan(self, moment):
        plan = {"suitability_analysis": self.theme["suit"], "approach_plan": self.theme["strategy"]}
        s.case_update_prephase(**self.on, **plan)

    def do_eerste_contact(self, moment):
        self.move("eerste-contact", note="Plan van aanpak staat; we gaan erop af.")

    def attempt(self, i, brief, moment):
        method, result, note = BRIEF if brief else FAILS[(i + self.index) % len(FAILS)]
        s.attempt_record(**self.on, attempted_at=moment, method=method, result=result, note=note)

    def do_contact(self, moment):
        at = {"attempted_at": moment, "method": "door"}
        if self.row.path == "client_wil_niet":
            note = "Deed open en zei duidelijk geen hulp te willen. Nam het kaartje wel aan."
            words = "'Ik heb niemand nodig. Laat me met rust.'"
            s.attempt_record(**self.on, **at, result="refused", note=note, client_problem=words)
            return self.feedback("Signaal opgepakt en langs geweest.", "not_needed", moment)
        seen, urgent, words = _split(self.theme["first"])
        note = f"Na {self.row.fails} vergeefse pogingen ging de deur open."
        note = note if self.row.fails else "Op afspraak langs; de deur ging meteen open."
        found = {"observations": seen, "urgent_needs": urgent, "client_problem": words}
        s.attempt_record(**self.on, **at, result="contact", note=note, **found)
        if self.row.source in PROFESSIONAL:
            text = "Contact gelegd. Cliënt vindt het goed dat we laten weten dat er hulp loopt."
            self.feedback(text, "yes", moment)
        elif self.row.source != "self":
            text = "Bedankt voor de melding. We hebben het opgepakt; meer kunnen we niet vertellen."
            self.feedback(text, "not_needed", moment)

    def feedback(self, shared, consent, moment):
        if not self.fed:
            given = {"given_on": moment.date(), "shared": shared, "client_consented": consent}
            s.signal_feedback_record(acting_user=self.worker, signal=self.signal, **given)
            self.fed = True

    def contact(self, pool, follow, moment):
        notes = pool["notes"]
        kind, activities, text, next_step = notes[(self.contacts + self.index) % len(notes)]
        self.contacts += 1
        present = {"h": "cliënt", "p": "", "n": self.theme.get("network", "")}[kind]
        minutes = 15 if kind == "p" else 45 + 15 * (self.contacts % 4)
        follow_up = moment.date() + timedelta(days=follow) if follow else None
        what = {"activities": activities.split(), "notes": text, "next_step": next_step}
        when = {"occurred_at": moment, "duration_minutes": minutes, "follow_up_on": follow_up}
        s.contact_log(**self.on, kind=KINDS[kind], present=present, **what, **when)

    def do_contract(self, moment):
        note = "Afspraken aan de keukentafel gemaakt en samen doorgelopen."
        self.move("contract", contract_agreed_on=moment.date(), note=note)
        for i, (responsible, text) in enumerate(self.theme["agree"]):
            due = moment.date() + timedelta(days=21 * (i + 1))
            what = {"description": text, "responsible": responsible, "due_on": due}
            self.agreements.append(s.agreement_add(**self.on, **what))

    def do_traject(self, moment):
        self.move("traject", note="Trajectplan samen met cliënt opgesteld.")
        due = moment.date() + timedelta(days=120)
        s.case_update_plan(**self.on, trajectory_plan=self.theme["plan"], evaluation_due_on=due)

    def set_status(self, agreements, status="done"):
        for agreement in agreements:
            s.agreement_set_status(acting_user=self.worker, agreement=agreement, status=status)

    def do_evaluatie(self, moment):
        # No ZRM app yet: the demo states why no begin ZRM is on file instead of faking one.
        reason = (
            "Wilde bij de start geen vragenlijst; ZRM bij de afsluiting."
            if self.row.nozrm
            else "Begin-ZRM op papier afgenomen; staat in het papieren dossier."
        )
        note = "Tussenevaluatie met cliënt: afspraken doorgelopen, plan bijgesteld."
        self.move("evaluatie", no_zrm_reason=reason, note=note)
        self.set_status(self.agreements[:2])

    def do_afsluiting(self, moment):
        self.move("afsluiting", note="Doelen grotendeels bereikt; de contacten worden afgebouwd.")
        self.set_status(self.agreements[2:-1])
        self.set_status(self.agreements[-1:], "dropped" if self.index % 3 == 0 else "done")

    def do_nazorg(self, moment):
        until = moment.date() + timedelta(days=182)
        if self.row.path == "nazorg":
            until = max(until, self.ctx.today + timedelta(days=30))
        self.move("nazorg", reason=self.theme["done"], nazorg_until=until, no_zrm_reason=NO_END_ZRM)

    def close(self, step, moment):
        """The moves out of the trajectory: closing, referral, refusal, reopening."""
        values = {"reason": self.row.reason or self.theme["done"]}
        if step == "afsluiten":
            values["no_zrm_reason"] = NO_END_ZRM
        if step == "doorverwijzen":
            values["referred_to"] = self.row.to
        elif step == "nazorg-beeindigen":
            values = {"note": "Nazorg rustig verlopen; geen nieuwe zorgen."}
        self.move(step, **values)


def _loose_signals(ctx):
    """Signals still waiting for a decision, and declined ones."""
    for header, fields in _blocks(SIGNALS):
        team, days_ago, source, status, *rest = header.split()
        days_ago, lead = int(days_ago), ctx.users[LEADS[team]]
        name, address, postcode = [*_split(fields["who"][0]), "", ""][:3]
        who = {"subject_name": name, "subject_address": address, "subject_postcode": postcode}
        if status == "waiting":
            who |= {"urgency": rest[0], "concerns": rest[1:]}
        ctx.clock.moment = _moment(ctx.today, days_ago) if days_ago else None
        signal = _signal(ctx, team, lead, source, fields["saw"][0], **who)
        if status == "declined":
            ctx.clock.moment, note = _moment(ctx.today, days_ago - 0.5), _one(fields, "why")
            s.signal_decline(acting_user=lead, signal=signal, reason=rest[0], note=note)
            if source in PROFESSIONAL:
                shared = f"Niet door ons opgepakt. {note}"
                given = {"given_on": ctx.clock.moment.date(), "client_consented": "not_needed"}
                s.signal_feedback_record(acting_user=lead, signal=signal, shared=shared, **given)


def seed(out):
    teams = {team.code: team for team in Team.objects.filter(code__in=LEADS)}
    if len(teams) < len(LEADS):
        out.write("Demo teams are missing; no demo cases added.")
        return
    if Client.objects.filter(team=teams["PA"]).exists():
        out.write("Demo cases already exist; nothing added.")
        return
    with _Clock() as clock:
        ctx = SimpleNamespace(clock=clock, today=timezone.localdate(), teams=teams, known={})
        ctx.users = {user.username: user for user in User.objects.all()}
        ctx.themes, ctx.clients = _themes(), _clients()
        for index, row in sorted(enumerate(_cases()), key=lambda item: -item[1].signal):
            _Story(ctx, index, row).run()
        _loose_signals(ctx)
    cases = [case for client in ctx.known.values() for case in client.cases.all()]
    open_cases = sum(case.phase not in CLOSED_PHASES for case in cases)
    signals = Signal.objects.filter(team__in=teams.values())
    waiting = signals.filter(status=Signal.Status.WAITING).count()
    out.write(
        f"Demo cases: {len(ctx.known)} clients, {len(cases)} cases ({open_cases} open), "
        f"{waiting} waiting signals, {signals.filter(status='declined').count()} declined"
    )
