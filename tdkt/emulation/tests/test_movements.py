from datetime import date

import pytest
from django.urls import reverse
from django.utils.translation import override

from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation import services
from tdkt.emulation.models import Movement
from tdkt.nominations.models import DossierKind

pytestmark = pytest.mark.django_db


def test_launch_refuses_and_names_every_missing_field(draft_movement, people):
    with override("en"), pytest.raises(DomainError) as refused:
        services.launch_movement(draft_movement, actor=people["clerk"])
    message = refused.value.message
    for label in ("launching document", "scope", "starts on", "objectives", "targets", "content", "measures",
                  "prize plan", "participants (units or people)", "evaluation criteria"):
        assert label in message
    draft_movement.refresh_from_db()
    assert draft_movement.status == Movement.Status.DRAFT


def test_complete_movement_launches_and_fills_its_duration(complete_movement, people):
    assert complete_movement.duration_years == 2
    movement = services.launch_movement(complete_movement, actor=people["clerk"], launched_on=date(2026, 1, 6))
    assert movement.status == Movement.Status.LAUNCHED and movement.launched_on == date(2026, 1, 6)
    assert movement.events.filter(event_type="movement.launched").exists()
    with pytest.raises(DomainError):
        services.launch_movement(movement, actor=people["clerk"])


def test_outsider_can_neither_launch_nor_see_a_draft(complete_movement, people, client):
    with pytest.raises(PermissionDenied):
        services.launch_movement(complete_movement, actor=people["outsider"])
    client.force_login(people["outsider"])
    url = reverse("emulation:movement", args=[complete_movement.pk])
    assert client.get(url).status_code == 404
    client.force_login(people["officer"])          # the Board sees every draft
    assert client.get(url).status_code == 200
    client.force_login(people["member"])           # a council member only launched ones
    assert client.get(url).status_code == 404
    client.force_login(people["outsider"])
    services.launch_movement(complete_movement, actor=people["clerk"])
    assert client.get(url).status_code == 200   # launched movements are public inside the system
    response = client.post(reverse("emulation:movement_review", args=[complete_movement.pk]),
                           {"stage": "final", "held_on": "2026-12-20", "results": "x", "assessment": "effective",
                            "reason": "y"})
    assert response.status_code == 302
    complete_movement.refresh_from_db()
    assert complete_movement.status == Movement.Status.LAUNCHED


def test_reviews_need_a_reason_and_the_final_one_closes(complete_movement, people):
    movement = services.launch_movement(complete_movement, actor=people["clerk"])
    with pytest.raises(DomainError) as refused:
        services.record_movement_review(movement, actor=people["clerk"], stage="interim", held_on=date(2026, 6, 30),
                                        results="Đã số hoá 60% học bạ", assessment="formalistic", reason=" ")
    assert refused.value.field == "reason"
    services.record_movement_review(movement, actor=people["clerk"], stage="interim", held_on=date(2026, 6, 30),
                                    results="Đã số hoá 60% học bạ", assessment="effective", reason="Đạt tiến độ")
    movement.refresh_from_db()
    assert movement.status == Movement.Status.LAUNCHED
    services.record_movement_review(movement, actor=people["clerk"], stage="final", held_on=date(2027, 12, 20),
                                    results="Hoàn thành", assessment="formalistic",
                                    reason="Nhiều đơn vị chỉ báo cáo, không triển khai thực chất")
    movement.refresh_from_db()
    assert movement.status == Movement.Status.CLOSED
    assert movement.reviews.filter(assessment="formalistic").count() == 1
    with pytest.raises(DomainError):
        services.save_movement(movement, actor=people["clerk"])


def test_thematic_movements_awards_are_thematic(complete_movement):
    # Awards are granted from dossiers; a thematic dossier's awards carry achievement kind "thematic",
    # which the rules do not count as annual achievements (COMMON.thematic_not_counted).
    assert complete_movement.achievement_kind == "thematic"
    assert DossierKind(complete_movement.achievement_kind).achievement_kind == "thematic"
    complete_movement.kind = "regular"
    assert complete_movement.achievement_kind == "annual"


def test_list_filters_and_detail_page(complete_movement, people, client):
    services.launch_movement(complete_movement, actor=people["clerk"])
    Movement.objects.create(name="Phong trào khác", kind="regular", launched_by=people["clerk"].unit)
    client.force_login(people["clerk"])
    page = client.get(reverse("emulation:movements"), {"q": "chuyen doi so", "kind": "thematic"}).content.decode()
    assert complete_movement.name in page and "Phong trào khác" not in page
    detail = client.get(reverse("emulation:movement", args=[complete_movement.pk])).content.decode()
    assert "Hoàn thành số hoá học bạ" in detail and "Trường THPT Việt Bắc" in detail


def test_create_through_the_form(people, client, units):
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:movement_create"), {
        "name": "Thi đua dạy tốt, học tốt", "kind": "regular", "launched_by": units["education"].pk,
        "starts_on": "2026-01-01", "ends_on": "2026-12-31"})
    movement = Movement.objects.get(name="Thi đua dạy tốt, học tốt")
    assert response.status_code == 302 and movement.duration_years == 1
    response = client.post(reverse("emulation:movement_launch", args=[movement.pk]), follow=True)
    assert "objectives" in response.content.decode() or "mục tiêu" in response.content.decode().lower()


def test_a_movement_cannot_implement_itself_through_another(draft_movement, people, units):
    child = services.save_movement(Movement(name="Phong trào cấp trường", kind="regular", launched_by=units["school"],
                                            parent=draft_movement), actor=people["clerk"])
    draft_movement.parent = child
    with pytest.raises(DomainError) as refused:
        services.save_movement(draft_movement, actor=people["clerk"])
    assert refused.value.field == "parent"


def test_movement_lists_people_from_the_register(complete_movement, people, units, nominee, client):
    from tdkt.organizations.models import Person
    other = Person.objects.create(full_name="Lương Văn Đào", gender="male", unit=units["health"])
    client.force_login(people["clerk"])
    # The search finds people of the clerk's units only, diacritics optional.
    fragment = client.get(reverse("emulation:movement_people"), {"people_q": "dao"}).content.decode()
    assert nominee.full_name in fragment and other.full_name not in fragment
    # Ticked people are saved; an id from another unit typed by hand is ignored.
    data = {"name": complete_movement.name, "kind": "thematic", "launched_by": units["education"].pk,
            "launch_document": complete_movement.launch_document, "scope": "unit", "starts_on": "2026-01-05",
            "ends_on": "2027-12-31", "objectives": "a", "targets": "b", "content": "c", "measures": "d",
            "prize_plan": "e", "participant_units": [units["school"].pk],
            "participant_people": [nominee.pk, other.pk]}
    response = client.post(reverse("emulation:movement_edit", args=[complete_movement.pk]), data)
    assert response.status_code == 302
    assert list(complete_movement.participant_people.all()) == [nominee]
    page = client.get(reverse("emulation:movement", args=[complete_movement.pk])).content.decode()
    assert reverse("organizations:person", args=[nominee.pk]) in page
    # The service refuses people outside the actor's units outright.
    with pytest.raises(DomainError):
        services.save_movement(complete_movement, actor=people["clerk"], participant_people=[other])
    assert list(complete_movement.participant_people.all()) == [nominee]


def test_people_from_the_register_count_as_participants(draft_movement, people, nominee):
    draft_movement.participant_groups = ""
    services.save_movement(draft_movement, actor=people["clerk"], participant_people=[nominee])
    assert not any("participants" in str(m) or "tham gia" in str(m) for m in services.missing_for_launch(draft_movement))
