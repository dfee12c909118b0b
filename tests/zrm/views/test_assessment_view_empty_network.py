"""Finalising a begin ZRM on an empty network map (zrm.views.assessment): the form asks whether
the client has no network or the network is not mapped yet, and keeps every level while asking."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from network.models import NetworkSnapshot
from network.services import member_add
from tests.conflicts import as_opened, opened_version
from tests.zrm.factories import finalised_assessment, trajectory_case
from tests.zrm.views.test_assessment_view import checked, every_level, form_data
from zrm import services
from zrm.models import ZrmAssessment

QUESTION = "De netwerkkaart is leeg. Wat betekent dat bij de beginmeting?"


@pytest.fixture
def case(owner, team):
    return trajectory_case(owner, team)


def start(case, owner, kind="begin"):
    return services.assessment_start(
        acting_user=owner, case=case, kind=kind, assessed_on=timezone.localdate()
    )


def url(assessment):
    return reverse("zrm_assessment", args=[assessment.pk])


def choice_group(html):
    """The empty-map question's group (each domain's sources are choice groups too)."""
    found = re.search(
        r'<fieldset class="field choice-group[^"]*">\s*<legend>[^<]*netwerkkaart.*?</fieldset>',
        html,
        re.S,
    )
    return found.group(0) if found else None


def test_it_asks_on_a_begin_draft_with_an_empty_map(client, owner, case):
    client.force_login(owner)
    group = choice_group(client.get(url(start(case, owner))).content.decode())
    assert QUESTION in group
    assert 'value="no_network"' in group and "geen netwerk: de cliënt heeft niemand" in group
    assert 'value="not_mapped"' in group and "nog niet in kaart gebracht" in group


@pytest.mark.parametrize("situation", ["people on the map", "end", "correction"])
def test_it_does_not_ask_otherwise(client, owner, case, situation):
    if situation == "people on the map":
        member_add(acting_user=owner, case=case, name="Anna", relation="friend")
        draft = start(case, owner)
    elif situation == "end":
        draft = start(case, owner, "end")
    else:
        begin = finalised_assessment(case, owner, "begin", empty_map="not_mapped")
        draft = services.assessment_correct(acting_user=owner, assessment=begin, reason="Typo.")
    client.force_login(owner)
    html = client.get(url(draft)).content.decode()
    assert QUESTION not in html and 'name="empty_map"' not in html


def test_it_refuses_to_finalise_without_an_answer_and_keeps_the_levels(client, owner, case):
    draft = start(case, owner)
    client.force_login(owner)
    levels = every_level()
    response = client.post(url(draft), as_opened(draft, form_data(levels, action="finalise")))
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(r'<small class="field-error">(.*?)</small>', choice_group(html)).group(1)
    assert "geef aan of de cliënt geen netwerk heeft" in error
    assert checked(html) == levels
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    assert not NetworkSnapshot.objects.exists()


@pytest.mark.parametrize("empty_map", ["no_network", "not_mapped"])
def test_it_finalises_with_the_answer_on_the_begin_snapshot(client, owner, case, empty_map):
    draft = start(case, owner)
    client.force_login(owner)
    data = {**form_data(every_level(), action="finalise"), "empty_map": empty_map}
    response = client.post(url(draft), as_opened(draft, data))
    assert response.status_code == 302
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "final"
    assert NetworkSnapshot.objects.get().empty_map == empty_map


def test_it_refuses_an_unknown_answer(client, owner, case):
    draft = start(case, owner)
    client.force_login(owner)
    data = {**form_data(every_level(), action="finalise"), "empty_map": "nobody"}
    response = client.post(url(draft), as_opened(draft, data))
    assert response.status_code == 200
    assert 'class="field-error"' in choice_group(response.content.decode())
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"


def test_it_finalises_after_its_own_autosave_got_there_first(client, owner, case):
    # The page's autosave of the last level is still under way when Finalise is pressed: the
    # finalise post carries the version from before it. The answer about the empty map is not
    # stored with the draft, so it is no difference between the two.
    draft = start(case, owner)
    client.force_login(owner)
    version = opened_version(client.get(url(draft)))
    levels = every_level()
    client.post(
        url(draft),
        {**form_data(levels), "expected_version": version},
        HTTP_HX_REQUEST="true",
    )
    data = {
        **form_data(levels, action="finalise"),
        "empty_map": "no_network",
        "expected_version": version,
    }
    response = client.post(url(draft), data)
    assert response.status_code == 302
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "final"
    assert NetworkSnapshot.objects.get().empty_map == "no_network"
