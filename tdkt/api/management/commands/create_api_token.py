"""Create an API token for a user and print it once: ``manage.py create_api_token USERNAME NAME``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tdkt.api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for USERNAME, named NAME, and print it (it is stored only as a hash)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'CSDL TĐKT quốc gia'")

    def handle(self, *args, username, name, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive; an inactive user's tokens are refused.")
        name = name.strip()
        if not name:
            raise CommandError("Give the token a name (what it is for).")
        token, raw = ApiToken.issue(user, name[:100])
        self.stderr.write(f"Token {token.prefix}… for {user.username} ({token.name}). "
                          "Store it now: it cannot be shown again.")
        self.stdout.write(raw)
