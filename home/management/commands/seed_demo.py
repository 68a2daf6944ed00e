import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from directory.models import (
    Contact,
    CountyPart,
    DirectoryIndexPage,
    LocalRoutinePage,
    MunicipalityPage,
    Situation,
)
from guidance.importing import build_sections, read_agreement
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
from guidance.sourcing import source_problems
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
from home.demo import loader
from home.models import HomePage, PublisherSettings
from search import indexing

# Demo accounts for the editorial roles (--demo-editor): username, first name, group.
DEMO_ROLE_USERS = [
    ("stod", "Centralt stöd", CENTRAL_SUPPORT),
    ("granskare", "Granskare", REVIEWERS),
    ("kalix-redaktor", "Kommunredaktör", "Kommunredaktör Kalix"),
]


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
        site = loader.site()
        review = site["review"]
        pages = loader.pages()
        home, home_created = self.ensure_home(site)
        ensure_child(home, ContentPage, **pages["om-norrbus"], **review)
        new_staff, _ = ensure_child(home, ContentPage, **pages["ny-i-norrbus"], **review)
        self.ensure_agreement(home)
        actors = self.ensure_actors(home, review)
        self.ensure_routines(home, actors, review)
        ensure_child(home, ContentPage, **pages["samverkansstrukturen"], **review)
        self.ensure_directory(home)
        created_terms = self.ensure_glossary(home)
        self.ensure_training(home, review)
        ensure_child(home, ContentPage, **pages["tillganglighet"], **review)
        self.ensure_other_pages(home, pages, review)
        if home_created:
            home.new_staff_page = new_staff
            publish(home)
            self.ensure_publisher(home, site["publisher"])
        # A source naming a section the agreement in force lacks, or a law without its SFS
        # number, is an error in the data (missing sources: tests/home/test_demo_sources.py).
        problems = source_problems(missing=False)
        if problems:
            raise CommandError("Felaktiga källor i demodata:\n" + "\n".join(problems))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demoinnehållet är på plats ({Page.objects.count()} sidor, "
                f"{GlossaryTerm.objects.count()} begrepp, {created_terms} nya)."
            )
        )
        return home

    def ensure_other_pages(self, home: HomePage, pages: dict[str, dict], review: dict) -> None:
        """The content pages that build() does not place itself, in the file's order: below
        the page their `parent:` names, else below the start page."""
        placed = {"om-norrbus", "ny-i-norrbus", "samverkansstrukturen", "tillganglighet"}
        for slug, page in pages.items():
            if slug in placed:
                continue
            page = dict(page)
            parent_slug = page.pop("parent", None)
            parent = home
            if parent_slug:
                parent = home.get_descendants().filter(slug=parent_slug).first()
                if parent is None:
                    raise CommandError(f"pages.yaml: page {slug!r}: no parent {parent_slug!r}")
            ensure_child(parent.specific, ContentPage, **page, **review)

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

    def ensure_home(self, site: dict) -> tuple[HomePage, bool]:
        home = HomePage.objects.first()
        if home is not None:
            return home, False
        root = Page.get_first_root_node()
        home = HomePage(**site["home"])
        root.add_child(instance=home)
        publish(home)
        # Replace Wagtail's welcome page as the site's root.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        default = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        default.hostname, default.port, default.root_page = "localhost", 80, home
        default.site_name = site["site_name"]
        default.save()
        return home, True

    def ensure_publisher(self, home: HomePage, values: dict) -> None:
        """The example publisher, on a site seeded now: never over what editors wrote."""
        setting = PublisherSettings.for_site(Site.objects.get(root_page=home))
        for name, value in values.items():
            setattr(setting, name, value)
        setting.full_clean()
        setting.save()

    def ensure_agreement(self, home: HomePage) -> None:
        data = loader.agreement()
        index, _ = ensure_child(home, AgreementIndexPage, **data["page"])
        previous = None
        for version in data["versions"]:
            seed, summaries = version.pop("seed"), version.pop("sections")
            existing = index.get_children().filter(slug=version["slug"]).first()
            if existing is not None:
                previous = existing.specific
                continue
            sections, is_summary = self.agreement_sections(seed, summaries)
            previous, _ = ensure_child(
                index,
                AgreementVersionPage,
                **version,
                is_summary=is_summary,
                replaces=previous,
                children={"sections": sections},
            )

    def agreement_sections(
        self, seed: Path | None, summaries: list[dict]
    ) -> tuple[list[AgreementSection], bool]:
        """The version's sections and whether they are only a summary: the document's own text
        read by the importer, with the portal's summary beside each section ("Kort sagt"); the
        summaries alone, flagged as such, when the document is missing; none for a record
        without text."""
        if seed is None:
            return [], False
        if not seed.is_file():
            self.stderr.write(
                f"{seed} finns inte: överenskommelsen visas som portalens sammanfattning. "
                "Läs in texten med 'Läs in överenskommelse' i administrationen eller "
                "sätt NORRBUS_SEEDS_DIR och kör seed_demo på en tom databas."
            )
            sections = [
                AgreementSection(
                    sort_order=i,
                    level=item["level"],
                    heading=item["heading"],
                    anchor=item["anchor"],
                    body=loader.markdown(item.get("summary", "")),
                )
                for i, item in enumerate(summaries)
            ]
            return sections, True
        sections = build_sections(read_agreement(seed))
        by_anchor = {item["anchor"]: item.get("summary", "") for item in summaries}
        for section in sections:
            section.plain_summary = by_anchor.pop(section.anchor, "").strip()
        if by_anchor:
            self.stderr.write(
                f"Sammanfattningar utan motsvarande avsnitt i {seed.name}: "
                + ", ".join(sorted(by_anchor))
            )
        return sections, False

    def ensure_actors(self, home: HomePage, review: dict) -> dict[str, ActorPage]:
        data = loader.actors()
        section, _ = ensure_child(home, SectionPage, **data["page"])
        actors = {}
        for actor in data["actors"]:
            units = [ActorUnit(sort_order=i, **unit) for i, unit in enumerate(actor.pop("units"))]
            myths = [
                Misunderstanding(sort_order=i, **myth)
                for i, myth in enumerate(actor.pop("misunderstandings"))
            ]
            page, _ = ensure_child(
                section,
                ActorPage,
                **actor,
                **review,
                children={"units": units, "misunderstandings": myths},
            )
            actors[page.actor] = page
        return actors

    def ensure_routines(self, home: HomePage, actors: dict[str, ActorPage], review: dict) -> None:
        data = loader.routines()
        section, _ = ensure_child(home, SectionPage, **data["page"])
        created: list[tuple[RoutinePage, list[str], list[str]]] = []
        for routine in data["routines"]:
            audience, related = routine.pop("audience"), routine.pop("related")
            page, was_created = ensure_child(section, RoutinePage, live=False, **routine, **review)
            if was_created:
                created.append((page, audience, related))
        # Related routines can only be linked once they all exist.
        by_slug = {page.slug: page for page in RoutinePage.objects.child_of(section)}
        for page, audience, related in created:
            page.audience = [actors[code] for code in audience]
            page.related_routines = [by_slug[slug] for slug in related]
            publish(page)

    def ensure_directory(self, home: HomePage) -> None:
        data = loader.directory()
        routines = {page.slug: page for page in RoutinePage.objects.all()}
        situations = {}
        for order, item in enumerate(data["situations"]):
            situation, _ = Situation.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "title": item["title"],
                    "description": item["description"],
                    "routine": routines.get(item["routine"]),
                    "first_actor": item.get("first_actor", ""),
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
            **data["page"],
            children={"contacts": build(data["county_contacts"])},
        )
        for order, part in enumerate(data["county_parts"]):
            county_part = CountyPart.objects.filter(slug=part["slug"]).first()
            if county_part is None:
                county_part = CountyPart(name=part["name"], slug=part["slug"], sort_order=order)
                county_part.contacts = build(part["contacts"])
                county_part.save()
            for municipality in part["municipalities"]:
                ensure_child(
                    directory,
                    MunicipalityPage,
                    municipality["slug"],
                    title=municipality["name"],
                    county_part=county_part,
                    **data["forum"],
                    deviation_email=municipality["deviation_email"],
                    children={"contacts": build(municipality["contacts"])},
                )
        routine = data["local_routine"]
        municipality = MunicipalityPage.objects.get(slug=routine.pop("municipality"))
        ensure_child(municipality, LocalRoutinePage, **routine)

    def ensure_glossary(self, home: HomePage) -> int:
        data = loader.glossary()
        ensure_child(home, GlossaryPage, **data["page"])
        created_count = 0
        for term in data["terms"]:
            if GlossaryTerm.objects.filter(term=term["term"]).exists():
                continue
            slug = term.pop("page", None)
            related = Page.objects.filter(slug=slug).first() if slug else None
            GlossaryTerm.objects.create(**term, related_page=related)
            created_count += 1
        return created_count

    def ensure_training(self, home: HomePage, review: dict) -> None:
        data = loader.training()
        index, _ = ensure_child(home, TrainingIndexPage, **data["page"])
        audience = list(ActorPage.objects.order_by("path"))
        questions_block = LessonPage._meta.get_field("questions").stream_block
        modules = {}
        for module in data["modules"]:
            lessons = module.pop("lessons")
            page, created = ensure_child(index, TrainingModulePage, live=False, **module, **review)
            if created:
                page.audience = audience
                publish(page)
                for lesson in lessons:
                    references = [
                        LessonReference(
                            page=Page.objects.get(url_path=f"/{home.slug}{reference['page']}"),
                            anchor=reference.get("anchor", ""),
                            sort_order=i,
                        )
                        for i, reference in enumerate(lesson.pop("references"))
                    ]
                    questions = with_ids(questions_block, lesson.pop("questions"))
                    ensure_child(
                        page,
                        LessonPage,
                        **lesson,
                        questions=questions,
                        children={"references": references},
                    )
            modules[page.slug] = page
        for path in data["paths"]:
            items = [
                PathModule(module=modules[slug], sort_order=i)
                for i, slug in enumerate(path.pop("modules"))
            ]
            ensure_child(index, TrainingPathPage, **path, children={"path_modules": items})
