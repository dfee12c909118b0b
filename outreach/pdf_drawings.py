"""A PDF's drawings as an image with their text laid over it as HTML.

WeasyPrint lays out an SVG `<text>` once whole and then once per letter, and draws every letter
as a run of its own, since SVG allows a position per letter. The ZRM report's three drawings
(the radar and the two wijkecograms) have some 60 labels of 1,000 letters: with the SVG itself,
parsed as part of the page's HTML and styled element by element, about a seventh of the
report's time. So before WeasyPrint sees the page, each drawing marked for it becomes:

- its labels as HTML boxes laid over it, in the same font and size at the same place, each laid
  out once: the PDF reads the same, and its text can still be selected and searched;
- the rest of the SVG as an image (`<img>`), which WeasyPrint draws without making HTML boxes
  of its elements. The PDF's URL fetcher (outreach.pdf) serves it from this render's drawings.

Marked are drawings whose template gives them `data-pdf-width` (their width on the PDF's page in
mm, which fixes the scale of the SVG's units); among their labels, those with one x and one y
(and an optional dx and dy) inside groups moved by nothing but translate(). Any other text stays
in the SVG. Templates keep one drawing for the screen and the PDF; outreach.pdf.render_pdf does
this on the finished HTML. docs/performance.md has the figures.
"""

import re
import xml.etree.ElementTree as ET
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
MARKED_SVG = re.compile(r'<svg\b[^>]*\bdata-pdf-width="([0-9.]+)"[^>]*>.*?</svg>', re.S)
# The URLs of a render's drawings: under the PDF's static base (outreach.pdf), which resolves
# nowhere, so no other fetcher could ever answer them.
DRAWING_URL = "https://outreach.invalid/drawing/{}.svg"
# What a label inherits from the groups around it (SVG presentation attributes).
INHERITED = ("font-family", "font-size", "font-weight", "fill", "text-anchor", "dominant-baseline")
DEFAULTS = {"font-family": "sans-serif", "font-size": "16", "fill": "#000000"}
# Where WeasyPrint puts a label's baseline for dominant-baseline middle: 0.3 of the font size
# below y (weasyprint/svg/text.py takes ascent 0.8 and descent 0.2 of it).
MIDDLE_BASELINE_EM = 0.3
# The distance from the top of an HTML line box of line-height 1 to its baseline, for DejaVu
# Sans (ascent 0.928, descent 0.236 of the em: half the excess above).
TOP_TO_BASELINE_EM = 0.846
# An end- or middle-anchored label is a box this wide, ending or centred at its x.
ANCHOR_BOX_MM = 200


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _tag(element):
    return element.tag.rsplit("}", 1)[-1]


def _label(text, inherited, scale, origin, looks):
    """The HTML box of one SVG <text>, or None when it is not a plain one-position label;
    `origin` is the (x, y) of the drawing's top left corner in its units."""
    attrs = {**inherited, **{k: v for k, v in text.attrib.items() if k in INHERITED}}
    x, y = _number(text.get("x")), _number(text.get("y"))
    dx, dy = _number(text.get("dx", "0")), _number(text.get("dy", "0"))
    size = _number(attrs["font-size"])
    if None in (x, y, dx, dy, size) or "transform" in text.attrib:
        return None
    parts = [escape(text.text or "")]
    for tspan in text:
        if _tag(tspan) != "tspan" or len(tspan) or set(tspan.attrib) - {"fill", "font-weight"}:
            return None
        style = "".join(
            f"{css}:{tspan.get(attr)};"
            for attr, css in (("fill", "color"), ("font-weight", "font-weight"))
            if tspan.get(attr)
        )
        parts.append(f'<span style="{escape(style)}">{escape(tspan.text or "")}</span>')
        parts.append(escape(tspan.tail or ""))
    baseline = y + dy
    if attrs.get("dominant-baseline") in ("middle", "central"):
        baseline += MIDDLE_BASELINE_EM * size
    left = (x + dx - origin[0]) * scale
    top = (baseline - origin[1] - TOP_TO_BASELINE_EM * size) * scale
    look = (
        attrs["font-family"],
        f"{size * scale:.3f}mm",
        attrs.get("font-weight", "normal"),
        attrs["fill"],
        attrs.get("text-anchor", "start"),
    )
    place = f"left:{left:.2f}mm;top:{top:.2f}mm"
    return f'<span class="svgl {looks.class_of(look)}" style="{place}">{"".join(parts)}</span>'


class Looks:
    """The looks of a document's labels (font, size, weight, colour, anchor), one class each:
    the labels' shared properties come from one stylesheet, not from a style attribute per label
    (which WeasyPrint parses one by one)."""

    def __init__(self):
        self.classes = {}

    def class_of(self, look):
        return self.classes.setdefault(look, f"svgl-{len(self.classes)}")

    def stylesheet(self):
        shift = {"end": (-ANCHOR_BOX_MM, "right"), "middle": (-ANCHOR_BOX_MM / 2, "center")}
        rules = [
            f".svgl{{position:absolute;width:{ANCHOR_BOX_MM}mm;white-space:nowrap;line-height:1}}"
        ]
        for (family, size, weight, colour, anchor), name in self.classes.items():
            margin, align = shift.get(anchor, (0, "left"))
            rules.append(
                f".{name}{{font-family:{family};font-size:{size};font-weight:{weight};"
                f"color:{colour};text-align:{align};margin-left:{margin}mm}}"
            )
        return f"<style>{''.join(rules)}</style>"


TRANSLATE = re.compile(r"\s*translate\(\s*(-?[0-9.]+)(?:[\s,]+(-?[0-9.]+))?\s*\)\s*")


def _lift(element, inherited, scale, origin, labels, looks):
    """Move the plain labels under `element` out of it into `labels`. A group moved by a
    translate() moves the origin of its labels; any other transform keeps them in the SVG."""
    if "transform" in element.attrib:
        moved = TRANSLATE.fullmatch(element.get("transform"))
        if moved is None:
            return
        origin = (origin[0] - float(moved[1]), origin[1] - float(moved[2] or 0))
    inherited = {**inherited, **{k: v for k, v in element.attrib.items() if k in INHERITED}}
    for child in list(element):
        if _tag(child) == "text":
            label = _label(child, inherited, scale, origin, looks)
            if label is not None:
                labels.append(label)
                element.remove(child)
        else:
            _lift(child, inherited, scale, origin, labels, looks)


def _serialised(svg):
    """The SVG as bytes, its namespace the default one. ElementTree writes a namespace with the
    prefix its one table for the whole process gives it, which other code may have set ("svg:"),
    so the tags go out without one and the root says which namespace they are in."""
    prefix = f"{{{SVG_NS}}}"
    for element in svg.iter():
        if element.tag.startswith(prefix):
            element.tag = element.tag[len(prefix) :]
    svg.set("xmlns", SVG_NS)
    return ET.tostring(svg, encoding="utf-8")


def _drawing(match, looks, drawings):
    width_mm = float(match.group(1))
    if "<!" in match.group(0):
        # Our templates write no declarations (and escape all text they put in): XML that has
        # one is not one of our drawings, and is left alone.
        return match.group(0)
    try:
        svg = ET.fromstring(match.group(0))  # noqa: S314 (our own template's output, see above)
        minx, miny, width, _height = (float(v) for v in svg.get("viewBox").split())
    except (ET.ParseError, AttributeError, ValueError):
        return match.group(0)
    labels = []
    _lift(svg, DEFAULTS, width_mm / width, (minx, miny), labels, looks)
    del svg.attrib["data-pdf-width"]
    url = DRAWING_URL.format(len(drawings))
    drawings[url] = _serialised(svg)
    # Inline, as the SVG was: the same line box, so the page below it does not move.
    image = f'<img src="{url}" alt="" style="width:{width_mm}mm">'
    return f'<div style="position:relative">{image}{"".join(labels)}</div>'


def drawings_as_images(html):
    """`html` with its marked drawings as images with HTML labels, and the images: {url: SVG}."""
    looks, drawings = Looks(), {}
    html = MARKED_SVG.sub(lambda match: _drawing(match, looks, drawings), html)
    if looks.classes:
        html = html.replace("</head>", f"{looks.stylesheet()}</head>", 1)
    return html, drawings
