"""network.measures: new network members in the activation measure, and the worker's own place
on the map left out of every count and share."""

from network.measures import activation, network_measures, new_network


def member(id, relation="friend", status="active", **values):
    return {
        "id": id,
        "name": f"m{id}",
        "relation": relation,
        "ring": 2,
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "some",
        "overloaded": False,
        "too_far": False,
        "own_problems": False,
        "negative_influence": False,
        "status": status,
        "known_before": False,
        "wants_back": "",
        "outreach_worker": False,
        **{
            f"support_{k}": ""
            for k in ["practical", "material", "emotional", "company", "decisions"]
        },
        **values,
    }


def test_it_counts_members_not_in_the_begin_snapshot_volunteers_and_clubs_included():
    begin = [member(1), member(2, status="sleeping")]
    end = [
        member(1),
        member(2, status="reactivated"),  # an old contact: counted as reactivated, not new
        member(3, relation="volunteer"),
        member(4, relation="organisation"),
        member(5, relation="neighbour"),
        member(6, relation="professional"),  # not network
        member(7, status="sleeping"),  # drawn later, not in contact
        member(8, relation="professional", outreach_worker=True),
    ]
    assert new_network(begin, end) == 3
    rows, _appeared, _resolved = activation(network_measures(begin), network_measures(end), 3)
    new_row = rows[3]
    assert (new_row.before, new_row.after, new_row.difference_shown) == (0, 3, "+3")
    assert rows[2].after == 1  # reactivated, beside it


def test_it_leaves_the_row_out_without_a_begin():
    rows, _a, _r = activation(network_measures([]), network_measures([]))
    assert len(rows) == 6


def test_it_leaves_the_worker_out_of_the_share_and_every_count():
    friend = member(1, support_emotional="receives")
    worker = member(
        2,
        relation="professional",
        outreach_worker=True,
        support_practical="receives",
        support_decisions="both",
    )
    without = network_measures([friend])
    with_worker = network_measures([friend, worker])
    assert with_worker == without
    assert (with_worker.members, with_worker.professional_share, with_worker.reciprocal) == (
        1,
        0.0,
        0,
    )
    # Any other professional does count.
    other = network_measures([friend, {**worker, "outreach_worker": False}])
    assert other.professional_share == 0.67


def test_it_reads_snapshots_from_before_the_mark():
    old = member(1, relation="professional", support_practical="receives")
    del old["outreach_worker"]
    assert network_measures([old]).professional_share == 1.0
