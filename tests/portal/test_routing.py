"""SlugPathRoutingMixin: the home page routes a whole path in one query."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import AgreementIndexPageFactory, ContentPageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def route(site, path: str, home=None):
    request = RequestFactory().get(path)
    components = [part for part in path.split("/") if part]
    return (home or site.root_page.specific).route(request, components)


@pytest.fixture
def tree(home_page):
    section = SectionPageFactory(parent=home_page, slug="rutiner", title="Rutiner")
    inner = SectionPageFactory(parent=section, slug="inre", title="Inre")
    deep = ContentPageFactory(parent=inner, slug="djup", title="Djup")
    # The same slug one level up, elsewhere in the tree: must not be taken for the deep page.
    decoy = ContentPageFactory(parent=home_page, slug="djup", title="Lockbete")
    agreement = AgreementIndexPageFactory(parent=home_page, slug="overenskommelsen")
    return {"section": section, "deep": deep, "decoy": decoy, "agreement": agreement}


def test_a_path_costs_the_same_queries_however_deep(site, tree):
    home = site.root_page.specific
    with CaptureQueriesContext(connection) as shallow:
        assert route(site, "/rutiner/", home).page.pk == tree["section"].pk
    with CaptureQueriesContext(connection) as deep:
        assert route(site, "/rutiner/inre/djup/", home).page.pk == tree["deep"].pk
    # One query finds the page, one builds its specific class; Wagtail's own routing would
    # take a query per level.
    assert len(shallow) == len(deep) == 2


def test_the_deepest_prefix_wins_and_slugs_elsewhere_do_not_match(site, tree):
    assert route(site, "/djup/").page.pk == tree["decoy"].pk
    assert route(site, "/rutiner/").page.pk == tree["section"].pk


def test_the_rest_of_the_path_goes_to_a_routable_page(site, tree):
    found = route(site, "/overenskommelsen/jamfor/")
    assert found.page.pk == tree["agreement"].pk
    assert found.args[0].__name__ == "compare"


def test_an_unknown_path_is_not_found(site, tree):
    with pytest.raises(Http404):
        route(site, "/rutiner/finns-inte/")
    with pytest.raises(Http404):
        route(site, "/inre/djup/")  # the right slugs, the wrong place


def test_the_home_page_itself_answers_an_empty_path(site, client, tree):
    assert route(site, "/").page.pk == site.root_page.pk
    assert client.get("/rutiner/inre/djup/").status_code == 200
    assert Page.objects.get(pk=tree["deep"].pk).url == "/rutiner/inre/djup/"
