"""A URLconf for tests only (never in outreach.urls): the app's own URLs and one view with a bug,
to see what a server error looks like to a logged-in user."""

from django.urls import path

from outreach.urls import urlpatterns as app_urlpatterns

BROKEN = "/kapot/"


def broken(request):
    raise RuntimeError("a bug, for the test")


urlpatterns = [*app_urlpatterns, path(BROKEN.lstrip("/"), broken)]
