from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class GuidanceConfig(AppConfig):
    name = "guidance"
    default = True  # this module also holds UsersConfig

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from directory.models import DirectoryIndexPage, LocalRoutinePage, MunicipalityPage
        from portal import invalidation, pagecache

        from . import sourcing
        from .models import (
            ActorPage,
            AgreementVersionPage,
            ContentPage,
            GlossaryPage,
            GlossaryTerm,
            RoutinePage,
            SectionPage,
        )
        from .models.changes import record_change

        page_published.connect(record_change, dispatch_uid="guidance.record_change")
        # A new agreement version flags what cites its changed sections; a page published
        # again has been looked over.
        page_published.connect(sourcing.on_published, dispatch_uid="guidance.source_flags")
        post_save.connect(
            sourcing.on_term_saved, sender=GlossaryTerm, dispatch_uid="guidance.term_flags"
        )
        # Sources name the version in force and its section headings.
        for model in (RoutinePage, ActorPage, ContentPage, GlossaryPage):
            invalidation.shown_on(model, AgreementVersionPage)
        # The agreement's version comparison (AgreementIndexPage.get_context).
        pagecache.reads_params("fran", "till")
        # A meeting-kit template's page answers 400 to a version that is not its current one
        # (guidance/kit_views.py): the parameter must not be dropped from the cache key.
        pagecache.reads_params("version")
        # Routine steps show the remembered municipality's contacts.
        invalidation.shown_on(RoutinePage, MunicipalityPage, LocalRoutinePage, DirectoryIndexPage)
        # Who does what: an actor's "Min roll i rutinerna" and a section's matrix show every
        # routine's steps (guidance/actor_roles.py).
        invalidation.shown_on(ActorPage, RoutinePage)
        invalidation.shown_on(SectionPage, RoutinePage)
        invalidation.register_snippet(
            GlossaryTerm, lambda: invalidation.live_paths_of(GlossaryPage)
        )


class UsersConfig(WagtailUsersAppConfig):
    """wagtail.users with the user admin held to the roles (guidance/user_admin.py)."""

    user_viewset = "guidance.user_admin.UserViewSet"
