"""The demo maps: NETWORKS by client, and the members of the maps that tell a story of their own
(see devdata/network/__init__.py)."""

from network.models import NetworkMember

WORKER = "outreach {worker}"  # the case's own outreach worker, by first name


def _m(name, what, support="", flags="", note="", agree=""):
    """A member. what: relation ring distance frequency involvement. support: kinds the client
    receives, or kind=gives / kind=both. flags: overloaded too_far own_problems negative sleeping
    (a contact from before the problems) known_before wants_back=yes|no. agree: a word from the
    description of the case's agreement this person takes part in."""
    relation, ring, distance, frequency, involvement = what.split()
    fields = {
        "name": name,
        "relation": relation,
        "ring": int(ring),
        "distance": distance,
        "frequency": frequency,
        "involvement": involvement,
        "note": note,
    }
    for token in support.split():
        kind, _sep, direction = token.partition("=")
        fields[f"support_{kind}"] = direction or "receives"
    for token in flags.split():
        key, _sep, value = token.partition("=")
        if key == "sleeping":
            fields |= {"status": NetworkMember.Status.SLEEPING, "known_before": True}
        elif key == "negative":
            fields["negative_influence"] = True
        elif key == "wants_back":
            fields["wants_back"] = value
        else:
            fields[key] = True
    return fields, agree


NETWORKS = {
    "Corrie van Vliet": [
        _m(
            "dochter Linda",
            "child 1 same_wijk daily high",
            "practical emotional decisions",
            "overloaded",
            "Deed na het vorige traject de post, de boodschappen en het bellen met de corporatie. "
            "Werkt drie dagen en heeft twee jonge kinderen; zegt dat ze het niet meer trekt.",
        ),
        _m(
            "zus Annie",
            "sibling 2 nearby monthly some",
            "emotional=both",
            "own_problems",
            "Zit zelf in de schuldhulp. Ze steunen elkaar, maar geld lenen kan niet.",
        ),
        _m(
            "buurvrouw Fatma",
            "neighbour 3 same_wijk weekly low",
            "company=both",
            "",
            "Praatje op de galerij. Weet niets van de schulden en mevrouw wil dat zo houden.",
        ),
        _m(
            "Postwijzer Ellen",
            "volunteer 3 same_wijk less low",
            "practical",
            "",
            "Kwam tijdens het vorige traject om de week voor de post; sinds de nazorg niet meer. "
            "Mevrouw wil haar graag terug.",
            "Postwijzer",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Ronald Mulder": [
        _m(
            "broer Frank",
            "sibling 2 nearby monthly some",
            "company=both material",
            "",
            "Leende hem vorig jaar € 400 voor de huur; dat is terugbetaald.",
        ),
        _m(
            "Postwijzer Joke",
            "volunteer 2 same_wijk monthly some",
            "practical",
            "",
            "Kijkt nog eens per maand samen met hem de administratie na; bouwt af.",
            "Postwijzer",
        ),
        _m(
            "oud-collega Ahmed",
            "colleague 2 nearby monthly some",
            "company=both",
            "known_before",
            "Van de haven. Gaan samen naar Excelsior.",
        ),
        _m(
            "buurman Gerrit",
            "neighbour 3 same_wijk weekly low",
            "practical=both",
            "",
            "Ruilen klusjes: meneer maakt Gerrits fiets, Gerrit helpt met de computer.",
        ),
        _m(
            "Kredietbank",
            "professional 3 nearby monthly low",
            "practical",
            "",
            "Schuldregeling met budgetbeheer; de vaste lasten gaan automatisch.",
            "Kredietbank",
        ),
        _m(
            WORKER,
            "professional 3 same_wijk monthly low",
            "emotional",
            "",
            "Nazorg: belt eens per maand.",
        ),
    ],
    "Peter van Dam": [
        _m(
            "buurman Kees",
            "neighbour 1 same_wijk daily high",
            "company",
            "negative",
            "Ook drinkmaatje: komt 's avonds met bier langs. Meneer wil hem niet kwijt; de "
            "afspraak is geen drinkmaten over de vloer na acht uur.",
            "drinkmaten",
        ),
        _m(
            "maatje Ruud",
            "volunteer 2 same_wijk weekly some",
            "company=both",
            "",
            "Gaan op zaterdag vissen bij de Kralingse Plas.",
            "vissen",
        ),
        _m(
            "broer Rob",
            "sibling 2 nearby monthly some",
            "company=both",
            "own_problems",
            "Drinkt zelf ook. Samen naar het voetbal.",
        ),
        _m(
            "dochter Sharon",
            "child 3 nearby none low",
            "",
            "sleeping wants_back=yes",
            "Geen contact sinds de scheiding. Meneer schreef haar een brief, maar durft hem niet "
            "te versturen.",
        ),
        _m(
            "verslavingszorg",
            "professional 2 nearby weekly some",
            "emotional decisions",
            "",
            "Behandelaar; groepsgesprek op woensdag.",
            "verslavingszorg",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Jolanda Smits": [
        _m(
            "vrijwilliger Henk",
            "volunteer 2 same_wijk weekly some",
            "company=both practical",
            "",
            "Even Buurten; meldde haar aan. Komt op dinsdag koffie drinken en loopt mee naar de "
            "markt.",
            "Zorgmaatje",
        ),
        _m(
            "buurvrouw Ria",
            "neighbour 2 same_wijk weekly some",
            "practical",
            "",
            "Haalt soms een boodschap. Belde opnieuw toen de gordijnen dicht bleven.",
        ),
        _m(
            "nicht Marian",
            "other_family 3 far less low",
            "emotional",
            "too_far",
            "Woont in Zwolle; belt op haar verjaardag en met kerst.",
        ),
        _m(
            "koffieochtend",
            "organisation 2 same_wijk weekly some",
            "company=both",
            "",
            "Buurthuis, donderdag. Gaat nu meestal zelf.",
            "koffieochtend",
        ),
        _m(WORKER, "professional 2 same_wijk monthly some", "practical emotional"),
    ],
    "Derya Kaya": [
        _m(
            "moeder Hatice",
            "parent 1 nearby weekly high",
            "practical emotional",
            "",
            "Woont in Capelle; past op de kinderen als mevrouw naar afspraken moet.",
        ),
        _m(
            "zus Ebru",
            "sibling 1 same_wijk weekly high",
            "emotional=both decisions",
            "",
            "Ging mee naar het overleg met het LTHG.",
        ),
        _m(
            "partner Serkan",
            "partner 3 nearby none low",
            "",
            "negative",
            "Huisverbod. Contact over de kinderen loopt via de casusregisseur.",
        ),
        _m(
            "buurvrouw Anja",
            "neighbour 2 same_wijk weekly some",
            "practical=both",
            "",
            "Brengen de kinderen om beurten naar school.",
        ),
        _m(
            "casusregisseur",
            "professional 2 nearby monthly some",
            "decisions",
            "",
            "LTHG Prins Alexander; bewaakt de veiligheidsafspraken.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Shanice Lopes": [
        _m(
            "moeder Gloria",
            "parent 1 nearby weekly high",
            "practical emotional",
            "",
            "Past twee middagen per week op Jayden en Noa.",
            "Moeder van mevrouw",
        ),
        _m(
            "vriendin Naomi",
            "friend 2 same_wijk weekly some",
            "company=both material=both",
            "",
            "Ruilen kinderkleding en de kinderwagen.",
        ),
        _m(
            "Home-Start Els",
            "volunteer 2 same_wijk weekly some",
            "practical emotional",
            "",
            "Komt op maandagochtend; helpt met de was en de post.",
            "Home-Start",
        ),
        _m(
            "opbouwwerker Kim",
            "professional 3 same_wijk monthly low",
            "",
            "",
            "Meldde haar aan; ziet haar bij de inloop in het buurthuis.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical"),
    ],
    "Truus van Leeuwen": [
        _m(
            "zoon Marcel",
            "child 1 far weekly some",
            "emotional decisions",
            "too_far",
            "Woont in Breda; belt op zondag.",
            "Zoon belt",
        ),
        _m(
            "vrijwilliger Gerda",
            "volunteer 2 same_wijk weekly some",
            "company=both",
            "",
            "Even Buurten; haalt haar weer op voor de koffieochtend.",
        ),
        _m(
            "oud-buurvrouw Nel",
            "acquaintance 3 same_wijk none low",
            "",
            "sleeping wants_back=yes",
            "Buurvrouw uit de Irisstraat; na de dood van haar man uit beeld. Mevrouw zou haar "
            "graag weer zien.",
        ),
        _m(
            "kapster Yvonne",
            "acquaintance 3 same_wijk monthly low",
            "company",
            "",
            "Komt eens per maand aan huis; weet alles van de buurt.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Errol Vreden": [
        _m(
            "zus Marcia",
            "sibling 1 nearby weekly high",
            "emotional practical",
            "",
            "Kookt op zondag voor hem en maakt zich zorgen.",
        ),
        _m(
            "neef Stanley",
            "other_family 2 same_wijk weekly some",
            "company=both",
            "own_problems",
            "Drinkt ook; ze zien elkaar in het café.",
        ),
        _m(
            "kerk",
            "organisation 3 nearby none low",
            "",
            "sleeping",
            "Evangelische gemeente; ging er met zijn moeder heen. Nog niet gevraagd of hij terug "
            "wil.",
        ),
        _m(
            "wijkagent",
            "professional 3 same_wijk monthly low",
            "",
            "",
            "Kent hem van de meldingen; groet hem op straat.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Sandra Willems": [
        _m(
            "moeder Joke",
            "parent 1 nearby weekly high",
            "practical emotional",
            "",
            "Vangt Daan en Fleur op na school.",
        ),
        _m(
            "vriendin Petra",
            "friend 1 same_wijk weekly high",
            "emotional=both company=both",
            "",
            "Wist als eerste van het geweld; ze wandelen op zondag.",
        ),
        _m(
            "ex-partner Mike",
            "partner 3 nearby less low",
            "",
            "negative",
            "Huisverbod verlopen; omgang met de kinderen volgens een omgangsregeling.",
        ),
        _m(
            "buurvrouw Karin",
            "neighbour 2 same_wijk weekly some",
            "practical=both",
            "",
            "Brengen de kinderen om beurten naar school.",
        ),
        _m(
            "school (SMW)",
            "professional 3 same_wijk monthly low",
            "emotional",
            "",
            "Schoolmaatschappelijk werk van de school van Daan en Fleur.",
        ),
        _m(WORKER, "professional 2 same_wijk monthly some", "emotional decisions"),
    ],
    "Fenna Postma": [
        _m(
            "buurvrouw Yvonne",
            "neighbour 2 same_wijk weekly some",
            "practical=gives",
            "",
            "Mevrouw helpt haar nu zelf met de post en meldde haar bij ons aan.",
        ),
        _m(
            "vriendin Maaike",
            "friend 1 same_wijk weekly high",
            "emotional=both company=both",
            "",
            "Samen op de fiets naar het werk.",
        ),
        _m(
            "broer Sjoerd",
            "sibling 2 far weekly some",
            "emotional",
            "",
            "Woont in Leeuwarden; ze bellen elke week.",
        ),
        _m(
            "Postwijzer Hans",
            "volunteer 3 same_wijk monthly low",
            "practical",
            "",
            "Komt nog eens per maand; bouwt af.",
            "Postwijzer",
        ),
        _m(WORKER, "professional 3 same_wijk monthly low", "emotional", "", "Nazorg."),
    ],
    "Kimberley Roos": [
        _m(
            "moeder Wendy",
            "parent 1 nearby weekly high",
            "practical emotional",
            "",
            "Past op woensdag en vrijdag op Milan en Lotte.",
            "Moeder van mevrouw",
        ),
        _m(
            "vriendin Lisa",
            "friend 2 same_wijk weekly some",
            "company=both",
            "",
            "Leerden elkaar kennen bij de peuterspeelzaal van Milan.",
        ),
        _m(
            "ex-partner Dylan",
            "partner 3 far none low",
            "",
            "",
            "Vertrokken naar Almere; betaalt geen alimentatie.",
        ),
        _m(
            "Home-Start Ans",
            "volunteer 2 same_wijk weekly some",
            "practical emotional",
            "",
            "Komt op donderdag.",
            "Home-Start",
        ),
        _m(
            "opbouwwerker Sem",
            "professional 3 same_wijk monthly low",
            "",
            "",
            "Huis van de Wijk Nesselande; meldde haar aan.",
        ),
        _m(WORKER, "professional 2 same_wijk monthly some", "practical"),
    ],
    "Theo van Rijn": [
        _m(
            "broer Wim",
            "sibling 1 nearby monthly some",
            "practical",
            "",
            "Helpt één zaterdag per maand opruimen en neemt de oude kasten mee.",
            "Broer helpt",
        ),
        _m(
            "Klussendienst",
            "volunteer 2 same_wijk monthly some",
            "practical",
            "",
            "Twee vrijwilligers hebben het balkon leeggemaakt.",
            "Klussendienst",
        ),
        _m(
            "huismeester Ahmed",
            "professional 3 same_wijk weekly low",
            "",
            "",
            "Meldde het balkon; let op en belt als er iets is.",
        ),
        _m(
            "buurman Bram",
            "neighbour 3 same_wijk less low",
            "",
            "",
            "Klaagde over de rook; groet nu weer.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Richard Meijer": [
        _m(
            "moeder Riet",
            "parent 2 nearby weekly some",
            "emotional material",
            "",
            "Leent hem aan het eind van de maand geld voor eten.",
        ),
        _m(
            "mannen v/h plein",
            "acquaintance 2 same_wijk daily some",
            "company=both",
            "negative",
            "Drinken samen bij het winkelcentrum.",
        ),
        _m(
            "maatje Dirk",
            "volunteer 2 same_wijk weekly some",
            "company=both",
            "",
            "Gaan samen vissen.",
            "vissen",
        ),
        _m(
            "verslavingszorg",
            "professional 2 nearby weekly some",
            "emotional",
            "",
            "Intake gehad; wekelijks gesprek.",
            "verslavingszorg",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical"),
    ],
    "Mohamed Benali": [
        _m(
            "broer Karim",
            "sibling 2 nearby weekly some",
            "emotional",
            "",
            "Weet van de schulden; meneer schaamt zich om hem om geld te vragen.",
        ),
        _m(
            "neef Younes",
            "other_family 2 same_wijk monthly some",
            "practical",
            "",
            "Helpt met de brieven van de deurwaarder.",
        ),
        _m(
            "collega Dave",
            "colleague 2 nearby weekly some",
            "company=both",
            "",
            "Zelfde distributiecentrum; rijden samen naar het werk.",
        ),
        _m(
            "moskee",
            "organisation 3 same_wijk weekly some",
            "company=both",
            "",
            "Vrijdaggebed. Daar weet niemand van de schulden.",
        ),
        _m(
            "dokter Hamdi",
            "professional 3 same_wijk monthly low",
            "emotional",
            "",
            "Huisarts; meldde hem aan.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical decisions"),
    ],
    "Samira Haddou": [
        _m(
            "zus Nadia",
            "sibling 1 nearby weekly high",
            "emotional decisions",
            "",
            "Mevrouw en Yasmina konden na de politie-inzet bij haar slapen.",
        ),
        _m(
            "moeder Fatiha",
            "parent 2 far monthly some",
            "emotional",
            "too_far",
            "Woont sinds haar pensioen in Marokko; ze bellen via WhatsApp.",
        ),
        _m(
            "buurvrouw Marloes",
            "neighbour 2 same_wijk weekly some",
            "practical=both",
            "",
            "Belde die nacht de politie. Nu passen ze om beurten op elkaars kinderen.",
        ),
        _m(
            "casusregisseur",
            "professional 2 nearby monthly some",
            "decisions",
            "",
            "LTHG Prins Alexander.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    ],
    "Ayşe Demir": [
        _m(
            "dochter Zeynep",
            "child 1 far weekly some",
            "emotional",
            "too_far",
            "Woont in Keulen; belt elke zondag met video.",
        ),
        _m(
            "zoon Mehmet",
            "child 2 far less some",
            "",
            "too_far",
            "Woont in Duisburg; komt met het Suikerfeest.",
        ),
        _m(
            "vrijwilliger Aysel",
            "volunteer 2 same_wijk weekly some",
            "practical company=both",
            "",
            "Even Buurten; spreekt Turks en vertaalt de brieven.",
        ),
        _m(
            "buurvrouw Sevim",
            "neighbour 2 same_wijk weekly some",
            "company=both",
            "",
            "Twee deuren verder; thee op woensdag.",
        ),
        _m(
            "vrouwengroep",
            "organisation 3 same_wijk none low",
            "",
            "sleeping wants_back=yes",
            "Vrouwengroep van de moskee; ging erheen tot haar man ziek werd.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "practical"),
    ],
    "Wilma Jacobs": [
        _m(
            "zus Thea",
            "sibling 2 nearby monthly some",
            "emotional",
            "",
            "Belt af en toe; mevrouw wil haar niet belasten.",
        ),
        _m(
            "oud-collega Marja",
            "colleague 3 nearby none low",
            "",
            "sleeping",
            "Werkten samen bij de thuiszorg tot haar ontslag.",
        ),
        _m(
            "dokter Lammers",
            "professional 2 nearby monthly some",
            "emotional",
            "",
            "Huisarts; meldde haar opnieuw aan.",
        ),
        _m(WORKER, "professional 2 same_wijk weekly some", "emotional"),
    ],
}

# Marjolein Hoogendoorn (section 3.4.4 of the practice study). The neighbour is added through the
# interview question that names her, then placed on the map.
HOOGENDOORN = "Marjolein Hoogendoorn"
HOOGENDOORN_MEMBERS = [
    _m(
        "moeder Greet",
        "parent 1 nearby weekly high",
        "emotional=both",
        "",
        "Goed contact, maar ze is op leeftijd; mevrouw belast haar niet met de financiën.",
    ),
    _m(
        "zoon Mark",
        "child 1 nearby weekly high",
        "emotional=both decisions",
        "",
        "De oudste (31); goed contact. Gaat mee naar het gesprek bij de bewindvoerder.",
        "Oudste zoon",
    ),
    _m(
        "zoon Jeffrey",
        "child 3 nearby none low",
        "",
        "sleeping wants_back=yes",
        "De jongste (28); geen contact meer na 'wat akkefietjes'. Daardoor ziet ze ook haar "
        "kleindochter niet.",
    ),
    _m(
        "broer Ron",
        "sibling 2 nearby monthly some",
        "company=both",
        "",
        "Woont in Rotterdam; ze zien elkaar bij hun moeder.",
    ),
    _m(
        WORKER,
        "professional 2 same_wijk monthly some",
        "practical emotional",
        "",
        "Eens per maand samen de post ordenen, eerst twintig minuten bijpraten; opdrachten voor "
        "tussendoor.",
        "Komt eens per maand",
    ),
    _m(
        "bewindvoerder",
        "professional 2 nearby monthly some",
        "material practical",
        "",
        "Bewindvoering Maasoever: beheert het inkomen, betaalt de vaste lasten en geeft leefgeld.",
    ),
    _m(
        "Adago",
        "professional 3 nearby monthly low",
        "practical",
        "",
        "Ingeschakeld voor de financiën, naast de bewindvoerder.",
    ),
    _m(
        "Kredietbank",
        "professional 3 nearby less low",
        "",
        "",
        "Aangemeld voor schuldsanering (ongeveer € 100.000); in afwachting.",
        "Kredietbank",
    ),
]
HOOGENDOORN_NEIGHBOUR = (
    "buurvrouw Ineke",
    {
        "ring": 2,
        "frequency": "weekly",
        "involvement": "some",
        "support_material": "receives",
        "support_company": "both",
        "note": "Mevrouw mag haar laptop en printer gebruiken. Het contact kwam vooral van de "
        "buurvrouw; de andere bewoners van de 50+-flat zijn een stuk ouder.",
    },
)
HOOGENDOORN_ANSWERS = {
    "family_in_wijk": "Nee. Moeder en broer wonen in Rotterdam, maar niet in Prinsenland; de "
    "zoons wonen op zichzelf.",
    "neighbours_contact": "Alleen met Ineke, de buurvrouw. Zij kwam zelf op me af. De anderen in "
    "de flat zijn een stuk ouder.",
    "contacts_satisfied": "Het is weinig, maar met mijn moeder en met Mark heb ik goed contact.",
    "wants_more_contacts": "Misschien. Lopen gaat moeilijk; met de scootmobiel kom ik weer wat "
    "verder.",
    "practical_help_received": "Met de financiën helpt niemand uit de familie; dat doen de "
    "bewindvoerder, Adago en Sanne.",
    "borrows_from": "Ik mag de laptop en de printer van de buurvrouw gebruiken.",
    "talk_to": "Met mijn moeder, en met Mark, mijn oudste.",
    "decision_support": "Mark gaat mee naar de bewindvoerder.",
    "contacts_before_problems": "Met mijn jongste zoon. Er zijn wat akkefietjes geweest; nu zie ik "
    "mijn kleindochter ook niet meer.",
    "before_wants_back": "Ja, vooral om mijn kleindochter. Misschien schrijf ik hem een brief.",
}

# Jan van der Linden: the map at the start of the trajectory, the two sleeping contacts who come
# back during the evaluation phase (with what changes), and the buddy who joins.
VAN_DER_LINDEN = "Jan van der Linden"
VAN_DER_LINDEN_BEGIN = [
    _m(
        "zoon Erik",
        "child 1 far weekly some",
        "emotional",
        "too_far",
        "Woont in Groningen; belt op zondag.",
        "Zoon belt",
    ),
    _m(
        "vrijwilliger Henk",
        "volunteer 2 same_wijk weekly some",
        "company=both",
        "",
        "Even Buurten; meldde hem aan.",
    ),
    _m(
        "dokter Lammers",
        "professional 3 nearby monthly low",
        "",
        "",
        "Huisarts; ziet hem na de valpartijen.",
    ),
    _m(WORKER, "professional 2 same_wijk weekly some", "practical emotional"),
    _m(
        "zwager Frans",
        "other_family 3 nearby none low",
        "",
        "sleeping wants_back=yes",
        "Broer van zijn vrouw; na de begrafenis uit beeld.",
    ),
    _m(
        "Gerrit (biljart)",
        "friend 3 same_wijk none low",
        "",
        "sleeping wants_back=yes",
        "Biljartten op woensdag in het buurthuis, tot zijn vrouw ziek werd.",
    ),
]
VAN_DER_LINDEN_BACK = {
    "zwager Frans": {
        "status": "active",
        "ring": 2,
        "frequency": "monthly",
        "involvement": "some",
        "support_company": "both",
        "note": "Broer van zijn vrouw. Na een telefoontje van meneer zelf komt hij weer eens per "
        "maand eten.",
    },
    "Gerrit (biljart)": {
        "status": "active",
        "ring": 2,
        "frequency": "weekly",
        "involvement": "some",
        "support_company": "both",
        "support_practical": "receives",
        "note": "Haalt hem op woensdag op voor het biljarten in het buurthuis.",
    },
}
VAN_DER_LINDEN_BUDDY = _m(
    "zorgmaatje Ruud",
    "volunteer 2 same_wijk weekly some",
    "company=both practical",
    "",
    "Komt op dinsdag; samen wandelen en boodschappen doen.",
    "Zorgmaatje",
)
