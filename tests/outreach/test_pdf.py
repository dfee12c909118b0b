"""Every PDF goes through outreach.pdf.render_pdf, whose URL fetcher loads only the static files
we ship: a file: path, an http: address, a data: URI or a ../ out of the static folder is never
fetched (ASVS 12.6.1, 5.2.6), while our own stylesheet and its images still load."""

import base64
import io
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from PIL import Image
from weasyprint import HTML

from outreach.pdf import render_pdf


def png(side):
    buffer = io.BytesIO()
    Image.new("RGB", (side, side), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def image_sizes(pdf, tmp_path):
    """(width, height) of every image embedded in the PDF, as poppler lists them."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return sorted((int(line.split()[3]), int(line.split()[4])) for line in listing)


@pytest.fixture
def http_server():
    """A local server that would hand out an image, recording every request it gets."""
    requests = []
    image = png(9)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(image)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def static_dir(tmp_path):
    """Our static files (a stylesheet that draws an image, and an image), one as collectstatic
    shipped it under a hashed name, and a file beside the static folder that a ../ would reach."""
    source, collected = tmp_path / "static", tmp_path / "collected"
    (source / "css").mkdir(parents=True)
    collected.mkdir()
    (source / "css" / "print.css").write_text(".mark::before { content: url(../bg.png); }")
    (source / "bg.png").write_bytes(png(3))
    (source / "dot.png").write_bytes(png(5))
    (collected / "dot.0123abcd.png").write_bytes(png(4))
    (tmp_path / "secret.png").write_bytes(png(11))
    with override_settings(STATICFILES_DIRS=[source], STATIC_ROOT=collected):
        yield tmp_path


def foreign_references(tmp_path, server_url):
    data_uri = "data:image/png;base64," + base64.b64encode(png(7)).decode()
    return (
        f'<img src="file://{tmp_path}/secret.png">'
        '<img src="file:///etc/passwd">'
        f'<img src="{server_url}/internal.png">'
        f'<link rel="stylesheet" href="{server_url}/evil.css">'
        f'<img src="{data_uri}">'
    )


def test_it_loads_only_our_static_files_into_a_pdf(static_dir, http_server):
    server_url, requests = http_server
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/print.css"></head><body>'
        '<p class="mark"></p>'
        '<img src="/static/dot.png"><img src="/static/dot.0123abcd.png">'
        '<img src="/static/../secret.png"><img src="/static/%2e%2e/secret.png">'
        '<img src="/static/dot.png/../../secret.png">'
        f"{foreign_references(static_dir, server_url)}</body></html>"
    )

    pdf = render_pdf(html)

    assert image_sizes(pdf, static_dir) == [(3, 3), (4, 4), (5, 5)]
    assert requests == []


def test_it_would_have_fetched_them_with_weasyprints_own_fetcher(static_dir, http_server):
    # The control: the same references with WeasyPrint's default fetcher do get fetched, so the
    # test above can fail.
    server_url, requests = http_server
    html = f"<html><body>{foreign_references(static_dir, server_url)}</body></html>"

    pdf = HTML(string=html).write_pdf()

    assert image_sizes(pdf, static_dir) == [(7, 7), (9, 9), (11, 11)]
    assert "/internal.png" in requests
