from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import admin_privacy
from .health import health
from .robots import robots_txt

urlpatterns = [
    path("halsa/", health, name="health"),
    # Every live page readers may open without logging in (Wagtail's sitemap: live, public).
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Before the admin's own: some of its paths, showing less of others' pages.
    path("admin/", include(admin_privacy.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("sok/", include("search.urls")),
    path("kontakter/", include("directory.urls")),
    path("konto/", include("guidance.training.urls")),
    path("", include("guidance.feedback.urls")),
    path("", include("guidance.urls")),
]

if settings.DEBUG:
    from django.views.static import serve

    # Images' renditions only. Documents are served by /dokument/ alone, which keeps a private
    # collection private; production's proxy must not serve MEDIA_ROOT/documents either.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>images/.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
