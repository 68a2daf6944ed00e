"""StreamField blocks every app's pages share: headings, text, callouts and diagrams."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Rubriknivå"),
        choices=[("h2", _("Nivå 2")), ("h3", _("Nivå 3")), ("h4", _("Nivå 4"))],
        default="h2",
        help_text=_("Välj nivå efter sidans disposition så att skärmläsare får rätt struktur."),
    )

    class Meta:
        icon = "title"
        template = "portal/blocks/heading_block.html"
        description = _("En rubrik med vald nivå")
        preview_value = {"text": "Så går mötet till", "level": "h2"}
        label = _("Rubrik")


class CalloutStructValue(blocks.StructValue):
    @cached_property
    def css_modifier(self) -> str:
        return "callout--warning" if self.get("kind") == "warning" else "callout--info"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Typ"),
        choices=[("info", _("Bra att veta")), ("warning", _("Viktigt"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Rubrik"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "portal/blocks/callout_block.html"
        description = _("En framhävd ruta för något läsaren inte får missa")
        preview_value = {
            "kind": "warning",
            "title": "Inga personuppgifter",
            "text": "<p>Skriv aldrig namn eller personnummer i portalen.</p>",
        }
        label = _("Faktaruta")
        value_class = CalloutStructValue


class ProcessStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Steg"), max_length=80)
    text = blocks.TextBlock(label=_("Beskrivning"), max_length=400)


class ProcessDiagramBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Bildtext"), max_length=120)
    steps = blocks.ListBlock(ProcessStepBlock(), label=_("Steg i ordning"), min_num=2)

    class Meta:
        icon = "order"
        template = "portal/blocks/process_diagram_block.html"
        description = _("Ett flödesschema som ritas av texten, så att det kan läsas av alla")
        preview_value = {
            "title": "Norrbusmötet i fyra steg",
            "steps": [
                {"title": "Behov av möte", "text": "En aktör ser behovet."},
                {"title": "Kallelse", "text": "Den som kallar bjuder in rätt parter."},
            ],
        }
        label = _("Processbild")


class StructureBodyBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Namn"), max_length=120)
    text = blocks.TextBlock(label=_("Beskrivning"), max_length=400, required=False)


class StructureLevelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Nivå"), max_length=80)
    bodies = blocks.ListBlock(StructureBodyBlock(), label=_("Organ på nivån"))


class StructureDiagramBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Bildtext"), max_length=120)
    levels = blocks.ListBlock(StructureLevelBlock(), label=_("Nivåer uppifrån och ned"), min_num=1)

    class Meta:
        icon = "site"
        template = "portal/blocks/structure_diagram_block.html"
        description = _("En organisationsbild i nivåer, ritad av texten")
        preview_value = {
            "title": "Samverkansstrukturen",
            "levels": [
                {"name": "Länsnivå", "bodies": [{"name": "Länsstyrgruppen", "text": ""}]},
                {"name": "Kommunnivå", "bodies": [{"name": "Forum barn och unga", "text": ""}]},
            ],
        }
        label = _("Strukturbild")


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="portal/blocks/paragraph_block.html",
        description=_("Löpande text"),
        preview_value="<p>Norrbus gäller barn och unga upp till och med 20 år.</p>",
    )
    callout = CalloutBlock()
    process_diagram = ProcessDiagramBlock()
    structure_diagram = StructureDiagramBlock()
