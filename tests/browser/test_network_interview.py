"""A worker maps a client's network on a phone: the interview names three people, then one more
is added on the map itself with htmx."""

from network.models import InterviewAnswer, NetworkMember
from tests.browser.conftest import assert_accessible
from tests.cases.factories import open_case

# The drawing with the names (the one of the PDFs; on a phone it is hidden behind the numbered
# one, network/_drawing_screen.html, but its text is still there to read).
DRAWING = "svg.ecogram:not(.ecogram-phone)"
SVG_NAMES = f"{DRAWING} g.member text"
TABLE_NAMES = "table.network-members tbody th[scope=row]"


def drawn(page):
    # SVG elements have no innerText; their text content is the label.
    return [t.strip() for t in page.locator(SVG_NAMES).all_text_contents()]


def mark_fill(page, name):
    group = page.locator(f"{DRAWING} g.member").filter(has_text=name)
    return group.locator("circle").first.get_attribute("fill")


def test_it_maps_the_network_from_the_interview_and_adds_one_more_with_htmx(login_as, owner, team):
    case = open_case(acting_user=owner, team=team, first_name="Ria", last_name="van Dijk")
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.locator("nav.case-tabs a[href$='/netwerk/']").click()
    page.locator("#network-body").wait_for()
    assert page.url.endswith(f"/casussen/{case.pk}/netwerk/")
    assert drawn(page) == []

    page.locator(f"a[href$='/casussen/{case.pk}/netwerk/interview/']").click()
    page.locator("form.interview-form").wait_for()
    assert_accessible(page)
    page.locator("[name=answer_friends_in_wijk]").fill("Ja, Anna van hiernaast.")
    page.locator("[name=add_friends_in_wijk]").fill("Anna")
    page.locator("[name=answer_talk_to]").fill("Met mijn zus, elke week.")
    page.locator("[name=add_talk_to]").fill("Zus Wilma")
    page.locator("[name=answer_contacts_before_problems]").fill("Kees van mijn oude werk.")
    page.locator("[name=add_contacts_before_problems]").fill("Kees")
    page.locator("form.interview-form button[type=submit]").click()

    page.locator(".messages").wait_for()
    assert page.url.endswith(f"/casussen/{case.pk}/netwerk/")
    names = drawn(page)
    assert len(names) == 3
    for name in ("Anna", "Zus Wilma", "Kees"):
        assert any(n.startswith(name) for n in names), (name, names)
    assert sorted(page.locator(TABLE_NAMES).all_inner_texts()) == ["Anna", "Kees", "Zus Wilma"]
    assert mark_fill(page, "Kees") == "#ffffff"  # the sleeping contact is drawn hollow
    assert mark_fill(page, "Anna") == "#111827"
    assert InterviewAnswer.objects.get(question="talk_to").answer == "Met mijn zus, elke week."
    assert NetworkMember.objects.get(name="Kees").status == "sleeping"
    assert_accessible(page)

    # One more person on the map itself: htmx swaps the drawing, the page stays.
    url = page.url
    page.evaluate("window.__stayed = true")
    page.locator("#network-body details summary").click()
    form = page.locator("#network-body form.record-form")
    form.locator("[name=name]").fill("Buurman Henk")
    form.locator("[name=relation]").select_option("neighbour")
    form.locator("input[name=ring][value='1']").check()
    form.locator("[name=support_practical]").select_option("receives")
    form.locator("button[type=submit]").click()

    page.locator(".ecogram-key dd", has_text="Buurman Henk").wait_for()  # the phone's names
    assert page.url == url
    assert page.evaluate("window.__stayed") is True  # no page load happened
    assert len(drawn(page)) == 4
    assert sorted(page.locator(TABLE_NAMES).all_inner_texts()) == [
        "Anna",
        "Buurman Henk",
        "Kees",
        "Zus Wilma",
    ]
    assert NetworkMember.objects.get(name="Buurman Henk").ring == 1
    assert page.viewport_size == {"width": 390, "height": 844}
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_it_shows_an_empty_network_with_its_warning_accessibly(login_as, owner, team):
    case = open_case(acting_user=owner, team=team)
    page = login_as(owner, f"/casussen/{case.pk}/netwerk/")
    page.locator("ul.network-warnings li").first.wait_for()
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
