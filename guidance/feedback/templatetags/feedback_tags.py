from django import template

from ..forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/includes/feedback_form.html")
def feedback_form(page, form=None):
    return {"page": page, "form": form or FeedbackForm()}
