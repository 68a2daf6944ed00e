import secrets

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from wagtail.models import Page

from directory.services import remembered_municipality
from guidance.models import AgreementVersionPage, RoutinePage
from portal import ratelimit
from portal.security import same_origin

from . import steps
from .forms import AnswerForm, CommentForm, DeviationReportForm
from .models import DeviationReport, Feedback

TOO_MANY = "Du har skickat många svar på kort tid. Vänta en stund och försök igen."


def _feedback_page(request, page_id: int):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    page_url = page.get_url(request)
    if page_url is None:  # the tree's root, or a page outside every site: no reader sees it
        raise Http404("Sidan finns inte.")
    return page, page_url


def _in_place(request) -> bool:
    """Posted by feedback.js, which puts the next step in place of the form."""
    return request.headers.get("X-Requested-With") == "fetch"


def _refused(request, page, form, status: int, step: str, title: str):
    """The form again with what was wrong: in place, or on a page of its own."""
    html = steps.render_step(page.pk, step, form=form, thanks=steps.THANKS)
    if _in_place(request):
        return HttpResponse(html, status=status)
    context = {"page": page, "feedback": html, "title": title}
    return render(request, "feedback/feedback_error.html", context, status=status)


def _next_step(request, page, page_url: str, step: str, thanks: str, form=None, query=""):
    if _in_place(request):
        return HttpResponse(steps.render_step(page.pk, step, form, thanks))
    # Back where the reader was; the pending message makes the page render for them alone.
    messages.success(request, thanks, extra_tags=steps.MESSAGE_TAGS)
    return redirect(f"{page_url}{query}#{steps.ANCHOR}")


def _limited(request, key: str) -> bool:
    return not ratelimit.allow(
        request, key, settings.FEEDBACK_RATE_LIMIT, settings.RATE_LIMIT_WINDOW
    )


# The feedback form is on every page. A CSRF token in it would give every page a cookie and
# make it uncacheable. A feedback answer is anonymous, changes nothing for whoever sends
# it and is rate-limited, so it is checked by its Origin instead of a token.
@csrf_exempt
@require_POST
def feedback(request, page_id: int):
    """The answer, Ja or Nej: stored at once; then the comment step."""
    page, page_url = _feedback_page(request, page_id)
    if not same_origin(request):
        return render(request, "feedback/feedback_error.html", {"page": page}, status=403)
    form = AnswerForm(request.POST)
    title = "Ditt svar skickades inte"
    if _limited(request, "feedback"):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return _refused(request, page, form, 429, "ask", title)
    if not form.is_valid():
        return _refused(request, page, form, 400, "ask", title)
    answer = Feedback.objects.create(page=page, helpful=form.cleaned_data["helpful"])
    token = steps.comment_token(answer)
    comment_form = CommentForm(initial={"svar": token}, page_id=page.pk)
    query = "?" + urlencode({steps.TOKEN_PARAM: token})
    return _next_step(request, page, page_url, "comment", steps.THANKS, comment_form, query)


@csrf_exempt  # as the answer it belongs to
@require_POST
@sensitive_post_parameters("comment")
def comment(request, page_id: int):
    """A comment to the answer just given: once, within an hour, without a personnummer."""
    page, page_url = _feedback_page(request, page_id)
    if not same_origin(request):
        return render(request, "feedback/feedback_error.html", {"page": page}, status=403)
    form = CommentForm(request.POST, page_id=page.pk)
    title = "Din kommentar skickades inte"
    if _limited(request, "feedback-comment"):
        form.is_valid()
        form.add_error(None, TOO_MANY)
        return _refused(request, page, form, 429, "comment", title)
    if not form.is_valid():
        return _refused(request, page, form, 400, "comment", title)
    if form.cleaned_data["comment"]:
        answer = form.cleaned_data["feedback"]
        answer.comment = form.cleaned_data["comment"]
        answer.save(update_fields=["comment"])
    return _next_step(request, page, page_url, "done", steps.COMMENT_THANKS)


def recipient_for(municipality) -> str:
    return municipality.deviation_email or settings.DEVIATION_REPORT_RECIPIENT


def _send(report: DeviationReport) -> None:
    """Queue the report and the receipt (EMAIL_BACKEND is the mail queue); the cron job
    `send_queued_mail` delivers them, and retries while the mail server is away."""
    context = {"report": report}
    EmailMessage(
        f"Avvikelserapport {report.reference}: {report.routine.title}",
        render_to_string("feedback/email/deviation_report.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [report.sent_to],
        reply_to=[report.reporter_email],
    ).send()
    EmailMessage(
        f"Kvitto: avvikelserapport {report.reference}",
        render_to_string("feedback/email/deviation_receipt.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [report.reporter_email],
    ).send()


@sensitive_post_parameters("description", "reporter_email")
def deviation_initial(request) -> dict:
    """What a link can fill in: the routine (?rutin=<slug>, from the routine's own page) and
    the reader's remembered municipality. An unknown routine is simply not filled in."""
    initial = {}
    slug = request.GET.get("rutin", "")
    routine = RoutinePage.objects.live().filter(slug=slug).first() if slug else None
    if routine is not None:
        initial["routine"] = routine.pk
    municipality = remembered_municipality(request)
    if municipality is not None:
        initial["municipality"] = municipality.pk
    return initial


def deviation_report(request):
    form = DeviationReportForm(request.POST or None, initial=deviation_initial(request))
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(
            request, "deviation", settings.DEVIATION_RATE_LIMIT, settings.RATE_LIMIT_WINDOW
        ):
            form.is_valid()
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            with transaction.atomic():
                report = DeviationReport.objects.create(
                    reference=f"AV-{timezone.localdate():%Y%m%d}-{secrets.token_hex(3).upper()}",
                    routine=data["routine"],
                    reporter_actor=data["reporter_actor"],
                    other_actors=data["other_actors"],
                    municipality=data["municipality"],
                    description=data["description"],
                    reporter_email=data["reporter_email"],
                    sent_to=recipient_for(data["municipality"]),
                )
                _send(report)
            messages.success(
                request,
                f"Avvikelserapporten har referensnummer {report.reference} och skickas till "
                f"{report.sent_to}. Ett kvitto skickas till {report.reporter_email}.",
            )
            return redirect("feedback:deviation_sent")
        else:
            status = 400
    context = {
        "form": form,
        "retention_days": settings.DEVIATION_REPORT_RETENTION_DAYS,
        "agreement": AgreementVersionPage.objects.in_force(),
    }
    return render(request, "feedback/deviation_report.html", context, status=status)


def deviation_sent(request):
    return render(request, "feedback/deviation_sent.html")
