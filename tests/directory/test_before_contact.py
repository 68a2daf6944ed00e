"""Every directory unit's "Innan du kontaktar": its fields refuse personnummer in the
admin, and the card, the finder's results and a routine step's contacts show them, folded,
only for a unit that has any."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.cookies import COOKIE_NAME
from directory.models import Contact, CountyPart

pytestmark = pytest.mark.django_db

BEFORE_CONTACT = {
    "cannot_help_with": "Akut fara: ring 112. Kvällar och helger: socialjouren.",
    "have_ready": "Barnets ålder och vad du har sett.",
    "how_to_reach": "Ring först. Underlag via e-tjänsten.",
    "response_time": "Svarar samma dag.",
    "languages": "Svenska och finska.",
}
IDENTITY_NUMBER = "121212-1212"  # the Tax Agency's test personnummer
REFUSED = "Texten innehåller ett personnummer eller samordningsnummer."
EMAIL_ADVICE = "skicka aldrig uppgifter om ett barn eller en familj med vanlig e-post"


def county_part_with_contact(**contact_fields) -> dict:
    row = {
        "name": "Mottagningen",
        "actor": "socialtjanst",
        "phone": "070-174 06 07",
        "phone_alt": "",
        "phone_alt_label": "",
        "email": "",
        "website": "",
        "visiting_address": "",
        "opening_hours": "",
        "contact_when": "",
        **dict.fromkeys(BEFORE_CONTACT, ""),
        **contact_fields,
    }
    return nested_form_data(
        {
            "name": "Testdelen",
            "slug": "test-del",
            "description": "",
            "sort_order": "9",
            "contacts": inline_formset([row]),
        }
    )


def post_county_part(client, **contact_fields):
    return client.post(
        "/admin/snippets/directory/countypart/add/", county_part_with_contact(**contact_fields)
    )


@pytest.mark.parametrize("field", BEFORE_CONTACT)
def test_a_personnummer_in_each_new_field_is_refused_in_swedish(admin_client, field):
    response = post_county_part(admin_client, **{field: f"Gäller barnet {IDENTITY_NUMBER}"})
    assert response.status_code == 200
    contact_form = response.context["form"].formsets["contacts"].forms[0]
    assert contact_form.errors[field][0].startswith(REFUSED)
    assert not CountyPart.objects.filter(slug="test-del").exists()
    assert not Contact.objects.filter(name="Mottagningen").exists()


def test_a_clean_contact_with_every_new_field_is_saved(admin_client):
    response = post_county_part(admin_client, **BEFORE_CONTACT)
    assert response.status_code == 302
    contact = Contact.objects.get(name="Mottagningen")
    assert {name: getattr(contact, name) for name in BEFORE_CONTACT} == BEFORE_CONTACT
    assert contact.county_part.slug == "test-del"


def test_the_admin_panel_shows_the_new_fields_with_swedish_labels(admin_client, directory):
    html = admin_client.get(
        f"/admin/snippets/directory/countypart/edit/{directory['east'].pk}/"
    ).content.decode()
    for label in [
        "Innan du kontaktar",
        "Kan inte hjälpa till med",
        "Ha det här redo",
        "Så kontaktar du oss",
        "Svarstid",
        "Språk",
    ]:
        assert label in html, label


def card(html: str, name: str) -> str:
    """The contact card (full or compact) that names the unit."""
    cards = [part for part in html.split('<li class="contact') if f"{name}</" in part]
    assert len(cards) == 1, name
    return cards[0].split("</li>", 1)[0]


def fill(name: str, **fields) -> None:
    Contact.objects.filter(name=name).update(**{**BEFORE_CONTACT, **fields})


def assert_shows_before_contact(shown: str, name: str) -> None:
    assert f'Innan du kontaktar<span class="visually-hidden"> {name}</span></summary>' in shown
    for value in BEFORE_CONTACT.values():
        assert value in shown
    assert EMAIL_ADVICE in shown
    assert "ar-det-forbjudet-att-skicka-personuppgifter-via-e-post" in shown


def test_the_municipality_page_shows_it_folded_below_the_numbers(client, directory):
    fill("Socialtjänsten Kalix")
    html = client.get("/vem-ringer-jag/kalix/").content.decode()
    social = card(html, "Socialtjänsten Kalix")
    assert_shows_before_contact(social, "Socialtjänsten Kalix")
    assert "<details" in social and "<details open" not in social
    assert social.index('href="tel:+46701740605"') < social.index("Innan du kontaktar")
    # A unit with nothing under "Innan du kontaktar" shows no such part.
    empty = card(html, "Hälsocentralen Kalix")
    assert "Innan du kontaktar" not in empty and "<details" not in empty
    assert html.count("Innan du kontaktar") == 1


def test_the_email_advice_comes_with_the_how_to_reach_part_only(client, directory):
    Contact.objects.filter(name="Elevhälsan Kalix").update(languages="Svenska.")
    html = client.get("/vem-ringer-jag/kalix/").content.decode()
    school = card(html, "Elevhälsan Kalix")
    assert "<dt>Språk</dt><dd>Svenska.</dd>" in school
    assert "Så kontaktar du dem" not in school and EMAIL_ADVICE not in school


def test_an_example_card_says_the_whole_card_is_an_example(client, directory):
    fill("Elevhälsan Kalix")
    fill("Socialtjänsten Kalix")
    html = client.get("/vem-ringer-jag/kalix/").content.decode()
    school = card(html, "Elevhälsan Kalix")  # is_example
    assert "Exempeluppgift: hela kortet är ett exempel" in school
    assert "Allt på det här kortet är exempel, inte bekräftade uppgifter." in school
    social = card(html, "Socialtjänsten Kalix")  # not an example
    assert "Exempeluppgift" not in social and "Allt på det här kortet är exempel" not in social


def test_the_finders_results_show_it(client, directory):
    fill("Socialtjänsten Kalix")
    html = client.get("/vem-ringer-jag/", {"kommun": "kalix", "situation": "orolig"})
    result = html.content.decode().split('id="resultat"', 1)[1]
    assert_shows_before_contact(card(result, "Socialtjänsten Kalix"), "Socialtjänsten Kalix")
    assert "Innan du kontaktar" not in card(result, "Socialjouren Östra Norrbotten")


def test_a_routine_steps_contacts_show_it_compact(client, directory, routine):
    fill("Socialtjänsten Kalix", contact_when="Oro för ett barn.")
    Contact.objects.filter(name="BUP-linjen").update(contact_when="Frågan om BUP.")
    client.cookies[COOKIE_NAME] = "kalix"
    html = client.get(routine.url).content.decode()
    invite = html.split('<li class="step"')[2]
    social = card(invite, "Socialtjänsten Kalix")
    assert social.startswith("-compact")
    assert_shows_before_contact(social, "Socialtjänsten Kalix")
    # Compact, so who the unit helps is under "Innan du kontaktar" too.
    assert "<dt>Kan hjälpa till med</dt><dd>Oro för ett barn.</dd>" in social
    bup = card(invite, "BUP-linjen")  # only who it helps
    assert "<dt>Kan hjälpa till med</dt><dd>Frågan om BUP.</dd>" in bup
    assert "Kan inte hjälpa till med" not in bup and EMAIL_ADVICE not in bup


def test_a_routine_step_unit_with_nothing_to_say_shows_no_details(client, directory, routine):
    client.cookies[COOKIE_NAME] = "kalix"
    html = client.get(routine.url).content.decode()
    invite = html.split('<li class="step"')[2]
    assert "Socialtjänsten Kalix" in invite
    assert "Innan du kontaktar" not in invite and "<details" not in invite
