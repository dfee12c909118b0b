from django.urls import path

from zrm import views

urlpatterns = [
    path("casussen/<int:case_id>/zrm/", views.case_zrm, name="zrm_case"),
    path("casussen/<int:case_id>/zrm/nieuw/", views.assessment_start, name="zrm_start"),
    path("casussen/<int:case_id>/zrm/doelen/", views.targets, name="zrm_targets"),
    path("casussen/<int:case_id>/zrm/rapport/", views.report, name="zrm_report"),
    path("zrm/<int:assessment_id>/", views.assessment, name="zrm_assessment"),
    path("zrm/<int:assessment_id>/corrigeren/", views.assessment_correct, name="zrm_correct"),
    path("teams/<int:team_id>/zrm/", views.team_zrm, name="zrm_team"),
]
