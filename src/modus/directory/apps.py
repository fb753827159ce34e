from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from modus.activity.registry import describe_actions

from . import search


def _ensure_search_index(sender, using, **kwargs):
    """SQLite drops triggers when a migration rebuilds the organisation table; put them back."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        search.install(connection)


class DirectoryConfig(AppConfig):
    name = "modus.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        post_migrate.connect(_ensure_search_index, sender=self, dispatch_uid="directory-search")
        describe_actions({"directory.organisation.edited": _("Profile edited")})
