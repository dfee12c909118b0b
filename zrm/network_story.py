"""The ZRM and the network map telling one story: the "Sociaal netwerk" domain next to the
map's measures, and a note where they disagree. zrm reads network's selectors; network never
imports zrm."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from network.drawing import drawing
from network.measures import activation
from network.models import NetworkSnapshot
from network.selectors import begin_and_end, snapshot_measures

SOCIAL_NETWORK = "social_network"


def asks_about_empty_map(assessment):
    """Finalising this draft freezes an empty map as the begin network, so the worker says what
    the empty map means (zrm.services.assessment_finalise's `empty_map`)."""
    return (
        assessment.kind == NetworkSnapshot.Kind.BEGIN
        and assessment.corrects_id is None
        and not assessment.case.network_members.exists()
    )


def disagreement(level, measures):
    """Why a Sociaal netwerk score and the map's measures tell different stories, or None."""
    if level is None or measures is None:
        return None
    if level >= 4 and measures.informal_supporters == 0:
        return _(
            "The ZRM scores the social network %(level)s, but the map shows no informal supporter."
        ) % {"level": level}
    if level == 1 and measures.informal_supporters >= 2:
        return _(
            "The ZRM scores the social network 1, but the map shows %(n)s informal supporters."
        ) % {"n": measures.informal_supporters}
    return None


@dataclass
class NetworkStory:
    begin: object = None
    end: object = None
    rows: list = field(default_factory=list)
    appeared: list = field(default_factory=list)
    resolved: list = field(default_factory=list)
    begin_drawing: dict = None
    end_drawing: dict = None
    notes: list = field(default_factory=list)
    begin_not_mapped: bool = False


def network_story(case, comparison):
    """The current begin and the end snapshot of the case's network beside the ZRM comparison.
    A begin snapshot of a map not yet drawn is compared with nothing: no change, no drawing and
    no disagreement with the begin score."""
    begin, end = begin_and_end(case)
    story = NetworkStory(begin=begin, end=end)
    if begin is None and end is None:
        return story
    if begin is not None and begin.begin_not_mapped:
        story.begin_not_mapped = True
        begin = None
    before = snapshot_measures(begin) if begin else None
    after = snapshot_measures(end) if end else None
    if before and after:
        story.rows, story.appeared, story.resolved = activation(before, after)
    story.begin_drawing = drawing(begin.members) if begin else None
    story.end_drawing = drawing(end.members) if end else None
    row = next((r for r in comparison.rows if r.domain.key == SOCIAL_NETWORK), None)
    if row is not None:
        for level, measures in ((row.first, before), (row.second, after)):
            note = disagreement(level, measures)
            if note:
                story.notes.append(note)
    return story
