"""A small fixed-window rate limit in the shared cache, per client address.

The address is only hashed into a cache key that expires with the window; it is never
stored anywhere else.
"""

import hashlib

from django.core.cache import cache

from .clientip import client_address


def _client(request) -> str:
    address = client_address(request)
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def allow(request, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt; False once `limit` attempts were made within the window."""
    key = f"ratelimit:{scope}:{_client(request)}"
    if cache.add(key, 1, window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window_seconds)
        return True
    return count <= limit
