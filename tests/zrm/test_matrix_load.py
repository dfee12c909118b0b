"""Loading a ZRM version from its JSON file (zrm.services.matrix_load) and choosing the version
new trajectories use (matrix_make_current): the example file of docs/zrm.md loads, every fault
is refused with a Dutch message and nothing stored, and a loaded version is never changed."""

import copy

import pytest
from django.core.exceptions import ValidationError

from tests.zrm.factories import (
    EXAMPLE,
    EXAMPLE_KEYS,
    example_data,
    example_matrix,
    finalised_assessment,
    trajectory_case,
)
from zrm import services
from zrm.models import ZrmDescriptor, ZrmDomain, ZrmMatrix
from zrm.selectors import current_matrix


def refusal(data, owner):
    """The messages matrix_load refuses `data` with; nothing of it is stored."""
    before = (ZrmMatrix.objects.count(), ZrmDomain.objects.count(), ZrmDescriptor.objects.count())
    with pytest.raises(ValidationError) as error:
        services.matrix_load(acting_user=owner, data=data)
    after = (ZrmMatrix.objects.count(), ZrmDomain.objects.count(), ZrmDescriptor.objects.count())
    assert after == before
    return error.value.messages


def changed(change):
    data = copy.deepcopy(example_data())
    change(data)
    return data


def test_it_loads_the_example_version_of_the_docs(owner):
    matrix, created = services.matrix_load(acting_user=owner, data=example_data())

    assert created and (matrix.key, matrix.loaded_by, matrix.is_current) == (EXAMPLE, owner, False)
    assert matrix.title_nl == "Voorbeeldmatrix (verzonnen teksten, niet de ZRM)"
    assert [d.key for d in matrix.domains.order_by("order")] == EXAMPLE_KEYS
    assert [level.name_nl for level in matrix.levels.all()] == [
        "heel zwak",
        "zwak",
        "middel",
        "sterk",
        "heel sterk",
    ]
    assert ZrmDescriptor.objects.filter(domain__matrix=matrix).count() == 4 * 5
    garden = matrix.domains.get(key="garden").descriptors.get(level=2)
    assert garden.text_nl == "Voorbeeldtekst: moestuin op niveau 2 (zwak)."
    # 2013 stays the version new trajectories use until an admin chooses another.
    assert current_matrix().key == "2013"


def test_it_takes_the_dutch_text_where_the_english_is_left_out(owner):
    def dutch_only(data):
        del data["title"]["en"]
        for domain in data["domains"]:
            del domain["en"]
            for text in domain["descriptors"].values():
                del text["en"]

    matrix, _created = services.matrix_load(acting_user=owner, data=changed(dutch_only))

    assert matrix.title_en == matrix.title_nl
    finances = matrix.domains.get(key="finances")
    assert finances.name_en == "Geldzaken (voorbeeld)"
    assert finances.descriptors.get(level=1).text_en == finances.descriptors.get(level=1).text_nl


def test_it_changes_nothing_when_the_same_texts_are_loaded_again(owner, colleague):
    first = example_matrix(owner)

    again, created = services.matrix_load(acting_user=colleague, data=example_data())

    assert (again, created) == (first, False)
    assert ZrmMatrix.objects.get(pk=first.pk).loaded_by == owner
    assert ZrmMatrix.objects.filter(key=EXAMPLE).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["levels"].pop(),
            "Een ZRM-versie heeft 5 niveaus; dit bestand heeft er 4.",
        ),
        (
            lambda d: d["levels"][2].update(level=7),
            "Niveau 3 ontbreekt bij de niveaus.",
        ),
        (
            lambda d: d["levels"][0].update(nl=" "),
            "Niveau 1 heeft geen Nederlandse naam (hoogstens 60 tekens).",
        ),
        (
            lambda d: d["domains"][1].update(key="finances"),
            "De domeinsleutel finances komt meer dan eens voor.",
        ),
        (
            lambda d: d["domains"][0]["descriptors"]["4"].update(nl=""),
            "Domein finances, niveau 4: de beschrijving is leeg.",
        ),
        (
            lambda d: d["domains"][3]["descriptors"].pop("5"),
            "Domein garden heeft geen beschrijving voor niveau 5.",
        ),
        (
            lambda d: d["domains"][3]["descriptors"].update({"6": {"nl": "Te veel."}}),
            "Domein garden heeft beschrijvingen voor niveaus die de ZRM niet heeft: 6.",
        ),
        (
            lambda d: d["domains"][2].pop("key"),
            "Domein 3 heeft geen sleutel (hoogstens 40 tekens).",
        ),
        (
            lambda d: d["domains"][2].update(nl=""),
            "Domein social_network heeft geen Nederlandse naam (hoogstens 60 tekens).",
        ),
        (
            lambda d: d.update(domains=[]),
            "Het bestand heeft geen domeinen.",
        ),
        (
            lambda d: d.pop("version"),
            'Geef de versiesleutel ("version", hoogstens 10 tekens), zoals "2017".',
        ),
        (
            lambda d: d.update(title={"en": "Only English"}),
            'Geef de titel in het Nederlands ("title": {"nl": ...}, hoogstens 100 tekens).',
        ),
        (
            lambda d: d.update(copyright="©" * 101),
            "De auteurs zijn hoogstens 300 tekens, het copyright 100.",
        ),
    ],
    ids=[
        "wrong level count",
        "missing level",
        "level without a name",
        "duplicate domain key",
        "empty descriptor",
        "missing descriptor",
        "descriptor of a level the ZRM lacks",
        "domain without a key",
        "domain without a name",
        "no domains",
        "no version key",
        "no Dutch title",
        "too long copyright",
    ],
)
def test_it_refuses_a_faulty_file_with_a_dutch_message(owner, change, message):
    assert refusal(changed(change), owner) == [message]


def test_it_names_every_fault_at_once(owner):
    def two_faults(data):
        data["domains"][0]["descriptors"]["1"]["nl"] = ""
        data["domains"][2]["key"] = "housing"

    assert refusal(changed(two_faults), owner) == [
        "Domein finances, niveau 1: de beschrijving is leeg.",
        "De domeinsleutel housing komt meer dan eens voor.",
    ]


def test_it_refuses_what_is_not_a_version_at_all(owner):
    assert refusal(["not", "a", "version"], owner) == [
        "Het bestand bevat geen ZRM-versie: een JSON-object met version, title en domains."
    ]


def test_it_never_changes_a_loaded_version_that_assessments_use(owner, team):
    matrix = example_matrix(owner, current=True)
    finalised_assessment(trajectory_case(owner, team), owner, "begin", {"finances": 2})

    def other_text(data):
        data["domains"][0]["descriptors"]["2"]["nl"] = "Een andere tekst."

    assert refusal(changed(other_text), owner) == [
        "Versie voorbeeld is al geladen met andere teksten. Een geladen versie verandert "
        "nooit: geef deze teksten een eigen versiesleutel."
    ]
    text = matrix.domains.get(key="finances").descriptors.get(level=2).text_nl
    assert text == "Voorbeeldtekst: geldzaken op niveau 2 (zwak)."


def test_it_refuses_other_texts_under_the_key_of_2013(owner):
    def as_2013(data):
        data["version"] = "2013"

    assert refusal(changed(as_2013), owner)[0].startswith("Versie 2013 is al geladen")


def test_it_marks_one_version_for_new_trajectories(owner):
    example = example_matrix(owner)

    services.matrix_make_current(acting_user=owner, matrix=example)

    assert current_matrix() == example
    assert list(ZrmMatrix.objects.filter(is_current=True)) == [example]
    services.matrix_make_current(acting_user=owner, matrix=ZrmMatrix.objects.get(key="2013"))
    assert current_matrix().key == "2013"
    assert ZrmMatrix.objects.filter(is_current=True).count() == 1
