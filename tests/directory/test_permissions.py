"""A Kommunredaktör for Kalix can edit Kalix and nothing else: every admin route is checked."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.models import Contact, MunicipalityPage
from directory.permissions import ensure_municipality_editor_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def kalix_editor(client, django_user_model, directory):
    group = ensure_municipality_editor_group(directory["kalix"])
    user = django_user_model.objects.create_user("kalix", "kalix@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def edit_data(page: MunicipalityPage, **changes) -> dict:
    contacts = [
        {
            "id": contact.pk,
            "name": contact.name,
            "actor": contact.actor,
            "phone": contact.phone,
            "verified_on": contact.verified_on.isoformat() if contact.verified_on else "",
            "situations": [s.pk for s in contact.situations.all()],
        }
        for contact in page.contacts.all()
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "county_part": page.county_part_id,
        "intro": page.intro,
        "contacts": inline_formset(contacts, initial=len(contacts)),
    }
    data.update(changes)
    return nested_form_data(data)


def refused(response) -> bool:
    """Wagtail answers a refused admin request with 403, or a redirect away with a message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] in {"/admin/", "/admin/login/"}


def test_the_group_is_idempotent(directory):
    first = ensure_municipality_editor_group(directory["kalix"])
    again = ensure_municipality_editor_group(directory["kalix"])
    assert first == again
    assert Group.objects.filter(name="Kommunredaktör Kalix").count() == 1
    assert first.page_permissions.count() == 3


def test_kalix_editor_can_edit_and_publish_kalix(kalix_editor, directory):
    kalix = directory["kalix"]
    response = kalix_editor.post(
        f"/admin/pages/{kalix.pk}/edit/",
        edit_data(kalix, intro="Nytt om Kalix.", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    kalix.refresh_from_db()
    assert kalix.intro == "Nytt om Kalix."
    assert kalix_editor.get(f"/admin/pages/{kalix.pk}/history/").status_code == 200


def test_kalix_editor_explores_kalix(kalix_editor, directory):
    response = kalix_editor.get(f"/admin/pages/{directory['kalix'].pk}/")
    assert response.status_code == 200
    assert "Kalix" in response.content.decode()


def test_kalix_editor_can_add_a_local_routine_under_kalix_only(kalix_editor, directory):
    url = "/admin/pages/add/directory/localroutinepage/{}/"
    assert kalix_editor.get(url.format(directory["kalix"].pk)).status_code == 200
    assert refused(kalix_editor.get(url.format(directory["lulea"].pk)))


def test_contacts_edited_inline_are_normalised_and_validated(kalix_editor, directory):
    kalix = directory["kalix"]
    data = edit_data(kalix, **{"action-publish": "publish"})
    data["contacts-0-phone"] = "+46 70 174 06 33"
    response = kalix_editor.post(f"/admin/pages/{kalix.pk}/edit/", data)
    assert response.status_code == 302
    assert Contact.objects.filter(municipality=kalix, phone="+46701740633").exists()
    data["contacts-0-phone"] = "070-1"
    response = kalix_editor.post(f"/admin/pages/{kalix.pk}/edit/", data)
    assert response.status_code == 200
    assert "Ange ett giltigt svenskt telefonnummer" in response.content.decode()


def test_every_admin_route_refuses_another_municipalitys_page(kalix_editor, directory):
    lulea = directory["lulea"]
    pk = lulea.pk
    revision = lulea.latest_revision
    get_routes = [
        f"/admin/pages/{pk}/edit/",
        f"/admin/pages/{pk}/unpublish/",
        f"/admin/pages/{pk}/delete/",
        f"/admin/pages/{pk}/copy/",
        f"/admin/pages/{pk}/move/",
        f"/admin/pages/{pk}/move/{directory['index'].pk}/confirm/",
        f"/admin/pages/{pk}/history/",
        f"/admin/pages/{pk}/revisions/",
        f"/admin/pages/{pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{pk}/revisions/{revision.pk}/revert/",
        f"/admin/pages/{pk}/revisions/compare/earliest...{revision.pk}/",
        f"/admin/pages/{pk}/edit/preview/",
        f"/admin/pages/{pk}/view_draft/",
        f"/admin/pages/{pk}/lock/",
        f"/admin/pages/add/directory/localroutinepage/{pk}/",
    ]
    for url in get_routes:
        response = kalix_editor.get(url, follow=True)
        hops = [location for location, _status in response.redirect_chain]
        # Either refused outright, or redirected (e.g. revisions → history) until refused.
        assert response.status_code in {403, 404, 405} or (hops and hops[-1] == "/admin/"), (
            url,
            response.status_code,
            hops,
        )

    before = Page.objects.get(pk=pk)
    post_routes = {
        f"/admin/pages/{pk}/edit/": edit_data(
            lulea, title="Kapad", **{"action-publish": "publish"}
        ),
        f"/admin/pages/{pk}/unpublish/": {},
        f"/admin/pages/{pk}/delete/": {},
        f"/admin/pages/{pk}/copy/": {
            "new_title": "Kopia",
            "new_slug": "kopia",
            "new_parent_page": directory["kalix"].pk,
            "copy_subpages": "",
            "publish_copies": "",
        },
        f"/admin/pages/{pk}/move/{directory['kalix'].pk}/confirm/": {},
        f"/admin/pages/{pk}/revisions/{revision.pk}/unschedule/": {},
        f"/admin/pages/{pk}/edit/preview/": edit_data(lulea, title="Förhandsvisad"),
        f"/admin/pages/{pk}/lock/": {},
    }
    for url, data in post_routes.items():
        response = kalix_editor.post(url, data)
        assert refused(response) or response.status_code == 404, (url, response.status_code)
    after = Page.objects.get(pk=pk)
    assert (after.title, after.live, after.path, after.locked) == (
        before.title,
        before.live,
        before.path,
        before.locked,
    )
    assert MunicipalityPage.objects.filter(pk=pk).exists()
    assert not Page.objects.filter(slug="kopia").exists()
    assert (
        not Contact.objects.filter(municipality=lulea).exclude(name="Socialtjänsten Luleå").exists()
    )


def test_kalix_editor_cannot_change_shared_contacts(kalix_editor, directory):
    assert refused(kalix_editor.get(f"/admin/pages/{directory['index'].pk}/edit/"))
    county_part = directory["east"].pk
    response = kalix_editor.get(f"/admin/snippets/directory/countypart/edit/{county_part}/")
    assert refused(response)
    assert refused(kalix_editor.get("/admin/kontakter/las-in/"))


def test_central_editor_edits_a_county_parts_contacts_in_the_admin(admin_client, directory):
    east = directory["east"]
    url = f"/admin/snippets/directory/countypart/edit/{east.pk}/"
    assert admin_client.get(url).status_code == 200
    jour = east.contacts.get()
    data = nested_form_data(
        {
            "name": east.name,
            "slug": east.slug,
            "description": "",
            "sort_order": 0,
            "contacts": inline_formset(
                [
                    {"id": jour.pk, "name": jour.name, "actor": jour.actor, "phone": "0923-123 99"},
                    {"name": "Familjerådgivningen", "actor": "socialtjanst", "phone": "bad"},
                ],
                initial=1,
            ),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Ange ett giltigt svenskt telefonnummer" in response.content.decode()
    assert not Contact.objects.filter(name="Familjerådgivningen").exists()
    data["contacts-1-phone"] = "070-174 06 98"
    assert admin_client.post(url, data).status_code == 302
    assert Contact.objects.get(name="Familjerådgivningen").county_part_id == east.pk
    assert Contact.objects.get(pk=jour.pk).phone == "+4692312399"
    assert admin_client.get("/admin/snippets/directory/situation/").status_code == 200
