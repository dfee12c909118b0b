from django.urls import path

from network import views

urlpatterns = [
    path("casussen/<int:case_id>/netwerk/", views.case_network, name="network_case"),
    path("casussen/<int:case_id>/netwerk/persoon/", views.member_add, name="network_member_add"),
    path("casussen/<int:case_id>/netwerk/interview/", views.interview, name="network_interview"),
    path(
        "casussen/<int:case_id>/netwerk/momentopname/", views.snapshot_take, name="network_snapshot"
    ),
    path(
        "casussen/<int:case_id>/netwerk/beginnetwerk/",
        views.begin_network_record,
        name="network_begin_record",
    ),
    path(
        "casussen/<int:case_id>/netwerk/vergelijken/",
        views.snapshot_compare,
        name="network_compare",
    ),
    path("netwerk/personen/<int:member_id>/", views.member_edit, name="network_member_edit"),
    path(
        "netwerk/personen/<int:member_id>/verwijderen/",
        views.member_remove,
        name="network_member_remove",
    ),
    path("teams/<int:team_id>/netwerk/", views.team_network, name="network_team"),
    path(
        "netwerk/vrijwilligers/<int:request_id>/koppelen/",
        views.volunteer_match,
        name="network_volunteer_match",
    ),
    path("casussen/<int:case_id>/netwerk/ikzelf/", views.worker_place, name="network_worker_place"),
]
