import secrets

from django.db import migrations, models

import modus.accounts.models


def give_each_user_a_secret(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.only("pk").iterator():
        User.objects.filter(pk=user.pk).update(calendar_secret=secrets.token_urlsafe(32))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="calendar_secret",
            field=models.CharField(
                default="", editable=False, max_length=64, verbose_name="calendar link secret"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(give_each_user_a_secret, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="calendar_secret",
            field=models.CharField(
                default=modus.accounts.models.new_calendar_secret,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="calendar link secret",
            ),
        ),
    ]
