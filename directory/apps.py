from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "directory"
    verbose_name = "Vem ringer jag?"

    def ready(self):
        from portal import invalidation, pagecache

        from .cookies import COOKIE_NAME
        from .models import (
            CountyPart,
            DirectoryIndexPage,
            LocalRoutinePage,
            MunicipalityPage,
            Situation,
        )

        # Every reader who opens a municipality page is told to remember it: such pages are
        # shared, and routine pages differ by the municipality remembered.
        pagecache.vary_on_cookie(COOKIE_NAME)
        # The directory's finder reads these (DirectoryIndexPage.get_context).
        pagecache.reads_params("kommun", "situation")
        invalidation.shown_on(
            DirectoryIndexPage, MunicipalityPage, LocalRoutinePage, DirectoryIndexPage
        )

        def directory_paths():
            paths = []
            for directory in DirectoryIndexPage.objects.live():
                paths += invalidation.fed_paths(directory)
                paths += invalidation.subtree_paths(directory)
            return paths

        invalidation.register_snippet(CountyPart, directory_paths)
        invalidation.register_snippet(Situation, directory_paths)
