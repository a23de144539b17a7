"""The Board's announcement of the year's clusters and blocks from a page, the group page's query
count, and the pages' scope checks (ids changed by hand in URLs)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.accounts.models import Role, User
from tdkt.conftest import PASSWORD
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.core.models import AuditEntry
from tdkt.emulation import groups
from tdkt.emulation.models import EmulationGroup, GroupMembership, ScoreCriterion
from tdkt.organizations.models import Unit

pytestmark = pytest.mark.django_db


def _commune_group(units, n, name="Cụm xã"):
    group = EmulationGroup.objects.create(name=f"{name} {n}", kind="cluster", year=2026, organiser=units["province"])
    clerks = []
    for i in range(n):
        unit = Unit.objects.create(code=f"{name[-2:]}-{n}-{i}", name=f"Xã {n}-{i}", kind="commune", level="commune",
                                   parent=units["province"])
        GroupMembership.objects.create(group=group, unit=unit, role="head" if i == 0 else "member",
                                       rotation_order=i + 1)
        clerks.append(User.objects.create_user(username=f"cl-{n}-{i}-{name[-2:]}", password=PASSWORD,
                                               role=Role.UNIT_CLERK, unit=unit))
    criteria = [groups.add_score_criterion(group, actor=clerks[0], name=f"Tiêu chí {k}", max_points=10)
                for k in range(2)]
    members = groups.member_units(group)
    for clerk in clerks:   # every member scores every member on every criterion
        for c in criteria:
            for unit in members:
                groups.record_score(c, actor=clerk, scored_unit=unit, points=7, evidence="Báo cáo")
    return group, clerks


def _queries(client, user, group):
    client.force_login(user)
    client.get(reverse("emulation:group", args=[group.pk]))   # warm the session and caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("emulation:group", args=[group.pk]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_group_page_queries_do_not_grow_with_members(units, people, client):
    small, small_clerks = _commune_group(units, 3, "Cụm A")
    large, large_clerks = _commune_group(units, 9, "Cụm B")
    cache.clear()
    for viewer in ("board", "head"):
        user_small = people["officer"] if viewer == "board" else small_clerks[0]
        user_large = people["officer"] if viewer == "board" else large_clerks[0]
        n_small, n_large = _queries(client, user_small, small), _queries(client, user_large, large)
        print("group page queries", viewer, n_small, n_large)
        assert n_small == n_large, (viewer, n_small, n_large)
        assert n_large <= 12, (viewer, n_large)


def _post_group(client, data, pk=None):
    url = reverse("emulation:group_edit", args=[pk]) if pk else reverse("emulation:group_create")
    return client.post(url, data)


def _form(units, members, **extra):
    data = {"name": "Khối văn hóa - xã hội", "kind": "block", "year": "2027", "organiser": units["province"].pk,
            "document": "15/QĐ-UBND", "announced_on": "2027-01-10", "rows": str(len(members))}
    for i, (unit, role, order) in enumerate(members):
        data.update({f"unit-{i}": unit.pk, f"role-{i}": role, f"order-{i}": order})
    data.update(extra)
    return data


def test_board_announces_a_group_with_its_members_from_the_page(units, people, client):
    client.force_login(people["officer"])
    assert client.get(reverse("emulation:group_create")).status_code == 200
    members = [(units["education"], "head", "1"), (units["health"], "deputy", "2"), (units["home_affairs"], "member", "3")]
    response = _post_group(client, _form(units, members))
    group = EmulationGroup.objects.get(name="Khối văn hóa - xã hội", year=2027)
    assert response.status_code == 302 and response["Location"] == reverse("emulation:group", args=[group.pk])
    assert (group.announcement_document, group.announced_on) == ("15/QĐ-UBND", date(2027, 1, 10))
    assert set(group.memberships.values_list("unit__code", "role", "rotation_order")) == {
        ("so-gddt", "head", 1), ("so-y-te", "deputy", 2), ("so-noi-vu", "member", 3)}
    assert AuditEntry.objects.filter(model="emulation.EmulationGroup", object_id=str(group.pk)).exists()
    # Edit: drop a member, change the decision; the page shows the date d/m/Y.
    response = _post_group(client, _form(units, members[:2], document="16/QĐ-UBND"), pk=group.pk)
    assert group.memberships.count() == 2
    page = client.get(reverse("emulation:group", args=[group.pk])).content.decode()
    assert "16/QĐ-UBND" in page and "10/01/2027" in page


@pytest.mark.parametrize("change, message", [
    ({"name": ""}, "Nhập tên cụm, khối thi đua."),
    ({"year": "abc"}, "Nhập năm (ví dụ 2026)."),
    ({"announced_on": ""}, "Nhập ngày của quyết định công bố."),
    ({"unit-1": "999999"}, "Dòng 2: chọn đơn vị trong danh sách."),
    ({"role-1": "head"}, "Chỉ một thành viên được làm Trưởng cụm, khối."),
    ({"unit-1": ""}, "Cụm, khối thi đua phải có ít nhất hai thành viên."),
])
def test_group_form_errors_are_clear_and_save_nothing(units, people, client, change, message):
    client.force_login(people["officer"])
    members = [(units["education"], "head", "1"), (units["health"], "member", "2")]
    response = _post_group(client, _form(units, members, **change), )
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert 'value="Khối văn hóa - xã hội"' in text or not change.get("name", "x")   # the entry is kept
    assert not EmulationGroup.objects.exists() and not GroupMembership.objects.exists()


def test_group_member_rules(units, people, cluster, ha_clerk):
    officer = people["officer"]
    base = dict(actor=officer, name="Khối mới", kind="block", year=2027, organiser=units["province"])
    with pytest.raises(DomainError, match="hai"):   # at least two members
        groups.save_group(None, **base, members=[(units["health"], "member", 1)])
    with pytest.raises(DomainError):   # two heads
        groups.save_group(None, **base, members=[(units["health"], "head", 1), (units["education"], "head", 2)])
    with pytest.raises(DomainError):   # listed twice
        groups.save_group(None, **base, members=[(units["health"], "member", 1), (units["health"], "member", 2)])
    with pytest.raises(DomainError):   # same name and year as an existing group
        groups.save_group(None, **{**base, "name": cluster.name, "year": cluster.year},
                          members=[(units["health"], "member", 1), (units["education"], "member", 2)])
    with pytest.raises(PermissionDenied):
        groups.save_group(None, **{**base, "actor": people["clerk"]},
                          members=[(units["health"], "member", 1), (units["education"], "member", 2)])
    assert not EmulationGroup.objects.filter(year=2027).exists()
    # Once a member has scored, the member list is frozen (the name can still be corrected).
    c = groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10)
    groups.record_score(c, actor=ha_clerk, scored_unit=units["health"], points=5)
    rows = [(m.unit, m.role, m.rotation_order) for m in groups.rotation(cluster)]
    with pytest.raises(DomainError):
        groups.save_group(cluster, actor=officer, name=cluster.name, kind="block", year=2026,
                          organiser=units["province"], members=rows[:2])
    assert cluster.memberships.count() == 3
    groups.save_group(cluster, actor=officer, name="Khối các sở (sửa)", kind="block", year=2026,
                      organiser=units["province"], members=rows)
    cluster.refresh_from_db()
    assert cluster.name == "Khối các sở (sửa)"


def test_copy_last_years_groups(units, people, cluster, client):
    groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10, weight=2)
    client.force_login(people["clerk"])   # a unit clerk cannot
    client.post(reverse("emulation:group_copy"), {"year": "2027"})
    assert not EmulationGroup.objects.filter(year=2027).exists()
    client.force_login(people["officer"])
    response = client.post(reverse("emulation:group_copy"), {"year": "2027"}, follow=True)
    copy = EmulationGroup.objects.get(year=2027)
    # Rotation: education was head, health deputy → health heads, home affairs is deputy.
    assert dict(copy.memberships.values_list("unit__code", "role")) == {
        "so-gddt": "member", "so-y-te": "head", "so-noi-vu": "deputy"}
    assert list(copy.criteria.values_list("name", "weight")) == [("Chung", 2)]
    assert copy.announcement_document == "" and "1" in response.content.decode()
    response = client.post(reverse("emulation:group_copy"), {"year": "2027"}, follow=True)   # nothing left to copy
    assert EmulationGroup.objects.filter(year=2027).count() == 1
    assert "2027" in response.content.decode()
    with pytest.raises(DomainError):
        groups.copy_groups(actor=people["officer"], from_year=2019, to_year=2020)


def test_unit_users_cannot_announce_groups(units, people, cluster, client):
    client.force_login(people["clerk"])
    assert client.get(reverse("emulation:group_create")).status_code == 403
    assert client.get(reverse("emulation:group_edit", args=[cluster.pk])).status_code == 403
    client.force_login(people["member"])   # a council member reads but does not announce
    page = client.get(reverse("emulation:group", args=[cluster.pk])).content.decode()
    assert "group_announce" not in page and reverse("emulation:group_announce", args=[cluster.pk]) not in page


def test_ids_changed_in_urls_reach_nothing_outside_the_units_groups(units, people, cluster):
    from django.test import Client
    other, other_clerks = _commune_group(units, 3, "Cụm C")
    round_ = groups.open_ballot(other, actor=other_clerks[0], held_on=date(2026, 12, 1), flag_seats=1,
                                merit_seats=0)
    client = Client()
    client.force_login(people["clerk"])   # head's clerk of the cluster, not a member of "other"
    criterion = other.criteria.first()
    for name, args, data in (
            ("group", [other.pk], None), ("group_score", [other.pk], {f"points-{criterion.pk}-1": "1"}),
            ("group_aggregate", [other.pk], {}), ("group_elect", [other.pk], {}), ("ballot", [round_.pk], None),
            ("ballot_cast", [round_.pk], {"flag": [other_clerks[1].unit_id]}), ("ballot_close", [round_.pk], {}),
            ("ballot_paper", [round_.pk], {}), ("ballot_record", [round_.pk], None)):
        url = reverse(f"emulation:{name}", args=args)
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 404, name
    assert not round_.ballots.exists() and not other.results.exists()


def test_ballot_posts_are_hidden_from_error_reports(units, people, cluster, client):
    round_ = groups.open_ballot(cluster, actor=people["clerk"], held_on=date(2026, 12, 15), merit_seats=1)
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:ballot_cast", args=[round_.pk]), {"flag": [units["health"].pk]})
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"


def test_copy_keeps_criteria_order(units, people, cluster):
    for k in range(3):
        groups.add_score_criterion(cluster, actor=people["clerk"], name=f"T{k}", max_points=10)
    [copy] = groups.copy_groups(actor=people["officer"], from_year=2026, to_year=2027)
    assert list(ScoreCriterion.objects.filter(group=copy).values_list("name", flat=True)) == ["T0", "T1", "T2"]


@pytest.mark.parametrize("value", ["NaN", "abc", "Infinity", "sNaN"])
def test_scores_and_criteria_refuse_non_numbers_without_an_error_page(units, people, cluster, client, value):
    criterion = groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10)
    client.force_login(people["clerk"])
    response = client.post(reverse("emulation:group_add_criterion", args=[cluster.pk]),
                           {"name": "Khác", "max_points": value, "weight": "1"}, follow=True)
    assert response.status_code == 200 and "Nhập điểm tối đa bằng số." in response.content.decode()
    response = client.post(reverse("emulation:group_score", args=[cluster.pk]), {
        f"points-{criterion.pk}-{units['health'].pk}": value, f"points-{criterion.pk}-{units['home_affairs'].pk}": "5"},
        follow=True)
    assert response.status_code == 200 and "“Chung”: nhập điểm bằng số." in response.content.decode()
    assert cluster.criteria.count() == 1 and not criterion.scores.exists()   # nothing half-saved
