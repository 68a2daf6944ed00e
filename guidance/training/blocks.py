from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from guidance.blocks import SourcesBlock


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Svarsalternativ"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Rätt svar"), required=False)
    explanation = blocks.TextBlock(
        label=_("Förklaring"),
        max_length=600,
        help_text=_("Visas efter svaret: varför alternativet är rätt eller fel."),
    )


class QuestionBlock(blocks.StructBlock):
    """A question with two or more options; more than one may be correct."""

    question = blocks.CharBlock(label=_("Fråga"), max_length=300)
    options = blocks.ListBlock(OptionBlock(), label=_("Svarsalternativ"), min_num=2, max_num=8)
    sources = SourcesBlock(
        label=_("Källor"), help_text=_("Källan bakom svaret och alternativens förklaringar.")
    )

    class Meta:
        icon = "help"
        label = _("Fråga")

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise StructBlockValidationError(
                non_block_errors=ErrorList([_("Markera minst ett alternativ som rätt svar.")])
            )
        return value


def with_ids(block: blocks.StreamBlock, raw: list[dict]) -> list[dict]:
    """Stream data as the admin saves it, with an id on every item, list items included:
    checks refer to questions and options by these ids, so content written in code (the demo,
    tests) needs them too."""
    value = block.to_python(raw)
    list(value)  # Items still raw would be stored as they came, without ids.
    return block.get_prep_value(value)
