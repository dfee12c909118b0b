"""What outreach.pdf does to make a PDF faster must not change it: the garbage collector is back
on after a render, and renders in two threads (a font configuration each) both succeed."""

import gc
import threading

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
