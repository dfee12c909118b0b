"""Point 14: every free-text field of every form takes `<script>`, attribute-breaking quotes,
emoji, right-to-left text; stores it exactly and every page (list, detail, timeline) and the ZRM
PDF show it escaped. Over-long input and null bytes get a Dutch message and save nothing.

The forms and their fields are collected from the apps' forms modules, so a new form or a new
free-text field fails `test_it_covers_every_free_text_field_of_every_form` until it has a
scenario here."""

import importlib
import inspect
import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from cases import services
from cases.models import (
    AgendaItem,
    Agreement,
    Case,
    CaseMeeting,
    Client,
    ContactAttempt,
    ContactMoment,
    HouseholdMember,
    NotePhrase,
    PartnerContact,
    PartnerOrganisation,
    PlannedVisit,
    PriorInformation,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TimelineEvent,
    VolunteerRequest,
    VolunteerService,
)
from cases.phases import Phase
from network.models import InterviewAnswer, NetworkMember, NetworkSnapshot
from network.services import member_add
from outreach.models import Membership
from outreach.services import membership_set, team_create
from tests.cases.factories import case_in_phase, open_case, register_signal
from tests.cases.meeting_data import held_meeting, plan_meeting
from tests.conflicts import as_opened
from tests.network.factories import MEMBER_FORM
from tests.zrm.factories import draft_assessment, finalised_assessment
from zrm.models import ZrmAssessment, ZrmScore
from zrm.report import report_pdf

FORM_MODULES = [
    "cases.forms",
    "cases.forms.meetings",
    "cases.forms.phrases",
    "cases.forms.volunteers",
    "network.forms",
    "zrm.forms",
]
APPS = ["outreach", "cases", "network", "zrm"]

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = "\"'><img src=x onerror=alert(1)>"
EMOJI = "😀👍"
RTL = "مرحبا שלום \u202etxt.exe"
NASTY = f"{SCRIPT} {ATTRIBUTE} {EMOJI} {RTL}"
# For fields too short for all of it: a tag of its own, quotes, an emoji, Hebrew, RTL override.
SHORT = "<x-n>\"'😀ש\u202e"
RAW = ("<script>alert(1)", "<img src=x onerror", "<x-n>")

# Fields whose format is checked: nasty input is refused with a Dutch message instead of stored.
FORMATTED = {
    ("SignalForm", "subject_postcode"),
    ("ClientForm", "postcode"),
    ("ClientEditForm", "postcode"),
    *((form, "email") for form in ("PartnerForm", "PartnerEditForm")),
    *((form, "email") for form in ("PartnerContactForm", "PartnerContactEditForm")),
}
# Not stored and shown only in its own form: the search form (tested below on its own).
NOT_STORED = {"ClientSearchForm"}


def nasty_for(max_length):
    return NASTY if max_length is None or max_length >= len(NASTY) else SHORT[:max_length]


@dataclass
class Post:
    """One form's post: where to, the valid rest of the form, how to read the field back, and
    the pages that show what was saved (a function: some pages exist only after the save)."""

    url: str
    data: dict
    read: object  # () -> the stored value of the field under test, or None
    pages: object  # () -> URLs
    user: object
    key: str = ""  # the field's name in the post, when it is not the form field's own
    follow: bool = False  # the view redirects and shows its errors as messages


def _today():
    return timezone.localdate().isoformat()


def _latest(model, **filters):
    return model.objects.filter(**filters).order_by("-pk").first()


def _value(model, name, **filters):
    return lambda: getattr(_latest(model, **filters), name, None)


def _event(case, kind, key):
    def read():
        event = _latest(TimelineEvent, case=case, kind=kind)
        return event.data.get(key) if event else None

    return read


def _on_case(case, *more):
    return lambda: [reverse("case_detail", args=[case.pk]), *more]


def signal_form(ctx, name):
    data = {
        "received_on": _today(),
        "source": "housing",
        "reporter_name": "Piet",
        "subject_name": "Ria",
        "subject_postcode": "3035kb",
        "observed": "Stank uit de brievenbus.",
        "urgency": "high",
    }
    return Post(
        reverse("signal_create"),
        data,
        _value(Signal, name),
        lambda: [reverse("signal_list"), _latest(Signal).get_absolute_url()],
        ctx.owner,
    )


def signal_decline_form(ctx, name):
    signal = register_signal(acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("signal_decline", args=[signal.pk]),
        {"reason": "other"},
        _value(Signal, "decline_note", pk=signal.pk),
        lambda: [signal.get_absolute_url()],
        ctx.owner,
    )


def signal_feedback_form(ctx, name):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    signal = case.signals.get()
    return Post(
        reverse("signal_feedback", args=[signal.pk]),
        {"given_on": _today(), "client_consented": "yes"},
        _value(SignalFeedback, name),
        _on_case(case, signal.get_absolute_url()),
        ctx.owner,
    )


def client_form(ctx, name):
    signal = register_signal(acting_user=ctx.owner, team=ctx.team)
    data = {
        "first_name": "Ria",
        "last_name": "van Dijk",
        "postcode": "3066 KB",
        "assigned_worker": ctx.owner.pk,
    }
    return Post(
        reverse("signal_new_client", args=[signal.pk]),
        data,
        _value(Client, name),
        lambda: [reverse("home"), _latest(Client).get_absolute_url()],
        ctx.owner,
    )


def client_edit_form(ctx, name):
    person = open_case(acting_user=ctx.owner, team=ctx.team).client
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "postcode": person.postcode,
        "household-TOTAL_FORMS": "0",
        "household-INITIAL_FORMS": "0",
        "household-MIN_NUM_FORMS": "0",
        "household-MAX_NUM_FORMS": "20",
    }
    return Post(
        reverse("client_edit", args=[person.pk]),
        as_opened(person, data),
        _value(Client, name, pk=person.pk),
        lambda: [reverse("home"), person.get_absolute_url()],
        ctx.owner,
    )


def household_member_form(ctx, name):
    """The client edit form with one household row, the field under test in that row."""
    post = client_edit_form(ctx, name)
    post.data |= {"household-TOTAL_FORMS": "1", "household-0-relation": "child"}
    post.read = _value(HouseholdMember, name, client=_latest(Client))
    post.key = f"household-0-{name}"
    return post


def delete_form(ctx, name):
    # A deleted case is gone from every page but the admin's, where the reason is read.
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    type(ctx.lead).objects.filter(pk=ctx.lead.pk).update(is_staff=True, is_superuser=True)
    return Post(
        reverse("case_delete", args=[case.pk]),
        {},
        lambda: Case.all_objects.get(pk=case.pk).deletion_reason or None,
        lambda: [reverse("admin:cases_case_change", args=[case.pk])],
        ctx.lead,
    )


def move_team_form(ctx, name):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    elsewhere = team_create(acting_user=None, name="Outreach West", code="WE")
    membership_set(acting_user=None, team=elsewhere, user=ctx.lead, role=Membership.Role.LEAD)
    return Post(
        reverse("case_move", args=[case.pk]),
        {"to_team": elsewhere.pk, "assigned_worker": ctx.lead.pk},
        _event(case, "assignment", "reason"),
        _on_case(case),
        ctx.lead,
    )


REFERRAL = {"reason": "Zorg nodig.", "referral_consent": "Alles.", "handover_on": _today()}
# Each field of the transition form belongs to some moves; these cover all of them.
TRANSITIONS = {
    "note": (Phase.SIGNAAL, "voorfase", {}),
    "reason": (Phase.VOORFASE, "niet-passend", {}),
    "referred_to": (Phase.VOORFASE, "doorverwijzen", REFERRAL),
    "referral_consent": (
        Phase.VOORFASE,
        "doorverwijzen",
        {**REFERRAL, "referred_to": "GGZ Noord"},
    ),
    "no_zrm_reason": (Phase.TRAJECT_AFSLUITING, "afsluiten", {"reason": "Doelen bereikt."}),
}


def transition_form(ctx, name):
    phase, move, data = TRANSITIONS[name]
    case = case_in_phase(phase, acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("case_transition", args=[case.pk, move]),
        dict(data),
        _event(case, "phase", name),
        _on_case(case),
        ctx.owner,
    )


PARTNER = {"name": "GGZ Delfland", "kind": "ggz", "phone": "010", "active": "on"}


def _partner_pages(ctx):
    def pages():
        partner = _latest(PartnerOrganisation, team=ctx.team)
        return [reverse("partner_list"), reverse("partner_detail", args=[partner.pk])]

    return pages


def partner_form(ctx, name):
    return Post(
        reverse("partner_create"),
        dict(PARTNER),
        _value(PartnerOrganisation, name, team=ctx.team),
        _partner_pages(ctx),
        ctx.lead,
    )


def partner_edit_form(ctx, name):
    partner = services.partner_create(acting_user=ctx.lead, team=ctx.team, name="MEE", kind="mee")
    return Post(
        reverse("partner_edit", args=[partner.pk]),
        {**PARTNER, "expected_version": partner.version},
        lambda: getattr(PartnerOrganisation.objects.get(pk=partner.pk), name),
        _partner_pages(ctx),
        ctx.lead,
    )


def partner_contact_form(ctx, name):
    partner = services.partner_create(acting_user=ctx.lead, team=ctx.team, name="MEE", kind="mee")
    return Post(
        reverse("partner_contact_add", args=[partner.pk]),
        {"name": "Petra", "role": "begeleider"},
        _value(PartnerContact, name, partner=partner),
        _partner_pages(ctx),
        ctx.lead,
    )


def partner_contact_edit_form(ctx, name):
    partner = services.partner_create(acting_user=ctx.lead, team=ctx.team, name="MEE", kind="mee")
    contact = services.partner_contact_add(acting_user=ctx.lead, partner=partner, name="Wim")
    return Post(
        reverse("partner_contact_edit", args=[contact.pk]),
        {"name": "Petra", "role": "begeleider", "active": "on"},
        lambda: getattr(PartnerContact.objects.get(pk=contact.pk), name),
        _partner_pages(ctx),
        ctx.lead,
    )


def _phrase_pages(ctx):
    return lambda: [reverse("team_phrases", args=[ctx.team.pk])]


def note_phrase_form(ctx, name):
    return Post(
        reverse("team_phrase_add", args=[ctx.team.pk]),
        {},
        _value(NotePhrase, name, team=ctx.team),
        _phrase_pages(ctx),
        ctx.lead,
    )


def _volunteer_service_pages(ctx):
    def pages():
        service = _latest(VolunteerService, team=ctx.team)
        return [
            reverse("volunteer_service_list"),
            reverse("volunteer_service_detail", args=[service.pk]),
        ]

    return pages


def volunteer_service_form(ctx, name):
    return Post(
        reverse("volunteer_service_create"),
        {"name": "Zorgmaatje", "description": "Samen activiteiten ondernemen"},
        _value(VolunteerService, name, team=ctx.team),
        _volunteer_service_pages(ctx),
        ctx.lead,
    )


def note_phrase_edit_form(ctx, name):
    phrase = services.note_phrase_add(acting_user=ctx.lead, team=ctx.team, text="Niet thuis.")
    return Post(
        reverse("team_phrase_edit", args=[phrase.pk]),
        {"active": "on", "expected_version": phrase.version},
        lambda: getattr(NotePhrase.objects.get(pk=phrase.pk), name),
        _phrase_pages(ctx),
        ctx.lead,
    )


def volunteer_service_edit_form(ctx, name):
    service = services.volunteer_service_create(
        acting_user=ctx.lead, team=ctx.team, name="Postwijzer"
    )
    return Post(
        reverse("volunteer_service_edit", args=[service.pk]),
        {"name": "Postwijzer", "description": "Post", "active": "on", "expected_version": 1},
        lambda: getattr(VolunteerService.objects.get(pk=service.pk), name),
        _volunteer_service_pages(ctx),
        ctx.lead,
    )


def _volunteer_request(ctx):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    service = services.volunteer_service_create(
        acting_user=ctx.lead, team=ctx.team, name="Zorgmaatje"
    )
    request = services.volunteer_request_add(
        acting_user=ctx.owner, case=case, service=service, requested_on=timezone.localdate()
    )
    return case, request


def volunteer_status_form(ctx, name):
    case, request = _volunteer_request(ctx)
    return Post(
        reverse("volunteer_request_status", args=[request.pk]),
        {"status": "stopped", "on": _today(), "expected_version": request.version},
        lambda: VolunteerRequest.objects.get(pk=request.pk).stop_reason or None,
        _on_case(case, reverse("case_volunteers", args=[case.pk])),
        ctx.owner,
    )


def volunteer_match_form(ctx, name):
    case, request = _volunteer_request(ctx)
    return Post(
        reverse("network_volunteer_match", args=[request.pk]),
        {"on": _today(), "expected_version": request.version},
        lambda: VolunteerRequest.objects.get(pk=request.pk).volunteer_name or None,
        _on_case(
            case,
            reverse("case_volunteers", args=[case.pk]),
            reverse("network_case", args=[case.pk]),
        ),
        ctx.owner,
    )


def case_form(url_name, phase, model=None, **data):
    """A form on a case in `phase`: the field is read back from the case, or from the newest
    `model` row of the case."""

    def build(ctx, name):
        case = case_in_phase(phase, acting_user=ctx.owner, team=ctx.team)

        def read():
            if model is None:
                return getattr(Case.objects.get(pk=case.pk), name)
            return getattr(_latest(model, case=case), name, None)

        # A form that edits the case itself is versioned; one that adds a row is not.
        post = as_opened(case, data) if model is None else dict(data)
        return Post(reverse(url_name, args=[case.pk]), post, read, _on_case(case), ctx.owner)

    return build


def agenda_item_form(ctx, name):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=ctx.owner, team=ctx.team)
    meeting = plan_meeting(acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("agenda_item_add", args=[case.pk]),
        {"meeting": meeting.pk},
        _value(AgendaItem, name, case=case),
        _on_case(case, meeting.get_absolute_url()),
        ctx.owner,
    )


def meeting_record_form(ctx, name):
    meeting = plan_meeting(acting_user=ctx.owner, team=ctx.team, days=0)
    return Post(
        reverse("meeting_record", args=[meeting.pk]),
        {"held_on": _today(), "members": [ctx.owner.pk]},
        lambda: getattr(CaseMeeting.objects.get(pk=meeting.pk), name) or None,
        lambda: [meeting.get_absolute_url()],
        ctx.owner,
    )


def case_discussion_form(ctx, name):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    meeting, (item,) = held_meeting(acting_user=ctx.owner, team=ctx.team, cases=[case])
    data = {"consent": "partly", "consent_detail": "Alleen de schulden."}
    if name == "decision_1":
        data["decision_1_responsible"] = "worker"
        read = _value(Agreement, "description", case=case)
    else:
        read = lambda: getattr(AgendaItem.objects.get(pk=item.pk), name) or None  # noqa: E731
    return Post(
        reverse("case_discussion", args=[item.pk]),
        data,
        read,
        _on_case(case, meeting.get_absolute_url()),
        ctx.owner,
    )


def correction_form(ctx, name):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    event = case.events.order_by("pk").first()
    return Post(
        reverse("event_correct", args=[event.pk]),
        {},
        _event(case, "correction", "text"),
        _on_case(case),
        ctx.owner,
    )


def reassign_form(ctx, name):
    case = open_case(acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("team_reassign", args=[ctx.team.pk]),
        {"cases": [case.pk], "to_worker": ctx.colleague.pk},
        _event(case, "assignment", "reason"),
        _on_case(case),
        ctx.lead,
        follow=True,
    )


def member_form(ctx, name):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("network_member_add", args=[case.pk]),
        dict(MEMBER_FORM),
        _value(NetworkMember, name, case=case),
        lambda: [
            reverse("case_detail", args=[case.pk]),
            reverse("network_case", args=[case.pk]),
            reverse("network_member_edit", args=[_latest(NetworkMember, case=case).pk]),
        ],
        ctx.owner,
    )


def member_edit_form(ctx, name):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    member = member_add(acting_user=ctx.owner, case=case, name="Fatima", relation="neighbour")
    return Post(
        reverse("network_member_edit", args=[member.pk]),
        as_opened(member, MEMBER_FORM),
        _value(NetworkMember, name, pk=member.pk),
        lambda: [
            reverse("network_case", args=[case.pk]),
            reverse("network_member_edit", args=[member.pk]),
        ],
        ctx.owner,
    )


def snapshot_form(ctx, name):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    return Post(
        reverse("network_snapshot", args=[case.pk]),
        {},
        _value(NetworkSnapshot, "label", case=case),
        lambda: [reverse("network_case", args=[case.pk])],
        ctx.owner,
        follow=True,
    )


INTERVIEW_QUESTION = "family_in_wijk"  # a question that also adds the people it names


def interview_form(ctx, name):
    case = case_in_phase(Phase.CONTRACT, acting_user=ctx.owner, team=ctx.team)
    if name == "add":
        read = _value(NetworkMember, "name", case=case)
    else:
        read = _value(InterviewAnswer, "answer", case=case, question=INTERVIEW_QUESTION)
    return Post(
        reverse("network_interview", args=[case.pk]),
        {},
        read,
        _on_case(
            case,
            reverse("network_case", args=[case.pk]),
            reverse("network_interview", args=[case.pk]),
        ),
        ctx.owner,
        key=f"{name}_{INTERVIEW_QUESTION}",
    )


def scores_form(ctx, name):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=ctx.owner, team=ctx.team)
    assessment = draft_assessment(case, ctx.owner)
    score = assessment.scores.first()
    level = "na" if name == "reason" else "3"
    stored = "not_assessed_reason" if name == "reason" else "note"
    return Post(
        reverse("zrm_assessment", args=[assessment.pk]),
        as_opened(
            assessment,
            {f"level_{score.domain_id}": level, f"reason_{score.domain_id}": "Niet besproken."},
        ),
        _value(ZrmScore, stored, pk=score.pk),
        lambda: [reverse("zrm_assessment", args=[assessment.pk])],
        ctx.owner,
        key=f"{name}_{score.domain_id}",
    )


def zrm_correction_form(ctx, name):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=ctx.owner, team=ctx.team)
    assessment = finalised_assessment(case, ctx.owner)
    return Post(
        reverse("zrm_correct", args=[assessment.pk]),
        {},
        _value(ZrmAssessment, "correction_reason", corrects=assessment),
        lambda: [
            reverse("zrm_assessment", args=[_latest(ZrmAssessment, corrects=assessment).pk]),
            reverse("zrm_case", args=[case.pk]),
        ],
        ctx.owner,
    )


# (form module, form class) -> the scenario that posts it. Forms whose fields are made per
# instance (interview questions, ZRM domains) name the field's prefix.
SCENARIOS = {
    ("cases.forms", "SignalForm"): signal_form,
    ("cases.forms", "SignalDeclineForm"): signal_decline_form,
    ("cases.forms", "SignalFeedbackForm"): signal_feedback_form,
    ("cases.forms", "ClientForm"): client_form,
    ("cases.forms", "ClientEditForm"): client_edit_form,
    ("cases.forms", "DeleteForm"): delete_form,
    ("cases.forms", "MoveTeamForm"): move_team_form,
    ("cases.forms", "HouseholdMemberForm"): household_member_form,
    ("cases.forms", "TransitionForm"): transition_form,
    ("cases.forms", "PrephaseForm"): case_form(
        "prephase_edit", Phase.VOORFASE, prior_info_decision="yes", prior_info_reason="Zorgen."
    ),
    ("cases.forms", "PriorInformationForm"): case_form(
        "prior_information_add",
        Phase.VOORFASE,
        PriorInformation,
        gathered_on=str(timezone.localdate() - timedelta(days=1)),
        source="Woonstad",
        content="Huurachterstand.",
    ),
    ("cases.forms", "SensitiveDetailForm"): case_form(
        "sensitive_detail_add",
        Phase.CONTRACT,
        SensitiveDetail,
        kind="justice",
        recorded_on=str(timezone.localdate()),
        content="x",
    ),
    ("cases.forms", "AttemptForm"): case_form(
        "attempt_add",
        Phase.EERSTE_CONTACT,
        ContactAttempt,
        attempted_at=timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        method="door",
        result="contact",
    ),
    ("cases.forms", "ContactForm"): case_form(
        "contact_add",
        Phase.CONTRACT,
        ContactMoment,
        kind="home_visit",
        occurred_at=timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    ),
    ("cases.forms", "AgreementForm"): case_form(
        "agreement_add", Phase.CONTRACT, Agreement, description="Post openen.", responsible="client"
    ),
    ("cases.forms", "PlannedVisitForm"): case_form(
        "visit_plan",
        Phase.CONTRACT,
        PlannedVisit,
        kind="home_visit",
        planned_on=timezone.localdate().isoformat(),
    ),
    ("cases.forms", "PlanForm"): case_form("plan_edit", Phase.CONTRACT, trajectory_plan="Plan."),
    ("cases.forms", "CorrectionForm"): correction_form,
    ("cases.forms", "ReassignForm"): reassign_form,
    ("cases.forms", "PartnerForm"): partner_form,
    ("cases.forms", "PartnerEditForm"): partner_edit_form,
    ("cases.forms", "PartnerContactForm"): partner_contact_form,
    ("cases.forms", "PartnerContactEditForm"): partner_contact_edit_form,
    ("cases.forms.meetings", "AgendaItemForm"): agenda_item_form,
    ("cases.forms.meetings", "MeetingRecordForm"): meeting_record_form,
    ("cases.forms.meetings", "CaseDiscussionForm"): case_discussion_form,
    ("cases.forms.phrases", "NotePhraseForm"): note_phrase_form,
    ("cases.forms.phrases", "NotePhraseEditForm"): note_phrase_edit_form,
    ("cases.forms.volunteers", "VolunteerServiceForm"): volunteer_service_form,
    ("cases.forms.volunteers", "VolunteerServiceEditForm"): volunteer_service_edit_form,
    ("cases.forms.volunteers", "VolunteerStatusForm"): volunteer_status_form,
    ("cases.forms.volunteers", "VolunteerMatchForm"): volunteer_match_form,
    ("network.forms", "MemberForm"): member_form,
    ("network.forms", "MemberEditForm"): member_edit_form,
    ("network.forms", "SnapshotForm"): snapshot_form,
    ("network.forms", "InterviewForm"): interview_form,
    ("zrm.forms", "ScoresForm"): scores_form,
    ("zrm.forms", "CorrectionForm"): zrm_correction_form,
}
# Fields made per instance: (module, form) -> {field prefix: max_length}.
DYNAMIC = {
    # The decisions' rows are made per form; the first stands for all three.
    ("cases.forms.meetings", "CaseDiscussionForm"): {
        "consent_detail": 500,
        "conclusions": 4000,
        "decision_1": 2000,
    },
    ("network.forms", "InterviewForm"): {"answer": 4000, "add": 400},
    ("zrm.forms", "ScoresForm"): {"reason": 300, "note": 2000},
}


def free_text_fields(form_class):
    return {
        name: f.max_length
        for name, f in form_class.base_fields.items()
        if isinstance(f, forms.CharField)
    }


def all_forms():
    found = {}
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                found[(module_name, name)] = cls
    return found


def cases_to_post():
    """(form, field name, max_length) for every free-text field of every form we post."""
    found = []
    for key, cls in sorted(all_forms().items()):
        if key[1] in NOT_STORED:
            continue
        fields = DYNAMIC.get(key) or free_text_fields(cls)
        found += [(key, name, max_length) for name, max_length in sorted(fields.items())]
    return found


FIELDS = cases_to_post()
IDS = [f"{form}.{name}" for (_m, form), name, _l in FIELDS]


def test_it_covers_every_free_text_field_of_every_form():
    with_text = {key for key, name, _l in FIELDS}
    assert with_text - set(SCENARIOS) == set(), "give these forms a scenario in SCENARIOS"
    for key, name, max_length in FIELDS:
        assert max_length, f"{key[1]}.{name} has no max_length"


def test_every_free_text_model_field_has_a_max_length():
    # Reference data loaded by migrations, never typed by a user.
    reference = {"zrm.zrmdescriptor"}
    missing = [
        f"{model._meta.label_lower}.{f.name}"
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label_lower not in reference
        for f in model._meta.get_fields()
        if isinstance(f, models.CharField | models.TextField)
        and f.editable
        and not f.choices
        and f.max_length is None
    ]
    assert missing == []


@pytest.fixture
def ctx(team, owner, colleague, lead):
    return type("Ctx", (), {"team": team, "owner": owner, "colleague": colleague, "lead": lead})


def state():
    """Row counts of every model that holds what users type (the access log aside)."""
    return {
        model._meta.label_lower: model.objects.count()
        for app in ("cases", "network", "zrm")
        for model in apps.get_app_config(app).get_models()
    }


def submit(client, post, name, value):
    client.force_login(post.user)
    data = {**post.data, post.key or name: value}
    return client.post(post.url, data, follow=post.follow)


@pytest.mark.parametrize(("form", "name", "max_length"), FIELDS, ids=IDS)
def test_it_stores_nasty_text_exactly_and_shows_it_escaped(client, ctx, form, name, max_length):
    post = SCENARIOS[form](ctx, name)
    if (form[1], name) in FORMATTED:
        before = state()
        html = submit(client, post, name, SHORT[:max_length]).content.decode()
        assert "field-error" in html and state() == before
        return
    value = nasty_for(max_length)
    response = submit(client, post, name, value)
    assert response.status_code in (200, 302)
    assert post.read() == value, response.content.decode()[:3000]
    html = "".join(client.get(url).content.decode() for url in post.pages())
    for raw in RAW:
        assert raw not in html
    assert escape(value) in html


@pytest.mark.parametrize(("form", "name", "max_length"), FIELDS, ids=IDS)
def test_it_refuses_over_long_text_with_a_dutch_message(client, ctx, form, name, max_length):
    post = SCENARIOS[form](ctx, name)
    before = state(), post.read()
    html = submit(client, post, name, "x" * 10_000 + "é").content.decode()
    assert f"niet meer dan {max_length} tekens" in html
    assert "het zijn er nu 10001" in html
    assert (state(), post.read()) == before


@pytest.mark.parametrize(("form", "name", "max_length"), FIELDS, ids=IDS)
def test_it_refuses_a_null_byte_with_a_dutch_message(client, ctx, form, name, max_length):
    post = SCENARIOS[form](ctx, name)
    before = state(), post.read()
    html = submit(client, post, name, "voor\x00na").content.decode()
    assert "Null-tekens zijn niet toegestaan." in html
    assert (state(), post.read()) == before


@pytest.mark.parametrize("value", [NASTY, "x" * 10_000, "voor\x00na"])
def test_the_search_form_takes_anything(client, owner, value):
    client.force_login(owner)
    response = client.post(reverse("search"), {"name": value, "address": value})
    html = response.content.decode()
    assert response.status_code == 200
    for raw in RAW:
        assert raw not in html


def test_the_zrm_pdf_prints_nasty_text_as_text(owner, team):
    case = case_in_phase(
        Phase.TRAJECT_BEGIN, acting_user=owner, team=team, first_name=NASTY[:100], last_name="Ria"
    )
    finalised_assessment(case, owner, notes={"finances": NASTY})
    pages = PdfReader(io.BytesIO(report_pdf(case))).pages
    # Some fonts come out of pypdf as UTF-16 with its zero bytes; the letters are what count.
    text = "".join(page.extract_text() for page in pages).replace("\x00", "")
    assert SCRIPT in text
    assert "onerror=alert(1)" in text


def test_the_interview_refuses_a_name_too_long_for_the_map(client, ctx):
    post = interview_form(ctx, "add")
    before = state()
    html = submit(client, post, "add", "Fatima, " + "x" * 81).content.decode()
    assert "Een naam mag maximaal 80 tekens lang zijn (deze heeft er 81)." in html
    assert state() == before
