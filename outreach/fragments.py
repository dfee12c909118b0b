"""Rendered pieces of a page kept in the cache, under a digest of everything they are drawn from.

A drawing (the wijkecogram, the ZRM radar) is a pure function of its data: the same members or
scores give the same SVG. Rendering one is a few milliseconds of template work, a large part of
the ZRM and network tabs, while the data behind most drawings (a frozen snapshot, finalised
assessments) never changes. So `{% cached %}` (outreach/templatetags/fragments.py) keys a block
by a digest of the values it is drawn from and the active language: changed data is a new key,
never a stale drawing, and there is nothing to invalidate. Entries expire after
FRAGMENT_SECONDS and live in each worker's own memory (settings.CACHES), never on disk.
"""

import hashlib
import json

from django.core.cache import cache
from django.utils.translation import get_language

FRAGMENT_SECONDS = 60 * 60


def fragment_key(name, values):
    """The cache key of fragment `name` drawn from `values` (JSON-able, or str() of them) in the
    active language."""
    data = json.dumps([*values, get_language()], sort_keys=True, default=str, separators=(",", ":"))
    return f"fragment:{name}:{hashlib.sha256(data.encode()).hexdigest()}"


def cached_fragment(name, values, render):
    """The fragment from the cache, else `render()`, kept for FRAGMENT_SECONDS."""
    key = fragment_key(name, values)
    fragment = cache.get(key)
    if fragment is None:
        fragment = render()
        cache.set(key, fragment, FRAGMENT_SECONDS)
    return fragment
