"""Inställningar → Utgivare: the publisher and the central support's contact in the header
and the footer; nothing claims a publisher while it is empty; examples say so; saving it
refreshes the cached pages; the dashboard asks for it while it is empty or an example."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.models import PublisherSettings
from tests.factories import ContentPageFactory, make_home_page, publish

pytestmark = pytest.mark.django_db

EDIT_URL = "/admin/settings/home/publishersettings/{site}/"


@pytest.fixture
def site(db):
    make_home_page()
    return Site.objects.get(is_default_site=True)


def set_publisher(site, **values) -> PublisherSettings:
    setting = PublisherSettings.for_site(site)
    for name, value in values.items():
        setattr(setting, name, value)
    setting.full_clean()
    setting.save()
    return setting


def header(html: str) -> str:
    return re.search(r'<header class="site-header">.*?</header>', html, re.DOTALL).group(0)


def footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.DOTALL).group(0)


def home_html(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def form_data(**values) -> dict:
    data = {
        "name": "",
        "about": "",
        "logo": "",
        "support_name": "",
        "support_email": "",
        "support_phone": "",
        "support_page": "",
    }
    return {**data, **values}


def test_an_empty_setting_names_no_publisher(client, site):
    html = home_html(client)
    assert "Ges ut av" not in html
    assert "Kontakt:" not in footer(html)
    assert "site-header__publisher" not in html and "site-footer__publisher" not in html
    assert "Exempel:" not in html


def test_the_publisher_shows_in_the_header_and_the_footer(client, site):
    contact_page = publish(ContentPageFactory(parent=site.root_page, title="Om portalen"))
    set_publisher(
        site,
        name="Testregionen",
        about="Svarar för portalens innehåll.",
        support_name="Centralt stöd",
        support_email="stod@example.org",
        support_phone="070-174 06 99",
        support_page=contact_page,
    )
    html = home_html(client)
    assert "Ges ut av Testregionen" in header(html)
    shown = footer(html)
    assert "Ges ut av Testregionen. Svarar för portalens innehåll." in shown
    assert "Kontakt: Centralt stöd" in shown
    assert '<a href="mailto:stod@example.org">stod@example.org</a>' in shown
    assert '<a href="tel:+46701740699">070-174 06 99</a>' in shown
    assert f'<a href="{contact_page.url}">Om portalen</a>' in shown
    assert "Exempel:" not in html


def test_a_contact_without_a_publisher_claims_none(client, site):
    set_publisher(site, support_name="Centralt stöd", support_email="stod@example.org")
    html = home_html(client)
    assert "Ges ut av" not in html
    assert "Kontakt: Centralt stöd" in footer(html)


def test_example_values_are_shown_as_examples(client, site):
    set_publisher(
        site,
        name="Centralt stöd Norrbus",
        support_name="Centralt stöd Norrbus",
        support_email="centralt.stod@example.org",
        is_example=True,
    )
    html = home_html(client)
    assert "Exempel: Ges ut av Centralt stöd Norrbus" in header(html)
    assert re.search(r"<strong>Exempel:</strong> Ges ut av Centralt stöd Norrbus", footer(html))


def test_the_logo_shows_beside_the_name_in_the_header(client, site, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    logo = Image.objects.create(title="Logotyp", file=get_test_image_file())
    set_publisher(site, name="Testregionen", logo=logo)
    shown = header(home_html(client))
    image = re.search(r'<p class="site-header__publisher"><img src="([^"]+)"[^>]*alt="">', shown)
    assert image is not None, shown
    assert image.group(1).startswith(settings.MEDIA_URL)


def test_a_logo_needs_the_name_and_a_contact_needs_a_way_to_reach_it(site, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    logo = Image.objects.create(title="Logotyp", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        set_publisher(site, logo=logo)
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        set_publisher(site, logo=None, support_email="stod@example.org")
    assert "support_name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        set_publisher(site, support_email="", support_name="Centralt stöd")
    assert "support_email" in error.value.message_dict


def test_saving_the_setting_refreshes_the_cached_home_page(admin_client, client, site, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    response = admin_client.post(
        EDIT_URL.format(site=site.pk),
        form_data(name="Testregionen", support_name="Centralt stöd", support_phone="1177"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    assert "Ges ut av Testregionen" in header(html)
    assert '<a href="tel:1177">1177</a>' in footer(html)


def test_the_admin_refuses_a_personnummer_in_the_setting(admin_client, site):
    response = admin_client.post(
        EDIT_URL.format(site=site.pk), form_data(about="Kontakta 850709-9805 om barnet.")
    )
    assert response.status_code == 200
    assert "personnummer" in response.content.decode()
    assert not PublisherSettings.objects.filter(about__contains="9805").exists()


def test_the_setting_is_in_the_settings_menu_as_utgivare(admin_client, site):
    response = admin_client.get(EDIT_URL.format(site=site.pk))
    assert response.status_code == 200
    assert "Utgivare" in response.content.decode()
    assert reverse("wagtailsettings:edit", args=["home", "publishersettings"]) in (
        admin_client.get("/admin/").content.decode()
    )


def test_the_dashboard_asks_for_the_publisher_while_it_is_empty_or_an_example(admin_client, site):
    assert "Fyll i utgivaren" in admin_client.get("/admin/").content.decode()
    set_publisher(site, name="Centralt stöd Norrbus", is_example=True)
    assert "Utgivaren är ett exempel" in admin_client.get("/admin/").content.decode()
    set_publisher(site, is_example=False)
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Fyll i utgivaren" not in dashboard and "Utgivaren är ett exempel" not in dashboard
