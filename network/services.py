"""Every write to a network map: keyword-only, atomic, with acting_user; each writes a timeline
event on the case through cases.services.timeline_record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import services as cases_services
from cases.models import Case, TimelineEvent
from cases.services import check_case_open, check_directory_choice, timeline_record
from network.guide import question, version
from network.measures import as_dict, network_measures
from network.models import InterviewAnswer, NetworkMember, NetworkSnapshot
from network.selectors import is_on_map, recordable_begin, worker_map_name
from network.timeline import (
    begin_recorded_data,
    interview_data,
    member_added_data,
    member_changed_data,
    member_removed_data,
    snapshot_data,
)
from outreach import clock
from outreach.versioning import bump, check_version

Kind = TimelineEvent.Kind


def _record(acting_user, case, data):
    timeline_record(acting_user=acting_user, case=case, kind=Kind.NETWORK, data=data)


def _check_agreements(case, agreements):
    if any(a.case_id != case.pk for a in agreements):
        raise ValidationError({"agreements": _("Choose agreements of this case.")})


def _check_directory(member, case):
    """A pick from the directory names a professional, from the case's team's directory."""
    if (
        member.partner_organisation_id or member.partner_contact_id
    ) and member.relation != NetworkMember.Relation.PROFESSIONAL:
        raise ValidationError(
            {"partner_organisation": _("Choose from the directory only for a professional.")}
        )
    check_directory_choice(
        case.team_id,
        partner=member.partner_organisation,
        contact=member.partner_contact,
        field="partner_organisation",
        contact_field="partner_contact",
    )


@transaction.atomic
def member_add(*, acting_user, case, agreements=(), **fields):
    check_case_open(case)
    _check_agreements(case, agreements)
    member = NetworkMember(case=case, created_at=clock.now(), **fields)
    _check_directory(member, case)
    member.full_clean()
    member.save()
    member.agreements.set(agreements)
    _record(acting_user, case, member_added_data(member))
    return member


@transaction.atomic
def member_update(*, acting_user, member, agreements=None, expected_version=None, **fields):
    """Change a member. A sleeping contact whose contact resumes becomes reactivated. With
    `expected_version`, raises EditConflict if someone saved the member in between."""
    member = NetworkMember.objects.select_for_update().select_related("case").get(pk=member.pk)
    check_version(member, expected_version)
    check_case_open(member.case)
    if member.status == NetworkMember.Status.SLEEPING and fields.get("status") == "active":
        fields["status"] = NetworkMember.Status.REACTIVATED
    changed = [name for name, value in fields.items() if getattr(member, name) != value]
    for name in changed:
        setattr(member, name, fields[name])
    _check_directory(member, member.case)
    member.full_clean()
    if agreements is not None:
        _check_agreements(member.case, agreements)
        if {a.pk for a in agreements} != set(member.agreements.values_list("pk", flat=True)):
            member.agreements.set(agreements)
            changed.append("agreements")
    if changed:
        member.save(update_fields=bump(member, [n for n in changed if n != "agreements"]))
        _record(acting_user, member.case, member_changed_data(member, fields=changed))
    return member


@transaction.atomic
def member_remove(*, acting_user, member):
    case = member.case
    check_case_open(case)
    name = member.name
    member.delete()
    _record(acting_user, case, member_removed_data(name=name))


@transaction.atomic
def interview_save(*, acting_user, case, answers, named=None):
    """Save the interview's answers ({question key: text}); `named` ({question key: [names]})
    adds the people a question names as members, with that question's defaults."""
    check_case_open(case)
    for key in list(answers) + list(named or {}):
        if question(key) is None:
            raise ValidationError({None: _("This question is not in the interview guide.")})
    saved = 0
    # One read of what is there in this guide version; each changed answer is one write.
    guide_version = version()
    current = {
        a.question: a
        for a in InterviewAnswer.objects.filter(case=case, guide_version=guide_version)
    }
    for key, text in answers.items():
        text = (text or "").strip()
        answer = current.get(key)
        if answer is None and text:
            InterviewAnswer.objects.create(
                case=case,
                guide_version=guide_version,
                question=key,
                answer=text,
                answered_by=acting_user,
                updated_at=clock.now(),
            )
            saved += 1
        elif answer is not None and answer.answer != text:
            answer.answer, answer.answered_by = text, acting_user
            answer.updated_at = clock.now()
            answer.save(update_fields=["answer", "answered_by", "updated_at"])
            saved += 1
    added = []
    for key, names in (named or {}).items():
        defaults = question(key).get("adds") or {}
        for name in names:
            name = name.strip()
            if name:
                fields = {"relation": "acquaintance", **defaults, "name": name[:80]}
                added.append(member_add(acting_user=acting_user, case=case, **fields))
    if saved:
        _record(acting_user, case, interview_data(answers=saved))
    return added


EmptyMap = NetworkSnapshot.EmptyMap


def _freeze(acting_user, case, kind, *, label="", empty_map="", replaces=None):
    """A new snapshot of the map as it is now. `empty_map` is what an empty map at the begin
    means; it is required then, and not kept for a map with members or another kind."""
    members = [as_dict(m) for m in case.network_members.order_by("ring", "name", "id")]
    interview = [
        {
            "guide_version": a.guide_version,
            "question": a.question,
            "answer": a.answer,
            "updated_at": a.updated_at.isoformat(),
        }
        for a in case.interview_answers.exclude(answer="").order_by("guide_version", "pk")
    ]
    if members or kind != NetworkSnapshot.Kind.BEGIN:
        empty_map = ""
    elif empty_map not in EmptyMap.values:
        raise ValidationError(
            {
                "empty_map": _(
                    "The network map is empty: say whether the client has no network or the "
                    "network is not mapped yet."
                )
            }
        )
    return NetworkSnapshot.objects.create(
        case=case,
        kind=kind,
        label=label.strip()[:100],
        taken_by=acting_user,
        taken_at=clock.now(),
        members=members,
        measures=network_measures(members).as_json(),
        interview=interview,
        empty_map=empty_map,
        replaces=replaces,
    )


@transaction.atomic
def snapshot_take(*, acting_user, case, kind, label="", empty_map=""):
    """Freeze the map as it is now, with its measures. A begin snapshot of an empty map records
    `empty_map`: "no network" (the client has nobody) or "not mapped yet"."""
    check_case_open(case)
    if kind not in NetworkSnapshot.Kind.values:
        raise ValidationError({"kind": _("Choose begin, end or by hand.")})
    snapshot = _freeze(acting_user, case, kind, label=label, empty_map=empty_map)
    _record(acting_user, case, snapshot_data(snapshot))
    return snapshot


@transaction.atomic
def begin_network_record(*, acting_user, case, empty_map=""):
    """Record the begin network after the begin snapshot was taken with an empty map: a new
    begin snapshot of the map as it is now replaces the current one. The replaced snapshot stays
    as it was, marked replaced by the new one (its time and worker say when and who)."""
    check_case_open(case)
    current = recordable_begin(case)
    if current is not None:
        # Two workers recording at once: the second waits here, then finds the first's record.
        current = NetworkSnapshot.objects.select_for_update().get(pk=current.pk)
        if NetworkSnapshot.objects.filter(replaces=current).exists():
            current = None
    if current is None:
        raise ValidationError({None: _("There is no empty begin snapshot to replace.")})
    if not case.network_members.exists() and (
        empty_map != EmptyMap.NO_NETWORK or current.empty_map == EmptyMap.NO_NETWORK
    ):
        raise ValidationError(
            {
                None: _(
                    "The map is still empty: draw the network as it was at the begin first, or "
                    "record that the client has no network."
                )
            }
        )
    snapshot = _freeze(
        acting_user, case, NetworkSnapshot.Kind.BEGIN, empty_map=empty_map, replaces=current
    )
    _record(acting_user, case, begin_recorded_data(snapshot, replaces=current))
    return snapshot


@transaction.atomic
def volunteer_match(*, acting_user, volunteer_request, volunteer_name, on, expected_version=None):
    """Match a volunteer service request (cases.services.volunteer_request_match) and put the
    volunteer on the map, in one transaction: a new-network member with the relation volunteer,
    linked to the request. The worker adds the support they give when it is known."""
    volunteer_request = cases_services.volunteer_request_match(
        acting_user=acting_user,
        request=volunteer_request,
        volunteer_name=volunteer_name,
        on=on,
        expected_version=expected_version,
    )
    return member_add(
        acting_user=acting_user,
        case=volunteer_request.case,
        name=volunteer_request.volunteer_name,
        relation=NetworkMember.Relation.VOLUNTEER,
        note=_("Volunteer service: %(service)s") % {"service": volunteer_request.service.name},
        volunteer_request=volunteer_request,
    )


@transaction.atomic
def worker_place(*, acting_user, case):
    """Put the worker on the map, marked as the outreach worker: drawn as a professional, left
    out of every count and share. Once per worker and case: the case is locked first, so two
    tabs posting at once put the worker on it once."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_case_open(case)
    if is_on_map(acting_user, case.network_members.filter(outreach_worker=True)):
        raise ValidationError({None: _("You are on this map already.")})
    return member_add(
        acting_user=acting_user,
        case=case,
        name=worker_map_name(acting_user),
        relation=NetworkMember.Relation.PROFESSIONAL,
        outreach_worker=True,
    )
