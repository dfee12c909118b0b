"""Demo case meetings for team PA: last week's integral intake meeting, held, with a partner's
contact person there, one case discussed with consent and a decision made an agreement and one
discussed anonymised; and next week's case consultation with two cases on its agenda."""

from datetime import timedelta

from cases import services as s
from cases.models import Case, PartnerContact
from cases.phases import TRAJECTORY_PHASES, Phase
from outreach.models import Membership

# Cases whose decisions can become agreements (cases.phases.ACTIVITY_PHASES["agreement"]).
DISCUSSABLE = {Phase.EERSTE_CONTACT, Phase.CONTRACT, *TRAJECTORY_PHASES}
HELD_DAYS_AGO = 7
PLANNED_IN_DAYS = 6

HELD = [
    (
        "Vastgelopen met schuldeisers, cliënt staat open voor hulp. Wie sluit aan?",
        "yes",
        "",
        "Schuldhulp via de gemeente inschakelen; BAVO denkt mee over de spanning thuis.",
        "Aanmelden bij schuldhulpverlening, samen met cliënt",
    ),
    (
        "Buren melden overlast; zicht op wat er speelt ontbreekt.",
        "no",
        "",
        "Besproken zonder naam. Eerst vertrouwen opbouwen, over vier weken opnieuw agenderen.",
        None,
    ),
]
PLANNED = [
    "Cliënt wil niet naar de GGZ; hoe houden we contact?",
    "Dreigende huisuitzetting: kan de woningcorporatie wachten met de zitting?",
]


def seed(ctx, moment_of):
    team = ctx.teams["PA"]
    lead = ctx.users["marieke"]
    cases = list(
        Case.objects.filter(team=team, phase__in=DISCUSSABLE)
        .select_related("assigned_worker")
        .order_by("-reference")[: len(HELD) + len(PLANNED)]
    )
    if len(cases) < len(HELD) + len(PLANNED):
        return
    held_cases, planned_cases = cases[: len(HELD)], cases[len(HELD) :]

    ctx.clock.moment = moment_of(HELD_DAYS_AGO + 3)
    held_on = moment_of(HELD_DAYS_AGO).date()
    intake = s.meeting_plan(acting_user=lead, team=team, kind="intake", planned_on=held_on)
    ctx.clock.moment = moment_of(HELD_DAYS_AGO + 1)
    items = [
        s.agenda_item_add(acting_user=case.assigned_worker, case=case, question=question)
        for case, (question, *_rest) in zip(held_cases, HELD, strict=True)
    ]
    ctx.clock.moment = moment_of(HELD_DAYS_AGO)
    s.meeting_record(
        acting_user=lead,
        meeting=intake,
        held_on=held_on,
        members=[m.user for m in Membership.objects.filter(team=team).select_related("user")],
        partner_contacts=PartnerContact.objects.filter(partner__team=team)[:1],
        notes="Twee aanmeldingen besproken.",
    )
    for item, (_question, consent, detail, conclusions, decision) in zip(items, HELD, strict=True):
        s.case_discussion_record(
            acting_user=lead,
            item=item,
            consent=consent,
            consent_detail=detail,
            conclusions=conclusions,
            decisions=[{"description": decision, "responsible": "worker"}] if decision else [],
        )

    ctx.clock.moment = None
    consultation = s.meeting_plan(
        acting_user=lead,
        team=team,
        kind="consultation",
        planned_on=ctx.today + timedelta(days=PLANNED_IN_DAYS),
    )
    for case, question in zip(planned_cases, PLANNED, strict=True):
        s.agenda_item_add(
            acting_user=case.assigned_worker, case=case, meeting=consultation, question=question
        )
