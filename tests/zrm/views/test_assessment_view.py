"""Filling in, autosaving and finalising an assessment (zrm.views.assessment)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, TimelineEvent
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import events
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers
from tests.zrm.factories import close, domains, finalised_assessment
from zrm import services
from zrm.models import ZrmAssessment, ZrmDescriptor, ZrmScore

pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


@pytest.fixture
def draft(case, owner):
    return services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )


def url(assessment):
    return reverse("zrm_assessment", args=[assessment.pk])


def form_data(levels, reasons=None, notes=None, action=None):
    """POST data by domain key: levels "1".."5" or "na"; a domain left out stays empty."""
    ids = {d.key: d.pk for d in domains()}
    data = {f"level_{ids[k]}": v for k, v in levels.items()}
    data |= {f"reason_{ids[k]}": v for k, v in (reasons or {}).items()}
    data |= {f"note_{ids[k]}": v for k, v in (notes or {}).items()}
    if action:
        data["action"] = action
    return data


def saved(assessment):
    return {
        s.domain.key: (s.level, s.not_assessed_reason, s.note)
        for s in ZrmScore.objects.filter(assessment=assessment).select_related("domain")
    }


def checked(html):
    """{domain key: the value of its checked radio}."""
    keys = {d.pk: d.key for d in domains()}
    found = re.findall(r'<input type="radio" name="level_(\d+)" value="(\w+)"[^>]*\bchecked', html)
    return {keys[int(pk)]: value for pk, value in found}


def every_level(**overrides):
    """Levels 1, 2, 3, 4, 5, 1, … in domain order."""
    values = {d.key: str(i % 5 + 1) for i, d in enumerate(domains())}
    values.update(overrides)
    return values


def test_it_shows_every_domain_with_its_five_levels_and_descriptors(client, owner, draft):
    client.force_login(owner)
    html = client.get(url(draft)).content.decode()
    assert html.count('<fieldset class="zrm-domain"') == 11
    for d in domains():
        assert len(re.findall(rf'type="radio" name="level_{d.pk}" value="(\w+)"', html)) == 6
    assert ZrmDescriptor.objects.get(domain__key="adl", level=4).text in html
    assert 'id="save-status"' in html
    assert checked(html) == {}


def test_it_autosaves_with_htmx_answering_only_the_status(client, owner, draft):
    client.force_login(owner)
    data = form_data(
        {"finances": "2", "justice": "na"},
        reasons={"justice": "Niet aan toegekomen."},
        notes={"finances": "Schulden bij de Belastingdienst."},
    )

    response = client.post(url(draft), as_opened(draft, data), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    body = response.content.decode().strip()
    assert body.startswith('<p id="save-status"') and body.endswith("</p>")
    assert body.count("<p") == 1 and "<form" not in body and "<html" not in body
    assert re.search(r"\b\d\d:\d\d\b", body)  # the time it was saved
    assert saved(draft)["finances"] == (2, "", "Schulden bij de Belastingdienst.")
    assert saved(draft)["justice"] == (None, "Niet aan toegekomen.", "")
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    entry = AccessLogEntry.objects.filter(user=owner).latest("id")
    assert (entry.action, entry.record_type, entry.record_id) == (
        "change",
        "zrm.zrmassessment",
        str(draft.pk),
    )


def test_it_answers_a_failed_autosave_with_the_status_only(client, owner, draft):
    client.force_login(owner)
    # "not assessed" without a reason is refused; nothing of the post is saved.
    data = form_data({"finances": "2", "justice": "na"})

    response = client.post(url(draft), as_opened(draft, data), HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    body = response.content.decode().strip()
    assert body.startswith('<p id="save-status"') and "<form" not in body
    assert set(saved(draft).values()) == {(None, "", "")}


def test_it_saves_a_draft_without_javascript(client, owner, draft):
    client.force_login(owner)
    response = client.post(url(draft), as_opened(draft, form_data({"housing": "4"}, action="save")))
    assert response.status_code == 302 and response.url == url(draft)
    assert saved(draft)["housing"] == (4, "", "")
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"


def test_it_refuses_to_finalise_with_a_domain_missing_and_keeps_everything(
    client, owner, case, draft
):
    client.force_login(owner)
    levels = every_level(adl="na")
    del levels["justice"]
    data = form_data(
        levels,
        reasons={"adl": "Niet gezien thuis."},
        notes={"housing": "Huurachterstand van drie maanden."},
        action="finalise",
    )
    before = len(events(case))

    response = client.post(url(draft), as_opened(draft, data))

    assert response.status_code == 200
    html = response.content.decode()
    errors = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', html, re.S).group(1)
    assert "Justitie" in errors and "Financiën" not in errors
    assert checked(html) == levels  # every choice made stays made
    assert 'value="Niet gezien thuis."' in html
    assert "Huurachterstand van drie maanden.</textarea>" in html
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    case = Case.objects.get(pk=case.pk)
    assert case.zrm_begin_at is None
    assert len(events(case)) == before


def test_it_finalises_and_goes_back_to_the_zrm_tab(client, owner, case, draft):
    client.force_login(owner)
    data = form_data(every_level(justice="na"), reasons={"justice": "Geen zicht op."})

    response = client.post(
        url(draft), as_opened(draft, {**data, "empty_map": "no_network", "action": "finalise"})
    )

    assert response.status_code == 302
    assert response.url == reverse("zrm_case", args=[case.pk])
    final = ZrmAssessment.objects.get(pk=draft.pk)
    assert final.status == "final"
    assert saved(final)["finances"] == (1, "", "")
    assert saved(final)["justice"] == (None, "Geen zicht op.", "")
    assert Case.objects.get(pk=case.pk).zrm_begin_at is not None
    assert [e.data["assessment_id"] for e in events(case, TimelineEvent.Kind.ZRM)] == [final.pk]


def test_it_shows_a_finalised_assessment_read_only_with_a_link_to_correct(client, owner, case):
    final = finalised_assessment(case, owner, "begin", {"finances": 2, "adl": 4})
    client.force_login(owner)

    html = client.get(url(final)).content.decode()

    assert 'type="radio"' not in html and "<textarea" not in html
    assert 'class="zrm-form"' not in html
    assert f'href="{reverse("zrm_correct", args=[final.pk])}"' in html
    assert ZrmDescriptor.objects.get(domain__key="finances", level=2).text in html
    assert ZrmDescriptor.objects.get(domain__key="adl", level=4).text in html
    assert ZrmDescriptor.objects.get(domain__key="adl", level=3).text not in html


def test_it_changes_nothing_when_a_finalised_assessment_is_posted(client, owner, case):
    final = finalised_assessment(case, owner, "begin", default=3)
    client.force_login(owner)
    before = saved(final)
    for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
        client.post(
            url(final), as_opened(final, form_data(every_level(), action="finalise")), **extra
        )
    assert saved(final) == before
    assert ZrmAssessment.objects.get(pk=final.pk).finalised_at == final.finalised_at


def test_it_offers_no_correction_on_a_closed_case(client, owner, case):
    final = finalised_assessment(case, owner, "begin")
    close(case, owner, no_zrm_reason="Verhuisd.")
    assert Case.objects.get(pk=case.pk).phase == Phase.AFGESLOTEN
    client.force_login(owner)
    html = client.get(url(final)).content.decode()
    assert reverse("zrm_correct", args=[final.pk]) not in html


def test_it_keeps_the_first_draft_save_and_shows_both_to_the_second_of_two_workers(
    owner, colleague, draft
):
    first, second = two_workers(owner, colleague)
    version = opened_version(first.get(url(draft)))
    assert opened_version(second.get(url(draft))) == version

    first.post(
        url(draft), {**form_data({"housing": "4"}, action="save"), "expected_version": version}
    )
    response = second.post(
        url(draft), {**form_data({"housing": "2"}, action="save"), "expected_version": version}
    )

    html = assert_conflict_page(response, stored=["Huisvesting"], typed=[])
    assert re.search(r"Huisvesting</dt>\s*<dd[^>]*>.*4.*</dd>\s*<dd[^>]*>.*2.*</dd>", html)
    assert saved(draft)["housing"] == (4, "", "")


def test_it_carries_the_new_version_after_each_autosave_and_flags_a_conflict(
    owner, colleague, draft
):
    first, second = two_workers(owner, colleague)
    version = opened_version(first.get(url(draft)))
    opened_version(second.get(url(draft)))

    saved_first = first.post(
        url(draft),
        {**form_data({"housing": "4"}), "expected_version": version},
        HTTP_HX_REQUEST="true",
    )
    # The first worker's page goes on with the new version: their next autosave goes through.
    assert opened_version(saved_first) == version + 1
    again = first.post(
        url(draft),
        {**form_data({"housing": "5"}), "expected_version": version + 1},
        HTTP_HX_REQUEST="true",
    )
    assert again.status_code == 200

    response = second.post(
        url(draft),
        {**form_data({"housing": "1"}), "expected_version": version},
        HTTP_HX_REQUEST="true",
    )

    body = response.content.decode().strip()
    assert response.status_code == 409
    assert body.startswith('<p id="save-status"') and "<form" not in body
    assert "Iemand anders heeft dit intussen gewijzigd" in body
    assert saved(draft)["housing"] == (5, "", "")


def test_it_goes_on_from_the_saved_version_when_finalising_is_refused(client, owner, draft):
    # Finalise pressed with a domain still open: the levels posted are saved (a new version) and
    # the page comes back with that version, so its next autosave is no conflict with itself.
    client.force_login(owner)
    version = opened_version(client.get(url(draft)))
    levels = every_level()
    del levels["justice"]
    data = {**form_data(levels, action="finalise"), "expected_version": version}

    response = client.post(url(draft), data)

    assert response.status_code == 200
    assert "Justitie" in response.content.decode()
    assert opened_version(response) == version + 1 == ZrmAssessment.objects.get(pk=draft.pk).version
    autosave = client.post(
        url(draft),
        {**form_data({**levels, "justice": "2"}), "expected_version": opened_version(response)},
        HTTP_HX_REQUEST="true",
    )
    assert autosave.status_code == 200
    assert "Iemand anders" not in autosave.content.decode()
    assert saved(draft)["justice"] == (2, "", "")


def test_it_shows_the_level_texts_on_the_conflict_page_and_says_je(owner, colleague, draft):
    first, second = two_workers(owner, colleague)
    version = opened_version(first.get(url(draft)))
    first.post(url(draft), {**form_data({"housing": "4"}), "expected_version": version})

    response = second.post(
        url(draft), {**form_data({"housing": "2"}, action="save"), "expected_version": version}
    )

    stored, typed = (
        ZrmDescriptor.objects.get(domain__key="housing", level=level).text for level in (4, 2)
    )
    html = assert_conflict_page(response, stored=[stored], typed=[typed])
    rows = re.search(r'<dl class="conflict-rows">(.*?)</dl>', html, re.S).group(1)
    assert stored in rows and typed in rows
    # The form again as on the assessment page: every level with its descriptor, the typed one
    # chosen, on the stored version.
    assert html.count('<fieldset class="zrm-domain"') == 11
    assert html.count('class="zrm-descriptor"') == 55
    assert checked(html) == {"housing": "2"}
    assert opened_version(response) == version + 1
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    assert not re.search(r"\b([Uu]w?)\b", re.sub(r"<[^>]+>", " ", main))
    assert "Jouw versie toch opslaan?" in main


def test_it_saves_the_sources_reason_and_split_of_a_domain(client, owner, draft):
    finances = {d.key: d.pk for d in domains()}["finances"]
    client.force_login(owner)
    data = form_data({"finances": "2"}, action="save")
    data |= {
        f"sources_{finances}": ["client", "network"],
        f"rationale_{finances}": "Zus doet de administratie.",
        f"own_{finances}": "20",
        f"network_{finances}": "60",
        f"help_{finances}": "20",
    }

    assert client.post(url(draft), as_opened(draft, data)).status_code == 302

    row = ZrmScore.objects.get(assessment=draft, domain_id=finances)
    assert (row.level, row.sources, row.rationale, row.split) == (
        2,
        ["client", "network"],
        "Zus doet de administratie.",
        (20, 60, 20),
    )
    html = client.get(url(draft)).content.decode()
    assert f'name="network_{finances}" value="60"' in html
    assert "Bronnen, onderbouwing en wat het niveau draagt" in html


def test_it_autosaves_a_split_being_typed(client, owner, draft):
    finances = {d.key: d.pk for d in domains()}["finances"]
    client.force_login(owner)
    data = form_data({"finances": "3"}) | {f"own_{finances}": "50"}

    response = client.post(url(draft), as_opened(draft, data), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    row = ZrmScore.objects.get(assessment=draft, domain_id=finances)
    assert (row.level, row.shares) == (3, (50, None, None))


def test_it_saves_an_autosave_sent_with_the_finalise_button_as_a_draft(client, owner, draft):
    # htmx sends the last pressed submit button with a queued autosave: pressing Finalise while
    # one waits must not turn the autosave into a finalise (the split still being typed).
    finances = {d.key: d.pk for d in domains()}["finances"]
    client.force_login(owner)
    data = form_data({"finances": "3"}, action="finalise") | {f"own_{finances}": "50"}

    response = client.post(url(draft), as_opened(draft, data), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    row = ZrmScore.objects.get(assessment=draft, domain_id=finances)
    assert (row.level, row.shares) == (3, (50, None, None))
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"


def test_it_refuses_to_finalise_a_split_that_does_not_add_up_and_keeps_what_was_typed(
    client, owner, draft
):
    finances = {d.key: d.pk for d in domains()}["finances"]
    client.force_login(owner)
    data = form_data(every_level(housing="4"), action="finalise")
    data |= {f"own_{finances}": "50", f"network_{finances}": "30", f"help_{finances}": ""}

    response = client.post(url(draft), as_opened(draft, data))

    assert response.status_code == 200
    html = response.content.decode()
    error = "Vul alle drie in, samen 100%, of laat alle drie leeg."
    # The message stands by the split of the domain it is about.
    block = html[html.index('id="domain-finances"') : html.index('id="domain-daytime_activities"')]
    assert error in block and error not in html.replace(block, "")
    assert f'name="own_{finances}" value="50"' in html
    assert checked(html)["housing"] == "4"
    draft.refresh_from_db()
    assert draft.status == "draft"
