import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_USERS = [("reviewer", "Reviewer"), ("editor", "Editor")]


class Command(BaseCommand):
    help = (
        "Create a local demo reviewer and editor with random passwords, printed once. "
        "Local development only: refuses to run with DEBUG off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_demo_users is for local development: set DEBUG=1.")
        User = get_user_model()
        for username, group_name in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"Demo user {username!r} exists already (password unchanged).")
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username, password=password, is_staff=True, email=f"{username}@localhost"
            )
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(
                self.style.WARNING(
                    f"LOCAL DEMO ONLY: {group_name} login  {username} / {password}  "
                    "(shown once; not for production)"
                )
            )
