"""Demo clients, signals and cases for the teams of devdata/outreach.py, made through
cases.services.

Each case is a block in CASES: team, worker, client, the path it takes through the phases, and how
many days ago the signal came in and the worker last did something. The helpers spread the steps of
the path over that span and fill the time in between with doorstep attempts ("lange adem"),
contacts and agreements drawn from the case's situation in THEMES.

The services take their dates from outreach.clock (a case opens today, a phase starts now, a
follow-up may not lie in the past), so while it writes, the demo sets that clock to the moment of
each step (_Clock), and puts it back afterwards. Everything else, every check and every timeline
event, is the services' own work.
"""

import math
from datetime import date, datetime, time, timedelta
from functools import partial
from types import SimpleNamespace

from django.utils import timezone

from cases import services as s
from cases.models import Client, Signal
from cases.phases import CLOSED_PHASES, MINIMAL_CONTACT_CHECKIN_DAYS, TRAJECTORY_PHASES, Phase
from devdata.cases import after_closing, coworkers, meetings, meldcode, phrases, planning, team_year
from devdata.cases.texts import CASES, CLIENTS, SIGNALS, THEMES
from outreach import clock as service_clock
from outreach.models import Team, User

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
    "doorverwezen": [*STEPS[:2], "doorverwijzen", "aangekomen"],
    "doorverwezen_na_contact": [*STEPS[:4], "doorverwijzen", "aangekomen"],
    "overdracht": [*STEPS[:4], "doorverwijzen"],  # the handover still waits for the arrival
    "niet_passend": [*STEPS[:2], "niet-passend"],
    "client_wil_niet": [*STEPS[:4], "client-wil-niet"],
    "minimaal_contact": [*STEPS[:4], "minimaal-contact"],  # kept in sight, not closed
}
# The check after a referral: about three months after the client arrived.
CHECK_AFTER = timedelta(days=90)
REFERRAL_CONSENT = (
    "Cliënt stemt in met het delen van naam, adres en de zorgen; het ZRM-verslag alleen met "
    "hem samen."
)
# Each team's directory: (name, kind, phone, [(contact person, role)]).
DIRECTORY = [
    ("BAVO Europoort", "ggz", "010 503 35 00", [("Ilse Verbeek", "intake-coördinator")]),
    ("Pameijer", "other", "010 266 60 00", [("Ruud Hoogland", "trajectbegeleider LVB")]),
    (
        "MEE Rotterdam Rijnmond",
        "mee",
        "010 282 18 18",
        [("Nadia El Idrissi", "cliëntondersteuner")],
    ),
    ("Woonstad Rotterdam", "housing", "010 440 88 00", [("Sandra Verschoor", "woonconsulent")]),
    ("Havensteder", "housing", "010 890 08 00", [("A. Verschoor", "huurincasso")]),
    ("Kredietbank Rotterdam", "debt", "14 010", [("Mark de Graaf", "schuldhulpverlener")]),
    ("Veilig Thuis Rotterdam Rijnmond", "veilig_thuis", "0800 2000", []),
    ("Wijkteam Prins Alexander", "district_team", "14 010", [("Esther Bakker", "wijkcoach")]),
]
# Rough length in days of each step, and of the stay in the last phase of an open case.
WEIGHT = {"accept": 1, "voorfase": 1, "eerste_contact": 4, "contract": 12, "traject": 8}
WEIGHT |= {"evaluatie": 120, "afsluiting": 100, "nazorg": 30, "afsluiten": 20, "heropenen": 120}
WEIGHT |= {"nazorg-beeindigen": 150, "doorverwijzen": 15, "niet-passend": 8}
WEIGHT |= {"client-wil-niet": 15, "aangekomen": 10, "minimaal-contact": 15}
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
    """While active, the services record at `moment` (the real time when it is None), through
    outreach.clock."""

    _moment = None

    @property
    def moment(self):
        return self._moment

    @moment.setter
    def moment(self, moment):
        self._moment = moment
        service_clock.set_moment(moment)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.moment = None


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
    day = service_clock.today()
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

    def referral(self, moment):
        """The overdracht: to the directory's entry when the team has one, with its first
        contact person, else to the organisation by name."""
        values = {
            "reason": self.row.reason,
            "referral_consent": REFERRAL_CONSENT,
            "handover_on": moment.date(),
        }
        partner = self.ctx.partners.get((self.row.team, self.row.to))
        if partner is None:
            return values | {"referred_to": self.row.to}
        return values | {"referral_partner": partner, "referral_contact": partner.contacts.first()}

    def close(self, step, moment):
        """The moves out of the trajectory: closing, referral, refusal, reopening."""
        values = {"reason": self.row.reason or self.theme["done"]}
        if step == "afsluiten":
            values["no_zrm_reason"] = NO_END_ZRM
        if step == "doorverwijzen":
            values = self.referral(moment)
        elif step == "minimaal-contact":
            values["follow_up_on"] = moment.date() + timedelta(days=MINIMAL_CONTACT_CHECKIN_DAYS)
        elif step == "aangekomen":
            arrived = moment.date()
            values = {"arrival_confirmed_on": arrived, "referral_check_on": arrived + CHECK_AFTER}
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


def _directory(ctx):
    """Each team's directory of partner organisations, entered by its lead."""
    partners = {}
    for code, team in ctx.teams.items():
        lead = ctx.users[LEADS[code]]
        for name, kind, phone, contacts in DIRECTORY:
            partner = s.partner_create(
                acting_user=lead, team=team, name=name, kind=kind, phone=phone
            )
            for contact_name, role in contacts:
                s.partner_contact_add(
                    acting_user=lead, partner=partner, name=contact_name, role=role
                )
            partners[(code, name)] = partner
    return partners


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
        ctx.partners = _directory(ctx)
        for index, row in sorted(enumerate(_cases()), key=lambda item: -item[1].signal):
            _Story(ctx, index, row).run()
        _loose_signals(ctx)
        after_closing.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago))
        meldcode.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago))
        planning.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago))
        meetings.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago))
        coworkers.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago))
        phrases.seed(ctx, lambda days_ago: _moment(ctx.today, days_ago), LEADS)
        team_year.seed(ctx, LEADS)
    cases = [case for client in ctx.known.values() for case in client.cases.all()]
    open_cases = sum(case.phase not in CLOSED_PHASES for case in cases)
    signals = Signal.objects.filter(team__in=teams.values())
    waiting = signals.filter(status=Signal.Status.WAITING).count()
    out.write(
        f"Demo cases: {len(ctx.known)} clients, {len(cases)} cases ({open_cases} open), "
        f"{waiting} waiting signals, {signals.filter(status='declined').count()} declined"
    )
