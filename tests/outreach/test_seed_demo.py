import re
from base64 import b32decode
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from devdata.outreach import DEMO_PASSWORD
from outreach.models import Membership, Team, User


def seed():
    out = StringIO()
    call_command("seed_demo", "--allow-without-debug", stdout=out)
    return out.getvalue()


def test_it_creates_two_teams_with_a_lead_and_three_workers_and_prints_logins(db):
    output = seed()
    assert Team.objects.count() == 2
    for team in Team.objects.all():
        roles = sorted(team.memberships.values_list("role", flat=True))
        assert roles == ["lead", "worker", "worker", "worker"]
    assert "marieke" in output and "outreach-demo-2026" in output
    assert User.objects.get(username="marieke").check_password("outreach-demo-2026")


def test_it_is_idempotent(db):
    seed()
    counts = (Team.objects.count(), User.objects.count(), Membership.objects.count())
    seed()
    assert (Team.objects.count(), User.objects.count(), Membership.objects.count()) == counts


def test_it_refuses_to_run_without_debug(db):
    with pytest.raises(CommandError, match="DEBUG=true"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
    assert not TOTPDevice.objects.exists()


def printed_codes(output, username):
    return re.search(rf"^  {username}\s+backup codes: (.+)$", output, re.M).group(1).split()


def test_it_prints_backup_codes_that_get_each_demo_user_in(db):
    output = seed()
    for username in ("marieke", "beheer"):
        codes = printed_codes(output, username)
        assert len(codes) == 10
        browser = Client()
        browser.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        response = browser.post(reverse("otp_verify"), {"code": codes[0]})
        assert response.status_code == 302
        assert browser.get(reverse("home")).status_code == 200


def test_it_prints_a_totp_key_that_an_authenticator_app_can_use(db):
    output = seed()
    key = re.search(r"^  \s+TOTP key:\s+([A-Z2-7]+)$", output, re.M).group(1)
    device = TOTPDevice.objects.get(user__username="marieke")
    assert b32decode(key) == device.bin_key
    assert device.confirmed


def test_it_prints_a_new_set_each_run_and_the_old_codes_stop_working(db):
    old = printed_codes(seed(), "sanne")
    new = printed_codes(seed(), "sanne")
    assert not set(old) & set(new)
    assert TOTPDevice.objects.filter(user__username="sanne").count() == 1
    browser = Client()
    browser.post(reverse("login"), {"username": "sanne", "password": DEMO_PASSWORD})
    assert browser.post(reverse("otp_verify"), {"code": old[0]}).status_code == 200


def test_it_gives_a_new_lead_network_activation_to_look_at(db):
    """Before any trajectory closes, the open ones show on the team's network page (interim)."""
    from network.selectors import team_network_interim

    seed()
    interim = team_network_interim(Team.objects.get(code="PA"))
    assert interim.with_both >= 2
    assert interim.mean_change_supporters is not None


def test_it_gives_a_worker_planned_visits_for_mijn_week(db):
    """A new worker's "Mijn week" is not empty: a visit planned for yesterday that is not logged
    stands on top as overdue, and the coming working days have visits of their own."""
    from cases.models import Case, PlannedVisit
    from cases.week import week_items
    from outreach import clock

    seed()
    today = clock.today()
    sanne = User.objects.get(username="sanne")
    items = week_items(Case.objects.filter(assigned_worker=sanne), today)
    visits = [item for item in items if item.visit]
    assert visits[0].group(today) == "overdue"
    assert PlannedVisit.objects.filter(planned_on__gte=today).count() >= 5
    assert all(
        v.planned_on.weekday() < 5 for v in PlannedVisit.objects.filter(planned_on__gte=today)
    )


def test_it_gives_team_pa_a_held_intake_meeting_and_a_planned_one_with_an_agenda(db):
    from cases.models import AgendaItem, Agreement, CaseMeeting

    seed()
    held = CaseMeeting.objects.get(team__code="PA", status="held")
    assert held.kind == "intake" and held.members.exists()
    discussed = AgendaItem.objects.filter(meeting=held).order_by("id")
    assert [item.consent for item in discussed] == ["yes", "no"]
    assert Agreement.objects.filter(
        case=discussed[0].case, description__startswith="Aanmelden bij schuldhulp"
    ).exists()
    planned = CaseMeeting.objects.get(team__code="PA", status="planned")
    assert planned.items.count() == 2


def test_it_gives_a_worker_a_case_they_cover_and_an_intern_a_case(db):
    """Kees covers one of Sanne's cases over her holiday, with a lead's grant; Youssef is an
    intern on one of Kees's: both see that case on their home page."""
    from cases.models import CaseCoworker
    from cases.selectors import my_open_cases

    seed()
    kees, youssef = User.objects.get(username="kees"), User.objects.get(username="youssef")
    cover = CaseCoworker.objects.get(role="cover")
    assert cover.user == kees and cover.case.assigned_worker.username == "sanne"
    assert cover.has_access and cover.ends_on is not None
    assert cover.case in list(my_open_cases(kees))
    intern = CaseCoworker.objects.get(role="intern")
    assert intern.user == youssef and intern.ends_on is None
    assert intern.case in list(my_open_cases(youssef))


def test_it_gives_each_team_the_volunteer_catalogue_a_waiting_and_a_matched_request(db):
    from cases.models import VolunteerRequest, VolunteerService
    from cases.services.volunteers import STUDY_CATALOGUE
    from cases.team import volunteer_waits

    seed()
    for team in Team.objects.filter(code__in=["PA", "OM"]):
        assert VolunteerService.objects.filter(team=team).count() == len(STUDY_CATALOGUE)
    matched = VolunteerRequest.objects.get(status="matched")
    assert matched.network_member.relation == "volunteer"
    assert VolunteerRequest.objects.filter(status="waiting").count() == 1
    waits = {w.service: w for w in volunteer_waits(matched.case.team)}
    assert waits["Zorgmaatje"].matched == 1


def test_it_logs_contacts_after_a_closing_without_reopening_the_case(db):
    """Issue 16, point 6: an aftercare contact on a case closed as afgesloten and the check after
    a referral on one closed as doorverwezen, each logged after the case closed (its last open
    phase ended) and within the aftercare period; both cases stay closed."""
    from cases.models import Case, ContactMoment
    from cases.phases import AFTERCARE_CONTACT_DAYS, Phase, referral_check_open
    from outreach import clock

    seed()
    after = {}
    for case in Case.objects.filter(phase__in=[Phase.AFGESLOTEN, Phase.DOORVERWEZEN]):
        closed_at = case.phase_spans.aggregate(at=Max("ended_at"))["at"]
        for contact in ContactMoment.objects.filter(case=case, occurred_at__gt=closed_at):
            after.setdefault(case.phase, []).append(contact)
            closed_for = (contact.occurred_at.date() - case.closed_on).days
            assert 0 < closed_for <= AFTERCARE_CONTACT_DAYS
            assert case.events.filter(kind="contact", occurred_at=contact.occurred_at).exists()
    assert set(after) == {Phase.AFGESLOTEN, Phase.DOORVERWEZEN}
    (check,) = after[Phase.DOORVERWEZEN]
    assert check.occurred_at.date() >= check.case.referral_check_on
    assert check.partner_organisation == check.case.referral_partner
    assert not referral_check_open(check.case)
    # The other referral's check is left to the attention list.
    assert Case.objects.filter(phase=Phase.DOORVERWEZEN).count() == 2
    unchecked = Case.objects.filter(phase=Phase.DOORVERWEZEN).exclude(pk=check.case_id).get()
    assert referral_check_open(unchecked) and unchecked.referral_check_on < clock.today()


def test_it_has_a_handover_a_minimal_contact_and_each_teams_partner_directory(db):
    from cases.models import Case, PartnerContact, PartnerOrganisation
    from cases.phases import Phase

    seed()
    handover = Case.objects.get(phase=Phase.OVERDRACHT)
    assert handover.referral_partner.name == "Pameijer" and handover.handover_on is not None
    minimal = Case.objects.get(phase=Phase.MINIMAAL_CONTACT)
    assert minimal.follow_up_on is not None and minimal.closed_on is None
    for team in Team.objects.filter(code__in=["PA", "OM"]):
        names = set(PartnerOrganisation.objects.filter(team=team).values_list("name", flat=True))
        assert {"BAVO Europoort", "Pameijer", "MEE Rotterdam Rijnmond"} <= names
        assert PartnerContact.objects.filter(partner__team=team).exists()
