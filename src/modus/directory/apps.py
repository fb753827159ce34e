from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_search_index(sender, using, **kwargs):
    """SQLite drops triggers when a migration rebuilds the organisation table; put them back."""
    from django.db import connections

    from . import search

    connection = connections[using]
    if connection.vendor == "sqlite":
        search.install(connection)


class DirectoryConfig(AppConfig):
    name = "modus.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="directory-search")
