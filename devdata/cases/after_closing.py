"""Demo contacts after a case closed, recorded without reopening it (cases.phases.allows_on):
Kees phones Joop Hendriks four weeks after his case closed as *afgesloten*, in the aftercare
period; and Jeroen records the check after Jordy Kok's referral to MEE on its check date, a
contact with the directory's MEE. (Glenn Sedney's check, in team PA, is left undone: the
attention list flags it.)"""

from datetime import timedelta

from cases import services as s
from cases.phases import Phase

AFTERCARE_AFTER_DAYS = 28
AFTERCARE = (
    "Nazorg: even gebeld. Het gaat redelijk; hij eet weer twee keer per week bij de buurvrouw "
    "en gaat op zondag naar de kerk."
)
CHECK = (
    "Check na de verwijzing: met de cliëntondersteuner van MEE gebeld. Meneer Kok krijgt elke "
    "week hulp bij de financiën en de kinderen gaan weer elke dag naar school; van ons is niets "
    "meer nodig."
)


def _weekday_on_or_after(day):
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _closed_case(ctx, client, phase):
    client = ctx.known.get(client)
    if client is None:
        return None
    return client.cases.filter(phase=phase).select_related("assigned_worker").first()


def _log_on(ctx, moment_of, case, day, **contact):
    """A contact by the case's worker on `day` (a weekday, not after today)."""
    days_ago = (ctx.today - day).days
    if days_ago < 0:
        return
    ctx.clock.moment = moment_of(days_ago)
    s.contact_log(
        acting_user=case.assigned_worker,
        case=case,
        occurred_at=ctx.clock.moment,
        duration_minutes=15,
        **contact,
    )


def seed(ctx, moment_of):
    closed = _closed_case(ctx, "hendriks", Phase.AFGESLOTEN)
    if closed is not None:
        day = _weekday_on_or_after(closed.closed_on + timedelta(days=AFTERCARE_AFTER_DAYS))
        _log_on(
            ctx, moment_of, closed, day, kind="phone", activities=["listening"], notes=AFTERCARE
        )
    referred = _closed_case(ctx, "kok", Phase.DOORVERWEZEN)
    if referred is not None and referred.referral_check_on is not None:
        _log_on(
            ctx,
            moment_of,
            referred,
            _weekday_on_or_after(referred.referral_check_on),
            kind="partner",
            partner_organisation=referred.referral_partner,
            present="Nadia El Idrissi",
            notes=CHECK,
        )
    ctx.clock.moment = None
