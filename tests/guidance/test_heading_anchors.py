"""A heading's own "#" link is no tab stop: keyboard and screen-reader users get the link to a
section from the contents list, which links every heading the page has."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "contents"),
    [
        ("/overenskommelsen/2025/", "nav.toc"),
        ("/rutiner/norrbusmotet/", 'nav[aria-labelledby="steps-toc"]'),
    ],
)
def test_heading_links_are_out_of_the_tab_order_and_each_is_in_the_contents_list(
    client, seeded, path, contents
):
    soup = BeautifulSoup(client.get(path).content.decode(), "html.parser")
    anchors = soup.select(".anchor-link")
    assert len(anchors) >= 4
    for anchor in anchors:
        assert anchor["tabindex"] == "-1" and anchor["aria-hidden"] == "true"
        # The anchor stays what it was: the id of its section, which other pages link to.
        assert soup.find(id=anchor["href"][1:]) is not None
    listed = {link["href"] for link in soup.select(f"{contents} a")}
    assert {anchor["href"] for anchor in anchors} <= listed
