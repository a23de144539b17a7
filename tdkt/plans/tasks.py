"""Background tasks of the plans area (registered with tdkt.core.tasks)."""

from datetime import date

from tdkt.core.tasks import task
from tdkt.plans.reminders import send_plan_reminders

REMINDER_TASK = "plans.send_reminders"


@task(REMINDER_TASK)
def send_reminders(on: str, days: int) -> int:
    """The daily run; ``on`` is an ISO date so the task's arguments stay JSON."""
    return send_plan_reminders(date.fromisoformat(on), days)
