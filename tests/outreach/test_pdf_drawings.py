"""A PDF's marked drawings become an image with their labels laid over it as HTML
(outreach/pdf_drawings.py): the page must look the same, its text must still be text, and
nothing but this render's own drawings may be fetched."""

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from outreach.pdf import RefusedResource, StaticOnlyURLFetcher, render_pdf
from outreach.pdf_drawings import DRAWING_URL, drawings_as_images

# A drawing 100 mm wide at the page's top left corner: 400 units, so 0.25 mm a unit. Each label
# on a band of its own, 30 units (7.5 mm) apart, so each can be found and compared alone.
PAGE = """<!doctype html><html lang="nl"><head><style>@page {{ size: 120mm 80mm; margin: 0 }}
body {{ margin: 0 }}</style></head><body><div style="width:100mm">
<svg xmlns="http://www.w3.org/2000/svg"{mark} viewBox="0 0 400 300" width="100%">
  <circle cx="200" cy="150" r="120" fill="none" stroke="#9ca3af"/>
  <g font-family="DejaVu Sans, sans-serif" font-size="14" fill="#111827">
    <text x="10" y="30">Maatschappelijke participatie</text>
    <text x="200" y="60" text-anchor="middle" dominant-baseline="middle">Financiën</text>
    <text x="390" y="90" text-anchor="end">Huiselijke relaties</text>
    <text x="10" y="120"><tspan fill="#9a3412">✕ </tspan><tspan font-weight="bold">⚠ </tspan>Buurvrouw [PE]</text>
    <text x="200" y="150" dy="10" text-anchor="middle" font-size="11">cliënt</text>
  </g>
  <g transform="translate(5 170)" font-size="12"><text x="20" y="8">in contact</text></g>
  <text x="300" y="260" font-size="12" transform="rotate(-20 300 260)">schuin</text>
</svg></div></body></html>"""  # noqa: E501
LABELS = [
    "Maatschappelijke participatie",
    "Financiën",
    "Huiselijke relaties",
    "Buurvrouw [PE]",
    "cliënt",
    "in contact",
]
DPI = 300


def page_image(pdf, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-singlefile", "-gray", str(path), str(tmp_path / name)],
        check=True,
    )
    return Image.open(tmp_path / f"{name}.pgm")


def ink(image, top_mm, bottom_mm):
    """The box of the dark pixels between two heights of the page."""
    px = DPI / 25.4
    band = image.crop((0, round(top_mm * px), image.width, round(bottom_mm * px)))
    return band.point(lambda value: 255 if value < 128 else 0).getbbox()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_it_draws_each_label_where_the_svg_drew_it(tmp_path):
    as_svg = page_image(render_pdf(PAGE.format(mark="")), tmp_path, "svg")
    as_html = page_image(render_pdf(PAGE.format(mark=' data-pdf-width="100"')), tmp_path, "html")

    # Each label's band (its baseline 7.5 mm apart; the legend's 44.5 mm) and its anchor: the
    # edge or middle it is anchored at within a pixel, its width within 3% (the SVG set each
    # letter on its own, so without kerning; the HTML label is kerned).
    bands = [
        (3, 9, "start"),
        (11, 17, "middle"),
        (18.5, 24, "end"),
        (26, 32, "start"),
        (35, 41, "middle"),
        (42, 46, "start"),
    ]
    for top, bottom, anchor in bands:
        expected, drawn = ink(as_svg, top, bottom), ink(as_html, top, bottom)
        assert expected is not None
        at = {"start": lambda box: box[0], "end": lambda box: box[2]}.get(
            anchor, lambda box: (box[0] + box[2]) / 2
        )
        assert abs(at(expected) - at(drawn)) <= 1, (top, expected, drawn)
        assert abs(expected[1] - drawn[1]) <= 1 and abs(expected[3] - drawn[3]) <= 1
        width = expected[2] - expected[0]
        assert abs(width - (drawn[2] - drawn[0])) <= max(1, 0.03 * width), (top, expected, drawn)
    # Below the labels: the circle and the slanted label that stayed in the SVG, unchanged.
    below = (0, round(47 * DPI / 25.4), as_svg.width, as_svg.height)
    difference = ImageChops.difference(as_svg.crop(below), as_html.crop(below))
    assert difference.point(lambda value: 255 if value > 64 else 0).getbbox() is None


def test_it_keeps_the_labels_as_text_in_the_pdf():
    pdf = render_pdf(PAGE.format(mark=' data-pdf-width="100"'))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for label in [*LABELS, "schuin"]:
        assert label in text


def test_it_lifts_only_plain_labels_and_leaves_the_rest_in_the_image():
    html, drawings = drawings_as_images(PAGE.format(mark=' data-pdf-width="100"'))
    ((url, svg),) = drawings.items()
    assert url == DRAWING_URL.format(0)
    assert f'<img src="{url}"' in html and "<svg" not in html
    for label in LABELS:
        assert label in html
        assert label.encode() not in svg
    # Rotated: not a plain label, so the SVG keeps it.
    assert b"schuin" in svg and "schuin" not in html
    assert b"<circle" in svg


def test_it_writes_the_image_without_prefixes_whatever_else_registered_one():
    # ElementTree's namespace prefixes are one table for the process: another library's "svg:"
    # must not end up in our drawings.
    saved = dict(ET._namespace_map)
    ET.register_namespace("svg", "http://www.w3.org/2000/svg")
    try:
        _html, drawings = drawings_as_images(PAGE.format(mark=' data-pdf-width="100"'))
    finally:
        ET._namespace_map.clear()
        ET._namespace_map.update(saved)
    (svg,) = drawings.values()
    assert svg.startswith(b"<svg ") and b"<circle" in svg and b"svg:" not in svg


def test_it_leaves_an_unmarked_drawing_as_it_is():
    page = PAGE.format(mark="")
    assert drawings_as_images(page) == (page, {})


def test_it_fetches_no_drawing_that_is_not_this_renders():
    drawings = {DRAWING_URL.format(0): b"<svg/>"}
    assert StaticOnlyURLFetcher(drawings=drawings).fetch(DRAWING_URL.format(0)).read() == b"<svg/>"
    with pytest.raises(RefusedResource):
        StaticOnlyURLFetcher().fetch(DRAWING_URL.format(0))
    with pytest.raises(RefusedResource):
        StaticOnlyURLFetcher(drawings=drawings).fetch(DRAWING_URL.format(1))
