from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import AgreementImportView
from .models import AgreementIndexPage, GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Begrepp")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "abbreviations", "synonyms"]
    search_fields = ["term", "abbreviations", "synonyms", "definition"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def agreement_import_urls():
    return [path("overenskommelse/las-in/", AgreementImportView.as_view(), name="agreement_import")]


class AgreementImportMenuItem(MenuItem):
    def is_shown(self, request):
        index = AgreementIndexPage.objects.first()
        return index is not None and index.permissions_for_user(request.user).can_add_subpage()


@hooks.register("register_admin_menu_item")
def agreement_import_menu_item():
    return AgreementImportMenuItem(
        _("Läs in överenskommelse"), reverse("agreement_import"), icon_name="doc-full", order=310
    )
