"""Read-side rules for guidance content, kept out of the page models."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from .models import AgreementIndexPage, AgreementSection, AgreementVersionPage, VersionStatus


def version_in_force(today: date | None = None) -> AgreementVersionPage | None:
    """The live version whose effective date is the latest one not in the future."""
    today = today or timezone.localdate()
    return (
        AgreementVersionPage.objects.live()
        .filter(effective_date__lte=today)
        .order_by("-effective_date", "-pk")
        .first()
    )


def versions_with_status(
    index: AgreementIndexPage, today: date | None = None
) -> list[tuple[AgreementVersionPage, VersionStatus]]:
    today = today or timezone.localdate()
    in_force = version_in_force(today)
    versions = AgreementVersionPage.objects.live().child_of(index).order_by("-effective_date")
    return [(version, version.status(in_force, today)) for version in versions]


@dataclass
class TocNode:
    section: AgreementSection
    children: list["TocNode"] = field(default_factory=list)


def section_tree(sections: list[AgreementSection]) -> list[TocNode]:
    """Nest a flat, ordered list of sections by level for a table of contents."""
    roots: list[TocNode] = []
    stack: list[TocNode] = []
    for section in sections:
        node = TocNode(section)
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots
