"""The demo's routine steps say what each actor does (`roles:` in routines.yaml), name all four
actors only where all four really act, and the seeded "Min roll" and "Vem gör vad" pages
follow them."""

import re

import pytest

from guidance.models import RoutinePage
from home.demo import loader
from portal.actors import NORRBUS_VALUES

# The steps that may name all four actors, and why all four act there.
ALL_FOUR = {
    ("norrbusmotet", "Behov av möte"): "whichever of the actors sees the need takes the "
    "initiative (agreement, Behov av möte: school most often, health care is to be attentive)",
    ("norrbusmotet", "Kallelse"): "the convener (the core three) should state the purpose and "
    "ensures participation; specialist care is invited when the needs are close to it, and "
    "every actor invited prioritises the meeting (agreement, Kallelse, Norrbusmötet)",
    ("norrbusmotet", "Mötet"): "who attends is decided case by case, all parties commit to "
    "attend; specialist care when the needs are close to it (agreement, Mötet, Norrbusmötet)",
    ("norrbusmotet", "Efter mötet"): "every actor carries out its commitments; the convener "
    "calls the follow-up (agreement, Efter mötet)",
    ("samordnad-individuell-plan", "Se behovet"): "social services and health care (primary "
    "and specialist) establish the plan; the school may propose one (HSL 16:4, SoL)",
    ("vard-utanfor-det-egna-hemmet", "Samma modell som Norrbusmötet"): "social services "
    "coordinate; the others collaborate by the Norrbus meeting's model, specialist care when "
    "needed (agreement, Vård utanför det egna hemmet)",
    ("samordnad-individuell-plan", "Upprätta planen"): "the plan names each principal's "
    "measures and those others take, e.g. the school (HSL 16:4)",
    ("avvikelsehantering", "Gör en avvikelserapportering"): "whoever sees a party deviate "
    "reports it, in any actor (agreement, Avvikelsehantering)",
    ("avvikelsehantering", "Analys i varje verksamhet"): "each actor concerned analyses it "
    "(agreement, Avvikelsehantering)",
    ("avvikelsehantering", "Gemensam analys"): "the actors concerned analyse it together at "
    "management level (agreement, Avvikelsehantering)",
    (
        "avvikelsehantering",
        "Rapport till Samverkansstruktur målgrupp barn och unga",
    ): "the party that noted the deviation reports it, whichever it is "
    "(agreement, Avvikelsehantering)",
    ("oenighet-mellan-parter", "Lyft frågan i den egna ledningen"): "any of the parties may "
    "be in the dispute; each takes it to its own management (agreement, Oenighet)",
    ("orosanmalan", "Är barnet i akut fara? Ring 112"): "everyone who meets the child in "
    "their work calls 112; social services run the out-of-hours service",
    ("orosanmalan", "Anmäl genast till socialtjänsten"): "the duty to report binds staff in "
    "school, health care and social services; social services receive the report (SoL)",
    ("orosanmalan", "Du behöver inget samtycke, och skyldigheten är din"): "the reporting "
    "duty is personal for school and health care staff; social services answer anonymous "
    "consultation",
    ("orosanmalan", "Behöver barnet stöd från flera? Då kan Norrbus följa"): "any actor may "
    "then take the initiative to a Norrbus meeting (agreement, Behov av möte)",
}


def demo_steps():
    for routine in loader.routines()["routines"]:
        for step in routine["steps"]:
            yield routine["slug"], step["value"]


def test_no_step_names_all_four_actors_without_a_reason():
    all_four = {
        (slug, value["title"])
        for slug, value in demo_steps()
        if {role["actor"] for role in value["roles"]} == set(NORRBUS_VALUES)
    }
    assert all_four - set(ALL_FOUR) == set(), "all four actors named without a reason"
    assert set(ALL_FOUR) - all_four == set(), "the allow-list names a step that is not so"
    assert all(reason.strip() for reason in ALL_FOUR.values())


def test_every_role_says_what_the_actor_does():
    roles = [role for _, value in demo_steps() for role in value["roles"]]
    assert len(roles) > 40
    assert all(role["text"] and role["actor"] in NORRBUS_VALUES for role in roles)
    # A step of social services' own assessment is theirs alone.
    assessment = dict((v["title"], v) for s, v in demo_steps() if s == "orosanmalan")
    assert [r["actor"] for r in assessment["Socialtjänsten bedömer och utreder"]["roles"]] == [
        "socialtjanst"
    ]


@pytest.mark.parametrize(
    "roles, message",
    [
        ({"skol": "Kallar."}, "unknown actors ['skol']"),
        (["skola"], "`roles:` must map actors to texts"),
        ({"skola": ""}, "`skola` must be a text in quotes"),
        ({"skola": "x" * 251}, "longer than 250 characters"),
        (None, "`roles:` is missing"),
    ],
)
def test_a_malformed_role_names_the_step(monkeypatch, roles, message):
    step = {"title": "Kallelse", "body": "Kalla.", "sources": [{"agreement": "kallelse"}]}
    if roles is not None:
        step["roles"] = roles
    data = {"page": {}, "routines": [{"slug": "motet", "steps": [step]}]}
    read = loader.read
    monkeypatch.setattr(loader, "read", lambda name: data if name == "routines" else read(name))
    with pytest.raises(loader.DemoContentError) as error:
        loader.routines()
    assert "routine 'motet', step 'Kallelse'" in str(error.value)
    assert message in str(error.value)


def links(html: str, marker: str) -> list[str]:
    return re.findall(r'href="([^"]+#[^"]+)"', html.split(marker, 1)[1].split("</article>")[0])


def seeded_steps(actor: str | None = None) -> list[tuple[str, str]]:
    """(routine url, step anchor) of every live step, or of those where `actor` acts."""
    return [
        (routine.url, block.value.anchor_id)
        for routine in RoutinePage.objects.live().order_by("path")
        for block in routine.steps
        if actor is None or actor in block.value.actor_codes
    ]


@pytest.mark.django_db
def test_my_role_for_the_school_lists_exactly_the_schools_steps(client, seeded):
    html = client.get("/aktorer/skola/min-roll/").content.decode()
    listed = links(html, 'class="my-role"')
    expected = [f"{url}#{anchor}" for url, anchor in seeded_steps("skola")]
    assert len(expected) >= 1
    assert listed == expected
    assert "/rutiner/orosanmalan/#socialtjansten-bedomer-och-utreder" not in listed
    assert "kan ta upp behovet med socialtjänsten eller" in html


@pytest.mark.django_db
def test_the_matrix_links_every_cell_to_an_existing_step(client, seeded):
    html = client.get("/rutiner/vem-gor-vad/").content.decode()
    cell_links = re.findall(
        r'href="([^"]+)#([^"]+)"', "".join(re.findall(r"<td>(.*?)</td>", html, re.S))
    )
    assert cell_links
    anchors = {}
    for url, anchor in set(cell_links):
        if url not in anchors:
            anchors[url] = set(re.findall(r'id="([^"]+)"', client.get(url).content.decode()))
        assert anchor in anchors[url], f"{url}#{anchor}"
    assert sorted(set(cell_links)) == sorted(
        {step for actor in NORRBUS_VALUES for step in seeded_steps(actor)}
    )
