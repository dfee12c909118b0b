from django.urls import path

from cases.views import case, clients, partners, signals, team

urlpatterns = [
    path("", clients.home, name="home"),
    path("zoeken/", clients.search, name="search"),
    path("clienten/<int:client_id>/", clients.client_detail, name="client_detail"),
    path("clienten/<int:client_id>/bewerken/", clients.client_edit, name="client_edit"),
    path(
        "clienten/<int:client_id>/toegangslog/",
        clients.client_access_log,
        name="client_access_log",
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
    path("afspraken/<int:agreement_id>/status/", case.agreement_status, name="agreement_status"),
    path("tijdlijn/<int:event_id>/correctie/", case.event_correct, name="event_correct"),
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
    path("teams/<int:team_id>/drempels/", team.team_policy, name="team_policy"),
    path("teams/<int:team_id>/export/<slug:what>.csv", team.team_export, name="team_export"),
]
