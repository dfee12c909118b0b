"""The ZRM and the network telling one story (zrm.network_story): the disagreement notes, the ZRM
tab's "Sociaal netwerk" section and the PDF report."""

import io
import re
import unicodedata
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from network.measures import Measures
from network.services import begin_network_record, member_add
from tests.zrm.factories import finalised_assessment, trajectory_case
from zrm.network_story import disagreement, network_story
from zrm.report import report_pdf
from zrm.selectors import case_comparison


@pytest.mark.parametrize(
    ("level", "supporters", "note"),
    [
        (5, 0, "scores the social network 5, but the map shows no informal supporter"),
        (4, 0, "scores the social network 4, but the map shows no informal supporter"),
        (4, 1, None),
        (3, 0, None),
        (2, 0, None),
        (2, 3, None),
        (1, 2, "scores the social network 1, but the map shows 2 informal supporters"),
        (1, 4, "scores the social network 1, but the map shows 4 informal supporters"),
        (1, 1, None),
        (1, 0, None),
        (None, 0, None),
        (None, 5, None),
    ],
)
def test_it_notes_where_the_score_and_the_map_disagree(level, supporters, note):
    with translation.override("en"):
        found = disagreement(level, Measures(informal_supporters=supporters))
    if note is None:
        assert found is None
    else:
        assert note in found


def test_it_has_nothing_to_say_without_a_map():
    assert disagreement(5, None) is None
    assert disagreement(1, None) is None


def add(owner, case, name, relation="friend", **fields):
    return member_add(acting_user=owner, case=case, name=name, relation=relation, **fields)


@pytest.fixture
def story_case(owner, team):
    """Begin: ZRM social network 5 with only a professional on the map (a disagreement). End:
    ZRM 1 with two informal supporters and a sleeping contact (a disagreement again)."""
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    today = timezone.localdate()
    add(owner, case, "Hulpverlener Sem", "professional", support_practical="receives")
    finalised_assessment(
        case, owner, "begin", {"social_network": 5}, assessed_on=today - timedelta(days=60)
    )
    add(owner, case, "Buurvrouw Fatima", "neighbour", support_practical="receives")
    add(owner, case, "Zus Wilma", "sibling", support_emotional="both")
    add(owner, case, "Oud-collega Kees", "colleague", status="sleeping")
    finalised_assessment(case, owner, "end", {"social_network": 1}, assessed_on=today)
    return case


def story(case):
    return network_story(case, case_comparison(case)[2])


def test_it_tells_the_begin_and_end_of_the_network_with_a_note_for_each_disagreement(story_case):
    with translation.override("en"):
        result = story(story_case)
        notes = [str(n) for n in result.notes]
    assert (result.begin.kind, result.end.kind) == ("begin", "end")
    assert len(notes) == 2
    assert "scores the social network 5" in notes[0] and "no informal supporter" in notes[0]
    assert "scores the social network 1" in notes[1] and "2 informal supporters" in notes[1]
    supporters = result.rows[0]
    assert (supporters.before, supporters.after, supporters.difference) == (0, 2, 2)
    assert len(result.begin_drawing["marks"]) == 1 and len(result.end_drawing["marks"]) == 4


def test_it_makes_no_note_when_the_score_fits_the_map(owner, team):
    case = trajectory_case(owner, team)
    add(owner, case, "Hulp", "professional", support_practical="receives")
    finalised_assessment(case, owner, "begin", {"social_network": 2})
    add(owner, case, "Anna", support_practical="receives")
    add(owner, case, "Bram", support_emotional="receives")
    finalised_assessment(case, owner, "end", {"social_network": 4})
    result = story(case)
    assert result.notes == []
    assert result.rows[0].difference == 2


def test_it_leaves_the_domain_out_when_it_was_not_assessed(owner, team):
    case = trajectory_case(owner, team)
    finalised_assessment(case, owner, "begin", {"social_network": None})
    assert story(case).notes == []
    assert story(case).begin is not None and story(case).end is None


def test_it_tells_no_story_without_snapshots(owner, team):
    case = trajectory_case(owner, team)
    result = story(case)
    assert (result.begin, result.end, result.rows, result.notes) == (None, None, [], [])
    assert result.begin_drawing is None


def zrm_tab(client, user, case):
    client.force_login(user)
    response = client.get(reverse("zrm_case", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_social_network_section_on_the_zrm_tab(client, colleague, story_case):
    html = zrm_tab(client, colleague, story_case)
    section = re.search(r'<section class="network-story".*?</section>', html, re.S).group(0)
    assert '<h2 id="story-title">Sociaal netwerk</h2>' in section
    assert section.count('<p class="notice">') == 2
    assert section.count('<svg class="ecogram"') == 2
    assert 'id="story-begin-title"' in section and 'id="story-end-title"' in section
    assert '<table class="activation stack">' in section
    for name in ["Hulpverlener Sem", "Buurvrouw Fatima", "Zus Wilma", "Oud-collega Kees"]:
        assert name[:15] in section, name


def test_it_shows_no_social_network_section_without_snapshots(client, owner, team):
    case = trajectory_case(owner, team)
    html = zrm_tab(client, owner, case)
    assert "network-story" not in html and 'class="ecogram"' not in html


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_it_puts_the_network_and_its_members_in_the_pdf_report(story_case):
    text = pdf_text(report_pdf(story_case))
    for name in ["Hulpverlener Sem", "Buurvrouw Fatima", "Zus Wilma", "Oud-collega Kees"]:
        label = name if len(name) <= 16 else name[:15]
        assert label.replace(" ", "") in text, name


def test_it_leaves_the_network_out_of_a_pdf_without_snapshots(owner, team):
    case = trajectory_case(owner, team)
    add(owner, case, "Buurvrouw Fatima", "neighbour", support_practical="receives")
    finalised_assessment(case, owner, "evaluation")  # an evaluation freezes no map
    text = pdf_text(report_pdf(case))
    assert case.reference.replace(" ", "") in text
    assert "BuurvrouwFatima" not in text


@pytest.fixture
def drawn_later_case(owner, team):
    """The invented progress: the begin ZRM (social network 5) finalised on an empty map "not
    mapped yet", the map drawn afterwards, the end finalised on the drawn map."""
    case = trajectory_case(owner, team)
    today = timezone.localdate()
    finalised_assessment(
        case,
        owner,
        "begin",
        {"social_network": 5},
        assessed_on=today - timedelta(days=60),
        empty_map="not_mapped",
    )
    for name in ("Anna", "Bram", "Cor"):
        add(owner, case, name, support_practical="receives")
    finalised_assessment(case, owner, "end", assessed_on=today)
    return case


def test_it_works_out_no_change_from_a_begin_network_not_mapped(drawn_later_case):
    result = story(drawn_later_case)
    assert result.begin_not_mapped
    assert result.rows == [] and result.begin_drawing is None
    assert result.notes == []  # an empty map that was never drawn contradicts no score
    assert result.end_drawing is not None


def test_it_says_on_the_zrm_tab_why_there_is_no_change(client, owner, drawn_later_case):
    html = zrm_tab(client, owner, drawn_later_case)
    section = re.search(r'<section class="network-story".*?</section>', html, re.S).group(0)
    assert "nog niet in kaart gebracht, dus de verandering in het netwerk is niet berekend" in (
        section
    )
    assert '<table class="activation stack">' not in section and "+3" not in section


def test_it_compares_with_the_begin_network_recorded_afterwards(owner, drawn_later_case):
    # Recorded afterwards as the begin (only Anna was there then), after the end: real change.
    case = drawn_later_case
    case.network_members.exclude(name="Anna").delete()
    begin_network_record(acting_user=owner, case=case)
    result = story(case)
    assert not result.begin_not_mapped
    supporters = result.rows[0]
    assert (supporters.before, supporters.after, supporters.difference) == (1, 3, 2)
