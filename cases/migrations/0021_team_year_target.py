"""A team's closing target per year instead of one for every year: the single target a lead
had set becomes the target of the year this migration runs in, the year it was set for."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def policy_target_to_this_year(apps, schema_editor):
    TeamPolicy = apps.get_model("cases", "TeamPolicy")
    TeamYearTarget = apps.get_model("cases", "TeamYearTarget")
    year = django.utils.timezone.localdate().year
    TeamYearTarget.objects.bulk_create(
        TeamYearTarget(team_id=policy.team_id, year=year, target=policy.yearly_closing_target)
        for policy in TeamPolicy.objects.filter(yearly_closing_target__isnull=False)
    )


def latest_target_to_policy(apps, schema_editor):
    """Back to one target per team: the one of its latest year that has one."""
    TeamPolicy = apps.get_model("cases", "TeamPolicy")
    TeamYearTarget = apps.get_model("cases", "TeamYearTarget")
    for row in TeamYearTarget.objects.order_by("team_id", "year"):
        TeamPolicy.objects.update_or_create(
            team_id=row.team_id, defaults={"yearly_closing_target": row.target}
        )


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0020_signal_reporter_and_contact_partner_from_directory'),
        ('outreach', '0010_role_change_kinds_aandachtsfunctionaris_and_manager'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TeamYearTarget',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('target', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1, message='Give a number of cases from 1 to 100000, or leave it empty.'), django.core.validators.MaxValueValidator(100000, message='Give a number of cases from 1 to 100000, or leave it empty.')], verbose_name='cases to close in the year (target)')),
                ('set_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('set_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='year_targets', to='outreach.team')),
            ],
            options={
                'verbose_name': 'yearly target',
                'verbose_name_plural': 'yearly targets',
                'constraints': [models.UniqueConstraint(fields=('team', 'year'), name='team_year_target_unique')],
            },
        ),
        migrations.RunPython(policy_target_to_this_year, latest_target_to_policy),
        migrations.RemoveField(
            model_name='teampolicy',
            name='yearly_closing_target',
        ),
    ]
