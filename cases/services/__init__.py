"""Every write in cases: keyword-only, atomic, with acting_user, and each writes its timeline event.

Views, commands, demo data, tests and the network and zrm apps call these functions as
`cases.services.<name>`. Refused input raises django.core.exceptions.ValidationError with messages
by field (None for the form as a whole) and changes nothing. `core` holds the case's own story
(signals, clients, phases, what is recorded on a case); `planning` planned visits and the
calendar feed; `coworkers` the people on a case besides its worker; `lifecycle` deleting,
restoring, reassigning and moving files; `meldcode` the meldcode trajectories; `meetings` case
meetings and their agendas; `partners` the team's directory of partner organisations; `phrases`
the team's snelteksten for a contact's note; `volunteers` the catalogue of volunteer services
and the requests for them.
"""

from cases.services.core import (
    agreement_add,
    agreement_set_status,
    attempt_record,
    case_record_zrm,
    case_transition,
    case_update_plan,
    case_update_prephase,
    check_case_open,
    client_create,
    client_update,
    contact_log,
    prior_information_add,
    sensitive_detail_add,
    signal_accept,
    signal_decline,
    signal_feedback_record,
    signal_register,
    timeline_correct,
    timeline_record,
)
from cases.services.coworkers import (
    coworker_add,
    coworker_end,
    coworker_grant_access,
    coworker_revoke_access,
)
from cases.services.lifecycle import (
    case_delete,
    case_move_team,
    case_reassign,
    case_restore,
    client_delete,
    client_restore,
    team_policy_set,
    team_year_target_set,
)
from cases.services.meetings import (
    agenda_item_add,
    agenda_item_remove,
    case_discussion_record,
    meeting_plan,
    meeting_record,
)
from cases.services.meldcode import meldcode_start, meldcode_step_record, meldcode_terms_set
from cases.services.partners import (
    check_directory_choice,
    partner_contact_add,
    partner_contact_update,
    partner_create,
    partner_update,
)
from cases.services.phrases import (
    note_phrase_add,
    note_phrase_move,
    note_phrase_remove,
    note_phrase_update,
    note_phrases_add_defaults,
)
from cases.services.planning import calendar_feed_renew, visit_plan
from cases.services.volunteers import (
    volunteer_catalogue_seed,
    volunteer_request_add,
    volunteer_request_match,
    volunteer_request_status_set,
    volunteer_service_create,
    volunteer_service_update,
)

__all__ = [
    "agenda_item_add",
    "agenda_item_remove",
    "case_discussion_record",
    "meeting_plan",
    "meeting_record",
    "agreement_add",
    "agreement_set_status",
    "attempt_record",
    "calendar_feed_renew",
    "case_delete",
    "case_move_team",
    "case_reassign",
    "case_record_zrm",
    "case_restore",
    "case_transition",
    "case_update_plan",
    "case_update_prephase",
    "check_case_open",
    "check_directory_choice",
    "client_create",
    "client_delete",
    "client_restore",
    "client_update",
    "contact_log",
    "coworker_add",
    "coworker_end",
    "coworker_grant_access",
    "coworker_revoke_access",
    "meldcode_start",
    "meldcode_step_record",
    "meldcode_terms_set",
    "note_phrase_add",
    "note_phrase_move",
    "note_phrase_remove",
    "note_phrase_update",
    "note_phrases_add_defaults",
    "prior_information_add",
    "sensitive_detail_add",
    "partner_contact_add",
    "partner_contact_update",
    "partner_create",
    "partner_update",
    "signal_accept",
    "signal_decline",
    "signal_feedback_record",
    "signal_register",
    "team_policy_set",
    "team_year_target_set",
    "timeline_correct",
    "timeline_record",
    "visit_plan",
    "volunteer_catalogue_seed",
    "volunteer_request_add",
    "volunteer_request_match",
    "volunteer_request_status_set",
    "volunteer_service_create",
    "volunteer_service_update",
]
