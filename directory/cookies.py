"""The remembered municipality: a cookie holding a municipality page's slug, nothing personal."""

from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "norrbus_kommun"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def remembered_slug(request: HttpRequest) -> str:
    return request.COOKIES.get(COOKIE_NAME, "")


def remember_municipality(request: HttpRequest, response: HttpResponse, page) -> None:
    """Remember the reader's municipality (a page with a slug) in a cookie."""
    if remembered_slug(request) == page.slug:
        return
    response.set_cookie(
        COOKIE_NAME,
        page.slug,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
