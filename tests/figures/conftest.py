import pytest

from outreach.services import user_create, user_manager_set
from tests.conftest import PASSWORD


@pytest.fixture
def manager(db):
    """The organisation-wide manager: no team at all."""
    user = user_create(
        acting_user=None, username="manager", password=PASSWORD, first_name="Mila", last_name="Ma"
    )
    user_manager_set(acting_user=None, user=user, manager=True)
    return user
