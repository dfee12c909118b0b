"""The ZRM and the network map telling one story: the "Sociaal netwerk" domain next to the
map's measures, and a note where they disagree. zrm reads network's selectors; network never
imports zrm."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from network.drawing import drawing
from network.measures import SUPPORT_KINDS, activation, informal_supporters_of, new_network
from network.models import NetworkSnapshot
from network.selectors import begin_and_end, snapshot_measures

SOCIAL_NETWORK = "social_network"
# The domains whose split the map speaks to, by domain key, with the wijkecogram's kinds of
# support that carry them informally (docs/network-measures.md). The app's own reading: a
# version whose file uses these keys gets the same comparison.
DOMAIN_SUPPORT = {
    SOCIAL_NETWORK: SUPPORT_KINDS,
    "finances": ["material"],
    "adl": ["practical"],
    "mental_health": ["emotional"],
    "daytime_activities": ["company"],
}
# A network share from this percentage up says the network carries much of the level.
NETWORK_CARRIES = 50


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


def split_disagreement(domain, split, supporters):
    """Why a domain's split and the map's informal supporters for it tell different stories, or
    None: the rules of the Sociaal netwerk score, applied to the network's share."""
    if split is None or supporters is None:
        return None
    network = split[1]
    if network >= NETWORK_CARRIES and supporters == 0:
        return _(
            "The split gives the network %(share)s%% of %(domain)s, but the map shows no informal "
            "supporter for it."
        ) % {"share": network, "domain": domain.name}
    if network == 0 and supporters >= 2:
        return _(
            "The split gives the network no part in %(domain)s, but the map shows %(n)s informal "
            "supporters for it."
        ) % {"domain": domain.name, "n": supporters}
    return None


@dataclass
class SplitRow:
    """A domain's split at the begin and the end (own, network, help in percent, or None), and
    for the domains the map speaks to, its informal supporters then."""

    domain: object
    first: tuple | None
    second: tuple | None
    kinds: list | None = None
    map_first: int | None = None
    map_second: int | None = None

    @staticmethod
    def _shown(split):
        return " / ".join(str(part) for part in split) if split else "—"

    @property
    def first_shown(self):
        return self._shown(self.first)

    @property
    def second_shown(self):
        return self._shown(self.second)


def split_rows(comparison, before_members=None, after_members=None):
    """The SplitRows of the domains with a split at the begin or the end. Members are a
    snapshot's, or None when there is no snapshot to compare with."""
    rows = []
    for row in comparison.rows:
        if not row.has_split:
            continue
        kinds = DOMAIN_SUPPORT.get(row.domain.key)
        split = SplitRow(
            row.domain,
            row.first_score.split if row.first_score else None,
            row.second_score.split if row.second_score else None,
            kinds,
        )
        if kinds is not None:
            if before_members is not None:
                split.map_first = informal_supporters_of(before_members, kinds)
            if after_members is not None:
                split.map_second = informal_supporters_of(after_members, kinds)
        rows.append(split)
    return rows


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
    splits: list = field(default_factory=list)


def network_story(case, comparison):
    """The current begin and the end snapshot of the case's network beside the ZRM comparison.
    A begin snapshot of a map not yet drawn is compared with nothing: no change, no drawing and
    no disagreement with the begin score."""
    begin, end = begin_and_end(case)
    story = NetworkStory(begin=begin, end=end)
    if begin is None and end is None:
        story.splits = split_rows(comparison)
        return story
    if begin is not None and begin.begin_not_mapped:
        story.begin_not_mapped = True
        begin = None
    before = snapshot_measures(begin) if begin else None
    after = snapshot_measures(end) if end else None
    if before and after:
        story.rows, story.appeared, story.resolved = activation(
            before, after, new_network(begin.members, end.members)
        )
    story.begin_drawing = drawing(begin.members) if begin else None
    story.end_drawing = drawing(end.members) if end else None
    row = next((r for r in comparison.rows if r.domain.key == SOCIAL_NETWORK), None)
    if row is not None:
        for level, measures in ((row.first, before), (row.second, after)):
            note = disagreement(level, measures)
            if note:
                story.notes.append(note)
    story.splits = split_rows(
        comparison, begin.members if begin else None, end.members if end else None
    )
    for split in story.splits:
        for part, supporters in ((split.first, split.map_first), (split.second, split.map_second)):
            note = split_disagreement(split.domain, part, supporters)
            if note:
                story.notes.append(note)
    return story
