"""A routine step names what each actor does in it ("Skola: …"), not one "Ansvarig" list; an
actor's "Min roll i rutinerna" lists its steps and a section's "Vem gör vad" matrix all of
them; steps stored in the old form are converted by migration 0009."""

import importlib
import json
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.blocks import StepBlock
from guidance.models import RoutinePage
from portal.page_forms import PAGE_MESSAGE
from search.entries import routine_entries
from tests.factories import (
    ActorPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    publish,
    source,
    step,
)
from tests.identity_numbers import IDENTITY_NUMBERS

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("guidance.migrations.0009_step_roles")


@pytest.fixture
def routines(home_page):
    section = SectionPageFactory(parent=home_page, slug="rutiner", title="Rutiner")
    for code, title in [("skola", "Skola"), ("socialtjanst", "Socialtjänst")]:
        ActorPageFactory(parent=section, slug=code, actor=code, title=title)
    meeting = RoutinePageFactory(
        parent=section,
        slug="motet",
        title="Mötet",
        steps=[
            step(
                "Behov av möte",
                roles={"skola": "Tar initiativet.", "socialtjanst": "Är uppmärksam."},
            ),
            step("Utredning", roles={"socialtjanst": "Utreder barnets behov."}),
            step("Kallelse", roles={"skola": "Kallar till mötet."}),
        ],
    )
    other = RoutinePageFactory(
        parent=section,
        slug="bara-socialtjansten",
        title="Bara socialtjänsten",
        steps=[step("Placering", roles={"socialtjanst": "Samordnar."})],
    )
    return section, meeting, other


def step_links(html: str, css_class: str) -> list[str]:
    block = html.split(f'class="{css_class}"', 1)[1]
    return re.findall(r'href="([^"]+#[^"]+)"', block)


def test_a_step_shows_what_each_actor_does(client, routines):
    _, meeting, _ = routines
    html = client.get(meeting.url).content.decode()
    assert "Vem gör vad" in html
    assert "<strong>Skola:</strong> Tar initiativet." in html
    assert "<strong>Socialtjänst:</strong> Är uppmärksam." in html
    assert "Ansvarig:" not in html


def test_my_role_lists_exactly_the_actors_steps_with_their_text(client, routines):
    response = client.get("/rutiner/skola/min-roll/")
    assert response.status_code == 200
    html = response.content.decode()
    assert step_links(html, "my-role") == [
        "/rutiner/motet/#behov-av-mote",
        "/rutiner/motet/#kallelse",
    ]
    assert "Tar initiativet." in html and "Kallar till mötet." in html
    # Steps where only social services act, and their routine, are not on the school's page.
    assert "Utreder barnets behov." not in html and "#utredning" not in html
    assert "Bara socialtjänsten" not in html
    assert 'href="/rutiner/vem-gor-vad/"' in html
    assert 'href="/rutiner/skola/min-roll/"' in client.get("/rutiner/skola/").content.decode()
    # The breadcrumbs lead back to the actor page; the sub-page is where the reader is.
    crumbs = html[
        html.index('class="breadcrumbs') : html.index("</nav>", html.index('class="breadcrumbs'))
    ]
    assert '<a href="/rutiner/skola/">Skola</a>' in crumbs
    assert '<li aria-current="page">Min roll i rutinerna</li>' in crumbs
    assert crumbs.count('aria-current="page"') == 1


def test_my_role_leaves_out_drafts_and_restricted_routines(client, routines):
    _, meeting, other = routines
    PageViewRestriction.objects.create(
        page=meeting, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    other.unpublish()
    html = client.get("/rutiner/socialtjanst/min-roll/").content.decode()
    assert step_links(html, "my-role") == []
    assert "Inget steg i rutinerna anger ännu" in html


def test_the_matrix_has_a_cell_per_routine_and_actor_linking_the_steps(client, routines):
    response = client.get("/rutiner/vem-gor-vad/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert 'role="region"' in html and 'tabindex="0"' in html
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)[1:]
    cells = {
        re.search(r'<th scope="row"><a href="([^"]+)"', row).group(1): [
            re.findall(r'href="([^"]+)"', cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in rows
    }
    assert cells == {
        "/rutiner/motet/": [
            ["/rutiner/motet/#behov-av-mote", "/rutiner/motet/#kallelse"],
            ["/rutiner/motet/#behov-av-mote", "/rutiner/motet/#utredning"],
            [],
            [],
        ],
        "/rutiner/bara-socialtjansten/": [[], ["/rutiner/bara-socialtjansten/#placering"], [], []],
    }
    # The column heads lead to the actors' own pages, for the actors that have one.
    assert 'href="/rutiner/skola/min-roll/"' in html
    assert 'href="/rutiner/vem-gor-vad/"' in client.get("/rutiner/").content.decode()


def test_a_section_without_routines_has_no_matrix(client, home_page):
    SectionPageFactory(parent=home_page, slug="om")
    assert client.get("/om/vem-gor-vad/").status_code == 404
    assert "vem-gor-vad" not in client.get("/om/").content.decode()


def test_search_facets_name_the_actors_that_act_in_a_step(routines):
    _, meeting, _ = routines
    _, *steps = routine_entries(meeting)
    assert [entry.actors for entry in steps] == [
        ["skola", "socialtjanst"],
        ["socialtjanst"],
        ["skola"],
    ]


def role(actor: str, text: str) -> dict:
    return {"actor": actor, "text": text}


def step_value(**roles) -> dict:
    return {
        "title": "Kallelse",
        "anchor": "",
        "roles": [role(actor, text) for actor, text in roles.items()],
        "contact_actors": [],
        "body": "<p>Kalla.</p>",
        "checklist": [],
        "documents": [],
        "sources": [source(anchor="kallelse")],
    }


def test_an_actor_may_have_one_role_per_step():
    block = StepBlock()
    value = block.to_python(step_value(skola="Kallar."))
    value["roles"] = block.child_blocks["roles"].to_python(
        [role("skola", "Kallar."), role("skola", "Deltar.")]
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "Skola står flera gånger" in str(error.value.as_json_data())


def test_a_role_needs_its_text():
    block = StepBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python(step_value(skola="")))
    assert block.clean(block.to_python(step_value(skola="Kallar."))).actor_codes == ["skola"]


def routine_form(title: str, role_text: str) -> dict:
    return {
        "title": title,
        "slug": "kallelse-rutin",
        "summary": "Så kallar du.",
        "audience_note": "",
        "steps": streamfield(
            [
                (
                    "step",
                    {
                        "title": "Kallelse",
                        "anchor": "",
                        "roles": streamfield([("item", {"actor": "skola", "text": role_text})]),
                        "contact_actors": (),
                        "body": rich_text("<p>Kalla.</p>"),
                        "checklist": streamfield([]),
                        "documents": streamfield([]),
                        "sources": streamfield(
                            [("law", {"name": "Skollagen", "sfs": "2010:800", "provision": ""})]
                        ),
                    },
                )
            ]
        ),
        "content_owner": "",
        "next_review": "",
        "action-publish": "publish",
    }


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("r", "r@example.org", "pw"))
    return client


def test_a_role_text_with_a_personnummer_is_refused(editor_client, home_page):
    section = SectionPageFactory(parent=home_page)
    text = f"Kallar {IDENTITY_NUMBERS[3]} till mötet."
    response = editor_client.post(
        f"/admin/pages/add/guidance/routinepage/{section.pk}/",
        nested_form_data(routine_form("Kallelse", text)),
    )
    assert response.status_code == 200
    assert str(PAGE_MESSAGE) in str(response.context["form"].errors["steps"])
    assert not RoutinePage.objects.filter(slug="kallelse-rutin").exists()


def old_step(title: str, responsible: list[str]) -> dict:
    value = step_value()
    del value["roles"]
    return {
        "type": "step",
        "id": f"id-{title}",
        "value": {**value, "title": title, "responsible": responsible},
    }


def store_old_format(page: RoutinePage, raw: list[dict]) -> None:
    """The page's live content and its latest revision as they were before 0009 (written
    as raw JSON: the field itself would read it with today's blocks)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {RoutinePage._meta.db_table} SET steps = %s WHERE page_ptr_id = %s",
            [json.dumps(raw), page.pk],
        )
    revision = page.latest_revision
    revision.content["steps"] = json.dumps(raw)
    revision.save(update_fields=["content"])


def test_the_migration_turns_the_old_list_into_roles_in_the_page_and_its_revision(
    editor_client, routines
):
    _, meeting, _ = routines
    publish(meeting)
    store_old_format(
        meeting,
        [old_step("Kallelse", ["socialtjanst", "skola"]), old_step("Årlig bedömning", [])],
    )
    operation = next(op for op in MIGRATION.Migration.operations if hasattr(op, "code"))
    operation.code(apps, None)

    meeting = RoutinePage.objects.get(pk=meeting.pk)
    first, second = (block.value for block in meeting.steps)
    assert first.role_rows == [
        {"actor": "skola", "label": "Skola", "text": ""},
        {"actor": "socialtjanst", "label": "Socialtjänst", "text": ""},
    ]
    assert "responsible" not in meeting.steps.raw_data[0]["value"]
    assert second.role_rows == []
    revised = meeting.latest_revision.as_object()
    assert [row["actor"] for row in revised.steps[0].value.role_rows] == ["skola", "socialtjanst"]

    # The actor's name alone until an editor writes what it does …
    html = editor_client.get(meeting.url).content.decode()
    assert "<li><strong>Skola</strong></li>" in html
    assert "<strong>Skola:</strong>" not in html
    # … which the next publication asks for.
    data = routine_form(meeting.title, "")
    response = editor_client.post(
        f"/admin/pages/{meeting.pk}/edit/", nested_form_data({**data, "slug": meeting.slug})
    )
    assert response.status_code == 200
    (error,) = response.context["form"].errors.as_data()["steps"]
    assert "text" in json.dumps(error.as_json_data())
    written = routine_form(meeting.title, "Kallar till mötet.")
    response = editor_client.post(
        f"/admin/pages/{meeting.pk}/edit/", nested_form_data({**written, "slug": meeting.slug})
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.steps[0].value.role_rows[0]["text"] == "Kallar till mötet."


def test_the_migration_leaves_a_converted_step_alone():
    converted = {
        "title": "Kallelse",
        "roles": [{"type": "item", "id": "x", "value": role("skola", "Kallar.")}],
    }
    assert MIGRATION.ResponsibleToRoles().apply(converted) == converted
