"""Error answers in Swedish where Django's own have no body or an English one."""

from django.template.loader import render_to_string


class SwedishNotAllowedMiddleware:
    """A view that refuses the method (require_POST, a class-based view) answers 405 with no
    body; give it the Swedish page, keeping its Allow header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
