from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods, require_POST

from portal.visibility import public

from . import accounts
from .forms import ProfileForm, RegistrationForm
from .grading import grade, questions_of, read_answers
from .models import LearnerProfile, LessonPage, ModuleCompletion, TrainingPathPage
from .progress import finish_lesson, learner_overview, module_status


@require_POST
def lesson_answer(request, pk: int):
    """A lesson's form: grades its check, or marks a lesson without one as read."""
    lesson = get_object_or_404(public(LessonPage.objects.live()), pk=pk)
    questions = questions_of(lesson)
    action = request.POST.get("action")
    if action == "read" and not questions:
        if not request.user.is_authenticated:
            return redirect_to_login(lesson.url)
        outcome = finish_lesson(request.user, lesson)
        announce(request, outcome)
        following = module_status(request.user, lesson.module).next_lesson
        return redirect(following.url if following else lesson.module.url)
    if action != "check" or not questions:
        return HttpResponseBadRequest("Okänd åtgärd.")
    context = lesson.get_context(request)
    answers = read_answers(questions, request.POST)
    context["answers"] = answers
    if answers.valid:
        result = grade(questions, answers, lesson.module.pass_mark)
        context["result"] = result
        if result.passed and request.user.is_authenticated:
            context["outcome"] = finish_lesson(
                request.user, lesson, correct=result.correct, total=result.total
            )
    context["question_rows"] = [
        (question, answers.chosen.get(question.id, set()), answers.errors.get(question.id))
        for question in questions
    ]
    return TemplateResponse(request, lesson.get_template(request), context)


def announce(request, outcome) -> None:
    if outcome.already_completed_module:
        messages.info(
            request, "Du har redan slutfört modulen i den här versionen. Inget har ändrats."
        )
    elif outcome.completion is not None:
        messages.success(request, "Bra jobbat! Du har slutfört modulen.")
    elif outcome.recorded:
        messages.success(request, "Lektionen är markerad som klar.")
    else:
        messages.info(request, "Lektionen var redan klar. Inget har ändrats.")


@login_required
def my_training(request):
    paths = list(public(TrainingPathPage.objects.live()).order_by("path"))
    overview = learner_overview(request.user, paths)
    completions = (
        ModuleCompletion.objects.filter(user=request.user)
        .select_related("module")
        .order_by("-completed_at")
    )
    return render(
        request,
        "training/my_training.html",
        {
            "overview": overview,
            "completions": completions,
            "has_profile": LearnerProfile.objects.filter(user=request.user).exists(),
        },
    )


@login_required
def certificate(request, pk: int):
    completion = get_object_or_404(ModuleCompletion.objects.select_related("module", "user"), pk=pk)
    if completion.user_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    status = module_status(completion.user, completion.module.specific)
    return render(
        request,
        "training/certificate.html",
        {"completion": completion, "module": completion.module, "status": status},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    saved = LearnerProfile.objects.filter(user=user).first()
    initial = {"first_name": user.first_name, "last_name": user.last_name}
    if saved is not None:
        initial.update(municipality=saved.municipality_id, actor=saved.actor)
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.save(user)
        messages.success(request, "Din profil är sparad.")
        return redirect("training:my")
    return render(request, "training/profile.html", {"form": form})


@require_http_methods(["GET", "POST"])
def register(request, token: str):
    if not accounts.invitation_valid(token):
        return render(request, "training/invitation_invalid.html", status=400)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        accounts.send_activation(request, user)
        return render(request, "training/registered.html", {"email": user.email})
    return render(request, "training/register.html", {"form": form})


def activate(request, uidb64: str, token: str):
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        pk = None
    user = get_user_model().objects.filter(pk=pk, is_active=False).first() if pk else None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "training/activation_invalid.html", status=400)
    user.is_active = True
    user.save(update_fields=["is_active"])
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Ditt konto är aktiverat. Välkommen!")
    return redirect("training:my")
