"""The admin's ZRM versions: loading a file through zrm.services.matrix_load, and marking the
version new trajectories use. Texts stay read-only."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.zrm.factories import EXAMPLE, EXAMPLE_FILE, example_data, example_matrix
from zrm.models import ZrmMatrix
from zrm.selectors import current_matrix

LOAD = "admin:zrm_zrmmatrix_load"


@pytest.fixture
def admin_user(lead):
    lead.is_staff = lead.is_superuser = True
    lead.save(update_fields=["is_staff", "is_superuser"])
    return lead


def upload(client, content, **extra):
    file = SimpleUploadedFile("versie.json", content, content_type="application/json")
    return client.post(reverse(LOAD), {"file": file, **extra})


def test_it_loads_an_uploaded_version_and_makes_it_current(client, admin_user):
    client.force_login(admin_user)
    assert "Een ZRM-versie laden" in client.get(reverse("admin:zrm_zrmmatrix_changelist")).text

    response = upload(client, EXAMPLE_FILE.read_bytes(), make_current="on")

    assert response.status_code == 302
    matrix = ZrmMatrix.objects.get(key=EXAMPLE)
    assert matrix.loaded_by == admin_user and current_matrix() == matrix


def test_it_shows_every_fault_by_the_file_and_stores_nothing(client, admin_user):
    data = example_data()
    data["domains"][0]["descriptors"]["3"]["nl"] = ""
    client.force_login(admin_user)

    response = upload(client, json.dumps(data).encode())

    assert response.status_code == 200
    assert "Domein finances, niveau 3: de beschrijving is leeg." in response.text
    assert not ZrmMatrix.objects.filter(key=EXAMPLE).exists()
    response = upload(client, b"\xff not json")
    assert "Dit bestand is geen geldige JSON (UTF-8)." in response.text


def test_it_marks_the_chosen_version_for_new_trajectories(client, admin_user):
    example = example_matrix(admin_user)
    client.force_login(admin_user)

    client.post(
        reverse("admin:zrm_zrmmatrix_changelist"),
        {"action": "make_current", "_selected_action": [example.pk]},
    )

    assert current_matrix() == example


def test_it_lets_only_those_who_may_add_versions_load_one(client, lead):
    lead.is_staff = True
    lead.save(update_fields=["is_staff"])
    client.force_login(lead)
    assert client.get(reverse(LOAD)).status_code == 403
