from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousBurstThrottle(AnonRateThrottle):
    """Limits anonymous clients (by IP address); ``MODUS_API_ANON_RATE`` overrides the rate."""

    def get_rate(self):
        return getattr(settings, "MODUS_API_ANON_RATE", "600/minute")
