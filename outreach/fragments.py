"""Rendered pieces of a page kept in the cache, under a digest of everything they are drawn from.

A drawing (the wijkecogram, the ZRM radar) is a pure function of its data: the same members or
scores give the same SVG. Rendering one is a few milliseconds of template work, a large part of
the ZRM and network tabs, while the data behind most drawings (a frozen snapshot, finalised
assessments) never changes. So `{% cached %}` (outreach/templatetags/fragments.py) keys a block
by a digest of the values it is drawn from and the active language: changed data is a new key,
never a stale drawing, and there is nothing to invalidate. Entries expire after
FRAGMENT_SECONDS and live in each worker's own memory (settings.CACHES), never on disk.
"""

import dataclasses
import hashlib
import json
from datetime import date

from django.core.cache import cache
from django.db.models import Model, QuerySet
from django.utils.translation import get_language

FRAGMENT_SECONDS = 60 * 60


class Undigestible(TypeError):
    """A value that does not say what it holds (its str() is its address in memory)."""


def _plain(value):
    """What JSON cannot write itself, as what it stands for. A record stands for its row (a row
    of ours that is shown is never changed, or its change is among the values); a lazy text for
    the text in the active language."""
    if isinstance(value, Model):
        return f"{value._meta.label}:{value.pk}"
    if isinstance(value, QuerySet):
        return list(value)
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    text = str(value)
    if " at 0x" in text:
        raise Undigestible(text)
    return text


def fragment_key(name, values):
    """The cache key of fragment `name` drawn from `values` in the active language."""
    data = json.dumps(
        [*values, get_language()], sort_keys=True, default=_plain, separators=(",", ":")
    )
    return f"fragment:{name}:{hashlib.sha256(data.encode()).hexdigest()}"


def cached_fragment(name, values, render):
    """The fragment from the cache, else `render()`, kept for FRAGMENT_SECONDS. Values that
    cannot be digested are a fragment drawn every time."""
    try:
        key = fragment_key(name, values)
    except Undigestible:
        return render()
    fragment = cache.get(key)
    if fragment is None:
        fragment = render()
        cache.set(key, fragment, FRAGMENT_SECONDS)
    return fragment
