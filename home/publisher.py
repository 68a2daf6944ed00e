"""The publisher in the header and footer of every page (Inställningar → Utgivare).

Read once per site generation, like the menu: saving the setting bumps the generation
(home/apps.py), so every page, cached or not, shows the new values and the setting costs
no query on a page."""

from dataclasses import dataclass

from wagtail.models import Site

from directory.phones import format_phone
from portal.pagecache import remembered

from .models import PublisherSettings

LOGO_RENDITION = "height-64"


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    about: str = ""
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0
    support_name: str = ""
    support_email: str = ""
    support_phone: str = ""  # E.164 (or a short number as dialled)
    support_page_url: str = ""
    support_page_title: str = ""
    is_example: bool = False

    @property
    def support_phone_display(self) -> str:
        return format_phone(self.support_phone) if self.support_phone else ""

    @property
    def has_contact(self) -> bool:
        return bool(
            self.support_name
            and (self.support_email or self.support_phone or self.support_page_url)
        )

    @property
    def shown(self) -> bool:
        return bool(self.name or self.has_contact)


def read_publisher(site: Site, request=None) -> Publisher:
    setting = PublisherSettings.read(site)
    logo = {}
    if setting.logo_id and setting.logo is not None:
        rendition = setting.logo.get_rendition(LOGO_RENDITION)
        logo = {
            "logo_url": rendition.url,
            "logo_width": rendition.width,
            "logo_height": rendition.height,
        }
    page = setting.support_page
    page_url = page.get_url(request) if page is not None and page.live else None
    return Publisher(
        name=setting.name,
        about=setting.about,
        support_name=setting.support_name,
        support_email=setting.support_email,
        support_phone=setting.support_phone,
        support_page_url=page_url or "",
        support_page_title=page.title if page_url else "",
        is_example=setting.is_example,
        **logo,
    )


def publisher(request):
    """Context processor: `publisher`, the site's Publisher (empty when unset)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"publisher": Publisher()}
    return {"publisher": remembered(f"publisher:{site.pk}", lambda: read_publisher(site, request))}
