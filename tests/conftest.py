import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create hundreds of accounts; a deliberately slow hasher would dominate their time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MODUS_PRIVATE_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _default_language():
    """Requests in another language must not leave it active for the next test."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages of one test must not answer for the next."""

    cache.clear()
    yield


@pytest.fixture
def api_client():
    """A client of the REST API (JSON in and out, token or session credentials)."""

    return APIClient()
