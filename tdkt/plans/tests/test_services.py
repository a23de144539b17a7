from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tdkt.accounts.models import Role, User
from tdkt.conftest import pdf
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.plans import queries, services
from tdkt.plans.models import LATE, ItemStatus, LegalDocument, PlanItem, quarter_end

pytestmark = pytest.mark.django_db


def test_outsider_cannot_create_or_change_the_province_plan(plan, people, units):
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=people["outsider"], year=2026, issuer=units["province"], title="x")
    with pytest.raises(PermissionDenied):
        services.add_item(plan, actor=people["clerk"], quarter=1, content="x", lead_unit=units["education"])
    assert plan.items.count() == 0


def test_item_needs_a_quarter_or_date_consistent_with_the_plan_year(plan, people, units):
    officer = people["officer"]
    with pytest.raises(DomainError) as error:
        services.add_item(plan, actor=officer, content="x", lead_unit=units["education"])
    assert error.value.field == "quarter"
    with pytest.raises(DomainError) as error:
        services.add_item(plan, actor=officer, quarter=1, due_on=date(2026, 5, 1), content="x",
                          lead_unit=units["education"])
    assert error.value.field == "due_on"
    item = services.add_item(plan, actor=officer, quarter=2, due_on=date(2026, 5, 1), content="x",
                             lead_unit=units["education"], coordinating_units=[units["education"], units["health"]])
    # The lead unit is not also listed as coordinating.
    assert list(item.coordinating_units.all()) == [units["health"]]
    assert item.number == 1


def test_late_is_derived_from_the_due_date_and_never_stored(items):
    first = items[0]
    assert first.effective_due_on == date(2026, 3, 31)
    assert not first.is_late_on(date(2026, 3, 31))
    assert first.is_late_on(date(2026, 4, 1))
    assert first.display_status_on(date(2026, 4, 1)) == LATE
    assert PlanItem.objects.get(pk=first.pk).status == ItemStatus.NOT_STARTED
    assert set(ItemStatus.values) == {"not_started", "in_progress", "done"}


def test_done_item_is_not_late_and_reopening_clears_the_date(items, people):
    item = items[0]
    services.set_item_status(item, actor=people["clerk"], status="done", completed_on=date(2026, 4, 20))
    item.refresh_from_db()
    assert item.completed_on == date(2026, 4, 20)
    assert not item.is_late_on(date(2026, 12, 1))
    services.set_item_status(item, actor=people["clerk"], status="in_progress")
    item.refresh_from_db()
    assert item.completed_on is None and item.is_late_on(date(2026, 12, 1))


def test_lead_unit_can_note_its_items_only(items, people):
    clerk = people["clerk"]  # education
    note = services.add_progress_note(items[0], actor=clerk, text="Đã ký giao ước", written_on=date(2026, 2, 1))
    assert note.author == clerk and note.unit == clerk.unit
    items[0].refresh_from_db()
    assert items[0].status == ItemStatus.IN_PROGRESS  # a note from the lead starts the work
    with pytest.raises(PermissionDenied):
        services.add_progress_note(items[1], actor=clerk, text="Không phải việc của tôi")
    assert items[1].notes.count() == 0


def test_coordinating_unit_may_note_but_not_change_status(items, people):
    clerk = people["clerk"]
    services.add_progress_note(items[2], actor=clerk, text="Sở GD&ĐT đã gửi số liệu", written_on=date(2026, 2, 1))
    items[2].refresh_from_db()
    assert items[2].status == ItemStatus.NOT_STARTED  # only the lead moves the status
    with pytest.raises(PermissionDenied):
        services.set_item_status(items[2], actor=clerk, status="done")


def test_notes_cannot_be_dated_in_the_future(items, people):
    with pytest.raises(DomainError) as error:
        services.add_progress_note(items[0], actor=people["clerk"], text="x",
                                   written_on=timezone.localdate() + timedelta(days=1))
    assert error.value.field == "written_on"


def test_filter_items_by_quarter_lead_and_late(items, units):
    today = date(2026, 5, 1)
    qs = PlanItem.objects.filter(plan=items[0].plan)
    assert [i.number for i in queries.filter_items(qs, status=LATE, today=today)] == [1]
    assert [i.number for i in queries.filter_items(qs, quarter=2, today=today)] == [2]
    assert [i.number for i in queries.filter_items(qs, lead_unit=units["province"], today=today)] == [3]
    groups = queries.group_by_quarter(queries.filter_items(qs, today=today))
    assert list(groups) == [1, 2, 4]


def test_output_links_a_report_file_after_the_upload_check(items, people):
    with pytest.raises(DomainError) as error:
        services.add_output(items[0], actor=people["clerk"], kind="report",
                            uploaded=SimpleUploadedFile("bao-cao.pdf", b"not a pdf"))
    assert error.value.code == "content_mismatch"
    output = services.add_output(items[0], actor=people["clerk"], kind="report", uploaded=pdf("bao-cao.pdf"))
    assert output.file and output.label == "bao-cao.pdf"
    with pytest.raises(PermissionDenied):
        services.add_output(items[1], actor=people["clerk"], kind="report", uploaded=pdf())


def test_unit_plan_submission_replaces_and_checks_scope(people, units):
    clerk = people["clerk"]
    first = services.submit_unit_plan(actor=clerk, unit=units["education"], year=2026, document_number="05/KH-SGDĐT",
                                      issued_on=date(2026, 1, 20), uploaded=pdf(), submitted_on=date(2026, 1, 25))
    again = services.submit_unit_plan(actor=clerk, unit=units["education"], year=2026, document_number="06/KH-SGDĐT",
                                      issued_on=date(2026, 1, 20), uploaded=pdf(), submitted_on=date(2026, 1, 26))
    assert first.pk == again.pk and again.document_number == "06/KH-SGDĐT"
    with pytest.raises(PermissionDenied):
        services.submit_unit_plan(actor=clerk, unit=units["health"], year=2026, document_number="1/KH",
                                  issued_on=date(2026, 1, 20), uploaded=pdf())
    with pytest.raises(DomainError) as error:
        services.submit_unit_plan(actor=clerk, unit=units["school"], year=2026, document_number="1/KH",
                                  issued_on=date(2026, 1, 20), uploaded=SimpleUploadedFile("x.exe", b"MZ"))
    assert error.value.field == "file"


def test_deadline_defaults_to_10_february_and_is_editable(people):
    assert services.deadline_for(2027) == date(2027, 2, 10)
    services.set_unit_plan_deadline(actor=people["officer"], year=2027, due_on=date(2027, 2, 20))
    assert services.deadline_for(2027) == date(2027, 2, 20)
    with pytest.raises(PermissionDenied):
        services.set_unit_plan_deadline(actor=people["clerk"], year=2027, due_on=date(2027, 2, 25))


def test_board_counts_match_an_independent_count(people, units):
    officer, deadline, today = people["officer"], date(2026, 2, 10), date(2026, 3, 1)
    # Expected: departments and the school (the province office is not asked for a plan).
    expected = [units["home_affairs"], units["education"], units["school"], units["health"]]
    on_time = {units["education"]: date(2026, 2, 9), units["school"]: date(2026, 2, 10)}
    late = {units["health"]: date(2026, 2, 11)}
    for unit, day in {**on_time, **late}.items():
        services.submit_unit_plan(actor=officer, unit=unit, year=2026, document_number="1/KH", issued_on=day,
                                  uploaded=pdf(), submitted_on=day)
    rows, counts = queries.board(2026, deadline, today)
    assert {r.unit for r in rows} == set(expected)
    assert counts == {"expected": 4, "submitted": 3, "on_time": 2, "late": 1,
                      "missing": len(expected) - len(on_time) - len(late), "pending": 0}
    assert {r.unit for r in rows if r.state == "missing"} == {units["home_affairs"]}
    # Before the deadline nobody is "missing" yet.
    _rows, before = queries.board(2026, deadline, date(2026, 2, 1))
    assert before["missing"] == 0 and before["pending"] == 1
    # Filter by level keeps only grassroots units.
    rows, counts = queries.board(2026, deadline, today, level="grassroots")
    assert [r.unit for r in rows] == [units["school"]] and counts["on_time"] == 1


def test_inspection_findings_and_closing_actions(people, units):
    officer = people["officer"]
    inspection = services.create_inspection(actor=officer, year=2026, subject="Kiểm tra công tác TĐKT",
                                            organiser=units["home_affairs"], units=[units["education"]],
                                            starts_on=date(2026, 9, 1), ends_on=date(2026, 9, 5))
    with pytest.raises(DomainError):
        services.record_finding(inspection, actor=officer, unit=units["health"], text="x")
    finding = services.record_finding(inspection, actor=officer, unit=units["education"], text="Thiếu biên bản")
    action = services.add_follow_up_action(finding, actor=officer, description="Bổ sung biên bản",
                                           owner=units["education"], due_on=date(2026, 10, 1))
    assert action.is_late_on(date(2026, 10, 2))
    with pytest.raises(PermissionDenied):
        services.close_action(action, actor=people["outsider"], closed_on=date(2026, 9, 20), note="x")
    with pytest.raises(DomainError) as error:
        services.close_action(action, actor=people["clerk"], closed_on=date(2026, 9, 20), note="  ")
    assert error.value.field == "note"
    services.close_action(action, actor=people["clerk"], closed_on=date(2026, 9, 20), note="Đã bổ sung")
    action.refresh_from_db()
    assert action.closed_on == date(2026, 9, 20) and not action.is_late_on(date(2026, 12, 1))


def test_course_participants_count_people_and_headcounts(people, units, nominee):
    officer = people["officer"]
    course = services.create_course(actor=officer, title="Bồi dưỡng nghiệp vụ TĐKT", organiser=units["home_affairs"],
                                    starts_on=date(2026, 5, 12), ends_on=date(2026, 5, 13), place="Hội trường")
    services.add_participation(course, actor=officer, unit=units["education"], headcount=3)
    services.add_participation(course, actor=officer, unit=units["school"], person=nominee, headcount=9)
    assert course.participant_total == 4  # a named person counts once
    with pytest.raises(DomainError):
        services.create_course(actor=officer, title="x", organiser=units["home_affairs"],
                               starts_on=date(2026, 5, 12), ends_on=date(2026, 5, 11), place="x")


def test_legal_register_search_folds_diacritics_and_links_replacement(people):
    officer = people["officer"]
    new = services.save_legal_document(LegalDocument(
        number="98/2023/NĐ-CP", issued_on=date(2023, 12, 31), issuer="Chính phủ", kind="decree",
        summary="Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", valid_from=date(2024, 1, 1)),
        actor=officer)
    old = services.save_legal_document(LegalDocument(
        number="91/2017/NĐ-CP", issued_on=date(2017, 7, 31), issuer="Chính phủ", kind="decree",
        summary="Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        valid_from=date(2017, 10, 1), valid_to=date(2023, 12, 31), replaced_by=new), actor=officer)
    from tdkt.plans.views.oversight import search_legal_documents

    assert set(search_legal_documents("thi dua khen thuong")) == {new, old}
    assert list(search_legal_documents("91/2017")) == [old]
    assert list(search_legal_documents("nd-cp 98")) == [new]
    assert list(search_legal_documents("Nghị định 98")) == [new]
    assert list(search_legal_documents("", in_force_on=date(2025, 1, 1))) == [new]
    assert list(new.replaces.all()) == [old]


def test_reminder_recipients_fall_back_to_the_board(units, people):
    from tdkt.plans.reminders import recipients_for

    User.objects.filter(username="officer").update(email="officer@example.org")
    assert [u.username for u in recipients_for(units["school"], {})] == ["officer"]


def test_quarter_end():
    assert quarter_end(2026, 1) == date(2026, 3, 31) and quarter_end(2024, 4) == date(2024, 12, 31)
    assert Role.UNIT_CLERK  # personas exist in the shared conftest
