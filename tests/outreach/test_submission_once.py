"""Every form that creates a record saves it once (outreach/submissions.py): the same form posted
twice (Back and save again, a refresh after the POST, a double tap) makes one row, and the
second post is answered with what was saved and "Dit was al opgeslagen."."""

import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Case, CaseMeeting, ContactMoment, Signal
from cases.phases import Phase
from outreach.models import FormSubmission
from outreach.services import retention_purge
from outreach.submissions import FORM_SUBMISSION_KEEP_DAYS
from tests.cases.factories import case_in_phase, open_case, register_signal
from tests.cases.meeting_data import held_meeting, plan_meeting
from tests.conftest import VerifiedClient
from tests.network.factories import MEMBER_FORM
from tests.threads import needs_postgres, run_together
from tests.zrm.factories import finalised_assessment

NOTICE = "Dit was al opgeslagen."
TOKEN = re.compile(r'<input type="hidden" name="submission" value="([0-9a-f-]{36})">')


@dataclass
class Form:
    """Where a create form is shown, where it posts, a valid post, and who fills it in."""

    page: str
    url: str
    data: dict
    user: object


def _now():
    return timezone.localtime().strftime("%Y-%m-%dT%H:%M")


def _today():
    return str(timezone.localdate())


def on_case(url_name, phase, **data):
    def build(ctx):
        case = case_in_phase(phase, acting_user=ctx.owner, team=ctx.team)
        url = reverse(url_name, args=[case.pk])
        return Form(url, url, data, ctx.owner)

    return build


def signal(ctx):
    url = reverse("signal_create")
    data = {
        "received_on": _today(),
        "source": "housing",
        "reporter_name": "Piet",
        "subject_name": "Ria",
        "observed": "Stank uit de brievenbus.",
        "urgency": "high",
    }
    return Form(url, url, data, ctx.owner)


def new_client(ctx):
    waiting = register_signal(acting_user=ctx.owner, team=ctx.team)
    url = reverse("signal_new_client", args=[waiting.pk])
    data = {"first_name": "Ria", "last_name": "van Dijk", "assigned_worker": ctx.owner.pk}
    return Form(url, url, data, ctx.owner)


def signal_link(ctx):
    known = open_case(acting_user=ctx.owner, team=ctx.team, last_name="Bekend").client
    case_services.case_transition(
        acting_user=ctx.owner, case=known.cases.get(), move="afsluiten", reason="Klaar."
    )
    waiting = register_signal(acting_user=ctx.owner, team=ctx.team)
    data = {"client": known.pk, "assigned_worker": ctx.owner.pk}
    return Form(
        waiting.get_absolute_url(), reverse("signal_link", args=[waiting.pk]), data, ctx.owner
    )


def feedback(ctx):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    url = reverse("signal_feedback", args=[case.signals.get().pk])
    return Form(
        url,
        url,
        {"given_on": _today(), "shared": "We gaan langs.", "client_consented": "yes"},
        ctx.owner,
    )


def decline(ctx):
    waiting = register_signal(acting_user=ctx.owner, team=ctx.team)
    url = reverse("signal_decline", args=[waiting.pk])
    return Form(url, url, {"reason": "other", "note": "Elders bekend."}, ctx.owner)


def phase_move(ctx):
    case = case_in_phase(Phase.SIGNAAL, acting_user=ctx.owner, team=ctx.team)
    url = reverse("case_transition", args=[case.pk, "voorfase"])
    return Form(url, url, {"note": "We gaan kijken."}, ctx.owner)


def correction(ctx):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    url = reverse("event_correct", args=[case.events.order_by("pk").first().pk])
    return Form(url, url, {"text": "Het was dinsdag."}, ctx.owner)


def reassignment(ctx):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    page = reverse("team_worker", args=[ctx.team.pk, ctx.owner.pk])
    data = {"cases": [case.pk], "to_worker": ctx.colleague.pk, "reason": "Verlof.", "next": page}
    return Form(page, reverse("team_reassign", args=[ctx.team.pk]), data, ctx.lead)


def network_form(url_name, **data):
    def build(ctx):
        case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
        page = reverse("network_case", args=[case.pk])
        return Form(page, reverse(url_name, args=[case.pk]), data, ctx.owner)

    return build


def interview(ctx):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    url = reverse("network_interview", args=[case.pk])
    data = {"answer_family_in_wijk": "Een zus om de hoek.", "add_family_in_wijk": "Samira"}
    return Form(url, url, data, ctx.owner)


def zrm_start(ctx):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=ctx.owner, team=ctx.team)
    page = f"{reverse('zrm_case', args=[case.pk])}?formulier=meting"
    data = {"kind": "begin", "assessed_on": _today()}
    return Form(page, reverse("zrm_start", args=[case.pk]), data, ctx.owner)


def zrm_correction(ctx):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=ctx.owner, team=ctx.team)
    url = reverse("zrm_correct", args=[finalised_assessment(case, ctx.owner).pk])
    return Form(url, url, {"reason": "Verkeerde datum."}, ctx.owner)


def as_lead(url_name, *, team_arg=False, **data):
    """A form of the team's own (a meeting, the directory, the catalogue, the snelteksten)."""

    def build(ctx):
        url = reverse(url_name, args=[ctx.team.pk] if team_arg else [])
        return Form(url, url, data, ctx.lead)

    return build


def partner_contact(ctx):
    partner = case_services.partner_create(
        acting_user=ctx.lead, team=ctx.team, name="MEE", kind="mee"
    )
    url = reverse("partner_contact_add", args=[partner.pk])
    return Form(url, url, {"name": "Els de Boer", "role": "consulent"}, ctx.lead)


def coworker(ctx):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    url = reverse("coworker_add", args=[case.pk])
    data = {"user": ctx.colleague.pk, "role": "intern", "starts_on": _today()}
    return Form(url, url, data, ctx.owner)


def _volunteer_request(ctx):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    service = case_services.volunteer_service_create(
        acting_user=ctx.lead, team=ctx.team, name="Zorgmaatje"
    )
    return case, service


def volunteer_request(ctx):
    case, service = _volunteer_request(ctx)
    page = reverse("case_volunteers", args=[case.pk])
    url = reverse("volunteer_request_add", args=[case.pk])
    return Form(page, url, {"service": service.pk, "requested_on": _today()}, ctx.owner)


def volunteer_match(ctx):
    case, service = _volunteer_request(ctx)
    request = case_services.volunteer_request_add(
        acting_user=ctx.owner, case=case, service=service, requested_on=timezone.localdate()
    )
    url = reverse("network_volunteer_match", args=[request.pk])
    data = {"volunteer_name": "Joke", "on": _today(), "expected_version": request.version}
    return Form(url, url, data, ctx.owner)


def meeting_record(ctx):
    meeting = plan_meeting(acting_user=ctx.lead, team=ctx.team, days=0)
    url = reverse("meeting_record", args=[meeting.pk])
    return Form(url, url, {"held_on": _today(), "members": [ctx.lead.pk]}, ctx.lead)


def case_discussion(ctx):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    meeting, (item,) = held_meeting(acting_user=ctx.lead, team=ctx.team, cases=[case])
    url = reverse("case_discussion", args=[item.pk])
    data = {
        "consent": "yes",
        "conclusions": "Schuldhulp inschakelen.",
        "decision_1": "Aanmelden bij de schuldhulp",
        "decision_1_responsible": "worker",
    }
    return Form(url, url, data, ctx.lead)


FORMS = {
    "signal": signal,
    "client": new_client,
    "signal_link": signal_link,
    "contact": on_case(
        "contact_add", Phase.CONTRACT, kind="phone", occurred_at=_now(), summary="Gebeld."
    ),
    "attempt": on_case(
        "attempt_add", Phase.EERSTE_CONTACT, attempted_at=_now(), method="door", result="contact"
    ),
    "agreement": on_case(
        "agreement_add", Phase.CONTRACT, description="Post openen.", responsible="client"
    ),
    "prior_information": on_case(
        "prior_information_add",
        Phase.VOORFASE,
        gathered_on=str(timezone.localdate() - timedelta(days=1)),
        source="Woonstad",
        content="Huurachterstand.",
    ),
    "sensitive_detail": on_case(
        "sensitive_detail_add", Phase.CONTRACT, kind="justice", recorded_on=_today(), content="x"
    ),
    "feedback": feedback,
    "decline": decline,
    "phase_move": phase_move,
    "correction": correction,
    "reassignment": reassignment,
    "network_member": network_form("network_member_add", **MEMBER_FORM),
    "snapshot": network_form("network_snapshot", label="Tussenstand"),
    "interview": interview,
    "zrm_start": zrm_start,
    "zrm_correction": zrm_correction,
    "agenda_item": on_case("agenda_item_add", Phase.CONTRACT, question="Wie pakt het op?"),
    "coworker": coworker,
    "volunteer_request": volunteer_request,
    "volunteer_match": volunteer_match,
    "worker_place": network_form("network_worker_place"),
    "meeting_plan": as_lead("meeting_plan", kind="intake", planned_on=_today()),
    "meeting_record": meeting_record,
    "case_discussion": case_discussion,
    "note_phrase": as_lead("team_phrase_add", team_arg=True, text="Post samen doorgenomen."),
    "volunteer_service": as_lead("volunteer_service_create", name="Postwijzer"),
    "partner": as_lead("partner_create", name="Pameijer", kind="ggz"),
    "partner_contact": partner_contact,
}


@pytest.fixture
def ctx(team, owner, colleague, lead):
    return type("Ctx", (), {"team": team, "owner": owner, "colleague": colleague, "lead": lead})


def state():
    """Row counts of every model that holds what users record, and every case and signal as
    stored (a phase move, a decline or a meeting recorded changes a row rather than adding one)."""
    counts = {
        model._meta.label_lower: model.objects.count()
        for app in ("cases", "network", "zrm")
        for model in apps.get_app_config(app).get_models()
    }
    rows = [list(model.objects.order_by("pk").values()) for model in (Case, Signal, CaseMeeting)]
    return counts, rows


def token_on(html, action=None):
    """The token of the form that posts to `action` (the only record form when None)."""
    start = html.index(f'action="{action}"') if action and f'action="{action}"' in html else 0
    return TOKEN.search(html, start).group(1)


def shown(response):
    return response.content.decode()


@pytest.mark.parametrize("name", FORMS)
def test_it_saves_a_form_posted_twice_once_and_says_so(client, ctx, name):
    form = FORMS[name](ctx)
    client.force_login(form.user)
    token = token_on(shown(client.get(form.page)), form.url)
    data = {**form.data, "submission": token}
    before = state()

    first = client.post(form.url, data)
    assert first.status_code == 302, shown(first)[:3000]
    saved = state()
    assert saved != before
    second = client.post(form.url, data, follow=True)

    assert state() == saved
    assert second.redirect_chain[0][0] == first["Location"]
    assert NOTICE in shown(second)


def test_it_answers_htmx_with_a_redirect_to_what_was_saved(client, ctx):
    form = FORMS["network_member"](ctx)
    client.force_login(form.user)
    data = {**form.data, "submission": token_on(shown(client.get(form.page)), form.url)}
    client.post(form.url, data, headers={"HX-Request": "true"})
    saved = state()

    again = client.post(form.url, data, headers={"HX-Request": "true"})

    assert state() == saved
    assert again["HX-Redirect"] == form.page
    assert NOTICE in shown(client.get(form.page))


def test_it_gives_each_form_on_a_page_a_token_of_its_own(client, ctx):
    form = FORMS["snapshot"](ctx)
    client.force_login(form.user)
    # The network tab with its add-a-person form open (network.views.case_network).
    html = shown(client.get(f"{form.page}?formulier=persoon"))
    case_id = Case.objects.get().pk
    member_token = token_on(html, reverse("network_member_add", args=[case_id]))
    # Three forms: add a person, the snapshot, and the worker putting themselves on the map.
    assert len(set(TOKEN.findall(html))) == 3
    assert token_on(html, form.url) != member_token


def test_it_saves_a_post_without_a_token_every_time(client, ctx):
    """A page opened before the tokens existed, or a script: nothing to recognise it by."""
    form = FORMS["contact"](ctx)
    client.force_login(form.user)
    client.post(form.url, form.data)
    client.post(form.url, form.data)
    assert ContactMoment.objects.count() == 2


def test_it_keeps_the_token_of_a_form_that_was_refused_usable(client, ctx):
    form = FORMS["contact"](ctx)
    client.force_login(form.user)
    token = token_on(shown(client.get(form.page)))
    refused = client.post(form.url, {**form.data, "kind": "", "submission": token})
    assert refused.status_code == 200 and "field-error" in shown(refused)

    saved = client.post(form.url, {**form.data, "submission": token})
    again = client.post(form.url, {**form.data, "submission": token}, follow=True)

    assert saved.status_code == 302
    assert ContactMoment.objects.count() == 1
    assert NOTICE in shown(again)


def test_it_keeps_tokens_apart_per_user(client, ctx):
    """Someone else's token is not theirs: it neither blocks their save nor shows them where
    the other person's record is."""
    form = FORMS["contact"](ctx)
    client.force_login(form.user)
    token = token_on(shown(client.get(form.page)))
    client.post(form.url, {**form.data, "submission": token})
    other = VerifiedClient()
    other.force_login(ctx.colleague)
    response = other.post(form.url, {**form.data, "submission": token}, follow=True)
    assert ContactMoment.objects.count() == 2
    assert NOTICE not in shown(response)


def test_it_forgets_tokens_after_a_week_in_purge_expired(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    url = case.get_absolute_url()
    FormSubmission.objects.create(
        user=owner,
        token="00000000-0000-4000-8000-000000000001",
        saved_url=url,
        created_at=timezone.now() - timedelta(days=FORM_SUBMISSION_KEEP_DAYS + 1),
    )
    recent = FormSubmission.objects.create(
        user=owner, token="00000000-0000-4000-8000-000000000002", saved_url=url
    )
    retention_purge(acting_user=None)
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_it_saves_two_posts_at_the_same_moment_once(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    url = reverse("contact_add", args=[case.pk])
    data = {"kind": "phone", "occurred_at": _now(), "submission": str(uuid.uuid4())}
    phones = [VerifiedClient(), VerifiedClient()]
    for phone in phones:
        phone.force_login(owner)

    results, errors = run_together(*(lambda p=p: p.post(url, data) for p in phones))

    assert errors == []
    assert ContactMoment.objects.filter(case=case).count() == 1
    assert [r.status_code for r in results] == [302, 302]
    assert {r["Location"] for r in results} == {case.get_absolute_url()}
    assert FormSubmission.objects.get().saved_url == case.get_absolute_url()


@pytest.mark.parametrize(
    ("url_name", "phase"),
    [("prephase_edit", Phase.VOORFASE), ("plan_edit", Phase.CONTRACT), ("team_policy", None)],
)
def test_it_draws_forms_that_edit_a_record_without_a_token(client, ctx, url_name, phase):
    """An edit form's version already refuses a second post of the same form; a token would
    turn a change made after Back into "already saved" and drop it."""
    if phase is None:
        user, url = ctx.lead, reverse(url_name, args=[ctx.team.pk])
    else:
        case = case_in_phase(phase, acting_user=ctx.owner, team=ctx.team)
        user, url = ctx.owner, reverse(url_name, args=[case.pk])
    client.force_login(user)
    assert 'name="submission"' not in shown(client.get(url))
