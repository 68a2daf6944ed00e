"""Publishing a new agreement version flags exactly what cites a section it changed: the
items, the review report with the section's comparison, and the learners of the lessons."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from guidance.importing import create_draft_version, read_agreement
from guidance.models import (
    AgreementSection,
    AgreementVersionPage,
    ContentPage,
    GlossaryTerm,
    Misunderstanding,
    RoutinePage,
    SourceFlag,
)
from guidance.training.blocks import with_ids
from guidance.training.models import LessonPage, LessonReference, ModuleCompletion
from guidance.training.progress import COMPLETED, UPDATED, module_status
from tests.factories import (
    ActorPageFactory,
    AgreementIndexPageFactory,
    ContentPageFactory,
    LessonPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    TrainingIndexPageFactory,
    TrainingModulePageFactory,
    UserFactory,
    publish,
    source,
    step,
)

pytestmark = pytest.mark.django_db

KALLELSE, MOTET = [source(anchor="kallelse")], [source(anchor="motet")]
FAR_AHEAD = date(2099, 1, 1)


def question(text: str, sources: list[dict]) -> dict:
    options = [
        {"text": "Ja", "correct": True, "explanation": "Så är det."},
        {"text": "Nej", "correct": False, "explanation": "Inte så."},
    ]
    return {"type": "question", "value": {"question": text, "options": options, "sources": sources}}


@dataclass
class Content:
    in_force: AgreementVersionPage
    routine: RoutinePage
    page: ContentPage
    module_changed: object
    module_unchanged: object
    learner: object


@pytest.fixture
def content(home_page, agreement_seed):
    AgreementIndexPageFactory(parent=home_page)
    parsed = read_agreement(agreement_seed)
    in_force = publish(create_draft_version(parsed, source_name="seed.txt", label="2025"))

    section = SectionPageFactory(parent=home_page, slug="rutiner")
    routine = RoutinePageFactory(
        parent=section,
        title="Norrbusmötet",
        steps=[step("Kallelse", sources=KALLELSE), step("Mötet", sources=MOTET)],
        next_review=FAR_AHEAD,
    )
    publish(routine)
    actor = ActorPageFactory(
        parent=section, **{f"{name}_sources": MOTET for name in ("mission", "what_to_expect")}
    )
    actor.misunderstandings = [
        Misunderstanding(belief="Bara skolan kallar", clarification="Alla kan.", sources=KALLELSE)
    ]
    publish(actor)
    GlossaryTerm.objects.create(term="Kallelse", definition="Inbjudan.", sources=KALLELSE)
    GlossaryTerm.objects.create(term="Mötet", definition="Träffen.", sources=MOTET)
    page = publish(
        ContentPageFactory(
            parent=home_page,
            title="Om Norrbus",
            sources=[source(anchor="norrbusmotet")],
            next_review=FAR_AHEAD,
        )
    )

    training = TrainingIndexPageFactory(parent=home_page)
    module_changed = publish(TrainingModulePageFactory(parent=training, title="Kallelsen"))
    module_unchanged = publish(TrainingModulePageFactory(parent=training, title="Mötet"))
    publish(LessonPageFactory(parent=module_changed, title="Vem kallar", sources=KALLELSE))
    referring = LessonPageFactory(
        parent=module_changed, title="Läs avsnittet", sources=[source("own", note="")]
    )
    referring.references = [LessonReference(page=in_force, anchor="kallelse")]
    publish(referring)
    questions_block = LessonPage._meta.get_field("questions").stream_block
    publish(
        LessonPageFactory(
            parent=module_unchanged,
            title="Under mötet",
            sources=MOTET,
            questions=with_ids(questions_block, [question("Dokumenteras åtagandena?", MOTET)]),
        )
    )
    learner = UserFactory()
    yesterday = timezone.now() - timedelta(days=1)
    for module in (module_changed, module_unchanged):
        ModuleCompletion.objects.create(
            user=learner, module=module, version=1, score=100, completed_at=yesterday
        )
    return Content(in_force, routine, page, module_changed, module_unchanged, learner)


def new_version(changed: dict[str, str], agreement_seed) -> AgreementVersionPage:
    """The seed imported again as a new version in force today, with some sections' text
    changed ({heading: new body})."""
    version = create_draft_version(
        read_agreement(agreement_seed),
        source_name="ny.txt",
        label="2026",
        effective_date=timezone.localdate(),
    )
    for heading, body in changed.items():
        assert AgreementSection.objects.filter(page=version, heading=heading).update(body=body)
    return AgreementVersionPage.objects.get(pk=version.pk)


EXPECTED = {
    "Rutinen ”Norrbusmötet”, steget ”Kallelse”",
    "Aktörssidan ”Skola”, missförståndet ”Bara skolan kallar”",
    "Begreppet ”Kallelse”",
    "Lektionen ”Vem kallar”",
    "Lektionen ”Läs avsnittet”",
}


def test_exactly_the_items_citing_the_changed_section_are_flagged(content, agreement_seed):
    publish(new_version({"Kallelse": "<p>Den som kallar gör det skriftligt.</p>"}, agreement_seed))
    flags = SourceFlag.objects.all()
    assert {flag.item for flag in flags} == EXPECTED
    assert {(flag.anchor, flag.reason, flag.heading) for flag in flags} == {
        ("kallelse", SourceFlag.Reason.CHANGED, "Kallelse")
    }
    assert {flag.old_version_id for flag in flags} == {content.in_force.pk}


def test_flagged_pages_are_due_for_review_today_and_others_keep_their_date(content, agreement_seed):
    publish(new_version({"Kallelse": "<p>Ändrad.</p>"}, agreement_seed))
    assert RoutinePage.objects.get(pk=content.routine.pk).next_review == timezone.localdate()
    assert ContentPage.objects.get(pk=content.page.pk).next_review == FAR_AHEAD
    module = type(content.module_changed).objects.get(pk=content.module_changed.pk)
    assert module.next_review == timezone.localdate()


def test_learners_of_a_lesson_on_the_changed_section_are_sent_back(content, agreement_seed):
    publish(new_version({"Kallelse": "<p>Ändrad.</p>"}, agreement_seed))
    changed = module_status(content.learner, content.module_changed)
    assert changed.state == UPDATED
    assert "Kallelse" in changed.changes[0].note
    assert module_status(content.learner, content.module_unchanged).state == COMPLETED


def test_the_review_report_lists_the_flags_with_the_sections_comparison(
    client, content, agreement_seed, django_user_model
):
    new = publish(new_version({"Kallelse": "<p>Ändrad.</p>"}, agreement_seed))
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    report = client.get("/admin/granskning/", {"alla": "1"}).content.decode()
    assert "Behöver granskas" in report
    for item in EXPECTED:
        assert item in report
    comparison = f"/overenskommelsen/jamfor/?fran={content.in_force.slug}&amp;till={new.slug}"
    assert f'{comparison}#cmp-kallelse"' in report
    page = client.get(comparison.replace("&amp;", "&")).content.decode()
    assert 'id="cmp-kallelse"' in page


def test_a_removed_section_flags_its_citers_and_republishing_flags_nothing_twice(
    content, agreement_seed
):
    version = new_version({}, agreement_seed)
    AgreementSection.objects.filter(page=version, heading="Mötet").delete()
    version = publish(AgreementVersionPage.objects.get(pk=version.pk))
    flags = SourceFlag.objects.all()
    assert {flag.item for flag in flags} == {
        "Rutinen ”Norrbusmötet”, steget ”Mötet”",
        "Aktörssidan ”Skola”, avsnittet ”Uppdrag”",
        "Aktörssidan ”Skola”, avsnittet ”Det här kan andra förvänta sig”",
        "Begreppet ”Mötet”",
        "Lektionen ”Under mötet”",
        "Lektionen ”Under mötet”, frågan ”Dokumenteras åtagandena?”",
    }
    assert {flag.reason for flag in flags} == {SourceFlag.Reason.REMOVED}
    publish(version)
    assert SourceFlag.objects.count() == len(flags)


def test_a_version_that_changes_nothing_flags_nothing(content, agreement_seed):
    publish(new_version({}, agreement_seed))
    assert not SourceFlag.objects.exists()
    assert module_status(content.learner, content.module_changed).state == COMPLETED


def test_a_flag_is_cleared_when_the_page_is_published_or_the_term_saved_again(
    content, agreement_seed
):
    publish(new_version({"Kallelse": "<p>Ändrad.</p>"}, agreement_seed))
    publish(RoutinePage.objects.get(pk=content.routine.pk))
    term = GlossaryTerm.objects.get(term="Kallelse")
    term.definition = "Inbjudan till ett Norrbusmöte."
    term.save()
    still_open = SourceFlag.objects.filter(cleared_at__isnull=True)
    assert {flag.item for flag in still_open} == EXPECTED - {
        "Rutinen ”Norrbusmötet”, steget ”Kallelse”",
        "Begreppet ”Kallelse”",
    }
