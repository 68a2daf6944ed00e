"""StreamField blocks of guidance pages: the steps of a routine."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.actors import NORRBUS_CHOICES, Actor
from portal.blocks import RICH_TEXT_FEATURES
from portal.text import make_anchor


class StepStructValue(blocks.StructValue):
    @cached_property
    def anchor_id(self) -> str:
        return self.get("anchor") or make_anchor(self.get("title", ""))

    @cached_property
    def responsible_labels(self) -> list[str]:
        return [Actor(code).label for code in self.get("responsible") or []]


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
    responsible = blocks.MultipleChoiceBlock(
        label=_("Ansvarig aktör"), choices=NORRBUS_CHOICES, required=False
    )
    contact_actors = blocks.MultipleChoiceBlock(
        label=_("Kontakta"),
        choices=NORRBUS_CHOICES,
        required=False,
        help_text=_(
            "Aktörer som den som följer steget behöver kontakta. Sidan visar då deras "
            "kontakter i läsarens kommun."
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

    class Meta:
        icon = "list-ol"
        template = "guidance/blocks/step_block.html"
        description = _("Ett numrerat steg i en rutin: vem, vad och checklista")
        preview_value = {
            "title": "Kallelse",
            "responsible": ["skola"],
            "body": "<p>Den som kallar anger syftet med mötet.</p>",
            "checklist": ["Samtycke från vårdnadshavare", "Deltagare med mandat"],
        }
        label = _("Steg")
        value_class = StepStructValue
