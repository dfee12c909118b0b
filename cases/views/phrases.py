"""The team's snelteksten, edited by its leads (cases.services.phrases): the list with its
order, a new phrase, a changed one. A worker of the team gets a 403 with an explanation, anyone
else a 404 (outreach.access.team_for_lead); another team's phrase is a logged 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cases import services
from cases.forms.phrases import NotePhraseEditForm, NotePhraseForm
from cases.models import NotePhrase
from cases.selectors import note_phrases
from cases.services.phrases import DEFAULT_NOTE_PHRASES, MAX_NOTE_PHRASES
from outreach.access import Action, get_for_user, team_for_lead
from outreach.form_flow import handle_form
from outreach.submissions import saves_once


def _phrase(request, phrase_id):
    """The phrase, for a lead of its team (another team's: a logged 404)."""
    phrase = get_for_user(
        request,
        NotePhrase.objects.select_related("team"),
        phrase_id,
        action=Action.CHANGE if request.method == "POST" else Action.READ,
    )
    team_for_lead(request, phrase.team_id)
    return phrase


def _list_url(team_id):
    return reverse("team_phrases", args=[team_id])


def _refused(request, error):
    for messages_of_field in error.message_dict.values():
        for message in messages_of_field:
            messages.error(request, message)


def team_phrases(request, team_id):
    team = team_for_lead(request, team_id)
    # At most MAX_NOTE_PHRASES rows (the service's limit): one page, no pagination.
    phrases = list(note_phrases(team, active_only=False))
    return render(
        request,
        "cases/team_phrases.html",
        {
            "team": team,
            "phrases": phrases,
            "full": len(phrases) >= MAX_NOTE_PHRASES,
            "max": MAX_NOTE_PHRASES,
            "defaults": DEFAULT_NOTE_PHRASES,
        },
    )


@saves_once
def team_phrase_add(request, team_id):
    team = team_for_lead(request, team_id)
    return handle_form(
        request,
        NotePhraseForm,
        title=_("Add a phrase"),
        intro=_("One tap puts it in a contact's note; at most %(max)s characters.")
        % {"max": NotePhrase._meta.get_field("text").max_length},
        save=lambda data: services.note_phrase_add(acting_user=request.user, team=team, **data),
        done=_("Phrase added."),
        success=_list_url(team.pk),
        back=_list_url(team.pk),
    )


@require_POST
def team_phrases_defaults(request, team_id):
    team = team_for_lead(request, team_id)
    added = services.note_phrases_add_defaults(acting_user=request.user, team=team)
    messages.success(
        request,
        ngettext("%(n)s phrase added.", "%(n)s phrases added.", len(added)) % {"n": len(added)},
    )
    return redirect(_list_url(team.pk))


def team_phrase_edit(request, phrase_id):
    phrase = _phrase(request, phrase_id)
    return handle_form(
        request,
        NotePhraseEditForm,
        title=_("Change a phrase"),
        form_kwargs={"instance": NotePhrase.objects.get(pk=phrase.pk)},
        stored_form=lambda current: NotePhraseEditForm(instance=current),
        save=lambda data: services.note_phrase_update(
            acting_user=request.user, phrase=phrase, **data
        ),
        done=_("Saved."),
        once=False,
        success=_list_url(phrase.team_id),
        back=_list_url(phrase.team_id),
    )


@require_POST
def team_phrase_move(request, phrase_id):
    phrase = _phrase(request, phrase_id)
    services.note_phrase_move(
        acting_user=request.user, phrase=phrase, up=request.POST.get("direction") != "down"
    )
    return redirect(_list_url(phrase.team_id))


@require_POST
def team_phrase_remove(request, phrase_id):
    phrase = _phrase(request, phrase_id)
    try:
        services.note_phrase_remove(acting_user=request.user, phrase=phrase)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Phrase removed: %(text)s") % {"text": phrase.text})
    return redirect(_list_url(phrase.team_id))
