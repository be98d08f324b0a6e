"""``manage.py setup_roles``: create or refresh the "editor" group. Idempotent.

A command rather than a data migration because permissions only exist after
``migrate`` has run its post-migrate hook; the Makefile's ``db`` target calls
this right after ``migrate``, and running it again changes nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITOR_GROUP = "editor"

# model -> actions editors may take. No "delete" on events, evidence or
# actors: extraction would bring them back; editors hide, reject or merge.
EDITOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "event": ("view", "add", "change"),
    "evidence": ("view", "add", "change"),
    "actor": ("view", "add", "change"),
    "actoralias": ("view", "add", "change", "delete"),
    "article": ("view", "add", "change", "delete"),
    "country": ("view", "add", "change"),
    "sentence": ("view",),
    "mention": ("view",),
    "job": ("view",),  # background jobs: their progress and failures
    # History pages, in case SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS is on.
    "historicalevent": ("view",),
    "historicalevidence": ("view",),
    "historicalactor": ("view",),
    "historicalarticle": ("view",),
}


def editor_permissions() -> list[Permission]:
    wanted = {
        f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions
    }
    found = list(Permission.objects.filter(content_type__app_label="timeline", codename__in=wanted))
    missing = wanted - {p.codename for p in found}
    if missing:
        raise CommandError(f"permissions missing (run migrate first): {sorted(missing)}")
    return found


def setup_roles() -> Group:
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        group.permissions.set(editor_permissions())
    return group


class Command(BaseCommand):
    help = (
        "Create or refresh the 'editor' group: may curate events, actors, articles, evidence, "
        "aliases and countries, but not users or groups. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--add",
            metavar="USERNAME",
            action="append",
            default=[],
            help="also make this existing user a staff member of the group (repeatable)",
        )

    def handle(self, *args, add=(), **options):
        group = setup_roles()
        self.stdout.write(f"Group '{group.name}': {group.permissions.count()} permissions.")
        users = get_user_model()
        for username in add:
            try:
                user = users.objects.get_by_natural_key(username)
            except users.DoesNotExist as exc:
                raise CommandError(
                    f"no user {username!r} (create it with createsuperuser or in the admin)"
                ) from exc
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
            self.stdout.write(f"{username} is now an editor.")
