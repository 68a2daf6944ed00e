from django import template

from ..meetingkit import mentions_sip, sip_system
from ..models import ChangeNoteMixin, PageChange
from ..sourcing import in_force_sections, source_lines

register = template.Library()


@register.simple_tag
def major_changes(page, limit: int = 10):
    """The page's latest major changes, with the notes its editors wrote for readers."""
    if not isinstance(page, ChangeNoteMixin):
        return []
    return list(PageChange.objects.filter(page_id=page.pk, major=True)[:limit])


@register.inclusion_tag("guidance/includes/sources.html", takes_context=True)
def show_sources(context, sources):
    """ "Källa: …" under a claim. The version in force and its section headings are looked up
    once per request, however many claims the page has."""
    request = context.get("request")
    in_force = getattr(request, "_in_force_sections", None)
    if in_force is None:
        in_force = in_force_sections()
        if request is not None:
            request._in_force_sections = in_force
    return {"lines": source_lines(sources or [], in_force, request)}


@register.inclusion_tag("guidance/includes/sip_handover.html")
def sip_handover(step_value):
    """The hand-over link to the region's SIP system, beside a step that speaks of a SIP
    (when the site has a SIP system configured)."""
    system = sip_system()
    return {"sip_system": system if system and mentions_sip(step_value) else None}
