import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from directory.models import (
    Contact,
    CountyPart,
    DirectoryIndexPage,
    LocalRoutinePage,
    MunicipalityPage,
    Situation,
)
from guidance.models import (
    ActorPage,
    ActorUnit,
    AgreementIndexPage,
    AgreementSection,
    AgreementVersionPage,
    ContentPage,
    GlossaryPage,
    GlossaryTerm,
    Misunderstanding,
    RoutinePage,
    SectionPage,
)
from guidance.roles import CENTRAL_SUPPORT, REVIEWERS, ensure_roles
from guidance.training.blocks import with_ids
from guidance.training.models import (
    LearnerProfile,
    LessonPage,
    LessonReference,
    PathModule,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingPathPage,
)
from home import demo_agreement, demo_directory, demo_guidance, demo_training
from home.models import HomePage
from search import indexing

# Demo accounts for the editorial roles (--demo-editor): username, first name, group.
DEMO_ROLE_USERS = [
    ("stod", "Centralt stöd", CENTRAL_SUPPORT),
    ("granskare", "Granskare", REVIEWERS),
    ("kalix-redaktor", "Kommunredaktör", "Kommunredaktör Kalix"),
]

# Glossary terms that point at a page, by the page's slug.
GLOSSARY_LINKS = {
    "Samordnad individuell plan": "samordnad-individuell-plan",
    "Norrbusmöte": "norrbusmotet",
    "Gröna kortet": "grona-kortet",
    "Avvikelse": "avvikelsehantering",
    "Forum barn och unga": "forum-barn-och-unga",
    "BUP-linjen": "specialistvard",
    "Barn- och ungdomspsykiatri": "specialistvard",
    "Elevhälsa": "skola",
    "Hälsocentral": "primarvard",
    "Individ- och familjeomsorg": "socialtjanst",
}


def publish(page: Page) -> None:
    page.save_revision().publish()


def ensure_child(parent: Page, model, slug: str, *, live: bool = True, **fields):
    """Return the child with this slug, creating (and publishing) it if it is missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    children = fields.pop("children", {})
    page = model(slug=slug, live=False, **fields)
    for relation, items in children.items():
        setattr(page, relation, items)
    parent.add_child(instance=page)
    if live:
        publish(page)
    return page, True


class Command(BaseCommand):
    help = "Bygger portalens demoinnehåll. Att köra kommandot igen ändrar ingenting."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-editor",
            action="store_true",
            help="Skapa även en demoredaktör (bara med DEBUG på, aldrig i produktion).",
        )
        parser.add_argument(
            "--demo-learner",
            action="store_true",
            help="Skapa även en demodeltagare för utbildningarna (bara med DEBUG på).",
        )

    def handle(self, *args, demo_editor=False, demo_learner=False, **options):
        # Index once at the end rather than page by page as each is published.
        with indexing.suspended(), transaction.atomic():
            home = self.build()
            ensure_roles(home)
            if demo_editor:
                self.ensure_demo_editors()
            if demo_learner:
                self.ensure_demo_learner()
        try:
            call_command("rebuild_search_index", no_progress=True, verbosity=0)
        except CommandError as error:
            # The database index is built; only Elasticsearch is missing and can catch up.
            self.stderr.write(str(error))

    def build(self) -> HomePage:
        home, home_created = self.ensure_home()
        ensure_child(
            home,
            ContentPage,
            "om-norrbus",
            title="Om Norrbus",
            show_in_menus=True,
            intro="Norrbus är överenskommelsen mellan Region Norrbotten och länets 14 kommuner "
            "om samverkan kring barn och unga som behöver stöd från mer än en aktör.",
            body=demo_guidance.ABOUT_BODY,
            content_owner=demo_guidance.OWNER,
            next_review=demo_guidance.NEXT_REVIEW,
        )
        new_staff, _ = ensure_child(
            home,
            ContentPage,
            "ny-i-norrbus",
            title="Ny i Norrbus?",
            show_in_menus=True,
            intro="Börja här: det viktigaste om Norrbus för dig som är ny, i den ordning du "
            "behöver det.",
            body=demo_guidance.NEW_STAFF_BODY,
            content_owner=demo_guidance.OWNER,
            next_review=demo_guidance.NEXT_REVIEW,
        )
        self.ensure_agreement(home)
        actors = self.ensure_actors(home)
        self.ensure_routines(home, actors)
        ensure_child(
            home,
            ContentPage,
            "samverkansstrukturen",
            title="Samverkansstrukturen",
            show_in_menus=True,
            intro="Hur samverkan styrs och stöds på läns-, länsdels- och kommunnivå, och hur "
            "processen kring ett enskilt barn går till.",
            body=demo_guidance.STRUCTURE_BODY,
            content_owner=demo_guidance.OWNER,
            next_review=demo_guidance.NEXT_REVIEW,
        )
        self.ensure_directory(home)
        ensure_child(
            home,
            GlossaryPage,
            "begrepp",
            title="Begrepp A–Ö",
            show_in_menus=True,
            intro="Ord och förkortningar du möter i samverkan kring barn och unga.",
        )
        created_terms = self.ensure_glossary()
        self.ensure_training(home)
        ensure_child(home, ContentPage, **demo_guidance.ACCESSIBILITY_STATEMENT)
        if home_created:
            home.new_staff_page = new_staff
            publish(home)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demoinnehållet är på plats ({Page.objects.count()} sidor, "
                f"{GlossaryTerm.objects.count()} begrepp, {created_terms} nya)."
            )
        )
        return home

    def ensure_demo_editors(self) -> None:
        """A superuser, and one account per editorial role, all with the demo password."""
        if not settings.DEBUG:
            raise CommandError("Demoredaktörerna skapas bara i utvecklingsläge (DEBUG).")
        User = get_user_model()
        password = os.environ.get("DEMO_EDITOR_PASSWORD", "norrbus-demo")
        username = os.environ.get("DEMO_EDITOR_USERNAME", "redaktor")
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(
                username=username,
                email="redaktor@example.org",
                password=password,
                first_name="Demo",
                last_name="Redaktör",
            )
            self.stdout.write(f"Demoredaktören '{username}' skapades (se README för lösenordet).")
        for username, first_name, group in DEMO_ROLE_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"email": f"{username}@example.org", "first_name": first_name},
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"Demokontot '{username}' ({group}) skapades.")
            user.groups.add(Group.objects.get(name=group))

    def ensure_demo_learner(self) -> None:
        if not settings.DEBUG:
            raise CommandError("Demodeltagaren skapas bara i utvecklingsläge (DEBUG).")
        User = get_user_model()
        username = os.environ.get("DEMO_LEARNER_USERNAME", "deltagare")
        if User.objects.filter(username=username).exists():
            return
        learner = User.objects.create_user(
            username=username,
            email="deltagare@example.org",
            password=os.environ.get("DEMO_LEARNER_PASSWORD", "norrbus-demo"),
            first_name="Demo",
            last_name="Deltagare",
        )
        LearnerProfile.objects.create(
            user=learner, municipality=MunicipalityPage.objects.get(slug="kalix"), actor="skola"
        )
        self.stdout.write(f"Demodeltagaren '{username}' skapades (se README för lösenordet).")

    def ensure_home(self) -> tuple[HomePage, bool]:
        home = HomePage.objects.first()
        if home is not None:
            return home, False
        root = Page.get_first_root_node()
        home = HomePage(
            title="Norrbus kunskapsportal",
            slug="start",
            intro="Vägledning och kontakter för dig som arbetar med barn och unga i Norrbotten "
            "– i skolan, socialtjänsten, primärvården eller specialistvården.",
            new_staff_text="Här får du det viktigaste om Norrbus på en halvtimme: vad det är, "
            "vem som gör vad och hur ett Norrbusmöte går till.",
        )
        root.add_child(instance=home)
        publish(home)
        # Replace Wagtail's welcome page as the site's root.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = "localhost", 80, home
        site.site_name = "Norrbus kunskapsportal"
        site.save()
        return home, True

    def ensure_agreement(self, home: HomePage) -> None:
        index, _ = ensure_child(
            home,
            AgreementIndexPage,
            "overenskommelsen",
            title="Överenskommelsen",
            show_in_menus=True,
            intro="<p>Norrbus har funnits sedan 2008. Här finns alla versioner av "
            "överenskommelsen, avsnitt för avsnitt. Den gällande versionen räknas ut från "
            "datumet den började gälla.</p>",
        )
        previous = None
        for data in demo_agreement.VERSIONS:
            sections = [
                AgreementSection(level=level, heading=heading, body=body, sort_order=i)
                for i, (level, heading, body) in enumerate(data["sections"])
            ]
            version, _ = ensure_child(
                index,
                AgreementVersionPage,
                data["slug"],
                title=data["title"],
                version_label=data["version_label"],
                decision_date=data["decision_date"],
                effective_date=data["effective_date"],
                summary=data["summary"],
                replaces=previous,
                children={"sections": sections},
            )
            previous = version

    def ensure_actors(self, home: HomePage) -> dict[str, ActorPage]:
        section, _ = ensure_child(
            home,
            SectionPage,
            "aktorer",
            title="Aktörerna",
            show_in_menus=True,
            intro="Vad skola, socialtjänst, primärvård och specialistvård ansvarar för i Norrbus, "
            "när du ska involvera dem och vad du kan förvänta dig.",
        )
        actors = {}
        for data in demo_guidance.ACTORS:
            fields = {
                k: v for k, v in data.items() if k not in {"slug", "units", "misunderstandings"}
            }
            units = [
                ActorUnit(name=name, age_range=age, description=text, sort_order=i)
                for i, (name, age, text) in enumerate(data["units"])
            ]
            myths = [
                Misunderstanding(belief=belief, clarification=truth, sort_order=i)
                for i, (belief, truth) in enumerate(data["misunderstandings"])
            ]
            page, _ = ensure_child(
                section,
                ActorPage,
                data["slug"],
                content_owner=demo_guidance.OWNER,
                next_review=demo_guidance.NEXT_REVIEW,
                children={"units": units, "misunderstandings": myths},
                **fields,
            )
            actors[page.actor] = page
        return actors

    def ensure_routines(self, home: HomePage, actors: dict[str, ActorPage]) -> None:
        section, _ = ensure_child(
            home,
            SectionPage,
            "rutiner",
            title="Rutiner",
            show_in_menus=True,
            intro="Steg för steg: vem gör vad, när och hur, i samverkan kring ett barn.",
        )
        created: list[tuple[RoutinePage, dict]] = []
        for data in demo_guidance.ROUTINES:
            page, was_created = ensure_child(
                section,
                RoutinePage,
                data["slug"],
                live=False,
                title=data["title"],
                summary=data["summary"],
                audience_note=data["audience_note"],
                steps=data["steps"],
                content_owner=demo_guidance.OWNER,
                next_review=demo_guidance.NEXT_REVIEW,
            )
            if was_created:
                created.append((page, data))
        # Related routines can only be linked once they all exist.
        by_slug = {page.slug: page for page in RoutinePage.objects.child_of(section)}
        for page, data in created:
            page.audience = [actors[code] for code in data["audience"]]
            page.related_routines = [by_slug[slug] for slug in data["related"]]
            publish(page)

    def ensure_directory(self, home: HomePage) -> None:
        routines = {page.slug: page for page in RoutinePage.objects.all()}
        situations = {}
        for order, data in enumerate(demo_directory.SITUATIONS):
            situation, _ = Situation.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "title": data["title"],
                    "description": data["description"],
                    "routine": routines.get(data["routine"]),
                    "sort_order": order,
                },
            )
            situations[situation.slug] = situation

        def build(items: list[dict]) -> list[Contact]:
            contacts = []
            for item in items:
                fields = {k: v for k, v in item.items() if k != "situations"}
                contact = Contact(**fields)
                contact.full_clean(exclude=["municipality", "county_part", "directory"])
                contact.situations = [situations[slug] for slug in item["situations"]]
                contacts.append(contact)
            return contacts

        directory, _ = ensure_child(
            home,
            DirectoryIndexPage,
            "vem-ringer-jag",
            title="Vem ringer jag?",
            show_in_menus=True,
            intro="Rätt kontakt i din kommun, i länsdelen och för hela länet: välj kommun och "
            "vad det gäller, eller gå direkt till en kommun.",
            children={"contacts": build(demo_directory.COUNTY_CONTACTS)},
        )
        for order, (name, slug, members) in enumerate(demo_directory.COUNTY_PARTS):
            county_part = CountyPart.objects.filter(slug=slug).first()
            if county_part is None:
                county_part = CountyPart(name=name, slug=slug, sort_order=order)
                county_part.contacts = build(demo_directory.COUNTY_PART_CONTACTS[slug])
                county_part.save()
            for municipality in members:
                ensure_child(
                    directory,
                    MunicipalityPage,
                    slugify(municipality),
                    title=municipality,
                    county_part=county_part,
                    **demo_directory.FORUM,
                    deviation_email=demo_directory.forum_email(slugify(municipality)),
                    children={
                        "contacts": build(demo_directory.MUNICIPALITY_CONTACTS[municipality])
                    },
                )
        kalix = MunicipalityPage.objects.get(slug="kalix")
        ensure_child(kalix, LocalRoutinePage, **demo_directory.LOCAL_ROUTINE)

    def ensure_glossary(self) -> int:
        created_count = 0
        for term, abbreviations, synonyms, definition in demo_guidance.GLOSSARY:
            if GlossaryTerm.objects.filter(term=term).exists():
                continue
            slug = GLOSSARY_LINKS.get(term)
            related = Page.objects.filter(slug=slug).first() if slug else None
            GlossaryTerm.objects.create(
                term=term,
                abbreviations=abbreviations,
                synonyms=synonyms,
                definition=definition,
                related_page=related,
            )
            created_count += 1
        return created_count

    def ensure_training(self, home: HomePage) -> None:
        index, _ = ensure_child(
            home, TrainingIndexPage, "utbildning", show_in_menus=True, **demo_training.INDEX
        )
        audience = list(ActorPage.objects.order_by("path"))
        questions_block = LessonPage._meta.get_field("questions").stream_block
        modules = {}
        for data in demo_training.MODULES:
            module, created = ensure_child(
                index,
                TrainingModulePage,
                data["slug"],
                live=False,
                title=data["title"],
                intro=data["intro"],
                learning_goals=data["goals"],
                estimated_minutes=data["minutes"],
                content_owner=demo_guidance.OWNER,
                next_review=demo_guidance.NEXT_REVIEW,
            )
            if created:
                module.audience = audience
                publish(module)
                for lesson in data["lessons"]:
                    references = [
                        LessonReference(
                            page=Page.objects.get(url_path=f"/{home.slug}{url}"),
                            anchor=anchor,
                            sort_order=i,
                        )
                        for i, (url, anchor) in enumerate(lesson["references"])
                    ]
                    ensure_child(
                        module,
                        LessonPage,
                        lesson["slug"],
                        title=lesson["title"],
                        intro=lesson["intro"],
                        body=lesson["body"],
                        questions=with_ids(questions_block, lesson["questions"]),
                        children={"references": references},
                    )
            modules[module.slug] = module
        for data in demo_training.PATHS:
            items = [
                PathModule(module=modules[slug], sort_order=i)
                for i, slug in enumerate(data["modules"])
            ]
            ensure_child(
                index,
                TrainingPathPage,
                data["slug"],
                title=data["title"],
                intro=data["intro"],
                actor=data["actor"],
                children={"path_modules": items},
            )
