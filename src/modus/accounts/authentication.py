"""Token authentication that slows down guessing: too many wrong tokens from one client → 429."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from modus.web import ratelimit

BAD_TOKEN_WINDOW = 600  # seconds


class ThrottledTokenAuthentication(TokenAuthentication):
    """DRF's token authentication; a client that sent ``MODUS_BAD_TOKENS_PER_CLIENT`` wrong
    tokens within ten minutes is answered 429 (``throttled``) until the window has passed,
    without its token being looked up."""

    def authenticate(self, request):
        if not self.keyword_sent(request):
            return None
        client = ratelimit.client_ip(request)
        limit = settings.MODUS_BAD_TOKENS_PER_CLIENT
        if ratelimit.count("bad-token", client) >= limit:
            raise exceptions.Throttled(
                wait=BAD_TOKEN_WINDOW,
                detail=_("Too many requests with a wrong token; try again later."),
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed:
            ratelimit.hit("bad-token", client, window=BAD_TOKEN_WINDOW)
            raise

    def keyword_sent(self, request) -> bool:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        return header.split(" ", 1)[0].lower() == self.keyword.lower()
