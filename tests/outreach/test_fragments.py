"""`{% cached %}` (outreach/fragments.py): a block is drawn once for the same values and language,
again for any other, and comes back from the cache exactly as it was drawn, escaped."""

import itertools
import uuid

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template(
    "{% load fragments %}{% cached test-block data %}{{ data.name }} #{{ counter }}{% endcached %}"
)


class Counter:
    """Counts how often the block is drawn."""

    def __init__(self):
        self.numbers = itertools.count(1)

    def __str__(self):
        return str(next(self.numbers))


def draw(data, counter):
    return TEMPLATE.render(Context({"data": data, "counter": counter}))


def test_it_draws_a_block_once_for_the_same_values():
    counter, key = Counter(), str(uuid.uuid4())
    first = draw({"name": "Anton", "key": key}, counter)
    assert first == draw({"key": key, "name": "Anton"}, counter) == "Anton #1"


def test_it_draws_it_again_when_a_value_changes():
    counter, key = Counter(), str(uuid.uuid4())
    assert draw({"name": "Anton", "key": key}, counter) == "Anton #1"
    assert draw({"name": "Marja", "key": key}, counter) == "Marja #2"


def test_it_draws_it_again_in_another_language():
    counter, key = Counter(), str(uuid.uuid4())
    with translation.override("nl"):
        assert draw({"name": "Anton", "key": key}, counter) == "Anton #1"
    with translation.override("en"):
        assert draw({"name": "Anton", "key": key}, counter) == "Anton #2"


def test_it_keeps_what_it_escaped_escaped():
    counter, key = Counter(), str(uuid.uuid4())
    data = {"name": "<script>alert(1)</script>", "key": key}
    drawn, cached = draw(data, counter), draw(data, counter)
    assert drawn == cached == "&lt;script&gt;alert(1)&lt;/script&gt; #1"
