"""PDFs from our own templates, with WeasyPrint. Every PDF (the ZRM report, the inspection file)
goes through `render_pdf`, whose URL fetcher serves only the static files we ship.

WeasyPrint's default fetcher opens whatever a document points at: `file:` paths on the server,
`http(s):` addresses inside the network (SSRF), `data:` URIs. A PDF holds client text, so a
reference that slipped into it must not read a server file into a document a team lead hands
over, nor make the server call an internal address. Our templates use inline styles and inline
SVG; a file they refer to goes through `{% static %}`, so a relative `/static/…` URL is the only
kind this fetcher answers: from what collectstatic shipped (with its hashed names in production),
else from the static finders (development, tests).
"""

import contextlib
import gc
import mimetypes
import threading
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from outreach.pdf_drawings import drawings_as_images

# Relative URLs resolve against this base. `.invalid` never resolves (RFC 2606): the fetcher maps
# its static paths to files and opens nothing on the network.
STATIC_BASE_URL = "https://outreach.invalid/"
STATIC_ORIGIN = urlsplit(STATIC_BASE_URL)


class RefusedResource(ValueError):
    """A PDF referred to something other than one of our static files."""


def static_file_for(url):
    """The path of the static file that `url` names, or None for anything else."""
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (STATIC_ORIGIN.scheme, STATIC_ORIGIN.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL):
        return None
    relative = PurePosixPath(path.removeprefix(settings.STATIC_URL))
    if relative.is_absolute() or ".." in relative.parts or "\\" in str(relative):
        return None
    name = str(relative)
    found = staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
    found = found or finders.find(name)
    return found if found and Path(found).is_file() else None


class StaticOnlyURLFetcher(URLFetcher):
    """Our static files, and the drawings of this render (outreach.pdf_drawings): {url: SVG}."""

    def __init__(self, *args, drawings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.drawings = drawings or {}

    def fetch(self, url, headers=None):
        if url in self.drawings:
            return URLFetcherResponse(url, self.drawings[url], {"Content-Type": "image/svg+xml"})
        path = static_file_for(url)
        if path is None:
            raise RefusedResource(f"PDF resource refused: {url[:200]}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        with open(path, "rb") as static_file:
            body = static_file.read()
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


_fonts = threading.local()


def font_config():
    """This thread's WeasyPrint font configuration, made once. Without one WeasyPrint makes a
    new one per PDF: fontconfig loads its configuration and font list again and Pango starts
    with empty font and shaping caches. Pango's font map is not safe to share between
    threads, hence one per thread (gunicorn's sync workers have one)."""
    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return _fonts.config


_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = False


@contextlib.contextmanager
def cyclic_gc_paused():
    """Python's cyclic garbage collector off while the block runs (in any thread; it is one
    switch for the process, so the last block to end turns it back on, and only if it was on).

    A render allocates some hundred thousand objects that live until the PDF is written, so
    the collector runs over and over during it, and its full runs walk the whole heap of the
    worker (the Django app: about 140,000 objects) as well: a fifth of the ZRM report's time
    (docs/performance.md). Reference counting frees nearly all of a render's objects when it
    ends; the few cycles among them wait for the collector's next run after the block."""
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        if _collector_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pauses += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                gc.enable()


def render_pdf(html):
    html, drawings = drawings_as_images(html)
    with cyclic_gc_paused():
        return HTML(
            string=html,
            base_url=STATIC_BASE_URL,
            url_fetcher=StaticOnlyURLFetcher(drawings=drawings),
        ).write_pdf(font_config=font_config())
