from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"

    def ready(self):
        from wagtail.signals import page_published

        from directory.models import DirectoryIndexPage, LocalRoutinePage, MunicipalityPage
        from portal import invalidation, pagecache

        from .models import GlossaryPage, GlossaryTerm, RoutinePage
        from .models.changes import record_change

        page_published.connect(record_change, dispatch_uid="guidance.record_change")
        # The agreement's version comparison (AgreementIndexPage.get_context).
        pagecache.reads_params("fran", "till")
        # Routine steps show the remembered municipality's contacts.
        invalidation.shown_on(RoutinePage, MunicipalityPage, LocalRoutinePage, DirectoryIndexPage)
        invalidation.register_snippet(
            GlossaryTerm, lambda: invalidation.live_paths_of(GlossaryPage)
        )
