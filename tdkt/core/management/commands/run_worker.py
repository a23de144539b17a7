import time

from django.core.management.base import BaseCommand

from tdkt.core.tasks import run_pending


class Command(BaseCommand):
    help = "Run queued background tasks (production task backend)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args, once=False, interval=2.0, **options):
        while True:
            count = run_pending()
            if once:
                self.stdout.write(f"{count} task(s) run")
                return
            if not count:
                time.sleep(interval)
