"""The sources ("Källa") behind content: which items cite what, how a source reads on the
site, what is missing, and flagging what rests on a section a new agreement version changed.

The items are routine steps, actor-page sections and misunderstandings, glossary terms and
content pages; other apps add theirs (training: lessons and their questions) with
`register_items`, and act on their flags with `register_flag_hook`.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.text import assign_anchors

from .blocks import SFS_NUMBER
from .comparison import Change, compare_versions
from .models import (
    ActorPage,
    AgreementSection,
    AgreementVersionPage,
    ContentPage,
    GlossaryTerm,
    RoutinePage,
    SourceFlag,
)
from .models.actors import ACTOR_SECTIONS
from .models.mixins import GuidanceMetaMixin
from .reviews import reviewed_models

# The accessibility statement is about the portal itself, not guidance resting on a source.
UNSOURCED_CONTENT_PAGES = {"tillganglighet"}


@dataclass
class CitedItem:
    """One claim-bearing item and its sources; `page` or `term` is what gets flagged."""

    label: str
    sources: Iterable
    page: Page | None = None
    term: GlossaryTerm | None = None
    # Agreement anchors the item rests on besides its sources (a lesson's references).
    also_cites: set[str] = field(default_factory=set)

    def agreement_anchors(self) -> set[str]:
        cited = {child.value["anchor"] for child in self.sources if child.block_type == "agreement"}
        return cited | self.also_cites


_item_providers: list[Callable[[], Iterable[CitedItem]]] = []
_flag_hooks: list[Callable[[list[SourceFlag]], None]] = []


def register_items(provider: Callable[[], Iterable[CitedItem]]) -> None:
    if provider not in _item_providers:
        _item_providers.append(provider)


def register_flag_hook(hook: Callable[[list[SourceFlag]], None]) -> None:
    if hook not in _flag_hooks:
        _flag_hooks.append(hook)


def _guidance_items() -> Iterator[CitedItem]:
    for routine in RoutinePage.objects.live().order_by("path"):
        for step in routine.steps:
            yield CitedItem(
                _("Rutinen ”%(page)s”, steget ”%(step)s”")
                % {"page": routine.title, "step": step.value["title"]},
                step.value["sources"],
                page=routine,
            )
    for actor in ActorPage.objects.live().order_by("path").prefetch_related("misunderstandings"):
        for section in ACTOR_SECTIONS:
            yield CitedItem(
                _("Aktörssidan ”%(page)s”, avsnittet ”%(section)s”")
                % {"page": actor.title, "section": ActorPage._meta.get_field(section).verbose_name},
                getattr(actor, f"{section}_sources"),
                page=actor,
            )
        for myth in actor.misunderstandings.all():
            yield CitedItem(
                _("Aktörssidan ”%(page)s”, missförståndet ”%(belief)s”")
                % {"page": actor.title, "belief": myth.belief},
                myth.sources,
                page=actor,
            )
    for term in GlossaryTerm.objects.all():
        yield CitedItem(_("Begreppet ”%(term)s”") % {"term": term.term}, term.sources, term=term)
    pages = ContentPage.objects.live().exclude(slug__in=UNSOURCED_CONTENT_PAGES).order_by("path")
    for page in pages:
        yield CitedItem(_("Sidan ”%(page)s”") % {"page": page.title}, page.sources, page=page)


def cited_items() -> Iterator[CitedItem]:
    yield from _guidance_items()
    for provider in _item_providers:
        yield from provider()


def section_anchors(version: AgreementVersionPage) -> dict[str, str]:
    """A version's sections by anchor: {anchor: heading}."""
    sections = list(version.sections.all())
    assign_anchors(sections)
    return {section.anchor: section.heading for section in sections}


def source_problems(items: Iterable[CitedItem] | None = None, *, missing: bool = True) -> list[str]:
    """Every item without a source (unless `missing` is False), citing a section the version
    in force lacks, or citing a law without a valid SFS number, named so an editor can find
    it."""
    in_force = AgreementVersionPage.objects.in_force()
    anchors = section_anchors(in_force) if in_force is not None else None
    problems = []
    for item in cited_items() if items is None else items:
        if missing and not len(item.sources):
            problems.append(_("%(item)s: saknar källa") % {"item": item.label})
        for child in item.sources:
            if child.block_type == "agreement" and anchors is not None:
                if child.value["anchor"] not in anchors:
                    problems.append(
                        _("%(item)s: avsnittet ”%(anchor)s” finns inte i den gällande versionen")
                        % {"item": item.label, "anchor": child.value["anchor"]}
                    )
            elif child.block_type == "law" and not SFS_NUMBER.match(child.value["sfs"] or ""):
                problems.append(
                    _("%(item)s: lagen ”%(law)s” saknar giltigt SFS-nummer")
                    % {"item": item.label, "law": child.value["name"]}
                )
    return problems


# --- How a source reads ---------------------------------------------------------------------


@dataclass
class InForce:
    """The version in force and its section headings by anchor, for rendering sources."""

    version: AgreementVersionPage | None
    headings: dict[str, str]


def in_force_sections(today: datetime.date | None = None) -> InForce:
    """The version in force with its sections, in one query (two if it has no sections)."""
    today = today or timezone.localdate()
    in_force = (
        AgreementVersionPage.objects.live()
        .filter(effective_date__lte=today)
        .order_by("-effective_date", "-pk")
        .values("pk")[:1]
    )
    sections = list(
        AgreementSection.objects.filter(page_id=Subquery(in_force))
        .select_related("page")
        .order_by("sort_order")
    )
    if not sections:
        return InForce(AgreementVersionPage.objects.in_force(today), {})
    assign_anchors(sections)
    return InForce(sections[0].page, {section.anchor: section.heading for section in sections})


@dataclass(frozen=True)
class SourceLine:
    text: str
    url: str = ""
    note: str = ""  # a notice beside the source, e.g. that its section is gone
    own: bool = False


def source_lines(sources: Iterable, in_force: InForce, request=None) -> list[SourceLine]:
    lines = []
    for child in sources:
        value, kind = child.value, child.block_type
        if kind == "agreement":
            lines.append(_agreement_line(value["anchor"], in_force, request))
        elif kind == "law":
            text = f"{value['name']} ({value['sfs']})"
            if value["provision"]:
                text = f"{text} {value['provision']}"
            lines.append(SourceLine(text))
        elif kind == "document":
            text = f"{value['title']}, {value['part']}" if value["part"] else value["title"]
            lines.append(SourceLine(text, url=value["url"] or ""))
        else:
            lines.append(SourceLine(_("Portalens egna råd"), note=value["note"], own=True))
    return lines


def _agreement_line(anchor: str, in_force: InForce, request) -> SourceLine:
    version = in_force.version
    if version is None:
        return SourceLine(
            _("Överenskommelsen"),
            note=_("Ingen version av överenskommelsen gäller just nu i portalen."),
        )
    name = _("Överenskommelsen %(version)s") % {"version": version.version_label}
    heading = in_force.headings.get(anchor)
    if heading is None:
        return SourceLine(
            name,
            url=version.get_url(request),
            note=_(
                "Avsnittet som innehållet bygger på finns inte i den gällande versionen. "
                "Redaktörerna ser över texten."
            ),
        )
    return SourceLine(f"{name} › {heading}", url=f"{version.get_url(request)}#{anchor}")


# --- Flagging what rests on a changed section ------------------------------------------------


def comparison_url(old: AgreementVersionPage, new: AgreementVersionPage, anchor: str) -> str:
    index = new.get_parent().specific
    compare = index.url + index.reverse_subpage("compare")
    return f"{compare}?fran={old.slug}&till={new.slug}#cmp-{anchor}"


def flag_changed_sections(new: AgreementVersionPage) -> list[SourceFlag]:
    """Flag every item citing a section that `new` changed or dropped compared with the
    version it replaces. Pages are due for review today; other apps' hooks act on the rest.
    Publishing the same version again flags nothing twice."""
    old = new.previous_version()
    in_force = AgreementVersionPage.objects.in_force()
    if old is None or (in_force is not None and new.effective_date < in_force.effective_date):
        return []  # the first version, or an older one republished
    changed = {
        change.old.anchor: change
        for change in compare_versions(old, new)
        if change.change in (Change.CHANGED, Change.REMOVED)
    }
    if not changed:
        return []
    existing = set(
        SourceFlag.objects.filter(new_version=new).values_list(
            "page_id", "term_id", "item", "anchor"
        )
    )
    flags = []
    for item in cited_items():
        for anchor in sorted(item.agreement_anchors() & changed.keys()):
            key = (
                getattr(item.page, "pk", None),
                getattr(item.term, "pk", None),
                item.label,
                anchor,
            )
            if key in existing:
                continue
            existing.add(key)
            change = changed[anchor]
            flags.append(
                SourceFlag(
                    page=item.page,
                    term=item.term,
                    item=item.label[:400],
                    anchor=anchor,
                    heading=change.old.heading[:200],
                    reason=(
                        SourceFlag.Reason.REMOVED
                        if change.change == Change.REMOVED
                        else SourceFlag.Reason.CHANGED
                    ),
                    old_version=old,
                    new_version=new,
                )
            )
    SourceFlag.objects.bulk_create(flags)
    _due_today({flag.page_id for flag in flags if flag.page_id})
    for hook in _flag_hooks:
        hook(flags)
    return flags


def _due_today(page_ids: set[int]) -> None:
    """Flagged pages with review dates are due today: the review report and the owners'
    reminders pick them up."""
    today = timezone.localdate()
    for page in Page.objects.filter(pk__in=page_ids).specific():
        if isinstance(page, GuidanceMetaMixin) and (
            page.next_review is None or page.next_review > today
        ):
            type(page).objects.filter(pk=page.pk).update(next_review=today)


def on_published(sender, instance, **kwargs) -> None:
    """`page_published`: a new agreement version flags what rests on its changed sections;
    any other page, published again, has been looked over."""
    if isinstance(instance, AgreementVersionPage):
        flag_changed_sections(instance)
    else:
        SourceFlag.objects.filter(page_id=instance.pk, cleared_at__isnull=True).update(
            cleared_at=timezone.now()
        )


def on_term_saved(sender, instance, created=False, **kwargs) -> None:
    if not created:
        SourceFlag.objects.filter(term=instance, cleared_at__isnull=True).update(
            cleared_at=timezone.now()
        )


def open_flags(owner=None) -> list[SourceFlag]:
    """Flags not yet looked over; with `owner`, those on pages the user answers for (a
    lesson belongs to its module's owner)."""
    flags = list(
        SourceFlag.objects.filter(cleared_at__isnull=True)
        .select_related("page", "term", "old_version", "new_version")
        .order_by("-created_at", "pk")
    )
    if owner is None:
        return flags
    owned = []
    for model in reviewed_models():
        owned += model.objects.filter(review_owner=owner).values_list("path", flat=True)
    return [
        flag
        for flag in flags
        if flag.page is not None and any(flag.page.path.startswith(path) for path in owned)
    ]


def flag_edit_url(flag: SourceFlag) -> str:
    if flag.page_id:
        return reverse("wagtailadmin_pages:edit", args=[flag.page_id])
    return reverse("wagtailsnippets_guidance_glossaryterm:edit", args=[flag.term_id])
