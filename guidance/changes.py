"""Major changes across the portal, for readers: the "Ändringar" page and its Atom feed."""

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Page

from portal.visibility import public

from .models import PageChange

SHOWN = 50


def major_changes():
    """The latest major changes to pages that everyone may read, newest first."""
    readable = public(Page.objects.live())
    return PageChange.objects.filter(major=True, page__in=readable).select_related("page")[:SHOWN]


def changes(request):
    return render(request, "guidance/changes.html", {"changes": major_changes()})


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Norrbus kunskapsportal – större ändringar"
    subtitle = (
        "Större ändringar i överenskommelsen, rutinerna, aktörernas uppdrag och utbildningarna."
    )
    link = "/andringar/"
    # RFC 4287 wants an author for the feed or every entry: the portal's central support
    # publishes every change (after review), so the feed names it once.
    author_name = "Norrbus kunskapsportal"

    def items(self):
        return major_changes()

    def item_title(self, change):
        return change.page.title

    def item_description(self, change):
        return change.note

    def item_link(self, change):
        return f"{change.page.url}#andringshistorik"

    def item_guid(self, change):
        return f"{change.page.full_url}#andring-{change.pk}"

    def item_pubdate(self, change):
        return change.published_at

    def item_updateddate(self, change):
        return change.published_at
