"""The team's snelteksten (cases.models.NotePhrase): phrases a worker inserts into a contact's
note with one tap. The team's leads edit the list; who last changed a phrase, and when, is kept
on the row (the list is the team's tool, not a record about a client, so no timeline event).
Same rules as cases.services.core: keyword-only, atomic, with acting_user (None: the system,
as in the demo data); refused input raises ValidationError by field."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import NotePhrase
from outreach import clock
from outreach.models import Membership, Team
from outreach.versioning import bump, check_version

# More chips than this in the row above the note is a list to search, not a tap.
MAX_NOTE_PHRASES = 15

# What a new team starts with when its lead takes the default list (and what the data migration
# gave every team that existed): what outreach workers write most, in their words.
DEFAULT_NOTE_PHRASES = (
    "Cliënt was thuis en liet me binnen.",
    "Niet thuis, briefje achtergelaten.",
    "Samen de post geopend en op stapels gesorteerd.",
    "Post samen doorgenomen.",
    "Afspraak gemaakt met schuldhulp.",
    "Samen de woningcorporatie gebeld.",
    "Formulieren samen ingevuld.",
    "Huis is opgeruimd.",
    "Koffie gedronken en bijgepraat.",
    "Afspraken samen doorgelopen.",
    "Geen nieuwe achterstanden.",
)


def _check_lead(user, team):
    if user is None:
        return
    is_lead = Membership.objects.filter(
        team=team, user=user, role=Membership.Role.LEAD, user__is_active=True
    ).exists()
    if not is_lead:
        raise ValidationError({None: _("Only a team lead can change the team's phrases.")})


def _clean(phrase):
    phrase.text = " ".join((phrase.text or "").split())
    phrase.full_clean(exclude=["team", "changed_by"])
    taken = NotePhrase.objects.filter(team=phrase.team_id, text__iexact=phrase.text)
    if taken.exclude(pk=phrase.pk).exists():
        raise ValidationError({"text": _("The team already has this phrase.")})


def _stamp(phrase, acting_user):
    phrase.changed_at = clock.now()
    phrase.changed_by = acting_user


def _locked_list(team):
    """The team's phrases, with the team's row locked first, so two leads changing the list at
    once (even an empty one) cannot pass the limit or take the same position."""
    list(Team.objects.select_for_update().filter(pk=getattr(team, "pk", team)))
    return list(NotePhrase.objects.filter(team=team).order_by("position", "id"))


@transaction.atomic
def note_phrase_add(*, acting_user, team, text):
    _check_lead(acting_user, team)
    phrases = _locked_list(team)
    if len(phrases) >= MAX_NOTE_PHRASES:
        raise ValidationError(
            {
                "text": _("A team has at most %(max)s phrases: remove one first.")
                % {"max": MAX_NOTE_PHRASES}
            }
        )
    position = max((p.position for p in phrases), default=-1) + 1
    phrase = NotePhrase(team=team, text=text, position=position)
    _clean(phrase)
    _stamp(phrase, acting_user)
    phrase.save()
    return phrase


@transaction.atomic
def note_phrase_update(*, acting_user, phrase, expected_version=None, **fields):
    """Change a phrase's text or switch it on or off (`text`, `active`); with
    `expected_version` (the form's), raises EditConflict if someone saved in between."""
    phrase = NotePhrase.objects.select_for_update().get(pk=phrase.pk)
    _check_lead(acting_user, phrase.team_id)
    check_version(phrase, expected_version)
    stored = {name: getattr(phrase, name) for name in fields}
    for name, value in fields.items():
        if name not in ("text", "active"):
            raise TypeError(name)
        setattr(phrase, name, value)
    _clean(phrase)
    changed = [name for name in fields if stored[name] != getattr(phrase, name)]
    if changed:
        _stamp(phrase, acting_user)
        phrase.save(update_fields=bump(phrase, [*changed, "changed_at", "changed_by"]))
    return phrase


@transaction.atomic
def note_phrase_move(*, acting_user, phrase, up):
    """One place up (or down) in the team's list: the order of the chips."""
    _check_lead(acting_user, phrase.team_id)
    phrases = _locked_list(phrase.team_id)
    index = next(i for i, p in enumerate(phrases) if p.pk == phrase.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(phrases):
        return phrases[index]
    moved = phrases.pop(index)
    phrases.insert(other, moved)
    for position, each in enumerate(phrases):
        if each.position != position or each is moved:
            each.position = position
            if each is moved:
                _stamp(each, acting_user)
            each.save(update_fields=["position", "changed_at", "changed_by"])
    return moved


@transaction.atomic
def note_phrase_remove(*, acting_user, phrase):
    _check_lead(acting_user, phrase.team_id)
    NotePhrase.objects.filter(pk=phrase.pk).delete()


@transaction.atomic
def note_phrases_add_defaults(*, acting_user, team):
    """Add the default phrases the team does not have yet, as far as the limit allows."""
    _check_lead(acting_user, team)
    have = {p.text.lower() for p in _locked_list(team)}
    added = []
    for text in DEFAULT_NOTE_PHRASES:
        if text.lower() not in have and len(have) < MAX_NOTE_PHRASES:
            added.append(note_phrase_add(acting_user=acting_user, team=team, text=text))
            have.add(text.lower())
    return added
