"""The portal's Swedish catalogue: the compiled .mo that Django reads says what the .po says, and
the admin strings Wagtail leaves in English come out in Swedish."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

CATALOGUES = sorted((Path(settings.LOCALE_PATHS[0]) / "sv" / "LC_MESSAGES").glob("*.po"))


def messages(catalogue: polib._BaseFile) -> dict:
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural)
        for entry in catalogue.translated_entries()
    }


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.name)
def test_the_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run manage.py compilemessages --ignore=.venv"
    assert messages(polib.mofile(mo_path)) == messages(polib.pofile(po_path)), (
        f"{mo_path.name} is older than {po_path.name}: run manage.py compilemessages --ignore=.venv"
    )


def test_both_domains_are_there():
    assert [path.name for path in CATALOGUES] == ["django.po", "djangojs.po"]


def test_wagtails_untranslated_admin_strings_come_out_in_swedish():
    with translation.override("sv"):
        assert gettext("Exploring") == "Bläddrar i"
        assert gettext("Search terms") == "Sökord"
        assert gettext("Views") == "Visningar"
        assert ngettext("%(num_parent_objects)d page", "%(num_parent_objects)d pages", 3) == (
            "%(num_parent_objects)d sidor"
        )
        # Wagtail's own Swedish is still read where it has one.
        assert gettext("Actions") == "Handlingar"


def test_a_catalogue_in_locale_paths_overrides_wagtails_own_swedish(tmp_path):
    """What the catalogue's header says: a string in it wins over Wagtail's translation."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Actions", msgstr="Åtgärder"))
    (tmp_path / "sv" / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save_as_mofile(str(tmp_path / "sv" / "LC_MESSAGES" / "django.mo"))
    with override_settings(LOCALE_PATHS=[tmp_path]), translation.override("sv"):
        assert gettext("Actions") == "Åtgärder"
