"""SVG text in our PDFs laid out once per text run instead of once per letter.

WeasyPrint draws an SVG `<text>` or `<tspan>` letter by letter: it lays out the whole string
with Pango, then every letter again on its own, and writes each letter as its own positioned
glyph run, because SVG allows a position or a rotation per letter (`x="1 2 3"`, `rotate`,
`letter-spacing`, `textLength`). Our drawings (the ZRM radar, the wijkecogram, in the ZRM
report, the inspection file and the meldcode PDF) never use those: one position per label.
For them the letter-by-letter layout was a third of the ZRM report's render time
(docs/performance.md). `install()` puts `text` in WeasyPrint's SVG tag table: a run with at
most one value for each of x, y, dx and dy and none of the per-letter attributes is drawn from
the layout WeasyPrint already made of the whole string, at the position and with the cursor
and bounding box that its first letter and the sum of the letters would have given; anything
else goes to WeasyPrint's own function. The letters are the same glyphs in the same font and
place, with the font's kerning between them (as HTML text has) instead of none.
"""

import importlib
from math import inf

from weasyprint.svg.bounding_box import extend_bounding_box
from weasyprint.svg.utils import normalize, size

# `weasyprint.svg.text` is also the name of the function that package imports from the module.
weasyprint_svg = importlib.import_module("weasyprint.svg")
weasyprint_svg_text = importlib.import_module("weasyprint.svg.text")
weasyprint_text = weasyprint_svg_text.text

# Attributes that can move, turn or stretch single letters: a run with one of them (on itself
# or inherited) is left to WeasyPrint.
PER_LETTER_ATTRIBUTES = ("rotate", "letter-spacing", "textLength", "lengthAdjust")


def _single_value(node, name):
    """The one value of a position attribute; None without it; False for a list of values."""
    if name not in node.attrib:
        return None
    values = normalize(node.attrib[name]).strip().split(" ")
    return values[0] if len(values) == 1 else False


def text(svg, node, font_size):
    """Draw an SVG text node as one glyph run when it has no per-letter positioning."""
    if node.tag not in ("text", "tspan") or not node.text or "\n" in node.text:
        return weasyprint_text(svg, node, font_size)
    if any(node.get(name) is not None for name in PER_LETTER_ATTRIBUTES):
        return weasyprint_text(svg, node, font_size)
    positions = [_single_value(node, name) for name in ("x", "y", "dx", "dy")]
    if False in positions:
        return weasyprint_text(svg, node, font_size)
    return _draw_run(svg, node, font_size, positions)


def _style(svg, node, font_size):
    # The same dummy style WeasyPrint's SVG text builds (weasyprint/svg/text.py).
    from weasyprint.css.properties import INITIAL_VALUES

    style = weasyprint_svg_text.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [
        font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")
    ]
    style["font_style"] = node.get("font-style", "normal")
    style["font_weight"] = node.get("font-weight", 400)
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    if style["font_weight"] == "normal":
        style["font_weight"] = 400
    elif style["font_weight"] == "bold":
        style["font_weight"] = 700
    else:
        try:
            style["font_weight"] = int(style["font_weight"])
        except ValueError:
            style["font_weight"] = 400
    return style


def _baseline_shift(node, font_size, height):
    # WeasyPrint's vertical alignment of a run (weasyprint/svg/text.py), unchanged.
    ascent, descent = font_size * 0.8, font_size * 0.2
    display_anchor = node.get("display-anchor")
    alignment_baseline = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        return -height / 2
    if display_anchor == "top":
        return 0
    if display_anchor == "bottom":
        return -height
    if alignment_baseline in ("central", "middle"):
        return (ascent + descent) / 2 - descent
    if alignment_baseline in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        return ascent
    if alignment_baseline in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        return -descent
    return 0


def _draw_run(svg, node, font_size, positions):
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.text.line_break import split_first_line

    style = _style(svg, node, font_size)
    layout, _, _, width, height, baseline = split_first_line(node.text, style, svg.context, inf, 0)
    x, y, dx, dy = positions
    x = size(x, font_size, svg.inner_width) if x is not None else None
    y = size(y, font_size, svg.inner_height) if y is not None else None
    dx = size(dx, font_size, svg.inner_width) if dx is not None else 0
    dy = size(dy, font_size, svg.inner_height) if dy is not None else 0

    # The cursor as WeasyPrint moves it for the first letter (an x or y of 0 does not reset the
    # relative offset there either), then past the whole run.
    if x:
        svg.cursor_d_position[0] = 0
    if y:
        svg.cursor_d_position[1] = 0
    svg.cursor_d_position[0] += dx
    svg.cursor_d_position[1] += dy
    x = svg.cursor_position[0] if x is None else x
    y = svg.cursor_position[1] if y is None else y
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0]
    y_position = y + svg.cursor_d_position[1] + _baseline_shift(node, font_size, height)
    node.text_bounding_box = extend_bounding_box(
        node.text_bounding_box,
        (
            (x_position, y_position - baseline),
            (x_position + width, y_position - baseline + height),
        ),
    )

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = weasyprint_svg_text.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(
        svg.stream, text_box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position)
    )
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)


def install():
    """Draw SVG text with `text` (idempotent). WeasyPrint's SVG drawer compares a node's tag
    function with its module's `text` to find text nodes, so that name is replaced too."""
    for tag, function in weasyprint_svg.TAGS.items():
        if function is weasyprint_text:
            weasyprint_svg.TAGS[tag] = text
    weasyprint_svg.text = text


def uninstall():
    """WeasyPrint's own letter-by-letter SVG text again (for measuring the difference)."""
    for tag, function in weasyprint_svg.TAGS.items():
        if function is text:
            weasyprint_svg.TAGS[tag] = weasyprint_text
    weasyprint_svg.text = weasyprint_text
