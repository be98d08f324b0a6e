import secrets

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


class TimelineConfig(AppConfig):
    name = "timeline"
    verbose_name = "Diplomatic timeline"

    def ready(self):
        post_migrate.connect(restore_data_version, sender=self)


def restore_data_version(sender, using="default", **kwargs):
    """Put back the data version's row after ``flush`` emptied every table (flush then sends
    post_migrate): without it nothing is kept (timeline.versioning). A random token: the
    counts kept for the data before the flush are never read again."""
    from .models import DataVersion

    table = DataVersion._meta.db_table
    if table in connections[using].introspection.table_names():  # not migrated back before it
        DataVersion.objects.using(using).get_or_create(
            pk=1, defaults={"token": secrets.randbits(62)}
        )
