"""Full-text search over organisations: FTS5 on SQLite, a GIN index on PostgreSQL.

Only the matching database gets its objects; the code is in ``modus.directory.search``.
"""

from django.db import migrations


def install(apps, schema_editor):
    from modus.directory import search

    search.install(schema_editor.connection)
    search.rebuild(schema_editor.connection)


def uninstall(apps, schema_editor):
    from modus.directory import search

    search.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
