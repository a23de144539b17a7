"""Daily: queue (or, with the inline backend, run) the plan reminders for a day.

Schedule it once a day (cron / systemd timer). The task key is the day, so running the
command twice the same day queues one run; the reminders themselves are also keyed per day.
"""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from tdkt.core.tasks import enqueue
from tdkt.plans.models import SentReminder
from tdkt.plans.queries import reminder_days
from tdkt.plans.tasks import REMINDER_TASK


class Command(BaseCommand):
    help = "Send reminders of plan items, unit plans and follow-up actions due soon or late."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="day to run for (YYYY-MM-DD); default today")
        parser.add_argument("--days", type=int, default=None, help="remind this many days ahead (default 7)")

    def handle(self, *args, **options):
        day = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        days = options["days"] if options["days"] is not None else reminder_days()
        enqueue(REMINDER_TASK, key=f"{REMINDER_TASK}:{day.isoformat()}", on=day.isoformat(), days=days)
        count = SentReminder.objects.filter(sent_on=day).count()
        self.stdout.write(f"{day:%d/%m/%Y}: {count} reminders recorded for the day.")
