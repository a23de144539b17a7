"""The daily reminder run: mail each owner what is due soon or late, once a day.

Owners are the active users of the unit that owns the work (the item's lead unit, the
unit that has not sent its plan, the unit responsible for a follow-up action). A unit
without users with an e-mail address falls back to the TĐKT Board, so nothing is left
unowned. Every reminder is recorded (SentReminder) under a key of day + recipient +
object: a second run the same day finds the keys taken and sends nothing.
"""

from collections import defaultdict
from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role, User
from tdkt.plans.models import SentReminder
from tdkt.plans.queries import Due, all_due

BOARD_ROLES = (Role.BOARD_OFFICER, Role.BOARD_HEAD)


def recipients_for(unit, cache: dict) -> list[User]:
    if unit.pk not in cache:
        users = list(User.objects.filter(unit=unit, is_active=True).exclude(email=""))
        if not users:
            users = list(User.objects.filter(role__in=BOARD_ROLES, is_active=True).exclude(email=""))
        cache[unit.pk] = users
    return cache[unit.pk]


def _key(today: date, user: User, due: Due) -> str:
    return f"{today.isoformat()}:{user.pk}:{due.kind}:{due.obj.pk}"


def _record(today: date, user: User, due: Due) -> SentReminder | None:
    fields = dict(key=_key(today, user, due), sent_on=today, recipient=user, kind=due.kind, due_on=due.due_on,
                  is_late=due.is_late, subject=due.title[:300], unit=due.unit)
    if due.kind == "item":
        fields["item"] = due.obj
    elif due.kind == "action":
        fields["action"] = due.obj
    try:
        with transaction.atomic():
            return SentReminder.objects.create(**fields)
    except IntegrityError:
        return None  # already reminded today


def send_plan_reminders(today: date, days: int, *, connection=None) -> int:
    """Send today's reminders; returns the number of new reminders recorded.

    ``connection``: a mail connection to use instead of the configured one (the demo passes a
    local-memory one so that building the demo prints no mail)."""
    cache: dict = {}
    new: dict[int, list[SentReminder]] = defaultdict(list)
    users: dict[int, User] = {}
    for due in all_due(today, days):
        for user in recipients_for(due.unit, cache):
            reminder = _record(today, user, due)
            if reminder:
                new[user.pk].append(reminder)
                users[user.pk] = user
    for user_pk, reminders in new.items():
        user = users[user_pk]
        late = sum(1 for r in reminders if r.is_late)
        subject = _("[TĐKT] %(n)s tasks due soon or late (%(late)s late)") % {"n": len(reminders), "late": late}
        body = render_to_string("plans/mail/reminders.txt", {"user": user, "reminders": reminders, "today": today})
        send_mail(subject, body, None, [user.email], connection=connection)
    return sum(len(r) for r in new.values())
