"""Defects found in the review of the plans area, each pinned so it cannot come back."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tdkt.plans import services
from tdkt.plans.forms import ItemFilterForm, ItemForm, OutputForm
from tdkt.plans.models import ItemStatus, LegalDocument

pytestmark = pytest.mark.django_db


def test_quarter_labels_follow_the_interface_language():
    """The labels used to be translated once at import: the English UI showed "Quý 1"."""
    with translation.override("en"):
        assert [str(label) for _v, label in ItemFilterForm().fields["quarter"].choices][1:] == [
            "Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4"]
        assert str(dict(ItemForm().fields["quarter"].choices)["4"]) == "Quarter 4"
    with translation.override("vi"):
        assert str(dict(ItemFilterForm().fields["quarter"].choices)["2"]) == "Quý 2"


def test_the_status_form_shows_the_recorded_completion_date(client, items, people):
    """Saving the status form again used to reset a done item's date to today (the field was empty)."""
    officer = people["officer"]
    completed = timezone.localdate() - timedelta(days=40)
    services.set_item_status(items[0], actor=officer, status=ItemStatus.DONE, completed_on=completed)
    client.force_login(officer)
    page = client.get(reverse("plans:item_detail", args=[items[0].pk]))
    form = page.context["status_form"]
    assert form.initial["completed_on"] == completed
    assert f'value="{completed:%d/%m/%Y}"' in page.content.decode()
    # Saving what the form shows keeps the date.
    client.post(reverse("plans:item_status", args=[items[0].pk]),
                {"status": ItemStatus.DONE, "completed_on": f"{completed:%d/%m/%Y}"})
    items[0].refresh_from_db()
    assert items[0].completed_on == completed


def test_sent_reminders_name_the_recipient_not_an_awardee(client, items, people):
    from tdkt.accounts.models import User
    from tdkt.plans.reminders import send_plan_reminders

    for user in User.objects.all():
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    assert send_plan_reminders(date(2026, 3, 28), 7) > 0  # item 1 (quarter 1) is due on 31/03
    client.force_login(people["officer"])
    client.cookies["django_language"] = "en"
    html = client.get(reverse("plans:reminders")).content.decode()
    assert ">Sent to<" in html and ">Recipient<" not in html


def _inspection(people, units, subject, inspected):
    return services.create_inspection(actor=people["officer"], year=2026, subject=subject,
                                      organiser=units["province"], units=inspected, starts_on=date(2026, 3, 1),
                                      ends_on=date(2026, 3, 5))


def test_a_unit_links_outputs_only_to_inspections_it_can_open(people, units):
    ours = _inspection(people, units, "Kiểm tra ngành giáo dục", [units["education"]])
    theirs = _inspection(people, units, "Kiểm tra ngành y tế", [units["health"]])
    assert list(OutputForm(user=people["clerk"]).fields["inspection"].queryset) == [ours]
    assert set(OutputForm(user=people["officer"]).fields["inspection"].queryset) == {ours, theirs}
    form = OutputForm({"kind": "inspection", "inspection": theirs.pk}, user=people["clerk"])
    assert not form.is_valid() and "inspection" in form.errors


# --- list pages: the number of queries does not grow with the rows ----------------------------------

def _grow(people, units, plan, n):
    officer = people["officer"]
    for i in range(n):
        item = services.add_item(plan, actor=officer, quarter=(i % 4) + 1, content=f"Nhiệm vụ {i}",
                                 lead_unit=units["education"], coordinating_units=[units["school"], units["health"]])
        services.add_progress_note(item, actor=officer, text="Đang làm")
        inspection = _inspection(people, units, f"Kiểm tra {i}", [units["education"], units["health"]])
        finding = services.record_finding(inspection, actor=officer, unit=units["education"], text="Thiếu hồ sơ")
        services.add_follow_up_action(finding, actor=officer, description="Bổ sung", owner=units["education"],
                                      due_on=timezone.localdate() + timedelta(days=2))
        course = services.create_course(actor=officer, title=f"Lớp {i}", organiser=units["province"],
                                        starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 2), place="Lạng Sơn")
        services.add_participation(course, actor=officer, unit=units["school"], headcount=3)
        previous = LegalDocument.objects.order_by("-pk").first()
        services.save_legal_document(LegalDocument(number=f"{i}/2026/QĐ-UBND", issued_on=date(2026, 1, 1),
                                                   issuer="UBND tỉnh", kind=LegalDocument.Kind.choices[0][0],
                                                   summary=f"Quy định {i}", replaced_by=previous), actor=officer)


@pytest.mark.parametrize("persona", ["officer", "clerk"])
def test_list_pages_do_not_query_per_row(client, plan, items, people, units, persona):
    client.force_login(people[persona])
    pages = [reverse("plans:plan_detail", args=[plan.pk]), reverse("plans:inspections"), reverse("plans:courses"),
             reverse("plans:legal"), reverse("plans:unit_plans"), reverse("plans:reminders"), reverse("plans:list")]

    def counts():
        result = {}
        for url in pages:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result[url] = len(queries)
        return result

    _grow(people, units, plan, 2)
    few = counts()
    _grow(people, units, plan, 12)
    many = counts()
    assert many == few


def test_unit_board_and_reminders_are_paginated_but_count_everything(client, people, units):
    from tdkt.organizations.models import Unit

    expected_before = Unit.objects.filter(kind="department").count()
    for i in range(120):
        Unit.objects.create(code=f"so-{i}", name=f"Sở thử {i:03d}", kind="department", level="province",
                            parent=units["province"])
    client.force_login(people["officer"])
    year = timezone.localdate().year
    board = client.get(reverse("plans:unit_plans"), {"year": year})
    total = board.context["counts"]["expected"]
    assert total >= 120 + expected_before
    assert len(board.context["rows"]) == 100 and board.context["page_obj"].paginator.count == total
    second = client.get(reverse("plans:unit_plans"), {"year": year, "page": 2})
    assert len(second.context["rows"]) == total - 100
    first_units = {r.unit.pk for r in board.context["rows"]}
    second_units = {r.unit.pk for r in second.context["rows"]}
    assert not first_units & second_units and len(first_units | second_units) == total

    reminders = client.get(reverse("plans:reminders"), {"days": 365, "kind": "unit_plan"})
    if services.deadline_for(year) <= timezone.localdate() + timedelta(days=365):
        assert reminders.context["row_count"] >= 120
        assert len(reminders.context["rows"]) == 50
        assert reminders.context["due_page"].paginator.num_pages == -(-reminders.context["row_count"] // 50)


def test_an_output_decision_number_reused_each_year_is_resolved_or_asked(people, units):
    """"12/QĐ-UBND" exists every year: linking the 2018 item used to pick the newest one silently."""
    from tdkt.decisions.services import record_decision

    def decision(day):
        return record_decision(number="12/QĐ-UBND", issued_on=day, authority="chu_tich_ubnd_tinh",
                               issuer=units["province"], signer_name="Hồ Tiến Thiệu", signer_title="Chủ tịch")

    old, new = decision(date(2018, 3, 1)), decision(date(2025, 3, 1))

    def clean(text, year):
        with translation.override("en"):
            form = OutputForm({"kind": "decision", "decision": text}, user=people["officer"], year=year)
            return form.cleaned_data["decision"] if form.is_valid() else form.errors["decision"][0]

    assert clean("12/QĐ-UBND", 2018) == old
    assert clean("  12/QĐ-UBND   ngày 01/03/2025 ", 2018) == new
    asked = clean("12/QĐ-UBND", 2026)
    assert "01/03/2018" in asked and "01/03/2025" in asked and "12/QĐ-UBND" in asked
    assert "dd/mm/yyyy" in clean("12/QĐ-UBND 31/02/2025", 2026)
    assert "12/QĐ-UBND 02/03/2025" in clean("12/QĐ-UBND 02/03/2025", 2026)  # no such decision: says so


def test_course_participants_names_stay_within_the_viewers_scope(client, people, units):
    from tdkt.organizations.models import Person

    officer = people["officer"]
    course = services.create_course(actor=officer, title="Lớp bồi dưỡng nghiệp vụ", organiser=units["province"],
                                    starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 2), place="Lạng Sơn")
    nurse = Person.objects.create(full_name="Đinh Thị Y Tá", unit=units["health"])
    teacher = Person.objects.create(full_name="Vi Văn Giáo", unit=units["school"])
    services.add_participation(course, actor=officer, unit=units["health"], person=nurse)
    services.add_participation(course, actor=officer, unit=units["school"], person=teacher)
    client.force_login(people["clerk"])  # education: the school is under it, health is not
    html = client.get(reverse("plans:course_detail", args=[course.pk])).content.decode()
    assert "Vi Văn Giáo" in html and "Đinh Thị Y Tá" not in html
    assert units["health"].name in html  # the unit and its headcount stay visible
    export = client.get(reverse("plans:course_detail", args=[course.pk]), {"export": "xlsx"})
    import io

    import python_calamine

    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(b"".join(export.streaming_content)))
    cells = {str(value) for row in book.get_sheet_by_index(0).to_python() for value in row}
    assert "Vi Văn Giáo" in cells and "Đinh Thị Y Tá" not in cells and units["health"].name in cells
    client.force_login(officer)
    html = client.get(reverse("plans:course_detail", args=[course.pk])).content.decode()
    assert "Vi Văn Giáo" in html and "Đinh Thị Y Tá" in html


@pytest.mark.parametrize("query", [{"year": "99999"}, {"year": "-5"}, {"year": "abc"}])
def test_the_deadline_form_survives_a_bad_year_in_the_address(client, people, query):
    client.force_login(people["officer"])
    response = client.get(reverse("plans:unit_plan_deadline"), query)  # date(99999, 2, 10) was a 500
    assert response.status_code == 200
    assert response.context["form"].initial["year"] == timezone.localdate().year


def test_the_inspection_list_ignores_an_absurd_year(client, people, units):
    _inspection(people, units, "Kiểm tra 2026", [units["education"]])
    client.force_login(people["officer"])
    response = client.get(reverse("plans:inspections"), {"year": "9" * 25})
    assert response.status_code == 200 and len(response.context["page_obj"].object_list) == 1
