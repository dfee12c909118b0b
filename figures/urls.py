from django.urls import path

from figures import views

urlpatterns = [
    path("organisatie/", views.organisation, name="organisation_figures"),
    path(
        "organisatie/jaarverslag/<int:year>.pdf",
        views.yearly_report_pdf,
        name="yearly_report_pdf",
    ),
    path(
        "organisatie/jaarverslag/<int:year>.csv",
        views.yearly_report_csv,
        name="yearly_report_csv",
    ),
]
