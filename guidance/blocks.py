"""StreamField blocks of guidance pages: the steps of a routine and the sources ("Källa")
behind every claim."""

import re

from django.apps import apps
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from directory.services import STEP_CONTACT_CHOICES
from portal.actors import NORRBUS_CHOICES, NORRBUS_VALUES, Actor
from portal.blocks import RICH_TEXT_FEATURES
from portal.text import assign_anchors, make_anchor

SFS_NUMBER = re.compile(r"^(1[6-9]|20)\d\d:[1-9]\d{0,4}$")


def in_force_anchors() -> set[str] | None:
    """The section anchors of the agreement version in force, or None when none is in force.
    The models are looked up by name: they hold these blocks."""
    version = apps.get_model("guidance", "AgreementVersionPage").objects.in_force()
    if version is None:
        return None
    sections = list(version.sections.all())
    assign_anchors(sections)
    return {section.anchor for section in sections}


class AgreementSourceBlock(blocks.StructBlock):
    anchor = blocks.CharBlock(
        label=_("Avsnitt (ankare)"),
        max_length=80,
        help_text=_(
            "Avsnittets ankare i överenskommelsen, t.ex. 'norrbusmotet'. Visas alltid mot "
            "den gällande versionen."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Överenskommelsen")
        description = _("Ett avsnitt i överenskommelsen, angivet med sitt ankare")
        preview_value = {"anchor": "norrbusmotet"}

    def clean(self, value):
        value = super().clean(value)
        anchors = in_force_anchors()
        if anchors is not None and value["anchor"] not in anchors:
            raise StructBlockValidationError(
                block_errors={
                    "anchor": ErrorList(
                        [
                            _(
                                "Avsnittet ”%(anchor)s” finns inte i den gällande versionen "
                                "av överenskommelsen."
                            )
                            % {"anchor": value["anchor"]}
                        ]
                    )
                }
            )
        return value


class LawSourceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Lag"), max_length=120, help_text=_("T.ex. 'Skollagen'."))
    sfs = blocks.CharBlock(
        label=_("SFS-nummer"), max_length=12, help_text=_("År och löpnummer, t.ex. '2010:800'.")
    )
    provision = blocks.CharBlock(
        label=_("Kapitel och paragraf"),
        max_length=80,
        required=False,
        help_text=_(
            "Frivilligt, t.ex. '29 kap. 13 §'. Ange bara det som en offentlig källa bekräftar."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Lag")
        description = _("En lag med namn och SFS-nummer")
        preview_value = {"name": "Skollagen", "sfs": "2010:800", "provision": ""}

    def clean(self, value):
        value = super().clean(value)
        if not SFS_NUMBER.match(value["sfs"].strip()):
            raise StructBlockValidationError(
                block_errors={
                    "sfs": ErrorList(
                        [
                            _(
                                "SFS-numret ska skrivas som år:löpnummer, t.ex. 2010:800, "
                                "inte ”%(sfs)s”."
                            )
                            % {"sfs": value["sfs"]}
                        ]
                    )
                }
            )
        return value


class DocumentSourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Dokumentets titel"), max_length=300)
    part = blocks.CharBlock(
        label=_("Del"), max_length=120, required=False, help_text=_("T.ex. 'avsnitt 5.2'.")
    )
    url = blocks.URLBlock(label=_("Webbadress"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        description = _("Ett namngivet dokument och vilken del av det")
        preview_value = {"title": "Utvärdering av Norrbus 2019", "part": "kapitel 4"}


class OwnAdviceBlock(blocks.StructBlock):
    note = blocks.CharBlock(
        label=_("Vad rådet bygger på"),
        max_length=300,
        required=False,
        help_text=_("Frivilligt: kort om vad portalens eget råd bygger på."),
    )

    class Meta:
        icon = "user"
        label = _("Portalens egna råd")
        description = _("Portalens egna råd, inte hämtade ur en källa")
        preview_value = {"note": ""}


class SourcesBlock(blocks.StreamBlock):
    """The sources of one claim: at least one, each an agreement section, a law, a document
    or the portal's own advice."""

    agreement = AgreementSourceBlock()
    law = LawSourceBlock()
    document = DocumentSourceBlock()
    own = OwnAdviceBlock()

    class Meta:
        icon = "doc-full"
        label = _("Källor")
        description = _("Källan bakom innehållet")
        template = "guidance/blocks/sources.html"
        preview_value = [("agreement", {"anchor": "norrbusmotet"})]

    def clean(self, value):
        # A draft may be saved without sources (Wagtail's deferred validation); publishing
        # may not.
        if not len(value) and not self.is_deferred_validation:
            raise StreamBlockValidationError(
                non_block_errors=ErrorList([_("Ange minst en källa.")])
            )
        return super().clean(value)


ROLE_TEXT_MAX_LENGTH = 250


class StepRoleBlock(blocks.StructBlock):
    """What one actor does in a step: "Skola: Tar initiativet och kallar till mötet."."""

    actor = blocks.ChoiceBlock(label=_("Aktör"), choices=NORRBUS_CHOICES)
    text = blocks.CharBlock(
        label=_("Vad aktören gör"),
        max_length=ROLE_TEXT_MAX_LENGTH,
        help_text=_(
            "Kort, och bara det som stegets text och källor säger, t.ex. 'Kallar till mötet "
            "och anger syftet.'"
        ),
    )

    class Meta:
        icon = "user"
        label = _("Roll")


class StepRolesBlock(blocks.ListBlock):
    """The roles of a step, at most one per actor."""

    def clean(self, value):
        value = super().clean(value)
        actors = [item.get("actor") for item in value]
        repeated = sorted({Actor(code).label for code in actors if code and actors.count(code) > 1})
        if repeated:
            raise ListBlockValidationError(
                non_block_errors=ErrorList(
                    [
                        _("Ange varje aktör en gång: %(actors)s står flera gånger.")
                        % {"actors": ", ".join(str(label) for label in repeated)}
                    ]
                )
            )
        return value


class StepStructValue(blocks.StructValue):
    @cached_property
    def anchor_id(self) -> str:
        return self.get("anchor") or make_anchor(self.get("title", ""))

    @cached_property
    def role_rows(self) -> list[dict]:
        """The step's roles in the agreement's order of the actors: code, label and text (empty
        in a role converted from the old "Ansvarig" list that no editor has written yet)."""
        by_actor = {}
        for role in self.get("roles") or []:
            code = role.get("actor")
            if code in NORRBUS_VALUES and code not in by_actor:
                by_actor[code] = (role.get("text") or "").strip()
        return [
            {"actor": code, "label": Actor(code).label, "text": by_actor[code]}
            for code in NORRBUS_VALUES
            if code in by_actor
        ]

    @cached_property
    def actor_codes(self) -> list[str]:
        return [row["actor"] for row in self.role_rows]

    def role_of(self, actor: str) -> dict | None:
        return next((row for row in self.role_rows if row["actor"] == actor), None)


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Steg"), max_length=120)
    anchor = blocks.CharBlock(
        label=_("Ankare"),
        required=False,
        max_length=80,
        help_text=_(
            "Lämna tomt: skapas av rubriken. Ändra inte när sidan väl är publicerad, "
            "så att länkar till steget fortsätter att fungera."
        ),
    )
    roles = StepRolesBlock(
        StepRoleBlock(),
        label=_("Vem gör vad"),
        required=False,
        default=[],
        help_text=_(
            "En rad per aktör som gör något i steget, med vad just den aktören gör. Ta bara "
            "med de aktörer som verkligen har en del i steget."
        ),
    )
    contact_actors = blocks.MultipleChoiceBlock(
        label=_("Kontakta"),
        choices=STEP_CONTACT_CHOICES,
        required=False,
        help_text=_(
            "Vilka den som följer steget behöver kontakta: en aktör, kommunens Norrbuskontakt, "
            "Forum barn och unga, samverkansgruppen eller Samverkansstruktur målgrupp barn och "
            "unga. Sidan visar då kontakterna i läsarens kommun."
        ),
    )
    body = blocks.RichTextBlock(label=_("Vad du gör"), features=RICH_TEXT_FEATURES)
    checklist = blocks.ListBlock(
        blocks.CharBlock(label=_("Punkt"), max_length=200),
        label=_("Checklista"),
        required=False,
        default=[],
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")),
        label=_("Dokument och mallar"),
        required=False,
        default=[],
    )
    sources = SourcesBlock(label=_("Källor"))

    class Meta:
        icon = "list-ol"
        template = "guidance/blocks/step_block.html"
        description = _("Ett numrerat steg i en rutin: vem, vad och checklista")
        preview_value = {
            "title": "Kallelse",
            "roles": [{"actor": "skola", "text": "Kallar till mötet och anger syftet."}],
            "body": "<p>Den som kallar anger syftet med mötet.</p>",
            "checklist": ["Deltagare med mandat"],
            "sources": [("agreement", {"anchor": "kallelse"})],
        }
        label = _("Steg")
        value_class = StepStructValue
