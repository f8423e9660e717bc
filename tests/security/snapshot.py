"""How many rows each table holds: a request that was refused must not change it."""

from django.apps import apps
from django.db import connection

# django-axes logs failed logins and sessions hold messages: writing those on a refused request is their job.
UNCOUNTED = {"axes", "sessions", "admin", "contenttypes"}


def counts():
    """Rows per table, in one query (the fuzzing counts before and after every request)."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_label not in UNCOUNTED and not model._meta.proxy and model._meta.managed
        }
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))
