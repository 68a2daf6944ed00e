from django import template

from ..meetingkit import mentions_sip, sip_system
from ..models import ChangeNoteMixin, PageChange

register = template.Library()


@register.simple_tag
def major_changes(page, limit: int = 10):
    """The page's latest major changes, with the notes its editors wrote for readers."""
    if not isinstance(page, ChangeNoteMixin):
        return []
    return list(PageChange.objects.filter(page_id=page.pk, major=True)[:limit])


@register.inclusion_tag("guidance/includes/sip_handover.html")
def sip_handover(step_value):
    """The hand-over link to the region's SIP system, beside a step that speaks of a SIP
    (when the site has a SIP system configured)."""
    system = sip_system()
    return {"sip_system": system if system and mentions_sip(step_value) else None}
