from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from tdkt.accounts.models import User
from tdkt.core.models import TaskRecord
from tdkt.conftest import pdf
from tdkt.plans import services
from tdkt.plans.models import SentReminder
from tdkt.plans.reminders import send_plan_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailboxes(people):
    for user in User.objects.all():
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])


def test_reminders_go_to_the_lead_unit_once_a_day(items, people, mailboxes, units):
    today = date(2026, 3, 28)  # item 1 (education, Q1) due 31/03: in the 7-day window; others are not
    for unit in (units["home_affairs"], units["education"], units["school"], units["health"]):
        services.submit_unit_plan(actor=people["officer"], unit=unit, year=2026, document_number="1/KH",
                                  issued_on=date(2026, 1, 5), uploaded=pdf(), submitted_on=date(2026, 1, 6))
    sent = send_plan_reminders(today, 7)
    education_users = set(User.objects.filter(unit=units["education"]).values_list("email", flat=True))
    assert {m.to[0] for m in mail.outbox} == education_users
    assert sent == len(education_users) and len(mail.outbox) == len(education_users)
    assert all("Ký giao ước thi đua" in m.body for m in mail.outbox)
    # Idempotent per day: a second run sends nothing and records nothing.
    assert send_plan_reminders(today, 7) == 0
    assert len(mail.outbox) == len(education_users)
    # Next day: sent again (still due), recorded under that day's key.
    assert send_plan_reminders(date(2026, 3, 29), 7) == len(education_users)
    assert SentReminder.objects.filter(sent_on=date(2026, 3, 29), is_late=False).count() == len(education_users)


def test_late_items_and_missing_unit_plans_are_reminded(items, people, mailboxes, units):
    today = date(2026, 4, 2)  # item 1 late; unit plans due 10/02 are missing everywhere
    send_plan_reminders(today, 0)
    reminders = SentReminder.objects.filter(sent_on=today)
    item_recipients = {r.recipient.username for r in reminders.filter(kind="item")}
    assert item_recipients == set(User.objects.filter(unit=units["education"]).values_list("username", flat=True))
    assert all(r.is_late for r in reminders.filter(kind="item"))
    missing_units = {r.unit for r in reminders.filter(kind="unit_plan")}
    assert missing_units == {units["home_affairs"], units["education"], units["school"], units["health"]}
    # The school has no users: its missing plan goes to the Board.
    school = {r.recipient.role for r in reminders.filter(kind="unit_plan", unit=units["school"])}
    assert school == {"board_officer", "board_head"}


def test_command_runs_the_task_once_per_day(items, people, mailboxes, units, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_plan_reminders", "--date", "2026-04-02", "--days", "7")
    first = len(mail.outbox)
    assert first > 0
    assert TaskRecord.objects.get(key="plans.send_reminders:2026-04-02").status == "done"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_plan_reminders", "--date", "2026-04-02", "--days", "7")
    assert len(mail.outbox) == first
