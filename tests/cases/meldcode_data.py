"""Meldcode trajectories built through the real services (cases.services.meldcode), with
sentinel text so shielding tests can look for it in every page, partial, PDF and export."""

from datetime import timedelta

from django.utils import timezone

from cases import services

FACTS = "SENTINEL-FEIT blauwe plek op de arm van de oudste"
ADVICE = "SENTINEL-ADVIES bespreek het met moeder"
SENTINELS = ("SENTINEL-FEIT", "SENTINEL-ADVIES", "SENTINEL-GESPREK", "SENTINEL-MELDING")


def today():
    return timezone.localdate()


def signals(**values):
    return {
        "observed_on": today() - timedelta(days=1),
        "source": "eigen waarneming bij huisbezoek",
        "facts": FACTS,
        "interpretation": "Mogelijk fysiek geweld door de partner.",
        "involved": "Moeder (34), partner (38), kinderen van 4 en 7.",
        "children": "yes",
        "child_check": "Kinderen zijn op school; vandaag veilig.",
        **values,
    }


STEP_VALUES = {
    "consultation": lambda: {
        "consulted_on": today(),
        "kind": "aandachtsfunctionaris",
        "with_whom": "Aandachtsfunctionaris",
        "advice": ADVICE,
    },
    "conversation": lambda: {
        "held": "yes",
        "held_on": today(),
        "with_whom": "Moeder",
        "said": "SENTINEL-GESPREK zorgen benoemd",
        "reaction": "Herkent het, wil hulp.",
    },
    "weighing": lambda: {
        "q1": "yes",
        "q1_reason": "Signalen en gesprek bevestigen het.",
        "q2": "no",
        "q2_reason": "Geen acuut gevaar; partner woont tijdelijk elders.",
        "q3": "yes",
        "q3_reason": "Wij kunnen met het wijkteam hulp organiseren.",
        "q4": "yes",
        "q4_reason": "Moeder stemt in.",
    },
}


def report(**values):
    return {
        "decision": "report",
        "reported_on": today(),
        "report_content": "SENTINEL-MELDING vermoeden fysiek geweld",
        "vt_reference": "VT-2026-0815",
        "client_told": "yes",
        "client_told_how": "Vooraf met moeder besproken.",
        **values,
    }


def help_decision(**values):
    return {
        "decision": "help",
        "agreements": "Wekelijks huisbezoek; moeder gaat naar het inloopspreekuur.",
        "check_on": today() + timedelta(days=30),
        **values,
    }


def start(*, acting_user, case, **values):
    return services.meldcode_start(acting_user=acting_user, case=case, **signals(**values))


def walk(*, acting_user, trajectory, to_step=4):
    """Record steps 2 up to `to_step` (at most 4) with ordinary values."""
    for key in ("consultation", "conversation", "weighing")[: max(0, to_step - 1)]:
        services.meldcode_step_record(
            acting_user=acting_user, trajectory=trajectory, key=key, **STEP_VALUES[key]()
        )
    trajectory.refresh_from_db()
    return trajectory


def make_aandachtsfunctionaris(team, username="afke"):
    """A worker of the team who is its aandachtsfunctionaris (given the way an admin does)."""
    from outreach.models import Membership
    from outreach.services import membership_set
    from tests.conftest import make_member

    user = make_member(username, team, Membership.Role.WORKER, first_name="Afke")
    membership_set(
        acting_user=None,
        team=team,
        user=user,
        role=Membership.Role.WORKER,
        aandachtsfunctionaris=True,
    )
    return user
