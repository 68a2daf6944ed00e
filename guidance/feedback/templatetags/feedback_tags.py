import functools

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..forms import FeedbackForm

register = template.Library()
TEMPLATE = "feedback/includes/feedback_form.html"


@functools.lru_cache(maxsize=4096)
def _empty_form(page_pk: int) -> str:
    """The form as every reader first sees it: it depends on the page only, and is on every
    page, so it is rendered once per page and process."""
    return render_to_string(TEMPLATE, {"page": {"pk": page_pk}, "form": FeedbackForm()})


@register.simple_tag
def feedback_form(page, form=None):
    if form is None:
        return mark_safe(_empty_form(page.pk))
    return render_to_string(TEMPLATE, {"page": page, "form": form})
