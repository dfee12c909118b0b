"""Point 6 (rest): lists, search, CSV and PDF exports never hold another team's rows, and
another team's id posted in one's own forms changes nothing. The id-taking form fields are
collected from the forms modules, so a new one fails until it has a case here.
(Every record URL's 404 for another team: tests/outreach/test_record_urls.py.)"""

import importlib
import inspect
import io

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases import services
from cases.models import Case
from network.models import NetworkMember
from network.services import member_add, snapshot_take
from outreach.models import Membership
from outreach.services import membership_set, team_create
from tests.cases.factories import add_agreement, open_case, register_signal
from tests.cases.meeting_data import plan_meeting
from tests.outreach.test_free_text_input import FORM_MODULES, state
from tests.zrm.factories import begin_end_case, close

MARK = "Zzandervreemd"  # the other team's names; must never show for our team
OURS = "Kwartelkoning"  # our team's names, to show the pages do list something
WORKER = "Ottovreemd"


@pytest.fixture
def both(team, other_team, owner, lead, outsider, outsider_lead):
    """Both teams with a case in every phase a list shows, a waiting signal, a network and a
    closed trajectory with begin and end ZRM, under names that give each team away."""
    outsider.first_name = WORKER
    outsider.save(update_fields=["first_name"])
    made = {}
    for key, worker, name in (("ours", owner, OURS), ("theirs", outsider, MARK)):
        team_of = team if key == "ours" else other_team
        case = open_case(acting_user=worker, team=team_of, first_name="Anna", last_name=name)
        register_signal(acting_user=worker, team=team_of, subject_name=f"Piet {name}")
        closed, _begin, _end = begin_end_case(worker, team_of, first_name="Bo", last_name=name)
        close(closed, worker)
        open_zrm, _b, _e = begin_end_case(worker, team_of, first_name="Cas", last_name=name)
        member = member_add(
            acting_user=worker, case=open_zrm, name=f"Buur {name}", relation="neighbour"
        )
        made[key] = {
            "case": case,
            "zrm_case": open_zrm,
            "agreement": add_agreement(acting_user=worker, case=open_zrm),
            "member": member,
            "snapshot": snapshot_take(acting_user=worker, case=open_zrm, kind="manual", label=name),
            "client": case.client,
            "team": team_of,
        }
    return made


def _text(response):
    if response["Content-Type"].startswith("application/pdf"):
        pages = PdfReader(io.BytesIO(response.content)).pages
        return "".join(p.extract_text() for p in pages).replace("\x00", "")
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


def _pages(both):
    ours = both["ours"]
    team = ours["team"].pk
    today = timezone.localdate()
    period = f"start={today.replace(month=1, day=1)}&end={today}"
    return {
        "home": reverse("home"),
        "signal_list": reverse("signal_list"),
        "team_detail": reverse("team_detail", args=[team]),
        "team_detail_by_worker": reverse("team_detail", args=[team]) + "?sorteer=open",
        "team_worker": reverse("team_worker", args=[team, ours["case"].assigned_worker_id]),
        "caseload_csv": reverse("team_export", args=[team, "caseload"]),
        "attention_csv": reverse("team_export", args=[team, "aandacht"]),
        "zrm_team": reverse("zrm_team", args=[team]) + f"?{period}",
        "zrm_team_csv": reverse("zrm_team", args=[team]) + f"?{period}&formaat=csv",
        "network_team": reverse("network_team", args=[team]) + f"?{period}",
        "zrm_report_pdf": reverse("zrm_report", args=[ours["zrm_case"].pk]),
        "network_compare": reverse("network_compare", args=[ours["zrm_case"].pk]),
    }


PAGES = [
    "home",
    "signal_list",
    "team_detail",
    "team_detail_by_worker",
    "team_worker",
    "caseload_csv",
    "attention_csv",
    "zrm_team",
    "zrm_team_csv",
    "network_team",
    "zrm_report_pdf",
    "network_compare",
]


@pytest.mark.parametrize("page", PAGES)
def test_lists_and_exports_hold_only_our_teams_rows(client, both, lead, page):
    client.force_login(lead)
    response = client.get(_pages(both)[page])
    assert response.status_code == 200
    text = _text(response)
    assert MARK not in text and WORKER not in text


@pytest.mark.parametrize("page", ["home", "signal_list", "team_detail", "caseload_csv"])
def test_the_lists_do_show_our_own_rows(client, both, lead, owner, page):
    client.force_login(owner if page == "home" else lead)
    assert (OURS if page != "caseload_csv" else "Lotte") in _text(client.get(_pages(both)[page]))


@pytest.mark.parametrize("query", [MARK, "Anna", "Bo", "Cas", ""])
def test_search_finds_only_our_teams_clients(client, both, owner, query):
    client.force_login(owner)
    response = client.post(reverse("search"), {"name": query, "address": ""})
    assert response.status_code == 200
    # The search box keeps what was typed; the results must not add the other team's client.
    assert MARK not in response.content.decode().replace(f'value="{query}"', "")


def test_the_signals_client_search_finds_only_our_clients(client, both, owner):
    client.force_login(owner)
    signal = register_signal(acting_user=owner, team=both["ours"]["team"])
    url = reverse("signal_client_search", args=[signal.pk])
    html = client.post(url, {"name": "Anna"}).content.decode()
    assert OURS in html and MARK not in html


# Another team's ids in one's own forms -------------------------------------------------------


def _signal_link(ctx, foreign):
    signal = register_signal(acting_user=ctx["owner"], team=ctx["team"])
    data = {"client": ctx["client"].pk, "assigned_worker": ctx["owner"].pk, **foreign}
    return reverse("signal_link", args=[signal.pk]), data


def _signal_new_client(ctx, foreign):
    signal = register_signal(acting_user=ctx["owner"], team=ctx["team"])
    data = {"first_name": "Ria", "last_name": "Dijk", "assigned_worker": ctx["owner"].pk, **foreign}
    return reverse("signal_new_client", args=[signal.pk]), data


def _reassign(ctx, foreign):
    data = {"cases": [ctx["case"].pk], "to_worker": ctx["colleague"].pk, "reason": "x", **foreign}
    return reverse("team_reassign", args=[ctx["team"].pk]), data


def _member(ctx, foreign):
    data = {"name": "Buur", "relation": "neighbour", "ring": "1", "distance": "same_wijk"}
    data |= {"frequency": "weekly", "involvement": "some", "status": "active", **foreign}
    return reverse("network_member_add", args=[ctx["zrm_case"].pk]), data


def _member_edit(ctx, foreign):
    url, data = _member(ctx, foreign)
    return reverse("network_member_edit", args=[ctx["member"].pk]), data


def _professional(ctx, foreign):
    return _member(ctx, {"relation": "professional", **foreign})


def _professional_edit(ctx, foreign):
    return _member_edit(ctx, {"relation": "professional", **foreign})


def _move(ctx, foreign):
    # The lead also leads a third team, so the move page is open to them.
    west = team_create(acting_user=None, name="Outreach West", code="WE")
    membership_set(acting_user=None, team=west, user=ctx["lead"], role=Membership.Role.LEAD)
    data = {"to_team": west.pk, "assigned_worker": ctx["lead"].pk, "reason": "x", **foreign}
    return reverse("case_move", args=[ctx["case"].pk]), data


# (form, field) -> ways to post it: (post builder, the other team's value for the field)
def _their_partner(t):
    """An entry of the other team's directory, with a contact person."""
    membership_set(acting_user=None, team=t["team"], user=t["worker"], role=Membership.Role.LEAD)
    partner = services.partner_create(
        acting_user=t["worker"], team=t["team"], name=f"GGZ {MARK}", kind="ggz"
    )
    services.partner_contact_add(acting_user=t["worker"], partner=partner, name=MARK)
    return partner


def _refer(ours, fields):
    case = ours["case"]
    data = {
        "reason": "Zorg nodig.",
        "referral_consent": "Alles.",
        "handover_on": timezone.localdate().isoformat(),
        **fields,
    }
    if "referral_partner" not in fields:
        data["referred_to"] = "GGZ Noord"
    return reverse("case_transition", args=[case.pk, "doorverwijzen"]), data


def _agenda(ours, fields):
    case = ours["case"]
    return reverse("agenda_item_add", args=[case.pk]), {"question": "Wie pakt het op?", **fields}


def _meeting_record(ours, fields):
    meeting = plan_meeting(acting_user=ours["lead"], team=ours["team"], days=0)
    data = {"held_on": timezone.localdate().isoformat(), "members": [ours["lead"].pk], **fields}
    return reverse("meeting_record", args=[meeting.pk]), data


def _their_volunteer_service(t):
    """A service of the other team's catalogue of volunteer services."""
    membership_set(acting_user=None, team=t["team"], user=t["worker"], role=Membership.Role.LEAD)
    return services.volunteer_service_create(
        acting_user=t["worker"], team=t["team"], name=f"Maatje {MARK}"
    )


def _volunteer_request(ours, fields):
    data = {"requested_on": timezone.localdate().isoformat(), **fields}
    return reverse("volunteer_request_add", args=[ours["case"].pk]), data


def _signal_create(ours, fields):
    data = {"received_on": timezone.localdate().isoformat(), "source": "gp", "urgency": "normal"}
    data |= {"subject_name": "Ria Dijk", "observed": "Zorgen.", **fields}
    return reverse("signal_create"), data


def _contact_add(ours, fields):
    data = {"kind": "partner", "present": "de cliënt", **fields}
    return reverse("contact_add", args=[ours["case"].pk]), data


ID_FIELDS = {
    ("AgendaItemForm", "meeting"): [
        (_agenda, lambda t: plan_meeting(acting_user=t["worker"], team=t["team"]).pk)
    ],
    ("MeetingRecordForm", "members"): [(_meeting_record, lambda t: [t["worker"].pk])],
    ("MeetingRecordForm", "partner_contacts"): [
        (_meeting_record, lambda t: [_their_partner(t).contacts.get().pk])
    ],
    ("SignalForm", "reporter_partner"): [(_signal_create, lambda t: _their_partner(t).pk)],
    ("ContactForm", "partner_organisation"): [(_contact_add, lambda t: _their_partner(t).pk)],
    ("TransitionForm", "referral_partner"): [(_refer, lambda t: _their_partner(t).pk)],
    ("TransitionForm", "referral_contact"): [
        (_refer, lambda t: _their_partner(t).contacts.get().pk)
    ],
    ("ExistingClientForm", "client"): [(_signal_link, lambda t: t["client"].pk)],
    ("ExistingClientForm", "assigned_worker"): [(_signal_link, lambda t: t["worker"].pk)],
    ("AssignForm", "assigned_worker"): [(_signal_new_client, lambda t: t["worker"].pk)],
    ("ReassignForm", "cases"): [(_reassign, lambda t: [t["case"].pk])],
    ("ReassignForm", "to_worker"): [(_reassign, lambda t: t["worker"].pk)],
    ("MemberForm", "agreements"): [(_member, lambda t: [t["agreement"].pk])],
    ("MemberEditForm", "agreements"): [(_member_edit, lambda t: [t["agreement"].pk])],
    **{
        (form, field): [(build, value)]
        for form, build in (("MemberForm", _professional), ("MemberEditForm", _professional_edit))
        for field, value in (
            ("partner_organisation", lambda t: _their_partner(t).pk),
            ("partner_contact", lambda t: _their_partner(t).contacts.get().pk),
        )
    },
    ("MoveTeamForm", "to_team"): [(_move, lambda t: t["team"].pk)],
    ("MoveTeamForm", "assigned_worker"): [(_move, lambda t: t["worker"].pk)],
    ("VolunteerRequestForm", "service"): [
        (_volunteer_request, lambda t: _their_volunteer_service(t).pk)
    ],
}


def id_fields():
    found = set()
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                for field_name, f in cls.base_fields.items():
                    # Ids: model choices, and whatever travels in a hidden input.
                    if isinstance(f, forms.ModelChoiceField) or f.widget.is_hidden:
                        found.add((name, field_name))
    return found


def test_it_covers_every_id_field_of_every_form():
    assert id_fields() == set(ID_FIELDS)


def _everything():
    return (
        state(),
        list(
            Case.objects.order_by("pk").values_list(
                "team_id", "assigned_worker_id", "client_id", "phase"
            )
        ),
        [
            sorted(m.agreements.values_list("pk", flat=True))
            for m in NetworkMember.objects.order_by("pk")
        ],
    )


POSTS = [(key, i) for key, ways in sorted(ID_FIELDS.items()) for i in range(len(ways))]


@pytest.mark.parametrize(("key", "way"), POSTS, ids=[f"{f}.{n}-{i}" for (f, n), i in POSTS])
def test_another_teams_id_in_our_form_changes_nothing(
    client, both, owner, colleague, lead, outsider, key, way
):
    build, value = ID_FIELDS[key][way]
    ours = {**both["ours"], "owner": owner, "colleague": colleague, "lead": lead}
    theirs = {**both["theirs"], "worker": outsider}
    url, data = build(ours, {key[1]: value(theirs)})
    before = _everything()
    client.force_login(lead)
    response = client.post(url, data, follow=True)
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        html = response.content.decode()
        assert "field-error" in html or "message-error" in html
        assert MARK not in html and WORKER not in html
    assert _everything() == before


def test_switching_to_another_teams_id_changes_nothing(client, both, owner):
    client.force_login(owner)
    client.post(reverse("team_switch"), {"team": both["theirs"]["team"].pk})
    assert client.session.get("team_id") != both["theirs"]["team"].pk
    assert MARK not in client.get(reverse("signal_list")).content.decode()


def test_comparing_another_teams_snapshots_shows_only_ours(client, both, owner):
    client.force_login(owner)
    theirs = both["theirs"]["snapshot"].pk
    url = reverse("network_compare", args=[both["ours"]["zrm_case"].pk])
    response = client.get(url, {"a": theirs, "b": theirs})
    assert response.status_code == 200
    assert MARK not in response.content.decode()
