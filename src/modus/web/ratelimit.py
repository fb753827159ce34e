"""Counting requests per key in the cache: the client's address and a small fixed-window limit.

The cache is Redis when one is configured (so every process counts together) and process
memory otherwise. Used for password-reset e-mails, wrong API tokens and anything else that must
not be repeated without end; logins have django-axes.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache


def _valid_address(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or the address the trusted proxies saw.

    ``MODUS_TRUSTED_PROXY_COUNT`` proxies append to X-Forwarded-For; the entry they added
    for the client is the one that many places from the right (a client cannot forge it).
    Only a well-formed address is returned (a garbled forwarded entry falls back to
    ``REMOTE_ADDR``); with none at all (a request made in code) it is "" — the lockout log
    stores that as no address, and the counters here share one key for it.
    """
    proxies = getattr(settings, "MODUS_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = _valid_address(forwarded[-proxies])
            if address:
                return address
    return _valid_address(request.META.get("REMOTE_ADDR", "") or "")


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
