from django.db import migrations


class Migration(migrations.Migration):
    """The application log now lives in the shared action log (see 0002)."""

    dependencies = [
        ("selection", "0002_log_entries_to_activity"),
    ]

    operations = [
        migrations.DeleteModel(
            name="LogEntry",
        ),
    ]
