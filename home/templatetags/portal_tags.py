from django import template

register = template.Library()


@register.simple_tag
def nav_current(item, page) -> str:
    """aria-current value for a menu item: "page" on the item itself, "true" inside it."""
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == item.pk:
        return "page"
    return "true" if page.path.startswith(item.path) else ""
