import pytest
from django.contrib.auth.models import Group

from guidance.roles import CENTRAL_SUPPORT, REVIEWERS

# The tax agency's published test numbers (never random valid ones): personnummer in 12, 10
# and separated form, and a samordningsnummer.
IDENTITY_NUMBERS = ["198507099805", "8507099813", "19640823-3234", "850709-9805", "701063-2391"]


@pytest.fixture
def member(django_user_model):
    """A user in the named group."""

    def create(username: str, group: str):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


@pytest.fixture
def central(member):
    return member("stod", CENTRAL_SUPPORT)


@pytest.fixture
def reviewer(member):
    return member("granskare", REVIEWERS)
