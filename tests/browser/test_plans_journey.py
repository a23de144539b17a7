"""Plans through the real pages in Chromium: the Board creates a plan and an item led by a unit →
the unit's clerk finds it under “Nhắc việc” and in the work list, adds a progress note, marks it
done → another unit cannot open the item."""

import re
from datetime import date

import pytest

from tdkt.plans.models import Plan, PlanItem
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, selector):
    page.locator(selector).click()
    page.wait_for_load_state()


def test_board_plans_unit_reports_progress(open_page, people, units):
    year = date.today().year
    officer = open_page("officer")
    officer.goto("/ke-hoach/tao-moi/")
    officer.fill("#id_year", str(year))
    officer.select_option("#id_issuer", str(units["province"].pk))
    officer.fill("#id_title", f"Kế hoạch công tác thi đua, khen thưởng năm {year}")
    submit(officer, "form.form-card button[type=submit]")
    officer.wait_for_url(re.compile(r"/ke-hoach/\d+/$"))
    plan = Plan.objects.get(year=year)

    # An item without quarter or date is refused with a message, nothing saved.
    officer.goto(f"/ke-hoach/{plan.pk}/them-muc/")
    officer.fill("#id_content", "Ký giao ước thi đua")
    officer.select_option("#id_lead_unit", str(units["education"].pk))
    submit(officer, "form.form-card button[type=submit]")
    assert officer.locator(".errors").count() == 1 and not PlanItem.objects.exists()
    officer.fill("#id_due_on", date.today().strftime("%d/%m/%Y"))
    submit(officer, "form.form-card button[type=submit]")
    officer.wait_for_url(re.compile(r"/ke-hoach/muc/\d+/$"))
    item = PlanItem.objects.get()
    screenshot(officer, "plans-item-officer")

    clerk = open_page("clerk")
    clerk.goto("/ho-so/viec-can-xu-ly/")
    clerk.locator("a[href='/ke-hoach/nhac-viec/'] strong").wait_for()  # count loaded by htmx
    clerk.goto("/ke-hoach/nhac-viec/")
    clerk.locator(f"a[href='/ke-hoach/muc/{item.pk}/']").click()
    clerk.wait_for_load_state()
    clerk.fill("#id_text", "Đã ký giao ước với 12 trường trực thuộc.")
    submit(clerk, "form[action$='/tien-do/'] button[type=submit]")
    assert item.notes.get().author == people["clerk"]
    clerk.select_option("#id_status", "done")
    submit(clerk, "form[action$='/trang-thai/'] button[type=submit]")
    item.refresh_from_db()
    assert item.status == "done" and item.completed_on == date.today()
    screenshot(clerk, "plans-item-clerk")

    outsider = open_page("outsider")
    response = outsider.goto(f"/ke-hoach/muc/{item.pk}/")
    assert response.status == 404
