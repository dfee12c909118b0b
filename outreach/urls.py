from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from outreach import views
from outreach.forms import LoginForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", views.logout, name="logout"),
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
]
