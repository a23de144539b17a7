from datetime import date

import pytest
from django.urls import reverse

from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation import services
from tdkt.emulation.models import Exemplar

pytestmark = pytest.mark.django_db


@pytest.fixture
def exemplar(people, units, nominee):
    return services.register_exemplar(actor=people["clerk"], kind="person", name="", person=nominee,
                                      unit=units["school"], discovered_by="Công đoàn Trường THPT Việt Bắc",
                                      discovered_on=date(2026, 3, 1),
                                      achievements="Dạy học sinh dân tộc thiểu số đạt giải quốc gia")


def test_four_stages_and_the_replication_plan(exemplar, people):
    assert exemplar.name == "Nguyễn Thị Đào" and exemplar.stage == "discovered"
    services.advance_exemplar(exemplar, actor=people["clerk"], note="Bồi dưỡng qua hội giảng")
    services.advance_exemplar(exemplar, actor=people["clerk"], note="Tổng kết kinh nghiệm")
    with pytest.raises(DomainError) as refused:
        services.advance_exemplar(exemplar, actor=people["clerk"])
    assert refused.value.field == "replication_plan"
    exemplar = services.advance_exemplar(exemplar, actor=people["clerk"],
                                         replication_plan="Nhân rộng cách làm ra các trường vùng cao")
    assert exemplar.stage == Exemplar.Stage.REPLICATED
    assert list(exemplar.events.values_list("event_type", flat=True)) == [
        "exemplar.discovered", "exemplar.nurtured", "exemplar.summarised", "exemplar.replicated"]
    with pytest.raises(DomainError):
        services.advance_exemplar(exemplar, actor=people["clerk"])


def test_outsider_cannot_see_or_advance(exemplar, people, client):
    with pytest.raises(PermissionDenied):
        services.advance_exemplar(exemplar, actor=people["outsider"])
    client.force_login(people["outsider"])
    assert client.get(reverse("emulation:exemplar", args=[exemplar.pk])).status_code == 404
    assert exemplar.name not in client.get(reverse("emulation:exemplars")).content.decode()


def test_conference_with_honourees(exemplar, people, units, client):
    conference = services.record_conference(
        actor=people["officer"], kind="honouring", organiser=units["province"], held_on=date(2018, 6, 8),
        name="Hội nghị biểu dương, tôn vinh điển hình tiên tiến giai đoạn 2016 - 2018",
        period_from_year=2016, period_to_year=2018)
    services.add_honouree(conference, actor=people["officer"], exemplar=exemplar, citation="Giáo viên tiêu biểu")
    with pytest.raises(DomainError):
        services.add_honouree(conference, actor=people["officer"], exemplar=exemplar)
    with pytest.raises(PermissionDenied):   # the organiser is outside a department clerk's scope
        services.add_honouree(conference, actor=people["clerk"], name="Ai đó")
    client.force_login(people["clerk"])
    page = client.get(reverse("emulation:conference", args=[conference.pk])).content.decode()
    assert "Nguyễn Thị Đào" in page and "Giáo viên tiêu biểu" in page


def test_create_exemplar_page(people, units, client):
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:exemplar_create"), {
        "kind": "model", "name": "Mô hình thư viện xanh", "unit": units["school"].pk, "discovered_by": "Phòng GDĐT",
        "discovered_on": "01/04/2026", "achievements": "Thư viện mở cho học sinh nội trú"})
    exemplar = Exemplar.objects.get(name="Mô hình thư viện xanh")
    assert response.url == reverse("emulation:exemplar", args=[exemplar.pk])
    assert client.get(reverse("emulation:exemplars")).status_code == 200


def test_every_list_page_renders(people, client, cluster):
    client.force_login(people["officer"])
    for name in ("movements", "registrations", "registration_late", "registration_results", "groups", "exemplars",
                 "conferences"):
        assert client.get(reverse(f"emulation:{name}")).status_code == 200, name
    assert client.get(reverse("emulation:group", args=[cluster.pk])).status_code == 200


def test_exemplar_form_finds_the_person_by_name(people, units, nominee, client):
    from tdkt.organizations.models import Person
    other = Person.objects.create(full_name="Lương Văn Đào", gender="male", unit=units["health"])
    client.force_login(people["clerk"])
    url = reverse("emulation:exemplar_subjects")
    # Diacritics optional; only people in the clerk's scope (education and its school), never health's.
    fragment = client.get(url, {"kind": "person", "person_q": "dao"}).content.decode()
    assert "Nguyễn Thị Đào" in fragment and other.full_name not in fragment
    assert f'value="{nominee.pk}"' in fragment and 'name="person"' in fragment
    assert "Nguyễn Thị Đào" not in client.get(url, {"kind": "person", "person_q": "xyz"}).content.decode()
    # The form carries the select, not a record-number box.
    page = client.get(reverse("emulation:exemplar_create")).content.decode()
    assert 'hx-get="' + url in page and 'name="person"' in page and 'inputmode="numeric"' not in page
    # Choosing the person registers the exemplar under that person.
    response = client.post(reverse("emulation:exemplar_create"), {
        "kind": "person", "unit": units["school"].pk, "person": nominee.pk, "discovered_by": "Công đoàn trường",
        "discovered_on": "01/04/2026", "achievements": "Giáo viên dạy giỏi cấp tỉnh"})
    exemplar = Exemplar.objects.get(person=nominee)
    assert response.url == reverse("emulation:exemplar", args=[exemplar.pk]) and exemplar.name == nominee.full_name


def test_exemplar_form_refuses_a_person_outside_the_unit(people, units, client):
    from tdkt.organizations.models import Person
    other = Person.objects.create(full_name="Lương Văn Đào", gender="male", unit=units["health"])
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:exemplar_create"), {
        "kind": "person", "unit": units["school"].pk, "person": other.pk, "discovered_by": "Công đoàn trường",
        "discovered_on": "01/04/2026", "achievements": "x"})
    assert response.status_code == 200 and not Exemplar.objects.exists()
    assert "Trường THPT Việt Bắc" in response.content.decode()
    # A unit clerk outside every exemplar role cannot query the list.
    client.force_login(people["member"])
    assert client.get(reverse("emulation:exemplar_subjects"), {"kind": "person"}).status_code == 403


def test_honouree_form_only_for_the_organisers_scope(people, units, client):
    conference = services.record_conference(actor=people["officer"], kind="honouring", organiser=units["province"],
                                            held_on=date(2018, 6, 8), name="Hội nghị điển hình 2016 - 2018")
    client.force_login(people["clerk"])
    page = client.get(reverse("emulation:conference", args=[conference.pk])).content.decode()
    assert reverse("emulation:conference_add_honouree", args=[conference.pk]) not in page
    client.force_login(people["officer"])
    page = client.get(reverse("emulation:conference", args=[conference.pk])).content.decode()
    assert reverse("emulation:conference_add_honouree", args=[conference.pk]) in page
