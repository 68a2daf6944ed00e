from home.demo import loader


def test_markdown_renders_the_html_wagtail_stores():
    text = "En rad\nsom fortsätter.\n\n- *Syfte & mål*\n- [Digg](https://www.digg.se/)\n"
    assert loader.markdown(text) == (
        "<p>En rad som fortsätter.</p>"
        '<ul><li><em>Syfte &amp; mål</em></li><li><a href="https://www.digg.se/">Digg</a></li></ul>'
    )


def test_an_empty_rich_text_stays_empty():
    assert loader.markdown("") == ""


def test_every_example_phone_number_is_a_distinct_fiction_number():
    directory = loader.directory()
    contacts = directory["county_contacts"] + [
        contact
        for part in directory["county_parts"]
        for owner in [part, *part["municipalities"]]
        for contact in owner["contacts"]
    ]
    numbers = [c["phone"] for c in contacts if c["is_example"] and c["phone"]]
    assert len(numbers) == len(set(numbers))
    assert all(n.startswith("070-174 06 ") and 5 <= int(n[-2:]) <= 99 for n in numbers)


BEFORE_CONTACT = ("cannot_help_with", "have_ready", "how_to_reach", "response_time", "languages")


def every_contact() -> list[dict]:
    directory = loader.directory()
    return directory["county_contacts"] + [
        contact
        for part in directory["county_parts"]
        for owner in [part, *part["municipalities"]]
        for contact in owner["contacts"]
    ]


def test_every_example_unit_has_all_its_before_contact_fields():
    examples = [c for c in every_contact() if c["is_example"]]
    assert len(examples) == 5 + 4 * 2 + 14 * 5
    for contact in examples:
        assert all(contact.get(name) for name in ("contact_when", *BEFORE_CONTACT)), contact


def test_the_real_unit_gives_only_what_its_sources_confirm():
    (vardguiden,) = [c for c in every_contact() if not c["is_example"]]
    assert vardguiden["name"] == "1177 Vårdguiden"
    assert vardguiden["cannot_help_with"] == "Livshotande tillstånd: ring alltid 112."
    assert vardguiden["languages"] == "Svenska och engelska."
    assert "vänta kvar utan att ange det" in vardguiden["how_to_reach"]
    assert "response_time" not in vardguiden  # no source gives one


def test_the_directory_uses_current_terms():
    text = (loader.DEMO_DIR / "directory.yaml").read_text(encoding="utf-8")
    assert "utvecklingsstörning" not in text
    (habilitation,) = [c for c in every_contact() if c["name"] == "Habiliteringen"]
    assert "intellektuell funktionsnedsättning" in habilitation["contact_when"]


def test_municipalities_are_named_as_they_name_themselves():
    municipalities = {
        municipality["name"]: [contact["name"] for contact in municipality["contacts"]]
        for part in loader.directory()["county_parts"]
        for municipality in part["municipalities"]
    }
    assert len(municipalities) == 14
    assert "Elevhälsan, Bodens kommun" in municipalities["Boden"]
    assert "Elevhälsan, Älvsbyns kommun" in municipalities["Älvsbyn"]
    assert "Elevhälsan, Haparanda stad" in municipalities["Haparanda"]
    assert "Elevhälsan, Kalix kommun" in municipalities["Kalix"]
    names = [name for contacts in municipalities.values() for name in contacts]
    for wrong in ("Boden kommun", "Jokkmokk kommun", "Arjeplog kommun", "Haparanda kommun"):
        assert not any(wrong in name for name in names)
