from django.http import Http404
from django.urls import path, re_path
from wagtail import hooks
from wagtail.models import Site

from . import kit_views
from .changes import ChangesFeed, changes
from .models import RoutinePage


def kit_docx(request, routine_path: str, template: str):
    """A meeting-kit template as a Word file, at …/<rutin>/mallar/<mall>.docx. Wagtail's
    page routes take no dots, so the routine is found here as Wagtail's serve finds a page,
    and served after the same before_serve_page hooks (view restrictions among them)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in routine_path.split("/") if component]
    page, args, kwargs = site.root_page.localized.specific.route(request, components)
    if not isinstance(page, RoutinePage):
        raise Http404
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if result is not None:
            return result
    return kit_views.kit_docx(request, page, template)


urlpatterns = [
    path("andringar/", changes, name="changes"),
    path("andringar/atom.xml", ChangesFeed(), name="changes_feed"),
    re_path(
        r"^(?P<routine_path>(?:[\w\-]+/)+)mallar/(?P<template>[\w\-]+)\.docx$",
        kit_docx,
        name="kit_docx",
    ),
]
