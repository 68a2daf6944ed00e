"""Security headers and error reports that never carry what staff typed.

- A Content-Security-Policy on every response: without 'unsafe-inline' on the public site
  (its scripts and styles are files), framing refused. Wagtail's admin needs inline scripts
  and styles and shows previews in a frame of its own, so /admin/ gets a policy of its own.
- Error reports (the 500 page's e-mail to ADMINS, the debug page) mask every submitted value
  and the query string: a search or a form may hold a personnummer.
"""

from urllib.parse import urlsplit

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

PUBLIC_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
ADMIN_PREFIX = "/admin/"


class SecurityHeadersMiddleware:
    """Sets the Content-Security-Policy; lets the admin frame its own previews.

    Listed after XFrameOptionsMiddleware, so its X-Frame-Options comes first and the
    site-wide DENY is kept for everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response.headers.setdefault("Content-Security-Policy", ADMIN_POLICY)
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        else:
            response.headers.setdefault("Content-Security-Policy", PUBLIC_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


def same_origin(request) -> bool:
    """For the few anonymous forms that carry no CSRF token (so the pages they are on can
    be cached): browsers send Origin with every POST, and one from another site is refused."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # older browsers and other clients; such forms change nothing of value
    return urlsplit(origin).netloc == request.get_host()


MASK = SafeExceptionReporterFilter.cleansed_substitute


class MaskingExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: MASK for key in request.POST}

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in ("QUERY_STRING", "HTTP_REFERER"):
            if key in meta:
                meta[key] = MASK
        return meta

    def get_traceback_frame_variables(self, request, tb_frame):
        # A local variable may hold what was typed (a form's cleaned data, a query): only
        # the names are reported.
        return [(name, MASK) for name in tb_frame.f_locals]

    def is_active(self, request):
        return True  # mask with DEBUG on too: the debug page is shown and copied around


class MaskingExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [(key, MASK) for key in self.request.GET]
            data["request_COOKIES_items"] = [(key, MASK) for key in self.request.COOKIES]
            raw_host = self.request._get_raw_host()
            data["request_insecure_uri"] = f"{self.request.scheme}://{raw_host}{self.request.path}"
        return data
