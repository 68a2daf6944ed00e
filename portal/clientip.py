"""The reader's own address, behind as many reverse proxies as settings.TRUSTED_PROXY_COUNT says.

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
with N proxies the client is the N-th entry from the right; anything further left was written
by the client and cannot be trusted. Without proxies (0) it is REMOTE_ADDR. The rate limits
(portal/ratelimit.py) and django-axes (AXES_CLIENT_IP_CALLABLE) both ask here.
"""

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        # Not through every proxy (a health check from the proxy host itself): no client
        # address is known beyond the connection's.
        return remote
    return hops[-proxies]
