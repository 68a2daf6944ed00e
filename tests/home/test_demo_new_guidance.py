"""The guidance staff ask for most (issue 16): the orosanmälan routine the concern situation
leads to first, the pages on the law around the collaboration, and the portal's own checklist
kept apart from the real Gröna kortet."""

import re

import pytest

from directory.models import Situation
from guidance.models import ContentPage, RoutinePage

pytestmark = pytest.mark.django_db

NEW_PAGES = [
    "sekretess-och-samtycke",
    "sip-vad-lagen-sager",
    "om-nagon-inte-kommer",
    "barnets-rost",
    "tolk-och-minoritetssprak",
    "om-grona-kortet",
]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_concern_situation_leads_to_the_orosanmalan_routine_first(client, seeded):
    situation = Situation.objects.get(slug="orolig-for-ett-barn")
    assert situation.routine.slug == "orosanmalan"
    html = client.get(
        "/vem-ringer-jag/", {"kommun": "pajala", "situation": "orolig-for-ett-barn"}
    ).content.decode()
    assert 'href="/rutiner/orosanmalan/"' in html
    finder = text(html)
    assert "orosanmälan" in finder and "inget samtycke" in finder
    # Norrbus comes after the report, in the situation's own words.
    assert finder.index("orosanmälan") < finder.index("Norrbusmöte följa")


def test_orosanmalan_is_a_legal_duty_that_leads_on_to_norrbus_only_at_the_end(client, seeded):
    routine = RoutinePage.objects.live().get(slug="orosanmalan")
    assert "inte en del av Norrbus" in routine.summary
    steps = [block.value for block in routine.steps]
    assert steps[0]["title"].endswith("Ring 112")
    assert all(len(step["sources"]) > 0 for step in steps)
    bodies = [step["body"].source for step in steps]
    assert "inte samtycke" in bodies[2] and "kan inte lämnas över" in bodies[2]
    assert all("/rutiner/norrbusmotet/" not in body for body in bodies[:-1])
    assert "/rutiner/norrbusmotet/" in bodies[-1]
    laws = [
        source.value["sfs"]
        for step in steps
        for source in step["sources"]
        if source.block_type == "law"
    ]
    assert "2025:400" in laws and "2001:453" not in laws
    html = client.get(routine.url).content.decode()
    assert "Socialtjänstlag (2025:400)" in text(html)


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_each_new_page_is_live_under_the_routines_and_shows_its_sources(client, seeded, slug):
    page = ContentPage.objects.live().get(slug=slug)
    assert page.get_parent().slug == "rutiner"
    assert len(page.sources) > 0
    html = text(client.get(page.url).content.decode())
    assert "Källor:" in html or "Källa:" in html
    for source in page.sources:
        if source.block_type == "law":
            assert source.value["sfs"] in html, (slug, source.value["name"])


def test_the_sip_page_rests_on_the_law_and_says_a_norrbus_plan_is_not_a_sip(client, seeded):
    page = ContentPage.objects.get(slug="sip-vad-lagen-sager")
    laws = {(s.value["sfs"], s.value["provision"]) for s in page.sources if s.block_type == "law"}
    assert ("2017:30", "16 kap. 4 §") in laws
    html = text(client.get(page.url).content.decode())
    assert "En Norrbusplan är inte automatiskt en SIP" in html
    assert "bara skolan och socialtjänsten" in html


def test_the_portal_checklist_is_its_own_and_the_card_has_a_page_for_the_editors(client, seeded):
    checklist = RoutinePage.objects.get(slug="grona-kortet")
    assert "Gröna kortet" not in checklist.title
    assert "framtaget i Östra Norrbotten" not in checklist.summary
    assert "portalens egen" in checklist.summary.lower()
    card = ContentPage.objects.get(slug="om-grona-kortet")
    assert card.title == "Gröna kortet"
    parts = [s.value["part"] for s in card.sources if s.block_type == "document"]
    assert "avsnitt 4.4.3" in parts
    html = client.get(card.url).content.decode()
    assert 'href="/rutiner/grona-kortet/"' in html
    assert "För redaktionen" in text(html)


def test_ny_i_norrbus_links_every_page_it_names(client, seeded):
    html = client.get("/ny-i-norrbus/").content.decode()
    body = html[html.index('class="prose"') : html.index('class="source')]
    links = re.findall(r'<a href="(/[^"]*)"', body)
    assert links == [
        "/om-norrbus/",
        "/overenskommelsen/",
        "/aktorer/skola/#missforstand",
        "/aktorer/socialtjanst/#missforstand",
        "/aktorer/primarvard/#missforstand",
        "/aktorer/specialistvard/#missforstand",
        "/rutiner/norrbusmotet/",
        "/rutiner/samordnad-individuell-plan/",
        "/rutiner/avvikelsehantering/",
        "/rutiner/oenighet-mellan-parter/",
    ]
    for link in links:
        path, _, fragment = link.partition("#")
        page = client.get(path)
        assert page.status_code == 200, link
        assert not fragment or f'id="{fragment}"' in page.content.decode(), link


def finder_contacts(client, **query) -> list[str]:
    html = client.get("/vem-ringer-jag/", query).content.decode()
    results = html[html.index('id="resultat"') : html.index('id="municipalities-heading"')]
    return re.findall(r'<h4 class="contact__name">(.*?)</h4>', results)


def test_the_finder_lists_first_whom_the_situation_is_first_about(client, seeded):
    concern = finder_contacts(client, kommun="kalix", situation="orolig-for-ett-barn")
    assert concern[:2] == [
        "Socialtjänsten, mottagningen för barn och unga",
        "Socialjouren, Östra Norrbotten",
    ]
    assert "Elevhälsan, Kalix kommun" in concern[2:]
    # A situation about no actor in particular keeps local before shared.
    meeting = finder_contacts(client, kommun="kalix", situation="kalla-till-norrbusmote")
    assert meeting[0] == "Elevhälsan, Kalix kommun"
