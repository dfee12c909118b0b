"""The wijkecogram as a drawing: the client at the centre, three rings, four sectors; each member a
labelled mark. Coordinates for templates/network/_drawing.html, the same SVG on the page and in
the PDF. Numbers are preformatted strings: Django would print floats with a Dutch decimal comma.

A label never runs past the drawing's edge (the PDF clips what does): a name too long for the
room beside its mark is shortened, numbered, and written in full in a list under the legend. The
overload marker is part of its member's label, so it cannot stand beside someone else; it marks
whom the worker marked overloaded and whom the measures' warning names (network.measures.
overloaded: three kinds of support or more), so the drawing and the warning agree.

On a phone the page shows a second drawing of the same marks (templates/network/_drawing.html
with phone=drawing.phone, the phone's look): each mark carries a number instead of its name, at
a size that stays 11 px or more on a 360 px screen, and the names stand under it as text,
grouped by sector. The PDFs keep the first drawing only."""

import math

from django.utils.translation import gettext_lazy as _

from network.measures import SUPPORT_KINDS, overloaded

WIDTH, HEIGHT = 600, 600
CX, CY = 300, 300
RING_EDGES = [95, 175, 255]  # outer edge of rings 1, 2 and 3
RING_MIDDLES = [62, 135, 215]
# How wide a label is drawn: DejaVu Sans at 11 px, each character's advance rounded up from the
# font's metrics (i 0.28 em, n 0.63 em, m 0.97 em), so a label measured so fits its room.
LABEL_FONT_PX = 11
NARROW = frozenset("iljtfr .,;:'!|()[]-")
WIDE = frozenset("mwMW…⚠✕")
EDGE = 4  # room kept free at the drawing's left and right edge
LABEL_GAP = 11  # from the mark's centre to its label
LEGEND_HEIGHT = 120
NAME_LINE = 16  # the height of a line in the list of shortened names
# The phone drawing is drawn at about 330/600 of its size on a 360 px screen: its text is set at
# 22, so it shows at 12 px; a legend row below the circle is PHONE_LINE high.
PHONE_FONT = 22
PHONE_LINE = 34
PHONE_GAP = 14  # from the mark's centre to its number
PHONE_LEGEND = 8  # rows: in contact, sleeping, reactivated, overloaded, negative, three supports
# What differs in the SVG of the two drawings besides the legend and the text at the marks: line
# widths and dashes, mark and font sizes; "suffix" keeps the phone drawing's ids apart.
LOOK = {
    "suffix": "",
    "arrow": "7",
    "ring_width": "1",
    "sector_dash": "2 4",
    "sector_font": "12",
    "both_width": "2.5",
    "one_width": "1.5",
    "gives_dash": "5 3",
    "centre_r": "13",
    "client_dy": "30",
    "client_font": "12",
    "empty_dy": "-24",
    "empty_font": "15",
    "mark_font": "11",
    "mark_weight": "",
    "mark_r": "7",
    "mark_stroke": "2",
    "sleeping_dash": "3 2",
    "reactivated_r": "2.5",
}
PHONE_LOOK = {
    "suffix": "-phone",
    "arrow": "6",
    "ring_width": "1.5",
    "sector_dash": "3 5",
    "sector_font": str(PHONE_FONT),
    "both_width": "3.5",
    "one_width": "2",
    "gives_dash": "7 4",
    "centre_r": "15",
    "client_dy": "40",
    "client_font": str(PHONE_FONT),
    "empty_dy": "-34",
    "empty_font": "26",
    "mark_font": str(PHONE_FONT),
    "mark_weight": "bold",
    "mark_r": "9",
    "mark_stroke": "2.5",
    "sleeping_dash": "4 3",
    "reactivated_r": "3.5",
}

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
# The phone drawing names the sectors in its corners in short; the list under it in full.
SHORT_SECTORS = {
    "family": _("family"),
    "friends": _("friends"),
    "neighbourhood": _("neighbourhood"),
    "formal": _("professionals"),
}
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


def label_width(text):
    """The width in px a label takes in the drawing, estimated on the safe side."""
    ems = sum(
        0.42 if c in NARROW else 1.0 if c in WIDE else 0.75 if c.isupper() else 0.64 for c in text
    )
    return ems * LABEL_FONT_PX


def _fitted(name, room, around, number):
    """The name, or as much of it as fits in `room` px with `around` (the markers before it and
    the support letters after it), cut with an ellipsis and numbered; and whether it was cut."""
    if label_width(name + around) <= room:
        return name, False
    tag = f"… ({number})"
    keep = len(name)
    while keep > 1 and label_width(name[:keep].rstrip() + tag + around) > room:
        keep -= 1
    return name[:keep].rstrip() + tag, True


def drawing(members):
    """The drawing of members given as dicts (network.measures.as_dict or a snapshot)."""
    carrying = {id(m) for m in overloaded(members)}
    shortened = []
    groups = {}
    for member in members:
        groups.setdefault((_sector_of(member["relation"]), member["ring"]), []).append(member)
    marks = []
    numbered = {}  # sector -> the phone drawing's numbered names
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
            lx = x + (LABEL_GAP if right else -LABEL_GAP)
            is_overloaded = member["overloaded"] or id(member) in carrying
            # "✕ ", "⚠ " and " [PE]" beside the name (templates/network/_drawing.html).
            around = "✕ " * member["negative_influence"] + "⚠ " * is_overloaded
            around += f" [{letters}]" if letters else ""
            label, cut = _fitted(
                member["name"],
                (WIDTH - EDGE - lx) if right else (lx - EDGE),
                around,
                len(shortened) + 1,
            )
            if cut:
                shortened.append(member["name"])
            number = len(marks) + 1
            numbered.setdefault(sector, []).append(
                {
                    "number": str(number),
                    "name": member["name"],
                    "kinds": [KIND_NAMES[k] for k in SUPPORT_KINDS if member.get(f"support_{k}")],
                    "overloaded": is_overloaded,
                    "negative": member["negative_influence"],
                    "status": member["status"],
                }
            )
            marks.append(
                {
                    "x": _f(x),
                    "y": _f(y),
                    "lx": _f(lx),
                    "ly": _f(y + 4),
                    "anchor": "start" if right else "end",
                    "label": label,
                    "letters": letters,
                    "sleeping": member["status"] == "sleeping",
                    "reactivated": member["status"] == "reactivated",
                    "overloaded": is_overloaded,
                    "negative": member["negative_influence"],
                    "direction": _direction(member),
                    "line_x": _f(line_end[0]),
                    "line_y": _f(line_end[1]),
                    "number": str(number),
                    "nx": _f(x + (PHONE_GAP if right else -PHONE_GAP)),
                    "ny": _f(y + PHONE_FONT * 0.36),
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
    for (key, label, start, _end, _relations), (lx, ly, anchor) in zip(
        SECTORS, corners, strict=True
    ):
        sx, sy = _xy(start, RING_EDGES[-1])
        sectors.append(
            {
                "label": label,
                "short": SHORT_SECTORS[key],
                "py": str(26 if ly < CY else HEIGHT - 8),
                "lx": str(lx),
                "ly": str(ly),
                "x": _f(sx),
                "y": _f(sy),
                "anchor": anchor,
            }
        )
    names_y = HEIGHT + LEGEND_HEIGHT
    return {
        "width": str(WIDTH),
        "look": {
            **LOOK,
            "height": str(names_y + NAME_LINE * len(shortened) + (8 if shortened else 0)),
        },
        "cx": str(CX),
        "cy": str(CY),
        "rings": [str(r) for r in RING_EDGES],
        "sectors": sectors,
        "marks": marks,
        "empty": not members,
        "legend_y": str(HEIGHT + 10),
        "kinds": [(str(KIND_LETTERS[k]), KIND_NAMES[k]) for k in SUPPORT_KINDS],
        # The phone drawing: its look, the legend's rows under the circle, the names per sector.
        "phone": {**PHONE_LOOK, "height": str(HEIGHT + 14 + PHONE_LINE * PHONE_LEGEND)},
        # The middle of each legend row.
        "phone_rows": [
            str(HEIGHT + 14 + PHONE_LINE * i + PHONE_LINE // 2) for i in range(PHONE_LEGEND)
        ],
        "key": [
            {"label": SECTORS[sector][1], "members": numbered[sector]}
            for sector in sorted(numbered)
        ],
        # The names shortened in the drawing, in full: (y, number, name).
        "shortened": [
            (str(names_y + NAME_LINE * (i + 1)), str(i + 1), name)
            for i, name in enumerate(shortened)
        ],
    }
