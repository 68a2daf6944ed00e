"""Lessons, checks, "Mina utbildningar", the certificate and the learner's profile."""

import re

import pytest
from django.urls import reverse

from guidance.training.models import LearnerProfile, LessonProgress, ModuleCompletion

from .conftest import major_change

pytestmark = pytest.mark.django_db


def answer_url(lesson) -> str:
    """Where a lesson's form posts: its check, or "Jag har läst lektionen"."""
    return reverse("training:lesson_answer", args=[lesson.pk])


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_lessons_are_readable_by_everyone(client, training):
    response = client.get(training.reading.url)
    assert response.status_code == 200
    page = text(response)
    assert "Lektion 1 av 2" in page
    assert "Logga in för att spara" in page
    assert f'href="{training.routine.url}"' in response.content.decode()  # the source


def test_anonymous_answers_are_graded_but_not_stored(client, training):
    response = client.post(answer_url(training.checked), training.correct_answers())
    assert "Godkänt!" in text(response)
    assert "Logga in för att spara resultatet" in text(response)
    assert not LessonProgress.objects.exists()


def test_anonymous_cannot_mark_a_lesson_read(client, training):
    response = client.post(answer_url(training.reading), {"action": "read"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=")


def test_reading_then_passing_completes_the_module(learner_client, training, learner):
    response = learner_client.post(answer_url(training.reading), {"action": "read"})
    assert response["Location"] == training.checked.url
    response = learner_client.post(answer_url(training.checked), training.correct_answers())
    page = text(response)
    assert "Godkänt! Du hade 2 av 2 rätt (100 %)" in page
    assert "Du har slutfört modulen Norrbusmötet steg för steg" in page
    # Every option's explanation is shown after answering.
    for label in ["Alla aktörer", "Bara socialtjänsten", "Samtycke", "Ett beslut från nämnden"]:
        assert f"Om {label}." in page
    completion = ModuleCompletion.objects.get(user=learner)
    assert (completion.version, completion.score) == (1, 100)


def test_a_failed_check_explains_and_stores_nothing(learner_client, training):
    response = learner_client.post(answer_url(training.checked), training.wrong_answers())
    page = text(response)
    assert "Inte godkänt än. Du hade 0 av 2 rätt (0 %). Gränsen för godkänt är 80 %." in page
    assert "försök igen" in page
    assert not LessonProgress.objects.exists()


def test_bad_submissions_show_errors_and_change_nothing(learner_client, training):
    response = learner_client.post(
        answer_url(training.checked), {"action": "check", "fraga-x": "1"}
    )
    page = text(response)
    assert response.status_code == 200
    assert "Svaren kunde inte rättas" in page
    assert "Välj ett alternativ på fråga 1." in page
    assert "inte finns på sidan" in page
    assert "aria-invalid" not in page  # fieldsets are described by their error instead
    assert 'aria-describedby="fraga-' in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_an_unknown_action_is_refused(learner_client, training):
    assert learner_client.post(answer_url(training.checked), {"action": "read"}).status_code == 400
    assert learner_client.post(answer_url(training.reading), {"action": "x"}).status_code == 400


def test_double_submission_and_resubmitting_a_finished_module(learner_client, training, learner):
    learner_client.post(answer_url(training.reading), {"action": "read"})
    learner_client.post(answer_url(training.reading), {"action": "read"})
    assert LessonProgress.objects.filter(user=learner).count() == 1
    learner_client.post(answer_url(training.checked), training.correct_answers())
    response = learner_client.post(answer_url(training.checked), training.wrong_answers())
    assert "Inte godkänt än" in text(response)  # graded for practice, nothing stored
    response = learner_client.post(answer_url(training.checked), training.correct_answers())
    assert "Du har redan slutfört modulen i den här versionen" in text(response)
    assert ModuleCompletion.objects.filter(user=learner).count() == 1


def test_my_training_needs_login(client, training):
    response = client.get("/konto/mina-utbildningar/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/konto/mina-utbildningar/"


def test_my_training_shows_progress_and_the_next_step(learner_client, training):
    page = text(learner_client.get("/konto/mina-utbildningar/"))
    assert "0 av 1 modul klar" in page
    assert "Nästa steg: Norrbusmötet steg för steg – Före mötet" in page
    learner_client.post(answer_url(training.reading), {"action": "read"})
    page = text(learner_client.get("/konto/mina-utbildningar/"))
    assert "1 av 2 lektioner klara" in page
    assert "Nästa steg: Norrbusmötet steg för steg – Mötet" in page
    learner_client.post(answer_url(training.checked), training.correct_answers())
    page = text(learner_client.get("/konto/mina-utbildningar/"))
    assert "1 av 1 modul klar" in page and "Du har gått hela vägen." in page
    assert "Norrbusmötet steg för steg, version 1" in page


def test_the_lesson_count_is_singular_for_one_lesson(learner_client, training):
    assert "minuter · 2 lektioner" in text(learner_client.get("/konto/mina-utbildningar/"))
    training.checked.unpublish()
    page = text(learner_client.get("/konto/mina-utbildningar/"))
    assert "minuter · 1 lektion " in page and "0 av 1 lektion klar" in page
    assert "1 lektioner" not in page


def test_after_a_major_change_the_learner_sees_updated(learner_client, training):
    learner_client.post(answer_url(training.reading), {"action": "read"})
    learner_client.post(answer_url(training.checked), training.correct_answers())
    major_change(training.routine, "Samtycket ska dokumenteras i journalen.")
    page = text(learner_client.get("/konto/mina-utbildningar/"))
    assert "Uppdaterad sedan du gick den" in page
    assert "Samtycket ska dokumenteras i journalen." in page
    assert "0 av 1 modul klar" in page
    assert "Uppdaterad sedan du gick den" in text(learner_client.get(training.module.url))


def test_certificate(learner_client, training, learner, client, django_user_model):
    learner_client.post(answer_url(training.reading), {"action": "read"})
    learner_client.post(answer_url(training.checked), training.correct_answers())
    completion = ModuleCompletion.objects.get(user=learner)
    url = f"/konto/intyg/{completion.pk}/"
    page = text(learner_client.get(url))
    assert "Intyg Anna Andersson har slutfört utbildningsmodulen Norrbusmötet steg för steg" in page
    assert "Version 1" in page
    assert f"{completion.completed_at:%Y}" in page and "Skriv ut intyget" in page

    other = django_user_model.objects.create_user("bertil", "b@lulea.se", "pw-bertil-123")
    client.force_login(other)
    assert client.get(url).status_code == 404
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "pw")
    client.force_login(admin)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_certificate_of_an_older_version_says_so(learner_client, training, learner):
    learner_client.post(answer_url(training.reading), {"action": "read"})
    learner_client.post(answer_url(training.checked), training.correct_answers())
    major_change(training.module, "Ny lektion om samtycke.")
    completion = ModuleCompletion.objects.get(user=learner)
    page = text(learner_client.get(f"/konto/intyg/{completion.pk}/"))
    assert "Modulen har ändrats sedan det här intyget. Gällande version är 2." in page


def test_profile(learner_client, learner, municipalities):
    response = learner_client.post(
        "/konto/profil/",
        {
            "first_name": "Anna",
            "last_name": "Berg",
            "municipality": municipalities["lulea"].pk,
            "actor": "primarvard",
        },
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(user=learner)
    assert (profile.municipality.slug, profile.actor) == ("lulea", "primarvard")
    learner.refresh_from_db()
    assert learner.last_name == "Berg"


def test_profile_errors_are_in_swedish_and_refuse_identity_numbers(learner_client, learner):
    response = learner_client.post(
        "/konto/profil/",
        {"first_name": "Anna 19121212-1212", "last_name": "", "municipality": "999", "actor": "x"},
    )
    page = text(response)
    assert "personnummer" in page
    assert "Skriv ditt efternamn." in page
    assert "Kommunen finns inte. Välj en kommun i listan." in page
    assert "Verksamheten finns inte." in page
    learner.refresh_from_db()
    assert learner.first_name == "Anna"
    assert "19121212" not in response.content.decode()


def test_login_page_and_errors(client, learner):
    response = client.post(
        "/konto/logga-in/", {"username": "anna", "password": "fel", "next": "/utbildning/"}
    )
    assert "Fel e-postadress, användarnamn eller lösenord." in text(response)
    response = client.post(
        "/konto/logga-in/",
        {"username": "anna", "password": "norrbus-test-1", "next": "/utbildning/"},
    )
    assert response["Location"] == "/utbildning/"
    assert "Mina utbildningar" in text(client.get("/utbildning/"))


def test_home_page_links_the_onboarding_paths(client, training):
    page = client.get("/").content.decode()
    assert f'href="{training.path.url}"' in page
    assert "Ny i Norrbus?" in page


def test_a_municipality_id_no_row_can_have_is_refused_in_swedish(learner_client, learner):
    before = list(LearnerProfile.objects.filter(user=learner).values())
    response = learner_client.post(
        "/konto/profil/",
        {
            "first_name": "Anna",
            "last_name": "Berg",
            "municipality": "99999999999999999999",
            "actor": "primarvard",
        },
    )
    assert response.status_code == 200
    assert "Kommunen finns inte. Välj en kommun i listan." in text(response)
    assert list(LearnerProfile.objects.filter(user=learner).values()) == before
    learner.refresh_from_db()
    assert learner.last_name != "Berg"


def path_button(html: str) -> tuple[str, str] | None:
    found = re.search(r'<a class="button" href="([^"]+)">(.*?)</a>', html, re.S)
    if found is None:
        return None
    return found.group(1), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(2))).strip()


def test_a_path_page_starts_with_its_first_lesson_and_then_goes_on(client, training, learner):
    path = training.path.url
    assert path_button(client.get(path).content.decode()) == (
        training.reading.url,
        "Börja med Ny i skolan: Före mötet",
    )
    learner_client = client
    learner_client.force_login(learner)
    assert path_button(learner_client.get(path).content.decode())[1].startswith("Börja")
    learner_client.post(answer_url(training.reading), {"action": "read"})
    assert path_button(learner_client.get(path).content.decode()) == (
        training.checked.url,
        "Fortsätt med Ny i skolan: Mötet",
    )
    learner_client.post(answer_url(training.checked), training.correct_answers())
    html = learner_client.get(path).content.decode()
    assert path_button(html) is None
    assert "1 av 1 modul klar" in html
