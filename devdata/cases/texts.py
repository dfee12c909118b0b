"""The demo's people, situations, cases and signals as text tables (see
devdata/cases/__init__.py)."""

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
PA youssef koster minimaal_contact 150 20 vervuiling caretaker fails=5
    saw: Huismeester Ben | Havensteder | Stank uit de woning, ramen al maanden dicht,
        verwaarloosd balkon. Komt alleen naar buiten voor boodschappen.
    why: Wil na vijf pogingen en een gesprek aan de deur (nog) geen hulp; geen acuut gevaar. We
        blijven maandelijks aanbellen; de huismeester blijft signaleren.
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
PA kees groen overdracht 90 20 schulden housing
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
OM jeroen kok doorverwezen 110 95 gezin lzn
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
