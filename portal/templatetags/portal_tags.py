from django import template

from .. import messages
from ..navigation import breadcrumbs

register = template.Library()


@register.simple_tag
def nav_current(item, page) -> str:
    """aria-current value for a menu item: "page" on the item itself, "true" inside it."""
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == item.pk:
        return "page"
    return "true" if page.path.startswith(item.path) else ""


@register.filter
def shown_at_top(message_list) -> list:
    """The messages for the list at the top of the page: not those shown in place."""
    return messages.shown_at_top(message_list)


@register.simple_tag(takes_context=True)
def breadcrumb_links(context, page):
    """The page's ancestors (home first), from the cache when the tree has not changed."""
    return breadcrumbs(page, context.get("request"))


@register.simple_tag
def field_widget(field):
    """A form field's widget, tied to its help text and errors for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
