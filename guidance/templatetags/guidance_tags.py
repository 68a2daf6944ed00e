from django import template

from ..models import ChangeNoteMixin, PageChange

register = template.Library()


@register.simple_tag
def major_changes(page, limit: int = 10):
    """The page's latest major changes, with the notes its editors wrote for readers."""
    if not isinstance(page, ChangeNoteMixin):
        return []
    return list(PageChange.objects.filter(page_id=page.pk, major=True)[:limit])
