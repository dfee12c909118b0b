"""What outreach.pdf does to make a PDF faster must not change it: SVG labels laid out as one
run (outreach.pdf_svg_text) land where WeasyPrint's letter-by-letter layout puts them, a label
with per-letter positions is still WeasyPrint's own, the garbage collector is back on after a
render, and renders in two threads (a font configuration each) both succeed."""

import gc
import subprocess
import threading

from PIL import Image, ImageChops

from outreach import pdf_svg_text
from outreach.pdf import cyclic_gc_paused, render_pdf

LABELS = """<!doctype html><html lang="nl"><body style="margin:0">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="100%">
  <g font-family="DejaVu Sans, sans-serif" font-size="14" fill="#111827">
    <text x="10" y="30">Maatschappelijke participatie</text>
    <text x="200" y="60" text-anchor="middle" dominant-baseline="middle">Financiën</text>
    <text x="390" y="90" text-anchor="end">Huiselijke relaties</text>
    <text x="10" y="120"><tspan fill="#9a3412">✕ </tspan><tspan font-weight="bold">⚠ </tspan>
      Buurvrouw [PE]</text>
    <text x="200" y="150" dy="10" text-anchor="middle" font-size="11">client</text>
  </g>
  {extra}
</svg></body></html>"""

PER_LETTER = '<text x="10 40 70 100" y="190" font-family="DejaVu Sans" font-size="14">abcd</text>'


def raster(pdf, tmp_path, name):
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", str(path), str(tmp_path / name)],
        check=True,
    )
    image = Image.open(tmp_path / f"{name}.png")
    return image.point(lambda value: 255 if value > 128 else 0)


def letter_by_letter(html):
    pdf_svg_text.uninstall()
    try:
        return render_pdf(html)
    finally:
        pdf_svg_text.install()


def ink_box(image, box):
    """The bounding box of the dark pixels inside `box`."""
    left, top, _right, _bottom = box
    found = ImageChops.invert(image.crop(box)).getbbox()
    return found and (found[0] + left, found[1] + top, found[2] + left, found[3] + top)


def test_it_puts_each_label_where_the_letter_by_letter_layout_puts_it(tmp_path):
    html = LABELS.format(extra="")
    fast = raster(render_pdf(html), tmp_path, "fast")
    slow = raster(letter_by_letter(html), tmp_path, "slow")
    assert fast.size == slow.size
    width, height = fast.size
    rows = 7
    for row in range(rows):
        band = (0, height * row // rows, width, height * (row + 1) // rows)
        fast_box, slow_box = ink_box(fast, band), ink_box(slow, band)
        assert (fast_box is None) == (slow_box is None), row
        if fast_box:
            # The same glyphs in the same place; kerning moves a letter by at most a pixel or two.
            assert all(abs(a - b) <= 3 for a, b in zip(fast_box, slow_box, strict=True)), row


def test_it_leaves_a_label_with_a_position_per_letter_to_weasyprint(tmp_path):
    html = LABELS.format(extra=PER_LETTER)
    fast = raster(render_pdf(html), tmp_path, "fast")
    slow = raster(letter_by_letter(html), tmp_path, "slow")
    width, height = fast.size
    bottom = (0, height * 6 // 7, width, height)
    assert ImageChops.difference(fast.crop(bottom), slow.crop(bottom)).getbbox() is None


def test_it_turns_the_garbage_collector_back_on_after_a_render():
    assert gc.isenabled()
    render_pdf(LABELS.format(extra=""))
    assert gc.isenabled()


def test_it_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_it_keeps_the_collector_off_until_the_last_of_two_threads_is_done():
    inside, release = threading.Event(), threading.Event()

    def other():
        with cyclic_gc_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(10)
    with cyclic_gc_paused():
        pass
    assert not gc.isenabled()
    release.set()
    thread.join(10)
    assert gc.isenabled()


def test_it_renders_in_two_threads_at_once():
    html = LABELS.format(extra="")
    results = []
    threads = [threading.Thread(target=lambda: results.append(render_pdf(html))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == 2 and all(pdf.startswith(b"%PDF") for pdf in results)
