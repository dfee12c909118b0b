from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from outreach import views
from outreach.oidc import Callback, SignIn

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path(
        "oidc/inloggen/",
        login_not_required(SignIn.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "oidc/callback/",
        login_not_required(Callback.as_view()),
        name="oidc_authentication_callback",
    ),
    path("tweestaps/", views.otp_verify, name="otp_verify"),
    path("tweestaps/instellen/", views.otp_setup, name="otp_setup"),
    path("tweestaps/instellen/qr.svg", views.otp_setup_qr, name="otp_setup_qr"),
    path("reservecodes/", views.backup_codes, name="backup_codes"),
    path("taal/", login_not_required(set_language), name="set_language"),
    path("teams/wissel/", views.team_switch, name="team_switch"),
    path("admin/", admin.site.urls),
    path("", include("cases.urls")),
    path("", include("network.urls")),
    path("", include("zrm.urls")),
    path("", include("figures.urls")),
]
