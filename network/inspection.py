"""The network map's sections of a client's inspection file (outreach/inspection.py)."""

from django.utils.translation import gettext as _

from network.drawing import drawing
from network.models import InterviewAnswer, NetworkMember, NetworkSnapshot
from outreach.inspection import Section, of_live_cases, record


def _replaced(snapshot):
    """A begin snapshot that a begin network recorded afterwards replaced says by which, when and
    who (the replacing one names it in its own "replaces" field)."""
    if not snapshot.is_replaced:
        return []
    by = snapshot.replaced_by
    return [(_("replaced by"), f"{by} · {by.taken_by}")]


def sections(client):
    return [
        Section(
            "network_members",
            _("Network members"),
            [
                record(member)
                for member in of_live_cases(NetworkMember.objects, client)
                .select_related("case")
                .prefetch_related("agreements")
                .order_by("case_id", "pk")
            ],
        ),
        Section(
            "network_answers",
            _("Network interview answers"),
            [
                record(answer)
                for answer in of_live_cases(InterviewAnswer.objects, client)
                .select_related("case", "answered_by")
                .order_by("case_id", "question")
            ],
        ),
        Section(
            "network_snapshots",
            _("Network snapshots"),
            [
                record(
                    snapshot,
                    lines=_replaced(snapshot),
                    figure_template="network/_drawing.html",
                    figure=drawing(snapshot.members),
                )
                for snapshot in of_live_cases(NetworkSnapshot.objects, client)
                .select_related("case", "taken_by", "replaces", "replaced_by__taken_by")
                .order_by("taken_at", "pk")
            ],
        ),
    ]
