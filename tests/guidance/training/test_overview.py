"""The central support role's overview, and an editor's major change through the admin."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.test.utils.form_data import nested_form_data

from guidance.training.models import LearnerProfile, TrainingModulePage
from guidance.training.progress import finish_lesson, module_status

pytestmark = pytest.mark.django_db

OVERVIEW = "/admin/utbildning/oversikt/"


def complete(training, user):
    finish_lesson(user, training.reading)
    finish_lesson(user, training.checked, correct=2, total=2)


@pytest.fixture
def support_user(django_user_model):
    """Centralt stöd: admin access and the overview permission, not a superuser."""
    group = Group.objects.create(name="Centralt stöd (test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_training_overview"),
    )
    user = django_user_model.objects.create_user("stod", "stod@norrbotten.se", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def learners(training, learner, django_user_model, municipalities):
    """Anna (Kalix, skola) completed; Bo (Luleå, primärvård) started; Cia (no profile) nothing."""
    complete(training, learner)
    bo = django_user_model.objects.create_user("bo", "bo@lulea.se", "pw", first_name="Bo")
    LearnerProfile.objects.create(user=bo, municipality=municipalities["lulea"], actor="primarvard")
    finish_lesson(bo, training.reading)
    django_user_model.objects.create_user("cia", "cia@lulea.se", "pw")
    return learner, bo


def test_overview_needs_the_permission(client, django_user_model, training):
    editor = django_user_model.objects.create_user("r", "r@kalix.se", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(OVERVIEW)
    assert response.status_code in (302, 403)
    assert client.get(OVERVIEW + "?format=csv").status_code in (302, 403)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200 and 'lang="sv"' in dashboard.content.decode()
    assert "Utbildningsöversikt" not in dashboard.content.decode()


def test_overview_counts_by_municipality_and_actor(client, support_user, learners, training):
    client.force_login(support_user)
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Modul: Norrbusmötet steg för steg" in html
    assert "Introduktionsväg: Ny i skolan" in html
    assert "<td>Kalix</td><td>Skola</td><td>1</td><td>1</td>" in html
    assert "<td>Luleå</td><td>Primärvård</td><td>1</td><td>0</td>" in html
    # Counts only: names are for administrators.
    assert "Anna" not in html and "Andersson" not in html
    assert "Deltagare som har slutfört moduler" not in html


def test_overview_csv(client, support_user, learners, training):
    client.force_login(support_user)
    response = client.get(OVERVIEW + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Typ", "Namn", "Kommun", "Verksamhet", "Påbörjat", "Slutfört"]
    assert ["Modul", "Norrbusmötet steg för steg", "Alla", "Alla", "2", "1"] in rows
    assert ["Modul", "Norrbusmötet steg för steg", "Kalix", "Skola", "1", "1"] in rows
    assert ["Introduktionsväg", "Ny i skolan", "Luleå", "Primärvård", "1", "0"] in rows


def test_a_major_change_moves_the_completion_out_of_the_count(
    client, support_user, learners, training
):
    from .conftest import major_change

    major_change(training.module, "Ny lektion.")
    client.force_login(support_user)
    rows = list(
        csv.reader(
            io.StringIO(client.get(OVERVIEW + "?format=csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert ["Modul", "Norrbusmötet steg för steg", "Kalix", "Skola", "1", "0"] in rows


def test_administrators_see_individuals(client, django_user_model, learners):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    html = client.get(OVERVIEW).content.decode()
    assert "Deltagare som har slutfört moduler" in html
    assert "Anna Andersson" in html


def test_invitation_link_needs_the_right_to_add_users(client, support_user, django_user_model):
    client.force_login(support_user)
    assert client.get("/admin/utbildning/bjud-in/").status_code in (302, 403)
    support_user.user_permissions.add(Permission.objects.get(codename="add_user"))
    html = client.get("/admin/utbildning/bjud-in/").content.decode()
    assert "/konto/registrera/" in html


def test_an_editor_marks_a_major_change_in_the_admin(client, django_user_model, training, learner):
    complete(training, learner)
    editor = django_user_model.objects.create_superuser("redaktor", "r@example.org", "pw")
    client.force_login(editor)
    edit_url = f"/admin/pages/{training.module.pk}/edit/"
    form = client.get(edit_url).context["form"]
    assert form.initial["change_major"] is False
    data = {
        "title": training.module.title,
        "slug": training.module.slug,
        "intro": "Ny ingress.",
        "learning_goals": "Kalla till möte",
        "estimated_minutes": "20",
        "pass_mark": "80",
        "change_major": "on",
        "change_note": "",
        "action-publish": "publish",
    }
    response = client.post(edit_url, nested_form_data(data))
    assert response.status_code == 200  # refused: a major change needs a note
    assert "Skriv kort vad som har ändrats" in response.content.decode()
    data["change_note"] = "Lektion om samtycke tillagd."
    response = client.post(edit_url, nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    module = TrainingModulePage.objects.get(pk=training.module.pk)
    status = module_status(learner, module)
    assert status.state_label == "Uppdaterad sedan du gick den"
    assert status.module.version == 2
    # The next edit starts as a minor change again.
    assert client.get(edit_url).context["form"].initial["change_major"] is False


def test_overview_exports_the_same_rows_as_excel(client, support_user, learners, training):
    client.force_login(support_user)
    response = client.get(OVERVIEW + "?export=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(
        csv.reader(
            io.StringIO(client.get(OVERVIEW + "?format=csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows == csv_rows


def test_the_export_buttons_csv_is_the_csv(client, support_user, learners, training):
    client.force_login(support_user)
    html = client.get(OVERVIEW).content.decode()
    assert f"{OVERVIEW}?export=csv" in html and f"{OVERVIEW}?export=xlsx" in html
    assert client.get(OVERVIEW + "?export=csv").content == (
        client.get(OVERVIEW + "?format=csv").content
    )


def test_the_excel_export_needs_the_permission(client, django_user_model, training):
    editor = django_user_model.objects.create_user("r", "r@kalix.se", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(OVERVIEW + "?export=xlsx")
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_csv_text_a_spreadsheet_would_run_as_a_formula_is_quoted(
    client, support_user, learners, training
):
    TrainingModulePage.objects.filter(pk=training.module.pk).update(title="=HYPERLINK(1)")
    client.force_login(support_user)
    content = client.get(OVERVIEW + "?format=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert ["Modul", "'=HYPERLINK(1)", "Alla", "Alla", "2", "1"] in rows


def test_the_export_has_counts_only_even_for_administrators(client, django_user_model, learners):
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    content = client.get(OVERVIEW + "?format=csv").content.decode("utf-8-sig")
    assert "Norrbusmötet steg för steg" in content
    assert "Anna" not in content and "anna" not in content
