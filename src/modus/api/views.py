"""Bases for the API views of every app. Reads are public; writes need a token or a session."""

from rest_framework import permissions, viewsets

from .throttling import AnonymousBurstThrottle


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Public. Anyone may read; nobody writes through these endpoints."""

    permission_classes = [permissions.AllowAny]
    throttle_classes = [AnonymousBurstThrottle]
