"""PostgreSQL: store the search vector in a generated column (GIN-indexed) instead of indexing
the expression, so ranking does not re-parse every matching row. Nothing to do on SQLite."""

from django.db import migrations


def install(apps, schema_editor):
    from modus.directory import search

    if schema_editor.connection.vendor == "postgresql":
        search.install(schema_editor.connection)


def noop(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_full_text_search")]

    operations = [migrations.RunPython(install, noop, elidable=False)]
