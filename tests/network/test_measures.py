"""network.measures: the measures of a map, and the activation measure between two (no database).

Members are hand-made dicts with the fields of NetworkMember (MEMBER_FIELDS), defaults from the
model, so the tests speak only of what each one changes."""

import pytest
from django.utils import translation

from network.measures import (
    MEMBER_FIELDS,
    SUPPORT_KINDS,
    WARNINGS,
    Measures,
    activation,
    network_measures,
)
from network.models import NetworkMember


def member(name="Anna", relation="friend", **fields):
    """A member dict: the model's defaults (distance same_wijk, status active, no support)."""
    values = {f: NetworkMember._meta.get_field(f).get_default() for f in MEMBER_FIELDS}
    values.update(name=name, relation=relation, **fields)
    assert set(values) == set(MEMBER_FIELDS), set(values) ^ set(MEMBER_FIELDS)
    return values


def supporter(name="Anna", relation="friend", kinds=("practical",), direction="receives", **f):
    return member(name, relation, **{f"support_{k}": direction for k in kinds}, **f)


def test_it_starts_from_model_defaults_with_no_support_and_an_active_status():
    m = member()
    assert m["status"] == "active" and m["distance"] == "same_wijk" and m["ring"] == 2
    assert all(m[f"support_{k}"] == "" for k in SUPPORT_KINDS)
    assert m["overloaded"] is False and m["negative_influence"] is False


# Informal supporters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relation", "status", "direction", "expected"),
    [
        ("friend", "active", "receives", 1),
        ("friend", "active", "both", 1),
        ("friend", "active", "gives", 0),
        ("friend", "active", "", 0),
        ("partner", "active", "receives", 1),
        ("neighbour", "active", "receives", 1),
        ("volunteer", "active", "receives", 1),
        ("professional", "active", "receives", 0),
        ("organisation", "active", "both", 0),
        ("friend", "sleeping", "receives", 0),
        ("friend", "reactivated", "receives", 1),
    ],
)
def test_it_counts_informal_supporters(relation, status, direction, expected):
    m = member(relation=relation, status=status, support_emotional=direction)
    assert network_measures([m]).informal_supporters == expected


def test_it_counts_each_informal_supporter_once_whatever_the_number_of_kinds():
    measures = network_measures(
        [
            supporter("Anna", kinds=SUPPORT_KINDS[:2]),
            supporter("Bram", "sibling", kinds=["emotional"], direction="both"),
            supporter("Hulp", "professional", kinds=SUPPORT_KINDS),
            member("Stil", "friend", status="sleeping", support_practical="receives"),
        ]
    )
    assert measures.informal_supporters == 2
    assert measures.members == 3  # the sleeping contact is not part of the network now


# Kinds covered -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(6))
def test_it_counts_the_kinds_covered_informally_from_0_to_5(n):
    members = [supporter("Anna", kinds=SUPPORT_KINDS[:n])] if n else [member("Anna")]
    assert network_measures(members).kinds_covered == n


def test_it_counts_a_kind_once_and_leaves_out_professional_given_and_sleeping_support():
    measures = network_measures(
        [
            supporter("Anna", kinds=["practical", "emotional"]),
            supporter("Bram", kinds=["practical"], direction="both"),
            supporter("Hulp", "professional", kinds=["material"]),
            supporter("Club", "organisation", kinds=["company"]),
            supporter("Cas", kinds=["decisions"], direction="gives"),
            supporter("Oud", kinds=["decisions"], status="sleeping"),
        ]
    )
    assert measures.kinds_covered == 2


# Reactivated -------------------------------------------------------------------------------------


def test_it_counts_reactivated_contacts_with_or_without_support():
    measures = network_measures(
        [
            member("Oud1", status="reactivated"),
            supporter("Oud2", "professional", status="reactivated"),
            member("Oud3", status="sleeping"),
            member("Nu", status="active"),
        ]
    )
    assert measures.reactivated == 2


# Professional share ------------------------------------------------------------------------------


def test_it_has_no_professional_share_without_any_support_received():
    assert network_measures([]).professional_share is None
    only_given = [supporter("Anna", direction="gives"), supporter("Hulp", "professional", [])]
    assert network_measures(only_given).professional_share is None


@pytest.mark.parametrize(
    ("members", "share"),
    [
        ([supporter("Hulp", "professional"), supporter("Anna")], 0.5),
        # Pairs, not people: two kinds from a professional, two from a friend.
        (
            [
                supporter("Hulp", "professional", SUPPORT_KINDS[:2]),
                supporter("Anna", "friend", SUPPORT_KINDS[2:4]),
            ],
            0.5,
        ),
        ([supporter("Hulp", "professional"), supporter("Anna", kinds=SUPPORT_KINDS[:2])], 0.33),
        ([supporter("Hulp", "professional"), supporter("Club", "organisation")], 1.0),
        ([supporter("Anna"), supporter("Maatje", "volunteer")], 0.0),
        # A sleeping friend's support is past support: all that is left is professional.
        ([supporter("Hulp", "professional"), supporter("Oud", status="sleeping")], 1.0),
    ],
)
def test_it_gives_the_share_of_support_pairs_from_professionals(members, share):
    assert network_measures(members).professional_share == share


# Reciprocity -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"support_company": "both"}, 1),
        ({"support_practical": "receives", "support_material": "gives"}, 1),
        ({"support_practical": "receives", "support_material": "receives"}, 0),
        ({"support_practical": "gives", "support_material": "gives"}, 0),
        ({}, 0),
        ({"support_company": "both", "status": "sleeping"}, 0),
    ],
)
def test_it_counts_members_with_support_both_ways(fields, expected):
    assert network_measures([member("Anna", **fields)]).reciprocal == expected


def test_it_counts_reciprocity_for_professionals_too():
    hulp = member("Hulp", "professional", support_practical="receives", support_company="gives")
    assert network_measures([hulp]).reciprocal == 1


# Neighbourhood -----------------------------------------------------------------------------------


def test_it_counts_present_contacts_in_the_same_neighbourhood_whatever_they_give():
    measures = network_measures(
        [
            member("Buur", "neighbour", distance="same_wijk"),
            supporter("Hulp", "professional", distance="same_wijk"),
            member("Zus", "sibling", distance="nearby"),
            member("Neef", "other_family", distance="far"),
            member("Oud", "friend", distance="same_wijk", status="sleeping"),
            member("Terug", "friend", distance="same_wijk", status="reactivated"),
        ]
    )
    assert measures.neighbourhood == 3


# Warnings ----------------------------------------------------------------------------------------


def warnings(members):
    return network_measures(members).warnings


def test_it_warns_of_an_informal_supporter_carrying_three_kinds_but_not_two():
    three = supporter("Moeder", "parent", kinds=SUPPORT_KINDS[:3])
    two = supporter("Moeder", "parent", kinds=SUPPORT_KINDS[:2])
    assert "overloaded_supporter" in warnings([three])
    assert network_measures([three]).overloaded_names == ["Moeder"]
    assert "overloaded_supporter" not in warnings([two])
    assert network_measures([two]).overloaded_names == []


def test_it_counts_both_ways_support_towards_the_load_but_not_support_the_client_gives():
    both = supporter("Zus", "sibling", kinds=SUPPORT_KINDS[:3], direction="both")
    given = supporter("Zus", "sibling", kinds=SUPPORT_KINDS, direction="gives")
    assert "overloaded_supporter" in warnings([both])
    assert "overloaded_supporter" not in warnings([given, supporter("Anna")])


def test_it_warns_of_a_flagged_overloaded_supporter_with_one_kind():
    flagged = supporter("Zus", "sibling", overloaded=True)
    assert "overloaded_supporter" in warnings([flagged])
    assert "overloaded_supporter" not in warnings([supporter("Zus", "sibling")])


def test_it_leaves_professionals_and_sleeping_contacts_out_of_the_overload_warning():
    members = [
        supporter("Anna"),
        supporter("Hulp", "professional", kinds=SUPPORT_KINDS, overloaded=True),
        supporter("Oud", kinds=SUPPORT_KINDS, status="sleeping"),
    ]
    assert "overloaded_supporter" not in warnings(members)


def test_it_names_every_overloaded_supporter():
    measures = network_measures(
        [
            supporter("Moeder", "parent", kinds=SUPPORT_KINDS[:3]),
            supporter("Anna"),
            supporter("Zus", "sibling", overloaded=True),
        ]
    )
    assert measures.warnings.count("overloaded_supporter") == 1
    assert sorted(measures.overloaded_names) == ["Moeder", "Zus"]


def test_it_warns_when_nobody_informal_gives_support():
    assert "no_informal_supporter" in warnings([])
    assert "no_informal_supporter" in warnings([supporter("Hulp", "professional", SUPPORT_KINDS)])
    assert "no_informal_supporter" in warnings([supporter("Anna", direction="gives")])
    assert "no_informal_supporter" in warnings([supporter("Oud", status="sleeping")])
    assert "no_informal_supporter" not in warnings([supporter("Anna")])
    with_pro = [supporter("Anna"), supporter("Hulp", "professional")]
    assert "no_informal_supporter" not in warnings(with_pro)


def test_it_warns_when_all_support_comes_from_negative_influences():
    drinker = supporter("Buurman", "neighbour", negative_influence=True)
    dealer = supporter("Maat", "friend", kinds=["material"], negative_influence=True)
    assert "only_negative_support" in warnings([drinker, dealer])
    # One supporter without the flag, even a professional, is enough to stop it.
    assert "only_negative_support" not in warnings([drinker, dealer, supporter("Anna")])
    hulp = supporter("Hulp", "professional")
    assert "only_negative_support" not in warnings([drinker, hulp])


def test_it_does_not_warn_of_negative_support_without_any_support():
    flagged = member("Buurman", "neighbour", negative_influence=True)
    assert "only_negative_support" not in warnings([])
    assert "only_negative_support" not in warnings([flagged])
    gives = supporter("Buurman", "neighbour", direction="gives", negative_influence=True)
    assert "only_negative_support" not in warnings([gives])


def test_it_leaves_a_sleeping_positive_supporter_out_of_the_negative_check():
    drinker = supporter("Buurman", "neighbour", negative_influence=True)
    assert "only_negative_support" in warnings([drinker, supporter("Oud", status="sleeping")])


def test_it_gives_no_warning_for_a_healthy_network_and_texts_for_each_warning():
    healthy = [supporter("Anna", kinds=["practical", "emotional"]), supporter("Bram")]
    assert warnings(healthy) == []
    bad = network_measures([supporter("Hulp", "professional")])
    assert bad.warnings == ["no_informal_supporter"]
    assert bad.warning_texts() == [WARNINGS["no_informal_supporter"]]


def test_it_round_trips_through_json():
    measures = network_measures(
        [supporter("Moeder", "parent", kinds=SUPPORT_KINDS[:3]), supporter("Hulp", "professional")]
    )
    assert Measures.from_json(measures.as_json()) == measures


# Activation --------------------------------------------------------------------------------------


def test_it_gives_each_change_between_two_measures():
    before = network_measures([supporter("Hulp", "professional", SUPPORT_KINDS[:3])])
    after = network_measures(
        [
            supporter("Hulp", "professional"),
            supporter("Anna", kinds=["practical", "emotional"], support_company="gives"),
            supporter("Oud", "friend", status="reactivated", distance="far"),
        ]
    )
    rows, _appeared, _resolved = activation(before, after)
    values = [(r.before, r.after, r.difference) for r in rows]
    assert values == [
        (0, 2, 2),  # informal supporters
        (0, 2, 2),  # kinds covered
        (0, 1, 1),  # reactivated
        (1.0, 0.25, -0.75),  # professional share: 1 of 4 pairs
        (0, 1, 1),  # both ways
        (1, 2, 1),  # neighbourhood
    ]
    with translation.override("en"):
        assert str(rows[0].label) == "informal supporters"
        assert str(rows[3].label) == "share of support from professionals"


def test_it_has_no_difference_where_a_share_is_missing():
    rows, _appeared, _resolved = activation(network_measures([]), network_measures([supporter()]))
    share = rows[3]
    assert (share.before, share.after, share.difference) == (None, 0.0, None)


def test_it_lists_the_warnings_that_appeared_and_were_resolved():
    before = network_measures([supporter("Hulp", "professional")])
    after = network_measures([supporter("Moeder", "parent", kinds=SUPPORT_KINDS[:3])])
    _rows, appeared, resolved = activation(before, after)
    assert appeared == [WARNINGS["overloaded_supporter"]]
    assert resolved == [WARNINGS["no_informal_supporter"]]
    _rows, appeared, resolved = activation(after, after)
    assert (appeared, resolved) == ([], [])
