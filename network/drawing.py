"""The wijkecogram as a drawing: the client at the centre, three rings, four sectors; each member a
labelled mark. Coordinates for templates/network/_drawing.html, the same SVG on the page and in
the PDF. Numbers are preformatted strings: Django would print floats with a Dutch decimal comma."""

import math

from django.utils.translation import gettext_lazy as _

from network.measures import SUPPORT_KINDS

WIDTH, HEIGHT = 600, 600
CX, CY = 300, 300
RING_EDGES = [95, 175, 255]  # outer edge of rings 1, 2 and 3
RING_MIDDLES = [62, 135, 215]
LABEL_LENGTH = 16

# Quarter circles, clockwise from the top left; angles in degrees, 0 pointing right.
SECTORS = [
    ("family", _("family"), 180, 270, {"partner", "parent", "child", "sibling", "other_family"}),
    ("friends", _("friends and acquaintances"), 270, 360, {"friend", "acquaintance", "colleague"}),
    ("neighbourhood", _("neighbourhood"), 0, 90, {"neighbour"}),
    (
        "formal",
        _("professionals, volunteers and organisations"),
        90,
        180,
        {"professional", "organisation", "volunteer"},
    ),
]
# One letter per kind of support, next to the name; the legend says which is which.
KIND_LETTERS = {
    "practical": _("P"),
    "material": _("M"),
    "emotional": _("E"),
    "company": _("C"),
    "decisions": _("D"),
}
KIND_NAMES = {
    "practical": _("practical"),
    "material": _("material"),
    "emotional": _("emotional"),
    "company": _("company and leisure"),
    "decisions": _("decisions"),
}


def _sector_of(relation):
    return next(i for i, sector in enumerate(SECTORS) if relation in sector[4])


def _xy(angle, radius):
    rad = math.radians(angle)
    return CX + radius * math.cos(rad), CY + radius * math.sin(rad)


def _f(value):
    return f"{value:.1f}"


def _direction(member):
    directions = {member.get(f"support_{k}") for k in SUPPORT_KINDS} - {"", None}
    if not directions:
        return None
    if "both" in directions or directions == {"receives", "gives"}:
        return "both"
    return directions.pop()


def drawing(members):
    """The drawing of members given as dicts (network.measures.as_dict or a snapshot)."""
    groups = {}
    for member in members:
        groups.setdefault((_sector_of(member["relation"]), member["ring"]), []).append(member)
    marks = []
    for (sector, ring), group in sorted(groups.items()):
        start, end = SECTORS[sector][2], SECTORS[sector][3]
        for i, member in enumerate(group):
            angle = start + (end - start) * (i + 1) / (len(group) + 1)
            # Alternate the distance a little so neighbouring labels do not overlap.
            radius = RING_MIDDLES[ring - 1] + (8 if i % 2 else -8) * (len(group) > 3)
            x, y = _xy(angle, radius)
            line_end = _xy(angle, radius - 9)
            right = math.cos(math.radians(angle)) >= 0
            letters = "".join(
                str(KIND_LETTERS[k]) for k in SUPPORT_KINDS if member.get(f"support_{k}")
            )
            name = member["name"]
            marks.append(
                {
                    "x": _f(x),
                    "y": _f(y),
                    "lx": _f(x + (11 if right else -11)),
                    "ly": _f(y + 4),
                    "anchor": "start" if right else "end",
                    "label": name if len(name) <= LABEL_LENGTH else name[: LABEL_LENGTH - 1] + "…",
                    "letters": letters,
                    "sleeping": member["status"] == "sleeping",
                    "reactivated": member["status"] == "reactivated",
                    "overloaded": member["overloaded"],
                    "negative": member["negative_influence"],
                    "direction": _direction(member),
                    "line_x": _f(line_end[0]),
                    "line_y": _f(line_end[1]),
                    "tx": _f(x + 5),
                    "ty": _f(y - 14),
                }
            )
    # Sector names sit in the corners, anchored inwards, so long names never leave the drawing.
    corners = [
        (10, 18, "start"),
        (WIDTH - 10, 18, "end"),
        (WIDTH - 10, HEIGHT - 8, "end"),
        (10, HEIGHT - 8, "start"),
    ]
    sectors = []
    for (_key, label, start, _end, _relations), (lx, ly, anchor) in zip(
        SECTORS, corners, strict=True
    ):
        sx, sy = _xy(start, RING_EDGES[-1])
        sectors.append(
            {
                "label": label,
                "lx": str(lx),
                "ly": str(ly),
                "x": _f(sx),
                "y": _f(sy),
                "anchor": anchor,
            }
        )
    return {
        "width": str(WIDTH),
        "height": str(HEIGHT + 120),
        "cx": str(CX),
        "cy": str(CY),
        "rings": [str(r) for r in RING_EDGES],
        "sectors": sectors,
        "marks": marks,
        "empty": not members,
        "legend_y": str(HEIGHT + 10),
        "kinds": [(str(KIND_LETTERS[k]), KIND_NAMES[k]) for k in SUPPORT_KINDS],
    }
