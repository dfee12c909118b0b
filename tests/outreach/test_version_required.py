"""Every versioned form (outreach.forms.VersionedForm) requires the version it was opened with: a
post without it changes nothing and says, in Dutch, that the form is out of date, with what was
typed kept on the page. A new versioned form fails the first test until it has a scenario."""

from dataclasses import dataclass

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import (
    Agreement,
    Case,
    Client,
    NotePhrase,
    PartnerOrganisation,
    VolunteerRequest,
    VolunteerService,
)
from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from outreach.forms import VersionedForm
from outreach.models import Membership
from outreach.services import membership_set
from tests.cases.factories import add_agreement, case_in_phase, open_case, snapshot
from tests.network.factories import MEMBER_FORM
from zrm import services as zrm_services
from zrm.models import ZrmAssessment, ZrmScore

OUT_OF_DATE = "Dit formulier is verouderd"
TYPED = "Net getypt, nog niet bewaard."
HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Post:
    url: str
    data: dict
    # The record's stored state, version included, for before/after.
    state: object
    case: Case


def _state(model, pk, *fields):
    return model_to_dict(model._base_manager.get(pk=pk), fields=[*fields, "version"])


def client_edit(owner, team):
    case = open_case(acting_user=owner, team=team)
    person = case.client
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "postcode": person.postcode,
        "household_notes": TYPED,
        "household-TOTAL_FORMS": "0",
        "household-INITIAL_FORMS": "0",
        "household-MIN_NUM_FORMS": "0",
        "household-MAX_NUM_FORMS": "20",
    }
    return Post(
        reverse("client_edit", args=[person.pk]),
        data,
        lambda: _state(Client, person.pk, "household_notes"),
        case,
    )


def prephase_edit(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    data = {"prior_info_decision": "no", "suitability_analysis": TYPED}
    return Post(
        reverse("prephase_edit", args=[case.pk]),
        data,
        lambda: _state(Case, case.pk, "suitability_analysis"),
        case,
    )


def plan_edit(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    return Post(
        reverse("plan_edit", args=[case.pk]),
        {"trajectory_plan": TYPED},
        lambda: _state(Case, case.pk, "trajectory_plan"),
        case,
    )


def agreement_status(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    agreement = add_agreement(acting_user=owner, case=case)
    return Post(
        reverse("agreement_status", args=[agreement.pk]),
        {"status": "done"},
        lambda: _state(Agreement, agreement.pk, "status"),
        case,
    )


def member_edit(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    member = member_add(acting_user=owner, case=case, name="Fatima", relation="neighbour")
    data = {**MEMBER_FORM, "note": TYPED}
    return Post(
        reverse("network_member_edit", args=[member.pk]),
        data,
        lambda: _state(NetworkMember, member.pk, "note"),
        case,
    )


def assessment(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    draft = zrm_services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )
    score = draft.scores.first()

    def state():
        stored = ZrmScore.objects.get(pk=score.pk)
        return _state(ZrmAssessment, draft.pk, "status"), stored.level, stored.note

    data = {f"level_{score.domain_id}": "4", f"note_{score.domain_id}": TYPED}
    return Post(reverse("zrm_assessment", args=[draft.pk]), data, state, case)


def partner_edit(owner, team):
    # Leads edit the directory: the owner is one here.
    membership_set(acting_user=None, team=team, user=owner, role=Membership.Role.LEAD)
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    partner = services.partner_create(acting_user=owner, team=team, name="MEE", kind="mee")
    return Post(
        reverse("partner_edit", args=[partner.pk]),
        {"name": "MEE", "kind": "mee", "notes": TYPED, "active": "on"},
        lambda: _state(PartnerOrganisation, partner.pk, "notes"),
        case,
    )


def _as_lead(owner, team):
    # Leads edit the team's snelteksten and catalogue: the owner is one here.
    membership_set(acting_user=None, team=team, user=owner, role=Membership.Role.LEAD)


def note_phrase_edit(owner, team):
    _as_lead(owner, team)
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    phrase = services.note_phrase_add(acting_user=owner, team=team, text="Niet thuis.")
    return Post(
        reverse("team_phrase_edit", args=[phrase.pk]),
        {"text": TYPED, "active": "on"},
        lambda: _state(NotePhrase, phrase.pk, "text"),
        case,
    )


def volunteer_service_edit(owner, team):
    _as_lead(owner, team)
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    service = services.volunteer_service_create(acting_user=owner, team=team, name="Postwijzer")
    return Post(
        reverse("volunteer_service_edit", args=[service.pk]),
        {"name": "Postwijzer", "description": TYPED, "active": "on"},
        lambda: _state(VolunteerService, service.pk, "description"),
        case,
    )


def _volunteer_request(owner, team):
    _as_lead(owner, team)
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    service = services.volunteer_service_create(acting_user=owner, team=team, name="Zorgmaatje")
    request = services.volunteer_request_add(
        acting_user=owner, case=case, service=service, requested_on=timezone.localdate()
    )
    return case, request


def volunteer_status(owner, team):
    case, request = _volunteer_request(owner, team)
    return Post(
        reverse("volunteer_request_status", args=[request.pk]),
        {"status": "stopped", "on": timezone.localdate().isoformat(), "reason": TYPED},
        lambda: _state(VolunteerRequest, request.pk, "status", "stop_reason"),
        case,
    )


def volunteer_match(owner, team):
    case, request = _volunteer_request(owner, team)
    return Post(
        reverse("network_volunteer_match", args=[request.pk]),
        {"volunteer_name": TYPED, "on": timezone.localdate().isoformat()},
        lambda: _state(VolunteerRequest, request.pk, "status", "volunteer_name"),
        case,
    )


# (form module, form class) -> the scenario that posts it.
SCENARIOS = {
    ("cases.forms", "PartnerEditForm"): partner_edit,
    ("cases.forms", "ClientEditForm"): client_edit,
    ("cases.forms", "PrephaseForm"): prephase_edit,
    ("cases.forms", "PlanForm"): plan_edit,
    ("cases.forms", "AgreementStatusForm"): agreement_status,
    ("network.forms", "MemberEditForm"): member_edit,
    ("zrm.forms", "ScoresForm"): assessment,
    ("cases.forms.phrases", "NotePhraseEditForm"): note_phrase_edit,
    ("cases.forms.volunteers", "VolunteerServiceEditForm"): volunteer_service_edit,
    ("cases.forms.volunteers", "VolunteerStatusForm"): volunteer_status,
    ("cases.forms.volunteers", "VolunteerMatchForm"): volunteer_match,
}
# The forms whose page shows what was typed (the agreement toggle has nothing typed: it shows the
# stored status to choose again from).
TYPED_FORMS = [key for key in SCENARIOS if key[1] != "AgreementStatusForm"]


def _versioned_forms():
    found, todo = set(), list(VersionedForm.__subclasses__())
    while todo:
        form = todo.pop()
        found.add((form.__module__, form.__name__))
        todo.extend(form.__subclasses__())
    return found


def test_it_covers_every_versioned_form():
    import cases.forms  # noqa: F401
    import cases.forms.meetings  # noqa: F401
    import cases.forms.phrases  # noqa: F401
    import cases.forms.volunteers  # noqa: F401
    import network.forms  # noqa: F401
    import zrm.forms  # noqa: F401

    assert _versioned_forms() == set(SCENARIOS)


@pytest.mark.parametrize("form", TYPED_FORMS, ids=lambda key: key[1])
def test_it_refuses_a_post_without_its_version_and_keeps_what_was_typed(client, owner, team, form):
    post = SCENARIOS[form](owner, team)
    before = post.state(), snapshot(post.case)
    client.force_login(owner)

    for version in ({}, {"expected_version": ""}, {"expected_version": "oud"}):
        response = client.post(post.url, {**post.data, **version})

        html = response.content.decode()
        assert response.status_code == 200
        assert OUT_OF_DATE in html and "Open het formulier opnieuw" in html
        assert TYPED in html
        assert (post.state(), snapshot(post.case)) == before


@pytest.mark.parametrize("form", list(SCENARIOS), ids=lambda key: key[1])
def test_it_answers_an_htmx_post_without_its_version_in_place(client, owner, team, form):
    post = SCENARIOS[form](owner, team)
    before = post.state(), snapshot(post.case)
    client.force_login(owner)

    response = client.post(post.url, post.data, **HTMX)

    html = response.content.decode()
    assert "verouderd" in html
    if form in (("cases.forms", "AgreementStatusForm"), ("zrm.forms", "ScoresForm")):
        # The two htmx paths: the agreement toggle and the ZRM autosave swap a 422 in place.
        assert response.status_code == 422 and "<html" not in html
    assert (post.state(), snapshot(post.case)) == before


def test_it_tells_the_agreement_toggle_the_stored_status_to_choose_from(client, owner, team):
    post = agreement_status(owner, team)
    client.force_login(owner)

    response = client.post(post.url, post.data, follow=True)

    html = response.content.decode()
    assert "Deze pagina is verouderd, dus je keuze is niet opgeslagen" in html
    assert post.state()["status"] == "open"
