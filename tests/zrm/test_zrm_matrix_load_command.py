"""`manage.py zrm_matrix_load FILE`: the same service as the admin, its refusals in Dutch."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.zrm.factories import EXAMPLE, EXAMPLE_FILE, example_data
from zrm.models import ZrmMatrix
from zrm.selectors import current_matrix


def load(*args):
    out = StringIO()
    call_command("zrm_matrix_load", *args, stdout=out)
    return out.getvalue()


def test_it_loads_the_example_file(db):
    output = load(str(EXAMPLE_FILE))

    assert "ZRM version voorbeeld (4 domains): loaded." in output
    assert ZrmMatrix.objects.get(key=EXAMPLE).loaded_by is None
    assert current_matrix().key == "2013"
    assert "nothing changed" in load(str(EXAMPLE_FILE))


def test_it_makes_the_version_current_when_asked(db):
    output = load(str(EXAMPLE_FILE), "--current")

    assert "New trajectories use version voorbeeld." in output
    assert current_matrix().key == EXAMPLE


def test_it_refuses_a_faulty_file_with_every_fault_in_dutch(db, tmp_path):
    data = example_data()
    data["levels"].pop()
    data["domains"][1]["key"] = "finances"
    path = tmp_path / "faulty.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        load(str(path))

    assert str(error.value).splitlines() == [
        "Een ZRM-versie heeft 5 niveaus; dit bestand heeft er 4.",
        "De domeinsleutel finances komt meer dan eens voor.",
    ]
    assert not ZrmMatrix.objects.filter(key=EXAMPLE).exists()


def test_it_refuses_a_file_that_is_not_json(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CommandError):
        load(str(path))
    with pytest.raises(CommandError):
        load(str(tmp_path / "missing.json"))
