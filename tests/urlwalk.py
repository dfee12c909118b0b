"""Every URL pattern of ours, for the tests that must cover all of them (admin has its own)."""

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def our_patterns():
    """(name, converter names) of every named pattern outside the admin."""
    found = []

    def walk(patterns, namespace, prefix):
        for p in patterns:
            route = prefix + str(p.pattern)
            if route.startswith("admin/"):
                continue
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, ns, route)
            elif isinstance(p, URLPattern) and p.name:
                name = f"{namespace}:{p.name}" if namespace else p.name
                found.append((name, tuple(p.pattern.converters)))

    walk(get_resolver().url_patterns, "", "")
    return sorted(set(found))


# Patterns whose argument is a secret key, not a record id: the calendar feed's token is the
# whole access check (tests/cases/views/test_calendar_feed.py).
SECRET_KEYED = {"calendar_feed"}


def record_url_names():
    """Names of the patterns that take a record id."""
    return sorted(
        name for name, converters in our_patterns() if converters and name not in SECRET_KEYED
    )


def sample_path(name, converters):
    return reverse(name, kwargs=dict.fromkeys(converters, 1))
