from django.urls import path

from cases.views import case, clients, meldcode, partners, signals, team, volunteers, week

urlpatterns = [
    path("", clients.home, name="home"),
    path("zoeken/", clients.search, name="search"),
    path("week/", week.my_week, name="my_week"),
    path("week/agenda-vernieuwen/", week.calendar_feed_renew, name="calendar_feed_renew"),
    path("agenda/<str:token>.ics", week.calendar_feed, name="calendar_feed"),
    path("clienten/<int:client_id>/", clients.client_detail, name="client_detail"),
    path("clienten/<int:client_id>/bewerken/", clients.client_edit, name="client_edit"),
    path(
        "clienten/<int:client_id>/toegangslog/",
        clients.client_access_log,
        name="client_access_log",
    ),
    path(
        "clienten/<int:client_id>/inzage/",
        clients.client_inspection_request,
        name="client_inspection_request",
    ),
    path(
        "clienten/<int:client_id>/inspectie.pdf",
        clients.client_inspection,
        {"fmt": "pdf"},
        name="client_inspection_pdf",
    ),
    path(
        "clienten/<int:client_id>/inspectie.json",
        clients.client_inspection,
        {"fmt": "json"},
        name="client_inspection_json",
    ),
    path("clienten/<int:client_id>/verwijderen/", clients.client_delete, name="client_delete"),
    path("signalen/", signals.signal_list, name="signal_list"),
    path("signalen/nieuw/", signals.signal_create, name="signal_create"),
    path("signalen/<int:signal_id>/", signals.signal_detail, name="signal_detail"),
    path(
        "signalen/<int:signal_id>/zoek-client/",
        signals.signal_client_search,
        name="signal_client_search",
    ),
    path("signalen/<int:signal_id>/koppelen/", signals.signal_link, name="signal_link"),
    path(
        "signalen/<int:signal_id>/nieuwe-client/",
        signals.signal_new_client,
        name="signal_new_client",
    ),
    path("signalen/<int:signal_id>/afwijzen/", signals.signal_decline, name="signal_decline"),
    path(
        "signalen/<int:signal_id>/terugkoppeling/", signals.signal_feedback, name="signal_feedback"
    ),
    path("casussen/<int:case_id>/", case.case_detail, name="case_detail"),
    path("casussen/<int:case_id>/verwijderen/", case.case_delete, name="case_delete"),
    path("casussen/<int:case_id>/ander-team/", case.case_move, name="case_move"),
    path("casussen/<int:case_id>/stap/<slug:move>/", case.case_transition, name="case_transition"),
    path("casussen/<int:case_id>/contact/", case.contact_add, name="contact_add"),
    path("casussen/<int:case_id>/poging/", case.attempt_add, name="attempt_add"),
    path("casussen/<int:case_id>/afspraak/", case.agreement_add, name="agreement_add"),
    path("casussen/<int:case_id>/voorfase/", case.prephase_edit, name="prephase_edit"),
    path(
        "casussen/<int:case_id>/voorinformatie/",
        case.prior_information_add,
        name="prior_information_add",
    ),
    path(
        "casussen/<int:case_id>/afgeschermd/",
        case.sensitive_detail_add,
        name="sensitive_detail_add",
    ),
    path("casussen/<int:case_id>/plan/", case.plan_edit, name="plan_edit"),
    path("casussen/<int:case_id>/bezoek-plannen/", week.visit_plan, name="visit_plan"),
    path("afspraken/<int:agreement_id>/status/", case.agreement_status, name="agreement_status"),
    path("tijdlijn/<int:event_id>/correctie/", case.event_correct, name="event_correct"),
    path("casussen/<int:case_id>/meldcode/", meldcode.meldcode_start, name="meldcode_start"),
    path("meldcode/<int:trajectory_id>/", meldcode.meldcode_detail, name="meldcode_detail"),
    path(
        "meldcode/<int:trajectory_id>/stap/<slug:key>/",
        meldcode.meldcode_step,
        name="meldcode_step",
    ),
    path("meldcode/<int:trajectory_id>/meldcode.pdf", meldcode.meldcode_pdf, name="meldcode_pdf"),
    path("teams/<int:team_id>/meldcode/", meldcode.meldcode_overview, name="meldcode_overview"),
    path(
        "teams/<int:team_id>/meldcode/export.csv",
        meldcode.meldcode_export,
        name="meldcode_export",
    ),
    path("teams/<int:team_id>/meldcode/termijnen/", meldcode.meldcode_terms, name="meldcode_terms"),
    path("vrijwilligers/", volunteers.volunteer_service_list, name="volunteer_service_list"),
    path(
        "vrijwilligers/standaardlijst/",
        volunteers.volunteer_catalogue_seed,
        name="volunteer_catalogue_seed",
    ),
    path(
        "vrijwilligers/nieuw/", volunteers.volunteer_service_create, name="volunteer_service_create"
    ),
    path(
        "vrijwilligers/<int:service_id>/",
        volunteers.volunteer_service_detail,
        name="volunteer_service_detail",
    ),
    path(
        "vrijwilligers/<int:service_id>/bewerken/",
        volunteers.volunteer_service_edit,
        name="volunteer_service_edit",
    ),
    path(
        "casussen/<int:case_id>/vrijwilligers/", volunteers.case_volunteers, name="case_volunteers"
    ),
    path(
        "casussen/<int:case_id>/vrijwilligers/aanvragen/",
        volunteers.volunteer_request_add,
        name="volunteer_request_add",
    ),
    path(
        "vrijwilligers/aanvragen/<int:request_id>/status/",
        volunteers.volunteer_request_status,
        name="volunteer_request_status",
    ),
    path("partners/", partners.partner_list, name="partner_list"),
    path("partners/nieuw/", partners.partner_create, name="partner_create"),
    path("partners/<int:partner_id>/", partners.partner_detail, name="partner_detail"),
    path("partners/<int:partner_id>/bewerken/", partners.partner_edit, name="partner_edit"),
    path(
        "partners/<int:partner_id>/contactpersoon/",
        partners.partner_contact_add,
        name="partner_contact_add",
    ),
    path(
        "contactpersonen/<int:contact_id>/bewerken/",
        partners.partner_contact_edit,
        name="partner_contact_edit",
    ),
    path("teams/<int:team_id>/", team.team_detail, name="team_detail"),
    path("teams/<int:team_id>/werkers/<int:user_id>/", team.team_worker, name="team_worker"),
    path("teams/<int:team_id>/herverdelen/", team.team_reassign, name="team_reassign"),
    path("teams/<int:team_id>/week/", week.team_week, name="team_week"),
    path("teams/<int:team_id>/drempels/", team.team_policy, name="team_policy"),
    path("teams/<int:team_id>/export/<slug:what>.csv", team.team_export, name="team_export"),
]
