"""Demo meldcode trajectories in team PA, written through the services at past moments: one
at step 2, one reported to Veilig Thuis, one closed after help (its question 5 answered)."""

from datetime import timedelta

from cases import services as s
from cases.models import Case
from cases.phases import CLOSED_PHASES

SIGNALS = {
    "source": "eigen waarneming bij huisbezoek",
    "interpretation": "Mogelijk spanningen tussen de partners die uit de hand lopen.",
    "involved": "Cliënt en partner; twee kinderen (6 en 9).",
    "children": "yes",
    "child_check": "De kinderen waren op school; de school ziet geen bijzonderheden.",
}
FACTS = [
    "Blauwe plek op de onderarm; cliënt zegt dat ze is gevallen. De buurvrouw hoorde vorige "
    "week geschreeuw.",
    "Cliënt vertelt dat haar partner haar geld afneemt en haar niet alleen laat gaan.",
    "Deur gebarricadeerd aangetroffen; cliënt zegt bang te zijn als haar zoon langskomt.",
]
CONSULTATION = {
    "kind": "aandachtsfunctionaris",
    "with_whom": "Youssef El Amrani (aandachtsfunctionaris)",
    "advice": "Bespreek de signalen met cliënt; raadpleeg Veilig Thuis als ze het ontkent.",
}
CONVERSATION = {
    "held": "yes",
    "with_whom": "Cliënt",
    "said": "De zorgen benoemd: de plek op de arm en wat de buurvrouw hoorde.",
    "reaction": "Cliënt herkent de spanningen, wil hulp maar geen politie.",
}


def _weighing(acute):
    answers = {"q1": "yes", "q1_reason": "De signalen en het gesprek bevestigen het vermoeden."}
    if acute:
        return answers | {"q2": "yes", "q2_reason": "Herhaald geweld; het neemt toe."}
    return answers | {
        "q2": "no",
        "q2_reason": "Geen acuut gevaar; de zoon komt niet meer zonder afspraak.",
        "q3": "yes",
        "q3_reason": "Met maatschappelijk werk en het wijkteam kunnen we hulp organiseren.",
        "q4": "yes",
        "q4_reason": "Cliënt stemt in en komt afspraken na.",
    }


def _walk(ctx, moment_of, case, facts, days_ago, plan):
    on = {"acting_user": case.assigned_worker}

    def at(later):
        ctx.clock.moment = moment_of(days_ago - later)
        return ctx.clock.moment.date()

    day = at(0)
    trajectory = s.meldcode_start(
        **on, case=case, **SIGNALS, facts=facts, observed_on=day - timedelta(days=1)
    )

    def step(key, later, **values):
        at(later)
        return s.meldcode_step_record(**on, trajectory=trajectory, key=key, **values)

    step("consultation", 2, consulted_on=at(2), **CONSULTATION)
    if plan == "step2":
        return
    step("conversation", 5, held_on=at(5), **CONVERSATION)
    step("weighing", 8, **_weighing(acute=plan == "reported"))
    if plan == "reported":
        step(
            "decision",
            9,
            decision="report",
            reported_on=at(9),
            report_content="Vermoeden van huiselijk geweld door de partner; zie stap 1.",
            vt_reference="VT-RDAM-2026-4411",
            client_told="yes",
            client_told_how="Vooraf met cliënt besproken dat we melden en waarom.",
        )
        return
    step(
        "decision",
        10,
        decision="help",
        agreements="Wekelijks huisbezoek; cliënt gaat naar het spreekuur van het wijkteam.",
        check_on=at(10) + timedelta(days=60),
    )
    step(
        "result_check",
        72,
        q5="yes",
        q5_reason="Geen nieuwe incidenten; cliënt en partner volgen de hulp.",
        follow_agreements="Bij nieuwe zorgen belt de school of de buurvrouw ons direct.",
    )


def seed(ctx, moment_of):
    """`moment_of(days_ago)`: a demo moment; the services record at it through ctx.clock."""
    cases = (
        Case.objects.filter(team=ctx.teams["PA"])
        .exclude(phase__in=CLOSED_PHASES)
        .select_related("assigned_worker")
        .order_by("opened_on", "pk")[:3]
    )
    plans = [(6, "step2"), (30, "reported"), (120, "help_closed")]
    for case, facts, (days_ago, plan) in zip(cases, FACTS, plans, strict=False):
        _walk(ctx, moment_of, case, facts, days_ago, plan)
    ctx.clock.moment = None
