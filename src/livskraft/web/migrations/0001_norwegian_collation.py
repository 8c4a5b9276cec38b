"""The Norwegian collation in PostgreSQL (ICU nb-NO); SQLite gets it per connection
(web/collation.py)."""

from django.db import migrations

from livskraft.web.collation import COLLATION


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE COLLATION IF NOT EXISTS "{COLLATION}" (provider = icu, locale = \'nb-NO\')')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP COLLATION IF EXISTS "{COLLATION}"')


class Migration(migrations.Migration):
    dependencies: list = []
    operations = [migrations.RunPython(create, drop)]
