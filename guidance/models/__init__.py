from .actors import ActorPage, ActorUnit, Misunderstanding
from .agreement import (
    AgreementIndexPage,
    AgreementSection,
    AgreementVersionPage,
    VersionStatus,
    assign_anchors,
)
from .changes import ChangeNoteMixin, PageChange
from .glossary import GlossaryPage, GlossaryTerm
from .pages import ContentPage, SectionPage
from .routines import RoutinePage
from .sources import SourceFlag

__all__ = [
    "ActorPage",
    "ActorUnit",
    "AgreementIndexPage",
    "AgreementSection",
    "AgreementVersionPage",
    "ChangeNoteMixin",
    "ContentPage",
    "GlossaryPage",
    "GlossaryTerm",
    "Misunderstanding",
    "PageChange",
    "RoutinePage",
    "SectionPage",
    "SourceFlag",
    "VersionStatus",
    "assign_anchors",
]
