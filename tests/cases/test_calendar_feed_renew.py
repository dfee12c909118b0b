"""A worker's calendar feed address (cases.services.calendar_feed_renew)."""

from cases import services
from cases.models import CalendarFeed


def test_it_gives_a_long_random_token_and_renewing_replaces_it(owner):
    first = services.calendar_feed_renew(acting_user=owner, user=owner)
    assert len(first.token) >= 40
    second = services.calendar_feed_renew(acting_user=owner, user=owner)
    assert second.token != first.token
    assert list(CalendarFeed.objects.values_list("token", flat=True)) == [second.token]
