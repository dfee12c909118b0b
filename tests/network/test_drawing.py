"""network.drawing.drawing rendered by templates/network/_drawing.html (no database)."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from network.drawing import CX, CY, EDGE, RING_EDGES, WIDTH, drawing, label_width
from network.measures import MEMBER_FIELDS
from network.models import NetworkMember

SVG = "{http://www.w3.org/2000/svg}"
RELATIONS = [value for value, _label in NetworkMember.Relation.choices]
NUMERIC = {
    "x", "y", "cx", "cy", "r", "x1", "y1", "x2", "y2", "dy", "refX", "refY",
    "markerWidth", "markerHeight", "stroke-width", "font-size",
}  # fmt: skip


def member(name, relation="friend", **fields):
    values = {f: NetworkMember._meta.get_field(f).get_default() for f in MEMBER_FIELDS}
    values.update(name=name, relation=relation, **fields)
    return values


def render(members, language="nl"):
    """The SVG as text and parsed, in the given language (Dutch: a decimal comma locale)."""
    with translation.override(language):
        html = render_to_string(
            "network/_drawing.html", {"drawing": drawing(members), "prefix": "t"}
        )
    svg = html[html.index("<svg") :]
    return svg, ET.fromstring(svg)


def marks(root):
    """(circle attributes, label text) of each member's mark."""
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "member":
            circle = group.find(f"{SVG}circle")
            label = group.findall(f"{SVG}text")[-1]
            found.append((circle.attrib, "".join(label.itertext()).strip()))
    return found


def label_elements(root):
    return [g.findall(f"{SVG}text")[-1] for g in root.iter(f"{SVG}g") if g.get("class") == "member"]


def assert_every_label_fits(root):
    """Measured as drawing.py measures: each label ends inside the drawing."""
    for text in label_elements(root):
        width = label_width("".join(text.itertext()))
        x = float(text.get("x"))
        if text.get("text-anchor") == "end":
            assert x - width >= EDGE - 0.01, ("".join(text.itertext()), x, width)
        else:
            assert x + width <= WIDTH - EDGE + 0.01, ("".join(text.itertext()), x, width)


def shortened(root):
    """The list of names shortened in the drawing: {number: full name}."""
    found = {}
    for text in root.iter(f"{SVG}text"):
        match = re.fullmatch(r"\((\d+)\) (.+)", text.text or "")
        if match:
            found[match.group(1)] = match.group(2)
    return found


def thirty():
    """30 members over every relation and ring, some with long names and support."""
    return [
        member(
            f"Persoon {i:02d} {RELATIONS[i % len(RELATIONS)]}",
            RELATIONS[i % len(RELATIONS)],
            ring=1 + i % 3,
            support_practical=["", "receives", "gives", "both"][i % 4],
            status=["active", "sleeping", "reactivated"][i % 3 if i % 5 else 0],
        )
        for i in range(30)
    ]


def test_it_is_valid_svg_with_every_members_name():
    members = [member("Anna", support_emotional="receives"), member("Bram", "neighbour")]
    svg, root = render(members)
    assert root.tag == f"{SVG}svg"
    assert [label for _circle, label in marks(root)] == ["Anna [E]", "Bram"]
    assert root.find(f"{SVG}title").text.strip()


def test_it_shortens_a_name_that_does_not_fit_and_lists_it_in_full():
    long = "Marie-Louise van den Berg-Hoogstraten"
    svg, root = render([member(long), member("<b>Jan&Piet</b>", "sibling")])
    labels = [label for _circle, label in marks(root)]
    assert any(
        label.startswith("Marie-Louise van den") and label.endswith("… (1)") for label in labels
    )
    assert shortened(root) == {"1": long}
    assert "<b>Jan&Piet</b>" in labels  # parsed back from &lt;b&gt;… by the XML parser
    assert_every_label_fits(root)


def test_it_never_clips_a_label_on_the_left_of_the_drawing():
    """The issue's "ct bewind…": an organisation in the outer ring near the left edge."""
    members = [
        member("Wijkteam", "professional", ring=3),
        member("Buurtwerk", "organisation", ring=3),
        member("Perspect bewindvoering", "organisation", ring=3, support_material="receives"),
    ]
    _svg, root = render(members)
    assert_every_label_fits(root)
    assert shortened(root) == {"1": "Perspect bewindvoering"}
    labels = [label for _circle, label in marks(root)]
    assert labels[-1].startswith("Pers") and labels[-1].endswith("… (1) [M]"), labels


def test_it_says_the_network_is_empty_with_no_members():
    _svg, root = render([], "en")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "The network is empty" in texts
    assert marks(root) == []
    _svg, root = render([member("Anna")], "en")
    assert "The network is empty" not in [t.text for t in root.iter(f"{SVG}text")]


def test_it_draws_thirty_members_each_at_its_own_place():
    members = thirty()
    assert {m["relation"] for m in members} == set(RELATIONS)
    assert {m["ring"] for m in members} == {1, 2, 3}
    _svg, root = render(members)
    found = marks(root)
    assert len(found) == 30
    assert_every_label_fits(root)
    listed = shortened(root)
    for _circle, label in found:
        name = label.split(" [")[0]
        number = re.search(r"… \((\d+)\)$", name)
        assert number is None or listed[number.group(1)].startswith(name[: -len(number[0])])
    places = [(c["cx"], c["cy"]) for c, _label in found]
    assert len(set(places)) == 30, sorted(places)


@pytest.mark.parametrize(
    ("relation", "left", "above"),
    [
        ("parent", True, True),  # family: top left
        ("friend", False, True),  # friends: top right
        ("neighbour", False, False),  # neighbourhood: bottom right
        ("professional", True, False),  # formal: bottom left
        ("volunteer", True, False),
    ],
)
def test_it_puts_each_relation_in_its_sector_and_each_ring_at_its_distance(relation, left, above):
    members = [member(f"R{ring}", relation, ring=ring) for ring in (1, 2, 3)]
    _svg, root = render(members)
    inner = 0
    for ring, (circle, _label) in enumerate(marks(root), start=1):
        x, y = float(circle["cx"]), float(circle["cy"])
        assert (x < CX, y < CY) == (left, above), (ring, x, y)
        distance = math.hypot(x - CX, y - CY)
        assert inner < distance < RING_EDGES[ring - 1], (ring, distance)
        inner = RING_EDGES[ring - 1]


def test_it_draws_a_sleeping_contact_hollow_and_a_reactivated_one_with_a_dot():
    members = [
        member("Actief"),
        member("Slaapt", status="sleeping"),
        member("Terug", status="reactivated"),
    ]
    _svg, root = render(members)
    fills = {label: circle["fill"] for circle, label in marks(root)}
    assert fills == {"Actief": "#111827", "Slaapt": "#ffffff", "Terug": "#111827"}
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "member"]
    dots = {len(g.findall(f"{SVG}circle")) for g in groups if "Terug" in "".join(g.itertext())}
    assert dots == {2}
    dashed = [g.find(f"{SVG}circle").get("stroke-dasharray") for g in groups]
    assert dashed == [None, "3 2", None]


def test_it_puts_the_overload_marker_in_the_label_of_whom_the_warning_names():
    heavy = member(
        "dochter Sandra",
        "child",
        support_practical="receives",
        support_emotional="receives",
        support_decisions="receives",
    )
    members = [
        member("Anna", support_company="receives"),
        heavy,
        member("buurman Piet", "neighbour"),
    ]
    _svg, root = render(members)
    labels = {label.split(" [")[0].removeprefix("⚠ "): label for _circle, label in marks(root)}
    assert labels["dochter Sandra"].startswith("⚠ dochter Sandra")
    assert [name for name, label in labels.items() if "⚠" in label] == ["dochter Sandra"]


def test_it_marks_overload_and_negative_influence():
    members = [member("Zus", "sibling", overloaded=True, negative_influence=True)]
    svg, root = render(members)
    (group,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "member"]
    text = "".join(group.itertext())
    assert "✕ ⚠ Zus" in text  # the marker in her own label
    assert group.find(f"{SVG}circle").get("stroke") == "#9a3412"


def test_it_draws_a_line_per_supporting_member_with_the_direction_of_the_support():
    members = [
        member("Krijgt", support_practical="receives"),
        member("Geeft", "neighbour", support_material="gives"),
        member("Beide", "sibling", support_emotional="receives", support_company="gives"),
        member("Niets", "parent"),
    ]
    _svg, root = render(members)
    lines = [
        line
        for line in root.iter(f"{SVG}line")
        # From the client outwards; the dotted lines between the sectors left out.
        if (line.get("x1"), line.get("y1")) == (str(CX), str(CY))
        and line.get("stroke-dasharray") != "2 4"
    ]
    assert len(lines) == 3
    starts = sorted(bool(line.get("marker-start")) for line in lines)
    ends = sorted(bool(line.get("marker-end")) for line in lines)
    assert starts == [False, True, True]  # receiving and both ways
    assert ends == [False, True, True]  # giving and both ways
    assert sorted(line.get("stroke-width") for line in lines) == ["1.5", "1.5", "2.5"]


def test_it_writes_every_number_with_a_decimal_point_in_dutch():
    svg, root = render(thirty(), "nl")
    checked = 0
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in NUMERIC:
                assert re.fullmatch(r"-?\d+(\.\d+)?", value), (element.tag, name, value)
                checked += 1
        if element.get("viewBox"):
            assert re.fullmatch(r"0 0 \d+ \d+", element.get("viewBox"))
    assert checked > 200
    assert any("." in c["cx"] for c, _label in marks(root))  # fractions were written


# The phone drawing (templates/network/_drawing.html with phone=drawing.phone) -------------------

# On a 360 px screen the drawing is about 330 px wide: a font size of 20 in its 600 wide viewBox
# would show at 11 px, so none may be smaller.
PHONE_MIN_FONT = 20


def render_phone(members, language="nl"):
    """The phone's SVG and the list of names under it, parsed."""
    with translation.override(language):
        shown = drawing(members)
        html = render_to_string(
            "network/_drawing.html", {"drawing": shown, "phone": shown["phone"], "prefix": "t"}
        )
    root = ET.fromstring(f"<div>{html[html.index('<svg') :]}</div>")
    return root.find(f"{SVG}svg"), root.find("dl")


def test_it_numbers_the_marks_on_a_phone_and_lists_the_names_per_sector():
    people = [
        member("Zus Wilma van der Heijden-Bakker", "sibling", support_emotional="receives"),
        member("Buurman Henk", "neighbour"),
        member("Wijkagent", "professional", negative_influence=True),
    ]
    svg, names = render_phone(people)
    drawn = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert not any("Wilma" in text for text in drawn)  # names are in the list, not the drawing
    assert sorted(t for t in drawn if t.strip("✕⚠").isdigit()) == ["1", "2", "✕3"]
    sectors = [dt.text for dt in names.iter("dt")]
    assert sectors == ["Familie", "Buurt", "Professionals, vrijwilligers en organisaties"]
    listed = ["".join(dd.itertext()).strip() for dd in names.iter("dd")]
    assert listed == [
        "1 Zus Wilma van der Heijden-Bakker · emotioneel",
        "2 Buurman Henk",
        "3 ✕ Wijkagent",
    ]


def test_it_sets_no_text_on_the_phone_drawing_below_11_px():
    svg, _names = render_phone(thirty())
    sizes = [int(g.get("font-size")) for g in svg.iter() if g.get("font-size")]
    assert sizes and min(sizes) >= PHONE_MIN_FONT
    assert svg.get("viewBox").split()[2] == str(WIDTH)
    for text in svg.iter(f"{SVG}text"):
        assert any(text in list(g.iter()) for g in svg.iter() if g.get("font-size"))


def test_it_lists_nobody_under_an_empty_phone_drawing():
    svg, names = render_phone([])
    assert names is None
    assert "Het netwerk is leeg" in "".join(svg.itertext())
