import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from directory.models import Contact
from directory.phones import format_phone, normalise_phone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("070-174 06 05", "+46701740605", "070-174 06 05"),
        ("+46 70 174 06 99", "+46701740699", "070-174 06 99"),
        ("0046701740650", "+46701740650", "070-174 06 50"),
        ("0920-123 45", "+4692012345", "0920-123 45"),
        ("08-123 456 78", "+46812345678", "08-123 456 78"),
        ("1177", "1177", "1177"),
        ("+358 40 123 4567", "+358401234567", "+358 40 1234567"),
    ],
)
def test_phone_numbers_are_stored_normalised_and_shown_the_swedish_way(typed, stored, shown):
    assert normalise_phone(typed) == stored
    assert format_phone(stored) == shown


@pytest.mark.parametrize(
    "typed", ["070-174", "abc", "070-174 06 05 99 99", "+46 1", "19121212-1212"]
)
def test_bad_phone_numbers_get_a_swedish_error(typed):
    with pytest.raises(ValidationError) as error:
        normalise_phone(typed)
    assert "giltigt svenskt telefonnummer" in error.value.messages[0]


def test_contact_validation_in_swedish(directory):
    bad = Contact(
        municipality=directory["kalix"],
        name="Skolan",
        actor="skola",
        phone="12",
        email="inte-en-adress",
        website="ftp:/x",
    )
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    messages = error.value.message_dict
    assert "giltigt svenskt telefonnummer" in messages["phone"][0]
    assert messages["email"] == ["Ange en giltig e-postadress."]
    assert "https://" in messages["website"][0]

    unreachable = Contact(municipality=directory["kalix"], name="Skolan", actor="skola")
    with pytest.raises(ValidationError) as error:
        unreachable.full_clean()
    assert "minst ett sätt att nå kontakten" in error.value.messages[0]

    unlabelled = Contact(
        municipality=directory["kalix"], name="Skolan", actor="skola", phone_alt="070-174 06 11"
    )
    with pytest.raises(ValidationError) as error:
        unlabelled.full_clean()
    assert "phone_alt_label" in error.value.message_dict


def test_a_contact_has_exactly_one_owner(directory):
    with pytest.raises(IntegrityError):
        Contact.objects.create(
            municipality=directory["kalix"],
            county_part=directory["east"],
            name="Dubbel",
            actor="skola",
            phone="+46701740690",
        )


def test_scope_and_labels(directory):
    local = Contact.objects.get(name="Socialtjänsten Kalix")
    shared = Contact.objects.get(name="Socialjouren Östra Norrbotten")
    county = Contact.objects.get(name="BUP-linjen")
    assert (local.scope, local.scope_label, local.shared_label) == ("kommun", "Kalix", "")
    assert (shared.scope, shared.scope_label) == ("lansdel", "Östra Norrbotten")
    assert shared.shared_label == "Gemensam för Östra Norrbotten"
    assert (county.scope, county.scope_label, county.shared_label) == (
        "lan",
        "Hela länet",
        "Gäller hela länet",
    )


def test_for_municipality_includes_its_county_part_and_the_county_only(directory):
    names = set(
        Contact.objects.published()
        .for_municipality(directory["kalix"])
        .values_list("name", flat=True)
    )
    assert names == {
        "Elevhälsan Kalix",
        "Socialtjänsten Kalix",
        "Hälsocentralen Kalix",
        "Norrbuskontakt Kalix",
        "Socialjouren Östra Norrbotten",
        "BUP-linjen",
    }
    lulea = set(
        Contact.objects.published()
        .for_municipality(directory["lulea"])
        .values_list("name", flat=True)
    )
    assert lulea == {"Socialtjänsten Luleå", "BUP-linjen"}


def test_contacts_of_an_unpublished_page_are_not_published(directory):
    directory["haparanda"].unpublish()
    assert not Contact.objects.published().filter(name="Socialtjänsten Haparanda").exists()
    assert Contact.objects.published().filter(name="Socialtjänsten Kalix").exists()
