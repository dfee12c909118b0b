"""The shared cast: a team with an owner (the worker whose case it is), a colleague and a lead,
and an outsider and outside lead in another team. Built through the real services."""

from importlib import import_module

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from cases import services
from cases.models import Case, Signal, TimelineEvent
from devdata.outreach import authenticator_for, pass_second_step
from network.services import member_add
from outreach.models import Membership
from outreach.services import backup_codes_regenerate, membership_set, team_create, user_create
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import start as meldcode_start
from zrm.services import assessment_start

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


def make_member(username, team, role, *, first_name="", last_name=""):
    user = user_create(
        acting_user=None,
        username=username,
        password=PASSWORD,
        first_name=first_name or username.capitalize(),
        last_name=last_name or "Tester",
    )
    membership_set(acting_user=None, team=team, user=user, role=role)
    return user


def backup_code_of(user):
    """A fresh backup code for the user (their set is replaced, as on the backup codes page)."""
    authenticator_for(user)
    return backup_codes_regenerate(acting_user=user, user=user)[0]


def log_in_fully(browser, user):
    """A real login: the password, then a backup code at the second step."""
    browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    response = browser.post(reverse("otp_verify"), {"code": backup_code_of(user)})
    assert response.status_code == 302, "second step refused"
    return browser


class VerifiedClient(Client):
    """Django's test client whose force_login gives a session that has passed both steps, the
    way django_otp.login marks it after a code was accepted. No bypass in the app: the user gets
    a real confirmed device, and the session names it. Tests of the second step itself use a
    plain Client and log in with a password."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        pass_second_step(self.session, user)


@pytest.fixture
def client():
    return VerifiedClient()


@pytest.fixture
def team(db):
    return team_create(acting_user=None, name="Outreach Noord", code="NO")


@pytest.fixture
def other_team(db):
    return team_create(acting_user=None, name="Outreach Zuid", code="ZU")


@pytest.fixture
def owner(team):
    return make_member("owner", team, Membership.Role.WORKER, first_name="Olga")


@pytest.fixture
def colleague(team):
    return make_member("colleague", team, Membership.Role.WORKER, first_name="Cor")


@pytest.fixture
def lead(team):
    return make_member("lead", team, Membership.Role.LEAD, first_name="Lotte")


@pytest.fixture
def outsider(other_team):
    return make_member("outsider", other_team, Membership.Role.WORKER, first_name="Otto")


@pytest.fixture
def outsider_lead(other_team):
    return make_member("outsiderlead", other_team, Membership.Role.LEAD, first_name="Olaf")


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    if any("Chromium not found" in str(getattr(r, "longrepr", "")) for r in skipped):
        terminalreporter.write_line("")
        terminalreporter.write_line(
            "!!! BROWSER TESTS SKIPPED: Chromium was not found. Install it "
            "(Debian/Ubuntu: apt-get install chromium; or .venv/bin/playwright install chromium) "
            "or set CHROMIUM_PATH, then run make test again. !!!",
            red=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file in a fresh directory of this run (one per xdist
    worker), not Django's in-memory default. An in-memory database has a single connection, and
    pytest-django hands that one to the live server, whose threads then share it: two requests at
    once (htmx loading two parts of a page) break each other's transactions. With a file, every
    thread opens its own connection with the settings' WAL, busy timeout and IMMEDIATE mode, as
    in production. A fresh directory, because a left-over -wal file would be read into a new
    database of the same name."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "outreach-test.sqlite3")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """The production hasher takes a fifth of a second per user; only the login tests check a
    password, and they work the same with a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def case_in(owner, team):
    """case_in(phase, **client_values): a case of `owner` in `team`, walked to `phase` through the
    services."""

    def make(phase, **client_values):
        return case_in_phase(phase, acting_user=owner, team=team, **client_values)

    return make


@pytest.fixture
def case(request, case_in):
    """The case a module's tests work on, in the phase the module names with
    `pytestmark = pytest.mark.case_phase(Phase...)` (or a test with the same mark)."""
    marker = request.node.get_closest_marker("case_phase")
    if marker is None:
        raise pytest.UsageError("the case fixture needs @pytest.mark.case_phase(phase)")
    return case_in(*marker.args, **marker.kwargs)


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's language, whatever an earlier test's request left active in
    this thread (LocaleMiddleware activates the request's language and does not put it back), so
    no test depends on the order the tests run in."""
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def records(team, owner):
    """One record of every kind, in `team`, made through the services."""
    today = timezone.localdate()

    def signal():
        return services.signal_register(
            acting_user=owner,
            team=team,
            received_on=today,
            source="police",
            subject_name="Kees de Wit",
            observed="Verwaarloosd balkon",
        )

    accepted = signal()
    case = services.signal_accept(
        acting_user=owner,
        signal=accepted,
        assigned_worker=owner,
        client_fields={"first_name": "Kees", "last_name": "de Wit"},
    )
    case = services.case_transition(acting_user=owner, case=case, move="voorfase")
    case = services.case_transition(acting_user=owner, case=case, move="eerste-contact")
    agreement = services.agreement_add(
        acting_user=owner, case=case, description="Post openen", responsible="client"
    )
    return {
        "team": team,
        "client": case.client,
        "signal": Signal.objects.get(pk=accepted.pk),
        "waiting_signal": signal(),
        "case": Case.objects.get(pk=case.pk),
        "agreement": agreement,
        "event": TimelineEvent.objects.filter(case=case).first(),
        "member": member_add(acting_user=owner, case=case, name="Buurvrouw", relation="neighbour"),
        "assessment": assessment_start(
            acting_user=owner, case=case, kind="begin", assessed_on=today
        ),
        "trajectory": meldcode_start(acting_user=owner, case=case),
    }


@pytest.fixture
def migration_data(transactional_db):
    """Live-server tests empty the database afterwards, data migrations included. Django's
    serialized rollback cannot put it back here: inside Playwright's sync API the test runs with a
    different database connection object than the one the contents were serialized on. So the
    data migrations' own loaders run again when their data is gone."""
    from django.apps import apps

    from zrm.models import ZrmMatrix

    if not ZrmMatrix.objects.exists():
        import_module("zrm.migrations.0002_load_zrm_2013").load(apps, None)
        import_module("zrm.migrations.0004_matrix_current_score_sources_split").mark_2013_current(
            apps, None
        )
