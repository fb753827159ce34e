from django.db import migrations

KINDS = (
    ("offer", "Offer", "offer"),
    ("request", "Request", "request"),
    ("partnership", "Partnership for a project or call", "other"),
)


def add_kinds(apps, schema_editor):
    kind = apps.get_model("partners", "OpportunityKind")
    for position, (key, label, direction) in enumerate(KINDS):
        kind.objects.get_or_create(
            event=None, key=key, defaults={"label": label, "direction": direction, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_opportunities_interests_suggestions")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
