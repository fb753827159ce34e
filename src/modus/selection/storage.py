"""Application documents are private: stored outside MEDIA_ROOT and served only by a view that
checks who asks (see ``views``)."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under ``MODUS_PRIVATE_ROOT``, with no public URL."""

    @property
    def base_location(self):
        return str(settings.MODUS_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; use the application's download view.")


private_storage = PrivateStorage()
