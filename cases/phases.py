"""The outreach phases and the moves between them, defined once.

    signaal → voorfase → eerste contact → contract → traject (begin → evaluatie → afsluiting)
      → afgesloten, or → nazorg → afgesloten
    exits from any open phase: niet passend, cliënt wil niet (and afsluiten)
    minimal contact: a client who does not want help (yet) is kept in sight with a planned
      check-in instead of closing; back to eerste contact when they open up, or closed later
    referral: any working phase → overdracht (warm handover) → doorverwezen once the client
      arrived, or back to eerste contact when they did not
    a closed case, or one in nazorg, can be reopened on relapse (terugval)

`MOVES` is the table; cases.services.case_transition is the only code that changes a case's phase
and enforces it. A move names the fields its form asks for, which of them it writes to which field
of the case (`writes`), and the guards that must hold; a guard returns {field: message} for what is
wrong, or nothing. `MOVE_FIELDS` says once what each of those fields is, for the timeline.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
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
    OVERDRACHT = "overdracht", _("handover")
    MINIMAAL_CONTACT = "minimaal_contact", _("minimal contact")
    AFGESLOTEN = "afgesloten", _("closed")
    DOORVERWEZEN = "doorverwezen", _("referred")
    NIET_PASSEND = "niet_passend", _("not suitable")
    CLIENT_WIL_NIET = "client_wil_niet", _("client refuses")


CLOSED_PHASES = frozenset(
    {Phase.AFGESLOTEN, Phase.DOORVERWEZEN, Phase.NIET_PASSEND, Phase.CLIENT_WIL_NIET}
)
OPEN_PHASES = frozenset(Phase) - CLOSED_PHASES
# How a case ended: every phase a case with a closing date (`closed_on`) is in. Nazorg is open
# work but follows a closed trajectory, so it counts as closed on that day. In the order the
# figures list them (cases/team_year.py, cases/referrals.py).
EXIT_PHASES = (
    Phase.AFGESLOTEN,
    Phase.NAZORG,
    Phase.DOORVERWEZEN,
    Phase.NIET_PASSEND,
    Phase.CLIENT_WIL_NIET,
)
TRAJECTORY_PHASES = frozenset(
    {Phase.TRAJECT_BEGIN, Phase.TRAJECT_EVALUATIE, Phase.TRAJECT_AFSLUITING}
)
# The phases in which the case is worked actively; nazorg is monitoring after closing.
WORKING_PHASES = OPEN_PHASES - {Phase.NAZORG}
# A case in overdracht is monitored until the client arrived at the partner; it can still be
# closed, but not referred a second time.
REFERABLE_PHASES = WORKING_PHASES - {Phase.OVERDRACHT}
# The check-in a minimal-contact case gets unless the worker picks another day: monthly.
MINIMAL_CONTACT_CHECKIN_DAYS = 30
# The phases in the order a case walks through them when all goes well.
NORMAL_PATH = (
    Phase.SIGNAAL,
    Phase.VOORFASE,
    Phase.EERSTE_CONTACT,
    Phase.CONTRACT,
    Phase.TRAJECT_BEGIN,
    Phase.TRAJECT_EVALUATIE,
    Phase.TRAJECT_AFSLUITING,
    Phase.NAZORG,
)

# The ZRM measurements the trajectory asks for: one at its begin, one at its end. The zrm app
# records them (cases.services.case_record_zrm) and the network app freezes its map with them.
ZRM_BEGIN = "begin"
ZRM_END = "end"


def round_start(case):
    """When the case last entered first contact: a case reopened on relapse starts a new round,
    and the guards count only what was recorded in it."""
    span = case.phase_spans.filter(phase=Phase.EERSTE_CONTACT).order_by("-started_at").first()
    return span.started_at if span else None


def _this_round(records, case):
    since = round_start(case)
    return records.filter(created_at__gte=since) if since else records


def contact_made(case, values):
    from cases.models import ContactAttempt, ContactMoment  # the models import this table

    attempts = case.attempts.filter(result__in=ContactAttempt.CONTACT_RESULTS)
    contacts = case.contacts.exclude(kind__in=ContactMoment.NOT_CONTACT_KINDS)
    has_contact = _this_round(attempts, case).exists() or _this_round(contacts, case).exists()
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


def partner_or_name(case, values):
    """A referral names its organisation: from the team's directory, or typed for a one-off;
    a contact person is one of that organisation's."""
    partner, contact = values.get("referral_partner"), values.get("referral_contact")
    if partner is None and not values.get("referred_to"):
        return {"referral_partner": _("Choose the organisation, or type its name.")}
    if partner is not None and values.get("referred_to"):
        return {"referred_to": _("Choose from the directory or type a name, not both.")}
    if partner is not None and partner.team_id != case.team_id:
        return {"referral_partner": _("Choose an organisation from your team's directory.")}
    if contact is not None and (partner is None or contact.partner_id != partner.pk):
        return {"referral_contact": _("Choose a contact person of this organisation.")}


def not_in_future(name):
    def guard(case, values):
        day = values.get(name)
        if day is not None and day > values["today"]:
            return {name: _("The date cannot lie in the future.")}

    return guard


def check_after_arrival(case, values):
    check, arrived = values.get("referral_check_on"), values.get("arrival_confirmed_on")
    if check is not None and arrived is not None and check <= arrived:
        return {"referral_check_on": _("The check must lie after the arrival.")}


def checkin_in_future(case, values):
    day = values.get("follow_up_on")
    if day is not None and day <= values["today"]:
        return {"follow_up_on": _("The check-in must lie in the future.")}


def nazorg_until_in_future(case, values):
    until = values.get("nazorg_until")
    if until is not None and until <= values["today"]:
        return {"nazorg_until": _("The end of aftercare must lie in the future.")}


@dataclass(frozen=True)
class MoveField:
    """A field a move's form may ask for, as the timeline shows it."""

    label: str
    is_date: bool = False
    # Longer text a worker typed goes in the event's text, the rest in its facts.
    is_text: bool = False
    # A record picked from a list (the directory): the timeline keeps its name as it was.
    is_record: bool = False


MOVE_FIELDS = {
    "referral_partner": MoveField(_("referred to"), is_record=True),
    "referred_to": MoveField(_("referred to")),
    "referral_contact": MoveField(_("contact person"), is_record=True),
    "handover_on": MoveField(_("warm handover on"), is_date=True),
    "arrival_confirmed_on": MoveField(_("arrived on"), is_date=True),
    "referral_check_on": MoveField(_("check on"), is_date=True),
    "referral_consent": MoveField(_("what the client agreed to"), is_text=True),
    "contract_agreed_on": MoveField(_("contract agreed on"), is_date=True),
    "nazorg_until": MoveField(_("aftercare until"), is_date=True),
    "follow_up_on": MoveField(_("next check-in"), is_date=True),
    "reason": MoveField(_("reason"), is_text=True),
    "no_zrm_reason": MoveField(_("why no ZRM"), is_text=True),
    "note": MoveField(_("note"), is_text=True),
}


@dataclass(frozen=True)
class Move:
    slug: str
    label: str
    sources: frozenset
    target: Phase
    # Fields the form asks for (names in MOVE_FIELDS); those in `required` must be filled in.
    fields: tuple = ()
    required: tuple = ()
    # (form field, case field): a value given for the form field is written to the case.
    writes: tuple = ()
    guards: tuple = field(default=())
    # Case fields emptied by the move.
    clears: tuple = ()
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
        writes=(("contract_agreed_on", "contract_agreed_on"),),
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
        # Only the step out of traject_begin asks about the begin ZRM; closing asks about the end.
        writes=(("no_zrm_reason", "no_zrm_begin_reason"),),
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
        writes=(
            ("reason", "close_reason"),
            ("nazorg_until", "nazorg_until"),
            ("no_zrm_reason", "no_zrm_end_reason"),
        ),
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
        writes=(("reason", "close_reason"), ("no_zrm_reason", "no_zrm_end_reason")),
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
        _("Refer: start the handover"),
        REFERABLE_PHASES,
        Phase.OVERDRACHT,
        fields=(
            "referral_partner",
            "referral_contact",
            "referred_to",
            "reason",
            "referral_consent",
            "handover_on",
        ),
        required=("reason", "referral_consent", "handover_on"),
        writes=(
            ("referral_partner", "referral_partner"),
            ("referral_contact", "referral_contact"),
            # A one-off organisation, not in the directory.
            ("referred_to", "referred_to"),
            ("reason", "referral_reason"),
            ("referral_consent", "referral_consent"),
            ("handover_on", "handover_on"),
        ),
        guards=(partner_or_name,),
        # A new referral starts afresh: nothing of an earlier one stays.
        clears=(
            "referral_partner",
            "referral_contact",
            "referred_to",
            "arrival_confirmed_on",
            "referral_check_on",
        ),
    ),
    Move(
        "aangekomen",
        _("Client arrived: close as referred"),
        frozenset({Phase.OVERDRACHT}),
        Phase.DOORVERWEZEN,
        fields=("arrival_confirmed_on", "referral_check_on", "note"),
        required=("arrival_confirmed_on", "referral_check_on"),
        writes=(
            ("arrival_confirmed_on", "arrival_confirmed_on"),
            ("referral_check_on", "referral_check_on"),
        ),
        guards=(not_in_future("arrival_confirmed_on"), check_after_arrival),
        closes=True,
    ),
    Move(
        "niet-aangekomen",
        _("Client did not arrive: take up contact again"),
        frozenset({Phase.OVERDRACHT}),
        Phase.EERSTE_CONTACT,
        fields=("reason",),
        required=("reason",),
    ),
    Move(
        "niet-passend",
        _("Not suitable"),
        WORKING_PHASES,
        Phase.NIET_PASSEND,
        fields=("reason",),
        required=("reason",),
        writes=(("reason", "close_reason"),),
        closes=True,
    ),
    Move(
        "minimaal-contact",
        _("Client does not want help (yet): keep minimal contact"),
        REFERABLE_PHASES - {Phase.MINIMAAL_CONTACT},
        Phase.MINIMAAL_CONTACT,
        fields=("reason", "follow_up_on"),
        required=("reason", "follow_up_on"),
        # The check-in is the case's follow-up: the home page and the attention list show it.
        writes=(("follow_up_on", "follow_up_on"),),
        guards=(checkin_in_future,),
    ),
    Move(
        "contact-hervat",
        _("Client is open to help again: resume first contact"),
        frozenset({Phase.MINIMAAL_CONTACT}),
        Phase.EERSTE_CONTACT,
        fields=("note",),
    ),
    Move(
        "client-wil-niet",
        _("Client refuses"),
        WORKING_PHASES,
        Phase.CLIENT_WIL_NIET,
        fields=("reason",),
        required=("reason",),
        writes=(("reason", "close_reason"),),
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
    # In minimal contact every attempt keeps counting.
    "attempt": frozenset({Phase.EERSTE_CONTACT, Phase.MINIMAAL_CONTACT}),
    "contact": OPEN_PHASES,
    "agreement": frozenset({Phase.EERSTE_CONTACT, Phase.CONTRACT}) | TRAJECTORY_PHASES,
    "plan": frozenset({Phase.CONTRACT}) | TRAJECTORY_PHASES,
}


# After an ordinary closing (or a referral, for its check) contacts in the aftercare period are
# recorded without reopening the case: for this many days after it closed.
AFTERCARE_CONTACT_DAYS = 182
AFTERCARE_CONTACT_PHASES = frozenset({Phase.AFGESLOTEN, Phase.DOORVERWEZEN})


def allows(phase, activity):
    return phase in ACTIVITY_PHASES[activity]


def referral_check_open(case):
    """Whether the check after a referral is still to be recorded: a case closed as doorverwezen
    with a check date and no contact on or after it (the attention list's referral_check_due,
    cases.attention, from that date on)."""
    return (
        case.phase == Phase.DOORVERWEZEN
        and case.referral_check_on is not None
        and (
            case.last_contact_at is None
            or timezone.localdate(case.last_contact_at) < case.referral_check_on
        )
    )


def allows_on(case, activity, today):
    """Whether `activity` may be recorded on this case today: by its phase, and a contact also in
    the aftercare period after an ordinary closing, or after a referral until its check is
    recorded (the check may lie after the aftercare period)."""
    if allows(case.phase, activity):
        return True
    return activity == "contact" and (
        (
            case.phase in AFTERCARE_CONTACT_PHASES
            and case.closed_on is not None
            and (today - case.closed_on).days <= AFTERCARE_CONTACT_DAYS
        )
        or referral_check_open(case)
    )
