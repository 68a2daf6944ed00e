"""Every guarded input refuses (or takes out) a personnummer however it is written, with
the Swedish message; afterwards no table and no log line holds its digits."""

import io
import logging
import logging.config
import unicodedata

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Comment, CommentReply, PageLogEntry, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import Contact, CountyPart, MunicipalityPage, Situation
from guidance.feedback import steps
from guidance.feedback.models import DeviationReport, Feedback
from guidance.models import ContentPage, RoutinePage
from guidance.training import accounts
from portal.privacy import REDACTED
from search import analytics
from search.models import QueryStatistic
from tests.guidance.feedback.data import deviation_data

pytestmark = pytest.mark.django_db

# The tax agency's test number 850709-9805 in the writings the review found, and mistyped.
DIGITS = "8507099805"
WRITINGS = [
    "850709\u20139805",  # en dash
    "850709\u00a09805",  # non-breaking space
    "1985-07-09-9805",
    "850709\u2011\u200b9805",  # non-breaking hyphen, zero-width space
    "\uff18\uff15\uff10\uff17\uff10\uff19-\uff19\uff18\uff10\uff15",  # full-width
    "850709 - 98 05",
    "850709\n9805",
    "850709-9806",  # wrong check digit
]
SHOWN_WHEN_REFUSED = ("Texten innehåller ett personnummer", "innehöll ett personnummer")


def form_errors(form) -> str:
    """The errors of an admin form and of its inline rows, nested ones too (stream field
    and comment errors reach the page as JSON, so they are read from the form)."""
    errors = [str(form.errors.as_data())]
    for formset in getattr(form, "formsets", {}).values():
        errors += [form_errors(child) for child in formset.forms]
    return " ".join(errors)


def refused(response) -> bool:
    shown = response.content.decode()
    context = response.context or {}
    if "form" in context:
        shown += form_errors(context["form"])
    return response.status_code in (200, 400) and any(m in shown for m in SHOWN_WHEN_REFUSED)


def county_part_data(name: str, description: str, contact_name: str) -> dict:
    return nested_form_data(
        {
            "name": name,
            "slug": "test-del",
            "description": description,
            "sort_order": "9",
            "contacts": inline_formset(
                [
                    {
                        "name": contact_name,
                        "actor": "socialtjanst",
                        "phone": "070-174 06 07",
                        "phone_alt": "",
                        "phone_alt_label": "",
                        "email": "",
                        "website": "",
                        "visiting_address": "",
                        "opening_hours": "",
                        "contact_when": "",
                    }
                ]
            ),
        }
    )


# Each input: (name, post it with `text`; the response).
def post_county_part(client, text):
    return client.post(
        "/admin/snippets/directory/countypart/add/",
        county_part_data("Testdelen", f"Länsdelen {text}", "Mottagningen"),
    )


def post_county_part_contact(client, text):
    return client.post(
        "/admin/snippets/directory/countypart/add/",
        county_part_data("Testdelen", "", f"Mottagningen {text}"),
    )


def post_situation(client, text):
    return client.post(
        "/admin/snippets/directory/situation/add/",
        {"title": "Testsituation", "slug": "test", "description": f"Gäller {text}"},
    )


def promotion_data(query: str, description: str) -> dict:
    page = RoutinePage.objects.get(slug="norrbusmotet")
    return {
        "query_string": query,
        "editors_picks-TOTAL_FORMS": "1",
        "editors_picks-INITIAL_FORMS": "0",
        "editors_picks-MIN_NUM_FORMS": "0",
        "editors_picks-MAX_NUM_FORMS": "1000",
        "editors_picks-0-DELETE": "",
        "editors_picks-0-ORDER": "0",
        "editors_picks-0-page": str(page.pk),
        "editors_picks-0-description": description,
    }


def post_promotion_description(client, text):
    return client.post("/admin/searchpicks/add/", promotion_data("samverkan", f"Om {text}"))


def post_promotion_query(client, text):
    return client.post("/admin/searchpicks/add/", promotion_data(f"elev {text}", "Rutinen."))


def user_data(**changes) -> dict:
    return {
        "username": "nyredaktor",
        "email": "ny@norrbotten.se",
        "first_name": "Ny",
        "last_name": "Redaktör",
        "password1": "Norrbus-mote-2026",
        "password2": "Norrbus-mote-2026",
        **changes,
    }


def post_user_first_name(client, text):
    return client.post(reverse("wagtailusers_users:add"), user_data(first_name=f"Anna {text}"))


def post_user_last_name(client, text):
    return client.post(reverse("wagtailusers_users:add"), user_data(last_name=text))


def post_user_username(client, text):
    return client.post(reverse("wagtailusers_users:add"), user_data(username=text.replace(" ", "")))


def page_with_comments(page: ContentPage, comments: list[dict], initial: int = 0) -> dict:
    """The page's edit form with its comment rows (each with its replies)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "sources": streamfield([("own", {"note": ""})]),
            "change_note": "",
            "comments": inline_formset(comments, initial=initial),
        }
    )


def comment_data(page: ContentPage, text: str) -> dict:
    row = {"id": "", "resolved": "", "contentpath": "title", "position": "", "text": text}
    return page_with_comments(page, [{**row, "replies": inline_formset([])}])


def post_page_comment(client, text):
    page = ContentPage.objects.get(slug="om-norrbus")
    return client.post(f"/admin/pages/{page.pk}/edit/", comment_data(page, f"Barnet {text}"))


def post_document_title(client, text):
    upload = SimpleUploadedFile("rutin.txt", b"Rutinen.", content_type="text/plain")
    return client.post(reverse("wagtaildocs:add"), {"title": f"Rutin {text}", "file": upload})


def post_document_file_name(client, text):
    upload = SimpleUploadedFile(f"elev {text}.txt", b"Rutinen.", content_type="text/plain")
    return client.post(reverse("wagtaildocs:add"), {"title": "Rutin", "file": upload})


def post_page_body_in_two_blocks(client, text):
    page = ContentPage.objects.get(slug="om-norrbus")
    # Split where the date ends: the last four digits go into the next block.
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    date, serial = text[: digits[-4]], text[digits[-4] :]
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield(
            [
                ("paragraph", rich_text(f"<p>Elev <b>{date}</b></p>")),
                ("paragraph", rich_text(f"<p>{serial} har flyttat.</p>")),
            ]
        ),
        "sources": streamfield([("own", {"note": ""})]),
        "change_note": "",
        "action-publish": "publish",
    }
    return client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(data))


def publisher_data(**values) -> dict:
    fields = ("name", "about", "logo", "support_name", "support_email", "support_phone")
    return {**dict.fromkeys(fields, ""), "support_page": "", **values}


def post_publisher(client, data):
    site = Site.objects.get(is_default_site=True)
    return client.post(f"/admin/settings/home/publishersettings/{site.pk}/", data)


def post_publisher_name(client, text):
    return post_publisher(client, publisher_data(name=f"Utgivare {text}"))


def post_publisher_about(client, text):
    return post_publisher(client, publisher_data(name="Utgivaren", about=f"Om {text}"))


ADMIN_INPUTS = [
    post_county_part,
    post_county_part_contact,
    post_situation,
    post_promotion_description,
    post_promotion_query,
    post_user_first_name,
    post_user_last_name,
    post_page_comment,
    post_document_title,
    post_document_file_name,
    post_page_body_in_two_blocks,
    post_publisher_name,
    post_publisher_about,
]


MISTYPED = DIGITS[:-1] + "6"


def holds_the_digits(text: str) -> bool:
    """The number's ten digits in `text`, with everything between them taken away."""
    digits = "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
    return DIGITS in digits or MISTYPED in digits


def stored_anywhere() -> list[str]:
    """Every cell of every table that holds the number's digits."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                for cell in row:
                    text = cell.decode(errors="ignore") if isinstance(cell, bytes) else str(cell)
                    if holds_the_digits(text):
                        hits.append(f"{table}: {text[:200]}")
    return hits


@pytest.mark.parametrize("writing", WRITINGS)
@pytest.mark.parametrize("post", ADMIN_INPUTS, ids=lambda post: post.__name__[5:])
def test_an_admin_input_refuses_the_number(admin_client, governance_site, post, writing):
    response = post(admin_client, writing)
    assert refused(response), response.content.decode()[:2000]
    assert not CountyPart.objects.filter(slug="test-del").exists()
    assert not Situation.objects.filter(slug="test").exists()
    assert not SearchPromotion.objects.exists()
    assert not Comment.objects.exists()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("writing", WRITINGS)
def test_a_username_with_the_number_is_refused(
    admin_client, governance_site, django_user_model, writing
):
    """Writings with characters a username may not hold fail that check first."""
    response = post_user_username(admin_client, writing)
    html = response.content.decode()
    assert response.status_code == 200
    if all(c.isalnum() or c in "@.+-_" for c in writing.replace(" ", "")):
        assert "Texten innehåller ett personnummer" in html
    assert not django_user_model.objects.filter(email="ny@norrbotten.se").exists()


@pytest.mark.parametrize(
    "post", [post_county_part, post_promotion_description, post_document_title]
)
def test_the_same_input_without_a_number_is_saved(admin_client, governance_site, post):
    response = post(admin_client, "0920-45 30 00")
    assert response.status_code == 302, response.content.decode()[:3000]


def email_with(writing: str) -> str:
    return f"{writing.replace(' ', '')}@norrbotten.se"


@pytest.mark.parametrize("writing", WRITINGS)
def test_a_user_email_with_the_number_is_refused(
    admin_client, governance_site, django_user_model, writing
):
    """Writings an e-mail address cannot hold fail Django's address check first; the others
    reach the guard and get its message."""
    response = admin_client.post(
        reverse("wagtailusers_users:add"), user_data(email=email_with(writing))
    )
    html = response.content.decode()
    assert response.status_code == 200
    if writing.replace(" ", "").isascii() and "\n" not in writing:
        assert "Texten innehåller ett personnummer" in html, html[:3000]
    assert not django_user_model.objects.filter(username="nyredaktor").exists()


def reply_data(page: ContentPage, comment: Comment, text: str) -> dict:
    row = {
        "id": str(comment.pk),
        "resolved": "",
        "contentpath": comment.contentpath,
        "position": "",
        "text": comment.text,
        "replies": inline_formset([{"id": "", "text": text}]),
    }
    return page_with_comments(page, [row], initial=1)


@pytest.mark.parametrize("writing", [*WRITINGS, "ingen siffra alls"])
def test_a_comment_reply_with_the_number_is_refused(
    admin_client, admin_user, governance_site, writing
):
    page = ContentPage.objects.get(slug="om-norrbus")
    comment = Comment.objects.create(
        page=page, user=admin_user, text="Stämmer rubriken?", contentpath="title"
    )
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", reply_data(page, comment, f"Svar: {writing}")
    )
    if writing == "ingen siffra alls":
        assert response.status_code == 302, form_errors(response.context["form"])
        assert CommentReply.objects.get(comment=comment).text == "Svar: ingen siffra alls"
    else:
        assert refused(response), response.content.decode()[:2000]
        assert not CommentReply.objects.exists()


@pytest.mark.parametrize("writing", [*WRITINGS, "0920-45 30 00"])
def test_a_multiple_document_upload_with_the_number_is_refused(
    admin_client, governance_site, writing
):
    """The drag-and-drop upload names each document after its file."""
    upload = SimpleUploadedFile(f"elev {writing}.txt", b"Rutinen.", content_type="text/plain")
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload})
    assert response.status_code == 200
    answer = response.json()
    if writing == "0920-45 30 00":
        assert answer["success"] is True
        assert get_document_model().objects.count() == 1
    else:
        assert answer["success"] is False
        assert "personnummer" in str(answer)
        assert not get_document_model().objects.exists()


def test_a_county_part_contact_with_a_luhn_valid_phone_is_saved(admin_client, governance_site):
    response = admin_client.post(
        "/admin/snippets/directory/countypart/add/",
        county_part_data("Testdelen", "", "Mottagningen"),
    )
    assert response.status_code == 302
    contact = Contact.objects.get(county_part__slug="test-del")
    assert contact.name == "Mottagningen" and "701740607" in contact.phone


def test_a_user_without_a_number_is_created(admin_client, governance_site, django_user_model):
    response = admin_client.post(reverse("wagtailusers_users:add"), user_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert django_user_model.objects.filter(username="nyredaktor", first_name="Ny").exists()


@pytest.mark.parametrize("writing", WRITINGS)
def test_the_deviation_email_is_refused(client, governance_site, writing):
    response = client.post(
        "/avvikelse/", deviation_data(reporter_email=f"{writing.replace(' ', '')}@kalix.se")
    )
    assert response.status_code == 400
    assert "innehöll ett personnummer" in response.content.decode()
    assert not DeviationReport.objects.exists()
    assert mail.outbox == []


def registration_data(email: str) -> dict:
    return {
        "first_name": "Cecilia",
        "last_name": "Ek",
        "email": email,
        "municipality": MunicipalityPage.objects.get(slug="kalix").pk,
        "actor": "socialtjanst",
        "password1": "Norrbus-mote-2026",
        "password2": "Norrbus-mote-2026",
    }


def post_registration(client, email: str):
    inviter = get_user_model().objects.get_or_create(
        username="stod", defaults={"email": "stod@norrbotten.se", "is_superuser": True}
    )[0]
    return client.post(accounts.invitation_path(inviter), registration_data(email))


@pytest.mark.parametrize("writing", WRITINGS)
def test_the_registration_email_is_refused(client, governance_site, settings, writing):
    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    response = post_registration(client, f"{writing.replace(' ', '')}@kalix.se")
    html = response.content.decode()
    assert "innehöll ett personnummer" in html
    assert writing not in html
    assert not get_user_model().objects.filter(email__endswith="@kalix.se").exists()


def test_the_registration_without_a_number_is_accepted(client, governance_site, settings):
    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    response = post_registration(client, "cecilia.ek@kalix.se")
    assert "Kolla din e-post" in response.content.decode()
    assert get_user_model().objects.filter(email="cecilia.ek@kalix.se").exists()


@pytest.mark.parametrize("writing", WRITINGS)
def test_a_workflow_comment_is_stored_logged_and_mailed_without_the_number(
    governance_site, central, reviewer, writing
):
    from tests.guidance.test_workflow import submit_change

    routine = RoutinePage.objects.get(slug="norrbusmotet")
    state = submit_change(routine, central, intro="Ny ingress.")
    task_state = state.current_task_state
    mail.outbox.clear()
    task_state.task.specific.on_action(
        task_state, reviewer, "reject", comment=f"Ta bort eleven {writing}, tack."
    )
    task_state.refresh_from_db()
    assert task_state.comment == "Ta bort eleven , tack."
    entries = PageLogEntry.objects.filter(action="wagtail.workflow.reject")
    assert entries.exists()
    for entry in entries:
        assert "Ta bort eleven" in str(entry.data) and DIGITS[-4:] not in str(entry.data)
    for message in mail.outbox:
        assert DIGITS[-4:] not in message.body


@pytest.mark.parametrize("writing", WRITINGS)
def test_search_statistics_never_hold_the_number(writing):
    analytics.record(f"elev {writing}", 3)
    analytics.record("samverkan", 3)
    assert list(QueryStatistic.objects.values_list("query", flat=True)) == ["samverkan"]


@pytest.mark.parametrize("writing", WRITINGS)
def test_a_search_takes_the_number_out_and_records_nothing(client, governance_site, writing):
    response = client.get("/sok/", {"q": f"elev {writing}"}, follow=True)
    assert response.status_code == 200
    assert DIGITS[-4:] not in response.content.decode()
    assert not QueryStatistic.objects.filter(query__contains="98").exists()


def test_a_login_username_is_stored_by_axes_only_as_a_keyed_hash(client, governance_site):
    response = client.post("/konto/logga-in/", {"username": "850709-9805", "password": "fel"})
    assert response.status_code == 200
    attempt = AccessAttempt.objects.get()
    assert attempt.username.startswith("hmac:") and len(attempt.username) == 37
    assert "9805" not in attempt.username + attempt.post_data + attempt.get_data
    # The same username again is the same record: lockouts still count per username.
    client.post("/konto/logga-in/", {"username": "850709-9805", "password": "fel"})
    assert AccessAttempt.objects.get().failures_since_start == 2


@pytest.fixture
def configured_logging():
    """The logging of portal.settings.base, as a deployed portal (and runserver) has it."""
    from portal.settings import base

    root = logging.getLogger()
    server = logging.getLogger("django.server")
    saved = (root.handlers[:], root.level, server.handlers[:], server.propagate, server.level)
    logging.config.dictConfig(base.LOGGING)
    written = io.StringIO()
    for handler in root.handlers + server.handlers:
        handler.setStream(written)
    yield written
    root.handlers[:], server.handlers[:] = saved[0], saved[2]
    root.setLevel(saved[1])
    server.propagate, server.level = saved[3], saved[4]


@pytest.mark.parametrize("writing", WRITINGS)
def test_log_records_are_redacted_on_every_handler(configured_logging, writing):
    logging.getLogger("django.server").info(
        '"%s" %s %s', f"GET /sok/?q={writing} HTTP/1.1", "200", "512"
    )
    logging.getLogger("search").warning("Sökning på %s gav inget", writing)
    try:
        raise ValueError(f"Felaktigt värde {writing}")
    except ValueError:
        logging.getLogger("portal").exception("Fel")
    err = configured_logging.getvalue()
    assert err.count(REDACTED) == 3, err
    assert "GET /sok/?q=" in err and "Sökning på" in err and "Felaktigt värde" in err
    assert DIGITS[-4:] not in err and "9806" not in err


def test_after_every_input_no_table_and_no_log_holds_the_digits(
    admin_client, client, governance_site, settings, central, reviewer, caplog
):
    from tests.guidance.test_workflow import submit_change

    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    caplog.set_level(logging.DEBUG)
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    for writing in WRITINGS:
        for post in [*ADMIN_INPUTS, post_user_username]:
            post(admin_client, writing)
        client.post("/avvikelse/", deviation_data(description=f"Eleven {writing} fick"))
        client.post(
            "/avvikelse/", deviation_data(reporter_email=f"{writing.replace(' ', '')}@kalix.se")
        )
        client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "nej"})
        client.post(
            f"/aterkoppling/{routine.pk}/kommentar/",
            {
                "svar": steps.comment_token(Feedback.objects.latest("pk")),
                "comment": f"Gäller {writing}",
            },
        )
        post_registration(client, f"{writing.replace(' ', '')}@kalix.se")
        client.get("/sok/", {"q": f"elev {writing}"}, follow=True)
        client.post("/konto/logga-in/", {"username": writing, "password": "fel"})
        analytics.record(f"elev {writing}", 0)
        state = submit_change(routine, central, intro=f"Ingress {len(writing)}.")
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "reject", comment=writing)
        state.cancel(user=central)
    # The inputs ran and left what they may keep.
    assert AccessAttempt.objects.exists() and PageLogEntry.objects.exists()
    assert stored_anywhere() == []
    assert not [r.getMessage() for r in caplog.records if holds_the_digits(r.getMessage())]
    assert not [m.body for m in mail.outbox if holds_the_digits(m.body + m.subject)]


def test_the_database_read_finds_a_number_stored_behind_the_forms(governance_site):
    from guidance.models import GlossaryTerm

    GlossaryTerm.objects.create(term="Planterad", definition=f"Se {WRITINGS[0]}.")
    assert GlossaryTerm._meta.db_table in {hit.split(":")[0] for hit in stored_anywhere()}
