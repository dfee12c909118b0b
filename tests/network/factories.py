"""Network test data shared by the form tests."""

# What the member form posts for a valid network member.
MEMBER_FORM = {
    "name": "Fatima",
    "relation": "neighbour",
    "ring": "1",
    "distance": "same_wijk",
    "frequency": "weekly",
    "involvement": "high",
    "status": "active",
}
