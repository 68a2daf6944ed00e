"""Roles and the review workflow: Centralt stöd writes, Granskare approve, readers see the
change note; municipality editors publish their own pages; scheduled publishing works."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow

from directory.models import MunicipalityPage
from guidance.models import PageChange, RoutinePage
from guidance.roles import CENTRAL_SUPPORT, LEARNERS, REVIEWERS, WORKFLOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def routine(governance_site):
    return RoutinePage.objects.get(slug="norrbusmotet")


def submit_change(routine, user, **fields):
    """What "Skicka till Granskning" does: a new revision, and the workflow started on it."""
    draft = routine.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision(user=user)
    return routine.get_workflow().start(routine, user)


def approve(state, user):
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def test_the_roles_exist_and_running_the_command_again_changes_nothing(governance_site):
    names = {CENTRAL_SUPPORT, REVIEWERS, LEARNERS, "Kommunredaktör Kalix", "Kommunredaktör Luleå"}
    assert names <= set(Group.objects.values_list("name", flat=True))
    before = {
        g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    }
    call_command("setup_roles")
    after = {
        g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    }
    assert before == after
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1


def test_central_support_edits_but_cannot_publish_guidance_alone(routine, central):
    permissions = routine.permissions_for_user(central)
    assert permissions.can_edit() and not permissions.can_publish()
    assert permissions.can_submit_for_moderation()
    assert routine.get_workflow().name == WORKFLOW


def test_the_edit_view_offers_review_not_publishing(client, routine, central):
    client.force_login(central)
    html = client.get(f"/admin/pages/{routine.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_a_routine_goes_through_review_to_readers_with_its_change_note(
    client, routine, central, reviewer
):
    note = "Kallelsen skickas nu minst två veckor före mötet."
    state = submit_change(
        routine, central, summary="Ny sammanfattning.", change_major=True, change_note=note
    )
    assert RoutinePage.objects.get(pk=routine.pk).has_unpublished_changes is not False
    assert note not in client.get(routine.url).content.decode()  # not before approval
    approve(state, reviewer)
    state.refresh_from_db()
    assert state.status == "approved"
    html = client.get(routine.url).content.decode()
    assert "Ny sammanfattning." in html
    assert "Ändringshistorik" in html and note in html
    assert PageChange.objects.get(page=routine, major=True).note == note
    changes = client.get("/andringar/").content.decode()
    assert note in changes and f'href="{routine.url}#andringshistorik"' in changes
    feed = client.get("/andringar/atom.xml")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert note in feed.content.decode()


def test_a_reviewer_can_send_it_back(routine, central, reviewer):
    state = submit_change(routine, central, summary="Fel sammanfattning.")
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject")
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert RoutinePage.objects.get(pk=routine.pk).summary != "Fel sammanfattning."


def test_a_minor_change_is_not_listed(client, routine, central, reviewer):
    approve(submit_change(routine, central, summary="Stavfel rättat."), reviewer)
    page = client.get(routine.url)
    assert page.status_code == 200
    assert "Stavfel rättat." in page.content.decode()  # published, so the change is live
    assert "Ändringshistorik" not in page.content.decode()
    feed = client.get("/andringar/atom.xml")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    assert "Stavfel" not in feed.content.decode()


def test_only_reviewers_can_approve(routine, central, reviewer):
    state = submit_change(routine, central, summary="x")
    task = state.current_task_state.task.specific
    assert task.get_actions(routine, central) == []
    assert "approve" in [name for name, *_ in task.get_actions(routine, reviewer)]


def test_an_approved_change_with_a_date_goes_live_on_that_date(routine, central, reviewer):
    go_live = timezone.now() + datetime.timedelta(days=10)
    state = submit_change(routine, central, summary="Gäller från nästa termin.", go_live_at=go_live)
    approve(state, reviewer)
    assert RoutinePage.objects.get(pk=routine.pk).summary != "Gäller från nästa termin."
    call_command("publish_scheduled")
    assert RoutinePage.objects.get(pk=routine.pk).summary != "Gäller från nästa termin."
    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert RoutinePage.objects.get(pk=routine.pk).summary == "Gäller från nästa termin."


def test_a_municipality_editor_publishes_their_own_page_without_review(governance_site, member):
    kalix_editor = member("kalix-red", "Kommunredaktör Kalix")
    kalix = MunicipalityPage.objects.get(slug="kalix")
    lulea = MunicipalityPage.objects.get(slug="lulea")
    assert kalix.permissions_for_user(kalix_editor).can_publish()
    assert not lulea.permissions_for_user(kalix_editor).can_edit()
    assert not RoutinePage.objects.first().permissions_for_user(kalix_editor).can_edit()


def test_learners_registering_join_the_learner_group(governance_site, django_user_model):
    from guidance.training.forms import RegistrationForm

    form = RegistrationForm(
        {
            "first_name": "Ny",
            "last_name": "Lärare",
            "email": "ny@kalix.se",
            "password1": "ett-langt-losenord-1",
            "password2": "ett-langt-losenord-1",
            "municipality": MunicipalityPage.objects.get(slug="kalix").pk,
            "actor": "skola",
        }
    )
    assert form.is_valid(), form.errors
    user = form.save()
    assert list(user.groups.values_list("name", flat=True)) == [LEARNERS]


def test_through_the_admin_submit_then_approve_then_readers_see_the_note(
    client, governance_site, central, reviewer
):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from guidance.models import ContentPage

    page = ContentPage.objects.get(slug="samverkansstrukturen")
    note = "Länsdelsnivån har fått en ny sammankallande."
    client.force_login(central)
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": "Ny ingress om strukturen.",
        "body": streamfield([("paragraph", rich_text("<p>Kort text.</p>"))]),
        "sources": streamfield([("agreement", {"anchor": "samverkansstrukturen"})]),
        "change_major": "on",
        "change_note": note,
        "action-submit": "submit",
    }
    response = client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert note not in client.get(page.url).content.decode()

    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert page.title in dashboard  # "Awaiting your review"
    task_state_id = state.current_task_state.pk
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state_id}/")
    assert response.status_code in (200, 302)
    html = client.get(page.url).content.decode()
    assert "Ny ingress om strukturen." in html
    assert "Ändringshistorik" in html and note in html
