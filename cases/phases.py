"""The outreach phases and the moves between them, defined once.

    signaal → voorfase → eerste contact → contract → traject (begin → evaluatie → afsluiting)
      → afgesloten, or → nazorg → afgesloten
    exits from any open phase: doorverwezen, niet passend, cliënt wil niet (and afsluiten)
    a closed case, or one in nazorg, can be reopened on relapse (terugval)

`MOVES` is the table; cases.services.case_transition is the only code that changes a case's phase
and enforces it. A move names the fields its form asks for and the guards that must hold; a guard
returns {field: message} for what is wrong, or nothing.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    SIGNAAL = "signaal", _("signal")
    VOORFASE = "voorfase", _("pre-phase")
    EERSTE_CONTACT = "eerste_contact", _("first contact")
    CONTRACT = "contract", _("contract")
    TRAJECT_BEGIN = "traject_begin", _("trajectory: begin")
    TRAJECT_EVALUATIE = "traject_evaluatie", _("trajectory: evaluation")
    TRAJECT_AFSLUITING = "traject_afsluiting", _("trajectory: closing")
    NAZORG = "nazorg", _("aftercare")
    AFGESLOTEN = "afgesloten", _("closed")
    DOORVERWEZEN = "doorverwezen", _("referred")
    NIET_PASSEND = "niet_passend", _("not suitable")
    CLIENT_WIL_NIET = "client_wil_niet", _("client refuses")


CLOSED_PHASES = frozenset(
    {Phase.AFGESLOTEN, Phase.DOORVERWEZEN, Phase.NIET_PASSEND, Phase.CLIENT_WIL_NIET}
)
OPEN_PHASES = frozenset(Phase) - CLOSED_PHASES
TRAJECTORY_PHASES = frozenset(
    {Phase.TRAJECT_BEGIN, Phase.TRAJECT_EVALUATIE, Phase.TRAJECT_AFSLUITING}
)
# The phases in which the case is worked actively; nazorg is monitoring after closing.
WORKING_PHASES = OPEN_PHASES - {Phase.NAZORG}


def round_start(case):
    """When the case last entered first contact: a case reopened on relapse starts a new round,
    and the guards count only what was recorded in it."""
    span = case.phase_spans.filter(phase=Phase.EERSTE_CONTACT).order_by("-started_at").first()
    return span.started_at if span else None


def _this_round(records, case):
    since = round_start(case)
    return records.filter(created_at__gte=since) if since else records


def contact_made(case, values):
    has_contact = (
        _this_round(case.attempts.filter(result="contact"), case).exists()
        or _this_round(case.contacts.exclude(kind="failed"), case).exists()
    )
    if not has_contact:
        return {
            None: _(
                "A contract needs contact with the client first: record an attempt with "
                "'contact made' or log a contact."
            )
        }


def has_agreement(case, values):
    if not _this_round(case.agreements.all(), case).exists():
        return {None: _("A trajectory needs at least one agreement in the contract.")}


def begin_zrm_or_reason(case, values):
    if case.zrm_begin_at is None and not values.get("no_zrm_reason"):
        return {"no_zrm_reason": _("No begin ZRM has been taken: take one, or say why not.")}


def end_zrm_or_reason_for_trajectory(case, values):
    if (
        case.phase in TRAJECTORY_PHASES
        and case.zrm_end_at is None
        and not values.get("no_zrm_reason")
    ):
        return {"no_zrm_reason": _("No end ZRM has been taken: take one, or say why not.")}


def nazorg_until_in_future(case, values):
    until = values.get("nazorg_until")
    if until is not None and until <= values["today"]:
        return {"nazorg_until": _("The end of aftercare must lie in the future.")}


@dataclass(frozen=True)
class Move:
    slug: str
    label: str
    sources: frozenset
    target: Phase
    # Fields the form asks for; those in `required` must be filled in.
    fields: tuple = ()
    required: tuple = ()
    guards: tuple = field(default=())
    closes: bool = False
    reopens: bool = False


MOVES = [
    Move(
        "voorfase",
        _("Register: start the pre-phase"),
        frozenset({Phase.SIGNAAL}),
        Phase.VOORFASE,
        fields=("note",),
    ),
    Move(
        "eerste-contact",
        _("Go to the door: start first contact"),
        frozenset({Phase.VOORFASE}),
        Phase.EERSTE_CONTACT,
        fields=("note",),
    ),
    Move(
        "contract",
        _("Make a contract"),
        frozenset({Phase.EERSTE_CONTACT}),
        Phase.CONTRACT,
        fields=("contract_agreed_on", "note"),
        required=("contract_agreed_on",),
        guards=(contact_made,),
    ),
    Move(
        "traject",
        _("Start the trajectory"),
        frozenset({Phase.CONTRACT}),
        Phase.TRAJECT_BEGIN,
        fields=("note",),
        guards=(has_agreement,),
    ),
    Move(
        "evaluatie",
        _("Move to evaluation"),
        frozenset({Phase.TRAJECT_BEGIN}),
        Phase.TRAJECT_EVALUATIE,
        fields=("no_zrm_reason", "note"),
        guards=(begin_zrm_or_reason,),
    ),
    Move(
        "afsluiting",
        _("Move to closing"),
        frozenset({Phase.TRAJECT_EVALUATIE}),
        Phase.TRAJECT_AFSLUITING,
        fields=("note",),
    ),
    Move(
        "nazorg",
        _("Close and start aftercare"),
        frozenset({Phase.TRAJECT_AFSLUITING}),
        Phase.NAZORG,
        fields=("reason", "nazorg_until", "no_zrm_reason"),
        required=("reason", "nazorg_until"),
        guards=(end_zrm_or_reason_for_trajectory, nazorg_until_in_future),
        closes=True,
    ),
    Move(
        "afsluiten",
        _("Close the case"),
        WORKING_PHASES,
        Phase.AFGESLOTEN,
        fields=("reason", "no_zrm_reason"),
        required=("reason",),
        guards=(end_zrm_or_reason_for_trajectory,),
        closes=True,
    ),
    Move(
        "nazorg-beeindigen",
        _("End aftercare"),
        frozenset({Phase.NAZORG}),
        Phase.AFGESLOTEN,
        fields=("note",),
        closes=True,
    ),
    Move(
        "doorverwijzen",
        _("Refer to another organisation"),
        WORKING_PHASES,
        Phase.DOORVERWEZEN,
        fields=("referred_to", "reason"),
        required=("referred_to", "reason"),
        closes=True,
    ),
    Move(
        "niet-passend",
        _("Not suitable"),
        WORKING_PHASES,
        Phase.NIET_PASSEND,
        fields=("reason",),
        required=("reason",),
        closes=True,
    ),
    Move(
        "client-wil-niet",
        _("Client refuses"),
        WORKING_PHASES,
        Phase.CLIENT_WIL_NIET,
        fields=("reason",),
        required=("reason",),
        closes=True,
    ),
    Move(
        "heropenen",
        _("Reopen on relapse"),
        CLOSED_PHASES | {Phase.NAZORG},
        Phase.EERSTE_CONTACT,
        fields=("reason",),
        required=("reason",),
        reopens=True,
    ),
]
MOVES_BY_SLUG = {move.slug: move for move in MOVES}


def moves_from(phase):
    """The moves allowed from a phase, in the table's order."""
    return [move for move in MOVES if phase in move.sources]


# What can be recorded in which phase; the services refuse anything else and the case page offers
# only these.
ACTIVITY_PHASES = {
    "prephase": frozenset({Phase.SIGNAAL, Phase.VOORFASE}),
    "attempt": frozenset({Phase.EERSTE_CONTACT}),
    "contact": OPEN_PHASES,
    "agreement": frozenset({Phase.EERSTE_CONTACT, Phase.CONTRACT}) | TRAJECTORY_PHASES,
    "plan": frozenset({Phase.CONTRACT}) | TRAJECTORY_PHASES,
}


def allows(phase, activity):
    return phase in ACTIVITY_PHASES[activity]
