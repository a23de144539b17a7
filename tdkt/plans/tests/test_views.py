from datetime import date

import pytest
from django.urls import reverse

from tdkt.conftest import pdf
from tdkt.core.exporters import XLSX_CONTENT_TYPE
from tdkt.plans import services
from tdkt.plans.models import ProgressNote, UnitPlanSubmission

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_outsider_cannot_open_or_post_the_plan_edit_forms(client, plan, items, people, units):
    c = _client(client, people["outsider"])
    assert c.get(reverse("plans:plan_create")).status_code == 403
    assert c.post(reverse("plans:plan_create"), {"year": 2026, "issuer": units["health"].pk,
                                                 "title": "x"}).status_code == 403
    assert c.post(reverse("plans:item_create", args=[plan.pk]), {"quarter": 1, "content": "x",
                                                                 "lead_unit": units["health"].pk}).status_code == 403
    assert plan.items.count() == 3


def test_unit_sees_only_items_it_leads_or_coordinates(client, plan, items, people):
    c = _client(client, people["clerk"])  # education leads item 1, coordinates item 3
    page = c.get(reverse("plans:plan_detail", args=[plan.pk]))
    assert page.status_code == 200
    shown = {i.pk for group in page.context["groups"].values() for i in group}
    assert shown == {items[0].pk, items[2].pk}
    assert c.get(reverse("plans:item_detail", args=[items[1].pk])).status_code == 404


def test_lead_unit_adds_notes_to_its_items_only(client, items, people):
    c = _client(client, people["clerk"])
    response = c.post(reverse("plans:item_note", args=[items[0].pk]), {"text": "Đã hoàn thành 50%",
                                                                       "written_on": "01/02/2026"})
    assert response.status_code == 302
    note = ProgressNote.objects.get(item=items[0])
    assert note.written_on == date(2026, 2, 1) and note.author == people["clerk"]
    assert c.post(reverse("plans:item_note", args=[items[1].pk]), {"text": "x"}).status_code == 404
    assert c.post(reverse("plans:item_status", args=[items[2].pk]), {"status": "done"}).status_code == 403
    assert ProgressNote.objects.count() == 1


def test_empty_note_is_refused_with_a_message(client, items, people):
    c = _client(client, people["clerk"])
    response = c.post(reverse("plans:item_note", args=[items[0].pk]), {"text": ""})
    assert response.status_code == 400 and not ProgressNote.objects.exists()


def test_officer_edits_items_and_filters_late(client, plan, items, people, units):
    c = _client(client, people["officer"])
    response = c.post(reverse("plans:item_edit", args=[items[1].pk]), {
        "number": 2, "quarter": 2, "due_on": "15/05/2026", "content": "Bồi dưỡng nghiệp vụ TĐKT",
        "lead_unit": units["health"].pk, "coordinating_units": [units["education"].pk]})
    assert response.status_code == 302
    items[1].refresh_from_db()
    assert items[1].due_on == date(2026, 5, 15) and list(items[1].coordinating_units.all()) == [units["education"]]
    page = c.get(reverse("plans:plan_detail", args=[plan.pk]), {"status": "late"})
    late = [i.number for group in page.context["groups"].values() for i in group]
    assert late == [i.number for i in items if i.is_late_on(page.context["today"])]


def test_lists_export_to_xlsx(client, plan, items, people):
    c = _client(client, people["officer"])
    for url in (reverse("plans:list"), reverse("plans:plan_detail", args=[plan.pk]), reverse("plans:unit_plans"),
                reverse("plans:reminders"), reverse("plans:inspections"), reverse("plans:courses"),
                reverse("plans:legal")):
        response = c.get(url, {"export": "xlsx"})
        assert response.status_code == 200, url
        assert response["Content-Type"] == XLSX_CONTENT_TYPE
        assert b"".join(response.streaming_content)[:2] == b"PK"


def test_unit_submits_its_plan_and_the_board_shows_it(client, people, units):
    c = _client(client, people["clerk"])
    response = c.post(reverse("plans:unit_plan_submit"), {
        "unit": units["education"].pk, "year": 2026, "document_number": "05/KH-SGDĐT", "issued_on": "20/01/2026",
        "file": pdf("ke-hoach.pdf")})
    assert response.status_code == 302
    submission = UnitPlanSubmission.objects.get()
    assert submission.unit == units["education"] and submission.submitted_by == people["clerk"]
    # Another unit's plan cannot be submitted (not among the choices).
    response = c.post(reverse("plans:unit_plan_submit"), {
        "unit": units["health"].pk, "year": 2026, "document_number": "1/KH", "issued_on": "20/01/2026",
        "file": pdf()})
    assert response.status_code == 200 and UnitPlanSubmission.objects.count() == 1
    board = c.get(reverse("plans:unit_plans"), {"year": 2026})
    assert {r.unit for r in board.context["rows"]} == {units["education"], units["school"]}
    assert c.get(reverse("plans:unit_plan_file", args=[submission.pk])).status_code == 200
    outsider = _client(client, people["outsider"])
    assert outsider.get(reverse("plans:unit_plan_file", args=[submission.pk])).status_code == 404


def test_reminders_page_lists_what_the_unit_owns(client, items, people):
    c = _client(client, people["clerk"])
    page = c.get(reverse("plans:reminders"), {"days": 400})
    kinds = {(r.kind, getattr(r.obj, "pk", None)) for r in page.context["rows"]}
    assert ("item", items[0].pk) in kinds and ("item", items[1].pk) not in kinds


def test_action_closing_by_responsible_unit(client, people, units):
    inspection = services.create_inspection(actor=people["officer"], year=2026, subject="Kiểm tra",
                                            organiser=units["home_affairs"], units=[units["education"]],
                                            starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 5))
    finding = services.record_finding(inspection, actor=people["officer"], unit=units["education"], text="Thiếu")
    action = services.add_follow_up_action(finding, actor=people["officer"], description="Bổ sung",
                                           owner=units["education"], due_on=date(2026, 10, 1))
    url = reverse("plans:action_close", args=[inspection.pk, action.pk])
    assert _client(client, people["outsider"]).post(url, {"closed_on": "20/09/2026", "note": "x"}).status_code == 404
    response = _client(client, people["clerk"]).post(url, {"closed_on": "20/09/2026", "note": "Đã bổ sung"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.closed_on == date(2026, 9, 20)



def test_worklist_loads_the_plan_tasks_count(client, items, people):
    c = _client(client, people["clerk"])
    page = c.get(reverse("nominations:worklist"))
    assert page.status_code == 200 and reverse("plans:due_stat").encode() in page.content
    # The clerk's unit leads item 1 (quarter 1, late by now) and coordinates item 3.
    from django.utils import timezone

    from tdkt.plans.queries import due_for_user, reminder_days

    expected = len(due_for_user(people["clerk"], timezone.localdate(), reminder_days()))
    stat = c.get(reverse("plans:due_stat"))
    assert expected >= 1 and f"<strong>{expected}</strong>".encode() in stat.content


def test_plan_page_lists_the_conferences_of_its_year(client, plan, items, people, units):
    from tdkt.emulation.models import Conference

    same = Conference.objects.create(kind="final_review", name="Hội nghị tổng kết công tác TĐKT năm 2025",
                                     organiser=units["province"], held_on=date(2026, 1, 20))
    Conference.objects.create(kind="ceremony", name="Lễ năm trước", organiser=units["province"],
                              held_on=date(2025, 6, 11))
    page = _client(client, people["officer"]).get(reverse("plans:plan_detail", args=[plan.pk]))
    assert list(page.context["conferences"]) == [same]
