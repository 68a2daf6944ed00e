import pytest
from wagtail.models import Page, Site

from tests.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(root_page=home_page)
