"""What can be found: content turned into search entries, one source at a time.

A source is what an editor changes in one go — a page ("page:12"), a glossary term
("term:3") or a county part's contacts ("countypart:2") — and yields the entries it makes
findable. Everything outside this module sees entries only.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from directory.models import (
    CountyPart,
    DirectoryIndexPage,
    LocalRoutinePage,
    MunicipalityPage,
)
from guidance.meetingkit import TEMPLATES, has_kit, routine_steps
from guidance.models import (
    ActorPage,
    AgreementIndexPage,
    AgreementVersionPage,
    GlossaryPage,
    GlossaryTerm,
    RoutinePage,
)
from guidance.training.models import (
    LessonPage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingPathPage,
)
from portal.actors import NORRBUS_VALUES

from .models import Kind

ACTOR_CODES = set(NORRBUS_VALUES)

# How much an entry counts beside others that match equally well.
WEIGHTS = {
    "routine": 1.3,
    "actor": 1.2,
    "agreement_in_force": 1.1,
    "section": 1.0,
    "term": 1.0,
    "municipality": 1.0,
    "contact": 0.9,
    "page": 0.8,
    "training": 0.4,
    "step": 0.7,
    # Training explains what a routine or the agreement says; those come first, even when
    # a lesson's short title matches the query better (PostgreSQL ranks short titles high).
    "lesson": 0.25,
    "agreement_other": 0.4,
}
# An entry of the reader's municipality (its own or its county part's: `municipalities`
# holds it; the one the query names, or else the remembered one) counts this much more, so
# it comes before the same kind of entry elsewhere without passing what matches the query
# far better.
LOCAL_WEIGHT = 1.25


@dataclass
class EntryData:
    key: str
    source: str
    kind: str
    title: str
    url: str
    body: str = ""
    context: str = ""
    actors: list[str] = field(default_factory=list)
    municipalities: list[str] = field(default_factory=list)
    contact_id: int | None = None
    weight: float = 1.0


def page_source(page_id: int) -> str:
    return f"page:{page_id}"


# Where one block of text ends and the next begins: a space there keeps "slut.</p><p>Nästa"
# two words in the index and in the snippets.
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|td|th|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain(html: str) -> str:
    return " ".join(strip_tags(_BLOCK_END.sub(" ", html or "")).split())


def searchable_text(obj, fields) -> str:
    """The text of an object's search fields except the title, as Wagtail would index it."""
    texts = []
    for search_field in fields:
        if isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            items = related.all() if hasattr(related, "all") else [related] if related else []
            texts.extend(searchable_text(item, search_field.fields) for item in items)
        elif isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            value = search_field.get_value(obj)
            if isinstance(value, list | tuple):
                value = " ".join(str(part) for part in value)
            texts.append(plain(str(value or "")))
    return " ".join(text for text in texts if text)


def is_findable(page: Page) -> bool:
    if not page.live or page.depth <= 1 or page.url is None:
        return False
    restricted = PageViewRestriction.objects.filter(
        page__path__in=[
            page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)
        ]
    )
    return not restricted.exists()


def entries_for_source(source: str) -> list[EntryData]:
    kind, _, raw_id = source.partition(":")
    object_id = int(raw_id)
    if kind == "page":
        page = Page.objects.filter(pk=object_id).first()
        if page is None:
            return []
        page = page.specific
        return page_entries(page) if is_findable(page) else []
    if kind == "term":
        term = GlossaryTerm.objects.filter(pk=object_id).first()
        return term_entries(term) if term else []
    if kind == "countypart":
        part = CountyPart.objects.filter(pk=object_id).first()
        return county_part_entries(part) if part else []
    raise ValueError(f"Unknown search source: {source}")


def all_sources() -> list[str]:
    pages = Page.objects.live().public().filter(depth__gt=1).values_list("pk", flat=True)
    return [
        *(page_source(pk) for pk in pages),
        *(f"term:{pk}" for pk in GlossaryTerm.objects.values_list("pk", flat=True)),
        *(f"countypart:{pk}" for pk in CountyPart.objects.values_list("pk", flat=True)),
    ]


def _page_entry(page: Page, kind: str, weight: float, **extra) -> EntryData:
    return EntryData(
        key=page_source(page.pk),
        source=page_source(page.pk),
        kind=kind,
        title=page.title,
        url=page.url,
        body=extra.pop("body", None) or searchable_text(page, page.get_search_fields()),
        weight=weight,
        **extra,
    )


def page_entries(page: Page) -> list[EntryData]:
    if isinstance(page, AgreementVersionPage):
        return agreement_entries(page)
    if isinstance(page, AgreementIndexPage):
        return [_page_entry(page, Kind.AGREEMENT, WEIGHTS["agreement_in_force"])]
    if isinstance(page, ActorPage):
        return [
            _page_entry(
                page, Kind.ACTOR, WEIGHTS["actor"], body=actor_text(page), actors=[page.actor]
            )
        ]
    if isinstance(page, RoutinePage):
        return routine_entries(page)
    if isinstance(page, MunicipalityPage):
        return municipality_entries(page)
    if isinstance(page, DirectoryIndexPage):
        return directory_entries(page)
    if isinstance(page, LocalRoutinePage):
        municipality = page.get_parent().specific
        return [
            _page_entry(
                page,
                Kind.ROUTINE,
                WEIGHTS["routine"],
                context=f"Lokal rutin i {municipality.title}",
                municipalities=[municipality.slug],
            )
        ]
    if isinstance(page, LessonPage):
        module = page.get_parent()
        return [_page_entry(page, Kind.TRAINING, WEIGHTS["lesson"], context=module.title)]
    if isinstance(page, TrainingIndexPage | TrainingModulePage | TrainingPathPage):
        return [_page_entry(page, Kind.TRAINING, WEIGHTS["training"])]
    if isinstance(page, GlossaryPage):
        return [_page_entry(page, Kind.TERM, WEIGHTS["page"], body=page.intro)]
    return [_page_entry(page, Kind.PAGE, WEIGHTS["page"])]


def actor_text(page: ActorPage) -> str:
    """Everything the actor page shows, under the headings it shows it."""
    name = page.title.lower()
    parts = [
        page.short_description,
        "Uppdrag",
        plain(page.mission),
        "Lagstöd",
        plain(page.legal_basis),
        f"Det här gör {name} i Norrbus",
        plain(page.role_in_norrbus),
        f"När du ska involvera {name}",
        plain(page.when_to_involve),
        "Det här kan andra förvänta sig",
        plain(page.what_to_expect),
        f"Verksamheter inom {name}",
        *(f"{unit.name} {unit.description}" for unit in page.units.all()),
        "Vanliga missförstånd",
        *(f"{m.belief} {m.clarification}" for m in page.misunderstandings.all()),
    ]
    return " ".join(part for part in parts if part)


def agreement_entries(page: AgreementVersionPage) -> list[EntryData]:
    in_force = AgreementVersionPage.objects.in_force()
    if in_force is None or in_force.pk != page.pk:
        label = "Tidigare eller kommande version" if in_force else "Version"
        return [
            _page_entry(
                page,
                Kind.AGREEMENT,
                WEIGHTS["agreement_other"],
                context=label,
                body=plain(page.summary),
            )
        ]
    context = f"Överenskommelsen {page.version_label}"
    # The page's own entry holds its summary; the text is in the sections' entries below, so
    # the whole agreement is not indexed a second time as one long document.
    entries = [
        _page_entry(
            page,
            Kind.AGREEMENT,
            WEIGHTS["agreement_in_force"],
            context="Gällande version",
            body=plain(page.summary),
        )
    ]
    for section in page.sections.all():
        entries.append(
            EntryData(
                key=f"section:{section.pk}",
                source=page_source(page.pk),
                kind=Kind.AGREEMENT,
                title=section.heading,
                context=context,
                body=plain(section.body),
                url=f"{page.url}#{section.anchor}",
                weight=WEIGHTS["section"],
            )
        )
    return entries


def routine_entries(page: RoutinePage) -> list[EntryData]:
    audience = set(page.audience.values_list("actor", flat=True))
    acting = set()
    step_entries = []
    for number, step in enumerate(page.steps, start=1):
        value = step.value
        step_actors = [code for code in value.actor_codes if code in ACTOR_CODES]
        acting.update(step_actors)
        checklist = " ".join(str(item) for item in value.get("checklist") or [])
        step_entries.append(
            EntryData(
                key=f"step:{page.pk}:{number}",
                source=page_source(page.pk),
                kind=Kind.ROUTINE,
                title=f"{page.title}: {value['title']}",
                context=f"Steg {number}",
                body=" ".join([plain(value["body"].source), plain(checklist)]).strip(),
                url=f"{page.url}#{value.anchor_id}",
                actors=step_actors,
                weight=WEIGHTS["step"],
            )
        )
    body = " ".join([page.summary, page.audience_note, *(e.title for e in step_entries)])
    page_entry = _page_entry(
        page,
        Kind.ROUTINE,
        WEIGHTS["routine"],
        body=body,
        # The kind already says "Rutin"; the context says how long it is.
        context=f"{len(step_entries)} steg",
        actors=sorted(audience | acting),
    )
    return [page_entry, *step_entries, *kit_entries(page, sorted(audience | acting))]


def kit_entries(page: RoutinePage, actors: list[str]) -> list[EntryData]:
    """The routine's meeting-kit templates, each findable by its name ("mall", "kallelse")
    and what it is for."""
    if not has_kit(page):
        return []
    steps = routine_steps(page)
    entries = []
    for slug, template in TEMPLATES.items():
        intro, _sections = template.build(steps.get(template.step_anchor))
        entries.append(
            EntryData(
                key=f"kit:{page.pk}:{slug}",
                source=page_source(page.pk),
                kind=Kind.ROUTINE,
                title=f"Mall: {template.title}",
                context=f"Mall till {page.title}",
                body=f"En av mallarna för mötet, att skriva ut eller hämta som Word-fil. {intro}",
                url=page.url + page.reverse_subpage("kit_page", args=[slug]),
                actors=actors,
                weight=WEIGHTS["step"],
            )
        )
    return entries


def contact_entry(contact, url: str, municipality_names: list[str], slugs: list[str]) -> EntryData:
    flags = []
    if contact.is_urgent:
        flags.append("Akut brådskande")
    if contact.out_of_hours:
        flags.append("Jour utanför kontorstid kvällar helger")
    if contact.is_norrbus_contact:
        flags.append("Norrbuskontakt")
    body = " ".join(
        part
        for part in [
            contact.actor_label,
            contact.contact_when,
            contact.opening_hours,
            contact.visiting_address,
            " ".join(situation.title for situation in contact.situations.all()),
            " ".join(flags),
            " ".join(municipality_names),
        ]
        if part
    )
    return EntryData(
        key=f"contact:{contact.pk}",
        source="",
        kind=Kind.CONTACT,
        title=contact.name,
        context=contact.shared_label or contact.scope_label,
        body=body,
        url=f"{url}#kontakt-{contact.pk}",
        actors=[contact.actor] if contact.actor in ACTOR_CODES else [],
        municipalities=slugs,
        contact_id=contact.pk,
        weight=WEIGHTS["contact"],
    )


def _with_source(entries: list[EntryData], source: str) -> list[EntryData]:
    for entry in entries:
        entry.source = source
    return entries


def municipality_entries(page: MunicipalityPage) -> list[EntryData]:
    contacts = list(page.contacts.prefetch_related("situations"))
    # The contacts are entries of their own; the page is found by its municipality's name.
    body = " ".join(
        [page.intro, "Forum barn och unga", page.forum_convener, page.forum_meets, page.forum_note]
    )
    source = page_source(page.pk)
    entries = [
        _page_entry(
            page,
            Kind.CONTACT,
            WEIGHTS["municipality"],
            body=body,
            context="Vem ringer jag?",
            municipalities=[page.slug],
        )
    ]
    entries += [contact_entry(contact, page.url, [page.title], [page.slug]) for contact in contacts]
    return _with_source(entries, source)


def directory_entries(page: DirectoryIndexPage) -> list[EntryData]:
    contacts = list(page.contacts.prefetch_related("situations"))
    entries = [_page_entry(page, Kind.CONTACT, WEIGHTS["page"], context="Kontakter")]
    entries += [contact_entry(contact, page.url, [], []) for contact in contacts]
    return _with_source(entries, page_source(page.pk))


def county_part_entries(part: CountyPart) -> list[EntryData]:
    municipalities = [
        page
        for page in MunicipalityPage.objects.live().public().filter(county_part=part)
        if page.url
    ]
    if not municipalities:
        return []
    names = [page.title for page in municipalities]
    slugs = [page.slug for page in municipalities]
    # A county part has no page of its own: its contacts are shown on each municipality's.
    url = municipalities[0].url
    entries = [
        contact_entry(contact, url, names, slugs)
        for contact in part.contacts.prefetch_related("situations")
    ]
    return _with_source(entries, f"countypart:{part.pk}")


def term_entries(term: GlossaryTerm) -> list[EntryData]:
    glossary = GlossaryPage.objects.live().public().first()
    if glossary is None or glossary.url is None:
        return []
    abbreviations = ", ".join(term.abbreviation_list)
    related = term.related_page.specific if term.related_page_id else None
    return [
        EntryData(
            key=f"term:{term.pk}",
            source=f"term:{term.pk}",
            kind=Kind.TERM,
            title=f"{term.term} ({abbreviations})" if abbreviations else term.term,
            # The kind says "Begrepp"; the term needs no context.
            context="",
            body=" ".join([term.definition, " ".join(term.synonym_list)]),
            url=f"{glossary.url}#{term.anchor}",
            actors=[related.actor] if isinstance(related, ActorPage) else [],
            weight=WEIGHTS["term"],
        )
    ]
