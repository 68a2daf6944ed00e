from .actors import ActorPage, ActorUnit, Misunderstanding
from .agreement import (
    AgreementIndexPage,
    AgreementSection,
    AgreementVersionPage,
    VersionStatus,
    assign_anchors,
)
from .glossary import GlossaryPage, GlossaryTerm
from .pages import ContentPage, SectionPage
from .routines import RoutinePage

__all__ = [
    "ActorPage",
    "ActorUnit",
    "AgreementIndexPage",
    "AgreementSection",
    "AgreementVersionPage",
    "ContentPage",
    "GlossaryPage",
    "GlossaryTerm",
    "Misunderstanding",
    "RoutinePage",
    "SectionPage",
    "VersionStatus",
    "assign_anchors",
]
