"""The split of what carries a ZRM level (own strength / network / professional help) beside the
map (zrm.network_story.split_rows, split_disagreement): the map's informal supporters for the
domains it speaks to, and the Sociaal netwerk disagreement rules applied to the network share."""

import io
import re
import unicodedata
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from network.services import member_add
from tests.zrm.factories import domain, finalised_assessment, trajectory_case
from zrm.network_story import network_story, split_disagreement
from zrm.report import report_pdf
from zrm.selectors import case_comparison


@pytest.mark.parametrize(
    ("split", "supporters", "note"),
    [
        (
            (20, 50, 30),
            0,
            "gives the network 50% of Social network, but the map shows no informal",
        ),
        ((0, 100, 0), 0, "gives the network 100% of Social network"),
        ((50, 49, 1), 0, None),
        ((20, 50, 30), 1, None),
        ((60, 0, 40), 2, "gives the network no part in Social network, but the map shows 2"),
        ((60, 0, 40), 1, None),
        ((60, 10, 30), 3, None),
        (None, 0, None),
        ((20, 50, 30), None, None),
    ],
)
def test_it_notes_where_the_split_and_the_map_disagree(db, split, supporters, note):
    with translation.override("en"):
        found = split_disagreement(domain("social_network"), split, supporters)
    if note is None:
        assert found is None
    else:
        assert note in found


def add(owner, case, name, relation="friend", **fields):
    return member_add(acting_user=owner, case=case, name=name, relation=relation, **fields)


@pytest.fixture
def split_case(owner, team):
    """Begin: finances carried by professional help, the network said to carry half of the
    social network while only a professional is on the map. End: a sister lends money, a
    neighbour helps; the split gives the network nothing in finances (a disagreement)."""
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    today = timezone.localdate()
    add(owner, case, "Bewindvoerder Sem", "professional", support_material="receives")
    finalised_assessment(
        case,
        owner,
        "begin",
        {"finances": 1, "social_network": 3},
        assessed_on=today - timedelta(days=60),
        extras={
            "finances": {"split": (10, 0, 90), "sources": ["records"], "rationale": "Dwangbevel."},
            "social_network": {"split": (20, 50, 30)},
            "housing": {"split": (100, 0, 0)},
        },
    )
    add(owner, case, "Zus Wilma", "sibling", support_material="receives")
    add(owner, case, "Buurman Joop", "neighbour", support_material="both")
    finalised_assessment(
        case,
        owner,
        "end",
        {"finances": 3, "social_network": 3},
        assessed_on=today,
        extras={
            "finances": {"split": (40, 0, 60), "sources": ["client", "partners"]},
            "social_network": {"split": (30, 60, 10)},
        },
    )
    return case


def test_it_places_each_split_next_to_what_the_map_says(split_case):
    with translation.override("en"):
        story = network_story(split_case, case_comparison(split_case)[2])
        notes = [str(n) for n in story.notes]
    rows = {row.domain.key: row for row in story.splits}
    assert list(rows) == ["finances", "housing", "social_network"]
    finances = rows["finances"]
    assert (finances.first, finances.second) == ((10, 0, 90), (40, 0, 60))
    assert (finances.map_first, finances.map_second) == (0, 2)
    assert (finances.first_shown, finances.second_shown) == ("10 / 0 / 90", "40 / 0 / 60")
    # Housing is not a kind of support on the map: nothing to compare.
    assert (rows["housing"].kinds, rows["housing"].map_first) == (None, None)
    assert rows["housing"].second_shown == "—"
    assert (rows["social_network"].map_first, rows["social_network"].map_second) == (0, 2)
    assert notes == [
        "The split gives the network no part in Finances, but the map shows 2 informal "
        "supporters for it.",
        "The split gives the network 50% of Social network, but the map shows no informal "
        "supporter for it.",
    ]


def test_it_shows_the_split_beside_the_radar(client, owner, split_case):
    client.force_login(owner)
    html = client.get(reverse("zrm_case", args=[split_case.pk])).content.decode()
    compare = html[html.index('class="zrm-compare"') : html.index("network-story")]
    assert 'class="zrm-radar"' in compare and 'class="zrm-split-table ' in compare
    # Each cell says its moment (data-label: the rows are stacked on a phone).
    assert '<td data-label="Begin">10 / 0 / 90</td>' in compare
    assert '<td data-label="Eind">40 / 0 / 60</td>' in compare
    assert "De verdeling geeft het netwerk geen aandeel in Financiën" in html


def test_it_puts_the_sources_and_the_split_in_the_pdf(split_case):
    reader = PdfReader(io.BytesIO(report_pdf(split_case)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFC", text))
    assert "Bronnenenonderbouwing" in flat
    assert "Financiën(begin):dossiersenverslagen.Dwangbevel." in flat
    assert "Financiën(eind):decliënt,collega'sofketenpartners" in flat
    assert "Wathetniveaudraagt" in flat and "10/0/90" in flat and "40/0/60" in flat
