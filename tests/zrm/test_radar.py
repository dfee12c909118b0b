"""The radar chart as it reaches the browser: zrm.selectors.radar rendered by
templates/zrm/_radar.html inside the case's ZRM tab, parsed as XML."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from cases.phases import Phase
from tests.zrm.factories import domain, domains, finalised_assessment, levels_list
from zrm import services
from zrm.selectors import CX, CY, RADIUS, compare, radar

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = r"-?\d+(?:\.\d+)?"
NUMERIC = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "stroke-width", "font-size"}

#        fin  day  hou  dom  men  phy  add  adl  soc  com  jus
BEGIN = [1, 2, 3, 4, 5, 1, 2, 3, None, 2, None]
END = [2, 2, 1, 5, 5, 2, 4, None, 3, 2, 4]


def chart(client, user, case):
    client.force_login(user)
    html = client.get(reverse("zrm_case", args=[case.pk])).content.decode()
    # The tab also draws the network snapshots; the radar is the one with its own class.
    svgs = re.findall(r'<svg class="zrm-radar".*?</svg>', html, flags=re.S)
    assert len(svgs) == 1, f"{len(svgs)} radar charts on the page"
    return ET.fromstring(svgs[0])  # raises on anything that is not well-formed XML


def axis_labels(svg):
    return [t.text for t in svg.iter(f"{SVG}text") if t.get("text-anchor")]


def series(svg, name):
    return svg.find(f"{SVG}g[@class='series-{name}']")


def pairs(points):
    return [tuple(float(v) for v in p.split(",")) for p in points.split()]


pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


@pytest.fixture
def begin_end(case, owner):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))
    finalised_assessment(case, owner, "end", levels_list(END))
    return case


def test_it_is_well_formed_svg_with_an_axis_label_per_domain(client, owner, begin_end):
    svg = chart(client, owner, begin_end)
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img" and svg.find(f"{SVG}title") is not None
    assert axis_labels(svg) == [d.name for d in domains()]
    assert len(axis_labels(svg)) == 11
    assert len(svg.findall(f"{SVG}g/{SVG}line")) >= 11  # the axes


def test_it_draws_begin_dashed_and_end_solid(client, owner, begin_end):
    svg = chart(client, owner, begin_end)
    first, second = series(svg, "first"), series(svg, "second")
    assert first is not None and second is not None
    assert first.find(f"{SVG}polygon").get("stroke-dasharray")
    assert second.find(f"{SVG}polygon").get("stroke-dasharray") is None
    # The legend says the same: one line per series, dashed for begin only.
    legend = [line for line in svg.iter(f"{SVG}line") if line.get("x1") == "12"]
    assert [bool(line.get("stroke-dasharray")) for line in legend] == [True, False]
    assert series(svg, "target") is None


def test_it_puts_a_point_per_assessed_domain_at_its_level(client, owner, begin_end):
    svg = chart(client, owner, begin_end)
    first = pairs(series(svg, "first").find(f"{SVG}polygon").get("points"))
    second = pairs(series(svg, "second").find(f"{SVG}polygon").get("points"))
    assert len(first) == 9 and len(second) == 10  # domains not assessed have no point
    assert len(series(svg, "first").findall(f"{SVG}circle")) == 9
    # Finances is the first axis, straight up from the centre: level 1 is a fifth of the radius.
    assert first[0] == (CX, CY - RADIUS * 1 / 5)
    assert second[0] == (CX, CY - RADIUS * 2 / 5)
    # Mental health (level 5 in both) lies on the outer ring, as far out as its axis line.
    axis = [line for line in svg.iter(f"{SVG}line") if line.get("x1") == str(CX)][4]
    assert first[4] == (float(axis.get("x2")), float(axis.get("y2")))


def test_it_draws_the_targets_dotted(client, owner, case, begin_end):
    services.targets_set(
        acting_user=owner, case=case, levels={domain("finances"): 3, domain("housing"): 4}
    )
    svg = chart(client, owner, case)
    target = series(svg, "target")
    assert target is not None
    assert target.find(f"{SVG}polygon").get("stroke-dasharray")
    assert len(pairs(target.find(f"{SVG}polygon").get("points"))) == 2
    assert axis_labels(svg) == [d.name for d in domains()]


@pytest.mark.parametrize("with_targets", [False, True])
def test_it_writes_every_number_with_a_decimal_point(client, owner, case, begin_end, with_targets):
    # The page is Dutch: a float that reached the template unformatted would get a comma.
    if with_targets:
        services.targets_set(acting_user=owner, case=case, levels={domain("adl"): 5})
    svg = chart(client, owner, case)
    checked = 0
    for element in svg.iter():
        for name, value in element.attrib.items():
            if name == "points":
                assert all(re.fullmatch(rf"{NUMBER},{NUMBER}", p) for p in value.split()), value
                checked += 1
            elif name in NUMERIC:
                assert re.fullmatch(NUMBER, value), (element.tag, name, value)
                checked += 1
            elif name in ("viewBox", "stroke-dasharray"):
                assert all(re.fullmatch(NUMBER, v) for v in value.split()), (name, value)
            else:
                assert not re.search(r"\d,\d", value), (element.tag, name, value)
    assert checked > 100


def test_it_draws_one_line_for_a_begin_on_its_own(client, owner, case):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))
    svg = chart(client, owner, case)
    assert series(svg, "first") is not None and series(svg, "second") is None
    assert len(axis_labels(svg)) == 11


def test_it_has_no_chart_without_rows(client, owner, case):
    assert radar(compare(None, None)) is None
    # A draft is not shown: the tab has no chart yet.
    services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=case.opened_on
    )
    client.force_login(owner)
    html = client.get(reverse("zrm_case", args=[case.pk])).content.decode()
    assert 'class="zrm-radar"' not in html


# On a 360 px screen the phone's chart is about 330 px wide: 14 in its 400 wide viewBox shows at
# 11.5 px, so no font may be smaller.
PHONE_MIN_FONT = 14


def test_it_numbers_the_axes_of_the_phone_chart_and_lists_the_domains(client, owner, begin_end):
    client.force_login(owner)
    html = client.get(reverse("zrm_case", args=[begin_end.pk])).content.decode()
    phone = re.search(r'<svg class="zrm-radar zrm-radar-phone".*?</svg>', html, re.S)[0]
    svg = ET.fromstring(phone)
    assert axis_labels(svg) == [str(n) for n in range(1, 12)]
    key = re.search(r'<ol class="radar-key">(.*?)</ol>', html, re.S)[1]
    assert re.findall(r"<li>(.*?)</li>", key) == [d.name for d in domains()]
    sizes = [int(g.get("font-size")) for g in svg.iter() if g.get("font-size")]
    assert min(sizes) >= PHONE_MIN_FONT and svg.get("viewBox").startswith("0 0 400 ")
    # The same lines as the wide chart: a point per assessed domain.
    assert len(pairs(series(svg, "first").find(f"{SVG}polygon").get("points"))) == 9
    assert len(pairs(series(svg, "second").find(f"{SVG}polygon").get("points"))) == 10
