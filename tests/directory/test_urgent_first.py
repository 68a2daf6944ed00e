"""A municipality page leads with the numbers: 112, the urgent contacts, then the out-of-hours
ones, each local before shared; the actors' cards, the folded contents list and the print
link follow."""

import pytest
from bs4 import BeautifulSoup

from directory.arrangement import arrange
from directory.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def more_urgent(directory):
    """Beside the shared out-of-hours jour: a shared urgent line and a local out-of-hours one."""
    east = directory["kalix"].county_part
    Contact.objects.create(
        county_part=east,
        name="Akutlinjen Östra Norrbotten",
        actor="specialistvard",
        phone="070-174 06 61",
        is_urgent=True,
    )
    Contact.objects.create(
        municipality=directory["kalix"],
        name="Kvällsmottagningen Kalix",
        actor="primarvard",
        phone="070-174 06 62",
        out_of_hours=True,
        opening_hours="Vardagar 16–21",
    )
    return directory


def soup_of(client, path):
    return BeautifulSoup(client.get(path).content, "html.parser")


def test_arrange_puts_urgent_before_out_of_hours_each_local_before_shared(more_urgent):
    arranged = arrange(Contact.objects.for_reader(more_urgent["kalix"]))
    assert [contact.name for contact in arranged.urgent] == [
        "Akutlinjen Östra Norrbotten",
        "Kvällsmottagningen Kalix",
        "Socialjouren Östra Norrbotten",
    ]
    # By default (the printed cards) an urgent contact is listed once, among the urgent.
    listed = [contact.name for group in arranged.groups for contact in group.contacts]
    assert "Socialjouren Östra Norrbotten" not in listed


def test_arrange_can_also_keep_urgent_contacts_with_their_actor(more_urgent):
    arranged = arrange(Contact.objects.for_reader(more_urgent["kalix"]), urgent_in_groups=True)
    groups = {
        group.actor: [contact.name for contact in group.contacts] for group in arranged.groups
    }
    # Local before shared within the actor's group.
    assert groups["socialtjanst"] == ["Socialtjänsten Kalix", "Socialjouren Östra Norrbotten"]
    assert groups["primarvard"] == ["Hälsocentralen Kalix", "Kvällsmottagningen Kalix"]
    assert len(arranged.urgent) == 3


def test_the_page_leads_with_112_then_the_urgent_numbers_in_order(client, more_urgent):
    soup = soup_of(client, "/vem-ringer-jag/kalix/")
    main = soup.select_one("main")
    urgent = main.select_one("section.urgent")
    # The first number on the page is 112, in the urgent block, which comes before the actors.
    first_tel = main.select_one('a[href^="tel:"]')
    assert first_tel["href"] == "tel:112" and urgent in first_tel.parents
    items = urgent.select("li.urgent__item")
    assert [item.select_one(".urgent__name").get_text(strip=True) for item in items] == [
        "Ett barn i akut fara",
        "Akutlinjen Östra Norrbotten",
        "Kvällsmottagningen Kalix",
        "Socialjouren Östra Norrbotten",
    ]
    assert [item.select_one("a.urgent__phone")["href"] for item in items] == [
        "tel:112",
        "tel:+46701740661",
        "tel:+46701740662",
        "tel:+46701740660",
    ]
    assert "Vardagar 16–21" in items[2].get_text()
    assert "Nås utanför kontorstid" in items[3].get_text()
    sections = main.select("section")
    assert sections[0] is urgent
    assert sections[1]["aria-labelledby"] == "skola"


def test_each_urgent_number_links_to_its_card_with_its_actor(client, more_urgent):
    soup = soup_of(client, "/vem-ringer-jag/kalix/")
    jour_link = soup.select_one("section.urgent").find("a", string="Socialjouren Östra Norrbotten")
    card = soup.select_one(jour_link["href"])
    assert card.name == "li" and "contact" in card["class"]
    assert card.h3.get_text(strip=True) == "Socialjouren Östra Norrbotten"
    assert card.find_parent("section")["aria-labelledby"] == "socialtjanst"
    assert card.select_one("a.contact__phone")["href"] == "tel:+46701740660"
    # One card per contact: the urgent block lists numbers, not cards.
    assert not soup.select("section.urgent li.contact")
    names = [card.h3.get_text(strip=True) for card in soup.select("li.contact")]
    assert len(names) == len(set(names))


def test_example_numbers_are_marked_in_the_urgent_block(client, more_urgent):
    Contact.objects.filter(name="Socialjouren Östra Norrbotten").update(is_example=True)
    urgent = soup_of(client, "/vem-ringer-jag/kalix/").select_one("section.urgent")
    marked = [
        item.select_one(".urgent__name").get_text(strip=True)
        for item in urgent.select("li.urgent__item")
        if item.select_one(".badge--example")
    ]
    assert marked == ["Socialjouren Östra Norrbotten"]


def test_contents_are_folded_and_the_print_link_follows_the_numbers(client, directory):
    main = soup_of(client, "/vem-ringer-jag/kalix/").select_one("main")
    details = main.select_one('nav[aria-label="Innehåll på sidan"] > details')
    assert not details.has_attr("open")
    assert details.summary.get_text(strip=True) == "Innehåll på sidan"
    assert [a["href"] for a in details.select("a")][:3] == [
        "#skola",
        "#socialtjanst",
        "#primarvard",
    ]
    # The print link is the urgent block's last line, after its numbers; the contents list
    # comes between the numbers and the actors.
    print_link = main.find("a", string="Skriv ut kortet med de viktigaste numren")
    assert print_link["href"] == "/vem-ringer-jag/kalix/utskrift/"
    assert print_link.find_parent("section")["class"] == ["urgent"]
    assert not print_link.find_all_next("a", class_="urgent__phone")
    assert not print_link.find_all_previous("a", href=lambda href: "utskrift" in (href or ""))
    assert details.find_previous("section")["class"] == ["urgent"]
    assert details.find_next("section")["aria-labelledby"] == "skola"


def test_the_print_card_lists_an_urgent_contact_once(client, directory):
    html = client.get("/vem-ringer-jag/kalix/utskrift/").content.decode()
    assert html.count("Socialjouren Östra Norrbotten") == 1
