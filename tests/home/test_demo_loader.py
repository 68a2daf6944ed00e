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
