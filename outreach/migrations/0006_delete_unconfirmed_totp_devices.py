"""An authenticator being set up no longer has a row: its secret lives in the one session that
set-up runs in, and the row is made when the app's code confirms it. The unconfirmed rows left by
the earlier set-up go: nothing uses them any more, and each holds a secret that every session of
its user was shown."""

from django.db import migrations


def delete_unconfirmed_totp_devices(apps, schema_editor):
    apps.get_model("otp_totp", "TOTPDevice").objects.filter(confirmed=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0005_access_log_delete_restore_and_system"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(delete_unconfirmed_totp_devices, migrations.RunPython.noop),
    ]
