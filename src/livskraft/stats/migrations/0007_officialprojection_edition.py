"""SSB projections keep their edition, so several editions can be stored side by side.
Rows stored before get the edition the import now infers: their earliest year."""

from django.db import migrations, models
from django.db.models import Min


def earliest_year_as_edition(apps, schema_editor):
    model = apps.get_model("stats", "OfficialProjection")
    for vintage, first in model.objects.values_list("vintage").annotate(first=Min("year")):
        model.objects.filter(vintage=vintage).update(edition=first)


class Migration(migrations.Migration):

    dependencies = [
        ("stats", "0006_commutingflow"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="officialprojection",
                                    name="unique_official_projection"),
        migrations.AddField(model_name="officialprojection", name="edition",
                            field=models.PositiveSmallIntegerField(default=0),
                            preserve_default=False),
        migrations.RunPython(earliest_year_as_edition, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="officialprojection",
            constraint=models.UniqueConstraint(
                fields=("edition", "vintage", "year", "code", "alternative"),
                name="unique_official_projection_edition"),
        ),
    ]
