"""Counting requests per key in the cache: the client's address and a small fixed-window limit.

The cache is Redis when one is configured (so every process counts together) and process
memory otherwise. Used for password-reset e-mails, wrong API tokens and anything else that must
not be repeated without end; logins have django-axes.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or the address the trusted proxies saw.

    ``MODUS_TRUSTED_PROXY_COUNT`` proxies append to X-Forwarded-For; the entry they added
    for the client is the one that many places from the right (a client cannot forge it).
    """
    proxies = getattr(settings, "MODUS_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    return f"modus:ratelimit:{scope}:{digest}"


def count(scope: str, key: str) -> int:
    """How many hits ``key`` has in the current window of ``scope``."""
    return int(cache.get(_cache_key(scope, key), 0))


def hit(scope: str, key: str, *, window: int) -> int:
    """Count one more hit for ``key`` in ``scope`` (a window of ``window`` seconds from the first
    hit); returns the new count."""
    cache_key = _cache_key(scope, key)
    if cache.add(cache_key, 1, timeout=window):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window)
        return 1


def over_limit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count this hit; True when it is beyond ``limit`` hits in the window."""
    return hit(scope, key, window=window) > limit
