import functools

from django import template
from django.utils.safestring import mark_safe

from .. import steps
from ..forms import CommentForm

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _first_step(page_pk: int) -> str:
    """The question as every reader first sees it: it depends on the page only, and is on
    every page, so it is rendered once per page and process."""
    return steps.render_step(page_pk, "ask")


@register.simple_tag(takes_context=True)
def feedback_form(context, page):
    """The page's question, or, for the reader just redirected back after answering, the
    next step: the thanks with the comment field, or the thanks for the comment."""
    request = context.get("request")
    thanks = steps.pending_thanks(request) if request is not None else ""
    if not thanks:
        return mark_safe(_first_step(page.pk))
    token = request.GET.get(steps.TOKEN_PARAM, "")
    if steps.awaiting_comment(token, page.pk) is None:
        return mark_safe(steps.render_step(page.pk, "done", thanks=thanks))
    form = CommentForm(initial={"svar": token}, page_id=page.pk)
    return mark_safe(steps.render_step(page.pk, "comment", form=form, thanks=thanks))
