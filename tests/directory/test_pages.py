import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template.loader import render_to_string

from directory.cookies import COOKIE_NAME
from directory.models import MunicipalityPage, Situation
from portal.actors import NORRBUS_VALUES
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return response.content.decode()


def test_municipality_page_puts_urgent_first_then_groups_by_actor(client, directory):
    response = client.get("/vem-ringer-jag/kalix/")
    html = text_of(response)
    assert response.status_code == 200
    assert "<h1>Vem ringer jag i Kalix?</h1>" in html
    urgent = html.index('id="akut"')
    order = [html.index(f'<h2 id="{actor}">') for actor in ["skola", "socialtjanst", "primarvard"]]
    assert urgent < order[0] < order[1] < order[2] < html.index('<h2 id="specialistvard">')
    # The Norrbus contact, none of the four parties, comes last, not under "Annan".
    assert '<h2 id="annan">Samverkan och annat stöd</h2>' in html
    assert html.index('<h2 id="specialistvard">') < html.index('<h2 id="annan">')
    assert ">Annan</h2>" not in html and ">Annan</a>" not in html
    # The out-of-hours jour's number is in the urgent section; its one card, labelled as
    # shared, is with social services.
    assert html.count(">Socialjouren Östra Norrbotten</h3>") == 1
    assert urgent < html.index("Socialjouren Östra Norrbotten") < order[0]
    assert order[1] < html.index(">Socialjouren Östra Norrbotten</h3>") < order[2]
    assert "Gemensam för Östra Norrbotten" in html
    assert "Gäller hela länet" in html
    # Luleå's contacts are not Kalix's.
    assert "Socialtjänsten Luleå" not in html


def test_contacts_show_tel_links_example_marks_and_verification(client, directory):
    html = text_of(client.get("/vem-ringer-jag/kalix/"))
    assert '<a class="contact__phone" href="tel:+46701740605">070-174 06 05</a>' in html
    assert 'href="tel:+4692312345">0923-123 45</a>' in html
    assert html.count("Exempeluppgift") == 1  # only Elevhälsan Kalix is an example
    assert "Uppgiften kontrollerad" in html
    assert '<time datetime="2024-01-10">10 januari 2024</time>' in html
    assert "Norrbuskontakt:</strong>" in html
    assert "Varje månad" in html


def test_a_contact_card_carries_one_badge_at_the_most(client, directory):
    soup = BeautifulSoup(client.get("/vem-ringer-jag/kalix/").content, "html.parser")
    cards = soup.select("li.contact")
    assert len(cards) >= 5
    assert all(len(card.select(".badge")) <= 1 for card in cards)
    jour = next(card for card in cards if "Socialjouren Östra Norrbotten" in card.h3.text)
    tags = jour.select_one(".contact__actor").get_text(" ", strip=True)
    assert tags == "Socialtjänst · Gemensam för Östra Norrbotten · Nås utanför kontorstid"
    assert any(card.select(".badge--example") for card in cards)


def test_municipality_page_remembers_the_municipality(client, directory):
    response = client.get("/vem-ringer-jag/kalix/")
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "kalix"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    # Nothing is set again when the cookie already says so.
    assert COOKIE_NAME not in client.get("/vem-ringer-jag/kalix/").cookies


def test_directory_index_lists_municipalities_per_county_part(client, directory):
    html = text_of(client.get("/vem-ringer-jag/"))
    east = html.index("<h3>Östra Norrbotten</h3>")
    assert (
        east
        < html.index('href="/vem-ringer-jag/haparanda/"')
        < html.index('href="/vem-ringer-jag/kalix/"')
    )
    assert html.index("<h3>Luleå/Boden</h3>") < html.index('href="/vem-ringer-jag/lulea/"')
    assert "BUP-linjen" in html


def test_situation_finder_gives_the_contacts_and_routine(client, directory, routine, situations):
    situations["orolig"].routine = routine
    situations["orolig"].save()
    response = client.get("/vem-ringer-jag/", {"kommun": "kalix", "situation": "orolig"})
    html = text_of(response)
    assert response.status_code == 200
    result = html[html.index('id="resultat"') :]
    assert "Jag är orolig för ett barn i Kalix" in result
    assert 'href="/rutiner/norrbusmotet/">Norrbusmötet</a>' in result
    assert "Socialtjänsten Kalix" in result and "Socialjouren Östra Norrbotten" in result
    assert "Elevhälsan Kalix" not in result and "Socialtjänsten Haparanda" not in result
    # Local contacts before shared ones.
    assert result.index("Socialtjänsten Kalix") < result.index("Socialjouren Östra Norrbotten")
    assert response.cookies[COOKIE_NAME].value == "kalix"


def test_situation_finder_preselects_the_remembered_municipality(client, directory):
    client.cookies[COOKIE_NAME] = "lulea"
    html = text_of(client.get("/vem-ringer-jag/"))
    assert '<option value="lulea" selected>Luleå</option>' in html
    assert 'id="resultat"' not in html


@pytest.mark.parametrize("params", [{"kommun": "kalix"}, {"kommun": "kalix", "situation": ""}])
def test_situation_finder_with_a_municipality_alone_leads_to_its_page(client, directory, params):
    response = client.get("/vem-ringer-jag/", params)
    assert response.status_code == 302
    assert response["Location"] == "/vem-ringer-jag/kalix/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kommun": "", "situation": "orolig"}, "Välj en kommun."),
        ({"kommun": "stockholm", "situation": "orolig"}, "Välj en av länets kommuner i listan."),
        ({"kommun": "kalix", "situation": "<script>"}, "Välj en av situationerna i listan."),
        ({"kommun": "", "situation": ""}, "Välj vad det gäller."),
        ({"kommun": "stockholm", "situation": ""}, "Välj en av länets kommuner i listan."),
    ],
)
def test_situation_finder_bad_input(client, directory, params, message):
    response = client.get("/vem-ringer-jag/", params)
    html = text_of(response)
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert COOKIE_NAME not in response.cookies


def test_routine_steps_show_contacts_in_the_remembered_municipality(client, directory, routine):
    client.cookies[COOKIE_NAME] = "kalix"
    html = text_of(client.get(routine.url))
    assert 'class="local-municipality__heading">Kontakter i Kalix</h2>' in html
    steps = html.split('<li class="step"')
    assert len(steps) == 3
    need, invite = steps[1], steps[2]
    assert "Kontakter i Kalix" not in need  # this step asks nobody to be contacted
    assert "Socialtjänsten Kalix" in invite and "BUP-linjen" in invite
    assert "Elevhälsan Kalix" not in invite  # school is not among the step's contacts
    assert "Socialjouren" not in invite  # out-of-hours is not for inviting to a meeting
    assert 'href="tel:+46701740605"' in invite


def test_routine_offers_a_municipality_choice_when_none_is_remembered(client, directory, routine):
    html = text_of(client.get(routine.url))
    assert "Se kontakterna i din kommun" in html
    assert 'action="/kontakter/valj-kommun/"' in html
    assert "Socialtjänsten Kalix" not in html


def test_choosing_a_municipality_sets_the_cookie_and_goes_back(client, directory, routine):
    response = client.post("/kontakter/valj-kommun/", {"kommun": "lulea", "next": routine.url})
    assert response.status_code == 302
    assert response["Location"] == routine.url
    assert response.cookies[COOKIE_NAME].value == "lulea"
    html = text_of(client.get(routine.url))
    assert "Kontakter i Luleå" in html and "Socialtjänsten Luleå" in html


def test_choosing_refuses_unknown_municipalities_and_foreign_redirects(client, directory):
    response = client.post("/kontakter/valj-kommun/", {"kommun": "oslo", "next": "/"})
    assert response.status_code == 400
    assert "Välj en av länets kommuner i listan." in text_of(response)
    assert COOKIE_NAME not in response.cookies
    response = client.post(
        "/kontakter/valj-kommun/", {"kommun": "kalix", "next": "https://evil.example.org/"}
    )
    assert response["Location"] == "/"
    assert client.delete("/kontakter/valj-kommun/").status_code == 405


def test_the_choice_opens_as_a_page_that_goes_back_where_it_was_asked_for(client, directory):
    client.cookies[COOKIE_NAME] = "kalix"
    response = client.get("/kontakter/valj-kommun/", {"next": "/sok/?q=socialtj%C3%A4nst"})
    html = response.content.decode()
    assert response.status_code == 200
    # It holds the address to go back to: never shared through the page cache.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert '<input type="hidden" name="next" value="/sok/?q=socialtj%C3%A4nst">' in html
    assert '<option value="kalix" selected>Kalix</option>' in html
    assert 'action="/kontakter/valj-kommun/" method="post"' in html
    # An address elsewhere is not offered as the way back.
    html = client.get("/kontakter/valj-kommun/", {"next": "https://evil.example.org/"})
    assert '<input type="hidden" name="next" value="/">' in html.content.decode()


def test_choosing_from_another_site_is_refused(client, directory, routine):
    # No CSRF token (the routine pages stay cacheable): the Origin is checked instead.
    page = client.get(routine.url)
    html = text_of(page)
    assert page.status_code == 200 and 'action="/kontakter/valj-kommun/"' in html
    assert "csrfmiddlewaretoken" not in html
    response = client.post(
        "/kontakter/valj-kommun/",
        {"kommun": "kalix", "next": routine.url},
        HTTP_ORIGIN="https://evil.example.org",
    )
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies


def test_vcard(client, directory):
    from directory.models import Contact

    contact = Contact.objects.get(name="Socialtjänsten Kalix")
    response = client.get(f"/kontakter/kontakt/{contact.pk}.vcf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="socialtjansten-kalix.vcf"' in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "FN:Socialtjänsten Kalix\r\n" in body
    assert "TEL;TYPE=WORK,VOICE:+46701740605\r\n" in body
    assert "EMAIL;TYPE=INTERNET:social.kalix@example.org\r\n" in body
    assert body.endswith("END:VCARD\r\n")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_vcard_escapes_and_folds(directory):
    from directory.models import Contact
    from directory.vcard import contact_vcard

    contact = Contact(
        name="Skola; elevhälsa, norr",
        actor="skola",
        phone="+46701740610",
        contact_when="Å" * 80,
        municipality=directory["kalix"],
    )
    card = contact_vcard(contact)
    assert "FN:Skola\\; elevhälsa\\, norr\r\n" in card
    assert "\r\n Å" in card
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))


def test_vcard_of_an_unpublished_page_is_not_found(client, directory):
    from directory.models import Contact

    contact = Contact.objects.get(name="Socialtjänsten Haparanda")
    assert client.get(f"/kontakter/kontakt/{contact.pk}.vcf").status_code == 200
    directory["haparanda"].unpublish()
    assert client.get(f"/kontakter/kontakt/{contact.pk}.vcf").status_code == 404
    assert client.get("/kontakter/kontakt/999999.vcf").status_code == 404


def test_print_card(client, directory):
    response = client.get("/vem-ringer-jag/kalix/utskrift/")
    html = text_of(response)
    assert response.status_code == 200
    assert "Inaktuell efter utskrift." in html
    # The portal's contact card, not the Gröna kortet of Östra Norrbotten (issue 16).
    assert "<title>Kontaktkort – Kalix" in html
    assert re.search(r"Utskrivet <time datetime=\"\d{4}-\d{2}-\d{2}\">", html)
    assert (
        'href="http://localhost/vem-ringer-jag/kalix/">http://localhost/vem-ringer-jag/kalix/</a>'
        in html
    )
    assert '<div class="print-card__qr" aria-hidden="true"><svg' in html
    assert 'href="tel:+46701740605">070-174 06 05</a>' in html
    assert "Socialjouren Östra Norrbotten" in html and "BUP-linjen" in html
    assert "Exempeluppgift" in html


def test_qr_code_encodes_the_page_address():
    from directory.printing import qr_svg

    small, large = qr_svg("http://localhost/a/"), qr_svg("http://localhost/" + "a" * 200 + "/")
    assert small.startswith("<svg") and large.startswith("<svg")
    size = lambda svg: int(re.search(r'width="(\d+)"', svg).group(1))  # noqa: E731
    assert size(large) > size(small)  # more data, more modules


def test_preview_shows_the_drafts_own_contacts(client, directory):
    from tests.directory.conftest import contact

    draft = directory["kalix"].get_latest_revision_as_object()
    draft.contacts = [contact("Ny enhet i utkastet", "skola", "070-174 06 40")]
    html = text_of(draft.make_preview_request())
    assert "Ny enhet i utkastet" in html
    assert ">Elevhälsan Kalix</h3>" not in html
    assert "BUP-linjen" in html  # shared contacts are still shown
    published = text_of(client.get("/vem-ringer-jag/kalix/"))
    assert "Ny enhet i utkastet" not in published and ">Elevhälsan Kalix</h3>" in published


def test_every_demo_municipality_has_contacts_for_every_actor(client):
    call_command("seed_demo")
    pages = MunicipalityPage.objects.live()
    assert pages.count() == 14
    actors = set(NORRBUS_VALUES)
    from directory.models import Contact

    assert not Contact.objects.exclude(is_example=True).exclude(name="1177 Vårdguiden").exists()
    for page in pages:
        own = set(page.contacts.values_list("actor", flat=True))
        assert actors <= own, page.title
        html = text_of(client.get(page.url))
        for actor in actors:
            assert f'<h2 id="{actor}">' in html, (page.title, actor)
        assert "BUP-linjen" in html and "Exempeluppgift" in html
        # Every unit in the demo has "Innan du kontaktar", 1177 included.
        assert html.count('<li class="contact') == html.count('<details class="before-contact"')
        assert "1177 Vårdguiden" in html
    numbers = (
        Contact.objects.exclude(phone="").exclude(phone="1177").values_list("phone", flat=True)
    )
    assert all("+46701740605" <= number <= "+46701740699" for number in numbers)
    assert len(set(numbers)) == len(numbers)
    emails = Contact.objects.exclude(email="").values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


def test_a_situation_is_edited_with_a_chooser_of_routines(client, seeded, django_user_model):
    """The situation's routine is a page chooser limited to routines (the directory names no
    guidance model)."""
    client.force_login(django_user_model.objects.create_superuser("a", "a@example.org", "pw"))
    situation = Situation.objects.exclude(routine=None).first()
    response = client.get(f"/admin/snippets/directory/situation/edit/{situation.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert situation.routine.title in html
    assert "guidance.routinepage" in html  # the chooser's target model


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"actor": "annan", "is_norrbus_contact": True}, "Norrbus i kommunen"),
        ({"actor": "annan", "norrbus_body": "samverkansgrupp"}, "Samverkansorgan i Norrbus"),
        ({"actor": "annan"}, "Samverkan och annat stöd"),
        ({"actor": "socialtjanst"}, "Socialtjänst"),
    ],
)
def test_a_card_names_what_a_contact_is_never_annan(fields, label):
    contact = ContactFactory.build(**fields)
    assert contact.actor_label == label
    html = render_to_string("directory/includes/contact_card.html", {"contact": contact})
    tags = BeautifulSoup(html, "html.parser").select_one(".contact__actor").get_text(strip=True)
    assert tags.startswith(label) and "Annan" not in tags
