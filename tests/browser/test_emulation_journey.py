"""Emulation through the real pages in Chromium: a clerk drafts and launches a movement → the unit
registers its target titles, the head approves, the Board receives → the members of a block score
each other and the head's unit aggregates → suy tôn by secret ballot → the proposals become a
dossier of the head's unit.
"""

import re
from datetime import date

import pytest

from tdkt.accounts.models import Role, User
from tdkt.conftest import PASSWORD
from tdkt.emulation.models import EmulationGroup, GroupMembership, GroupResult, Movement, Registration
from tdkt.nominations.models import Dossier
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def block(units, people):
    User.objects.create_user(username="ha_clerk", password=PASSWORD, role=Role.UNIT_CLERK, unit=units["home_affairs"])
    group = EmulationGroup.objects.create(name="Khối các sở", kind="block", year=date.today().year,
                                          organiser=units["province"])
    for key, role in (("education", "head"), ("health", "deputy"), ("home_affairs", "member")):
        GroupMembership.objects.create(group=group, unit=units[key], role=role)
    return group


def submit(page, selector):
    page.locator(selector).click()
    page.wait_for_load_state()


def test_movement_registration_scoring_ballot_dossier(open_page, people, units, catalogue, nominee, block):
    year = date.today().year
    # --- A movement is drafted, refused while incomplete, completed and launched ----------------
    clerk = open_page("clerk")
    clerk.goto("/thi-dua/phong-trao/moi/")
    clerk.fill("#id_name", "Phong trào thi đua dạy tốt, học tốt")
    clerk.select_option("#id_kind", "regular")
    clerk.select_option("#id_launched_by", str(units["education"].pk))
    clerk.fill("#id_starts_on", f"{year}-01-05")
    submit(clerk, "button[name=save]")
    clerk.wait_for_url(re.compile(r"/thi-dua/phong-trao/\d+/$"))
    movement = Movement.objects.get(name="Phong trào thi đua dạy tốt, học tốt")
    submit(clerk, "button[name=launch]")
    assert Movement.objects.get(pk=movement.pk).status == "draft"
    assert clerk.locator(".msg-error").count() == 1
    clerk.goto(f"/thi-dua/phong-trao/{movement.pk}/sua/")
    clerk.fill("#id_launch_document", "Kế hoạch số 3/KH-SGDĐT")
    clerk.select_option("#id_scope", "unit")
    for field in ("objectives", "targets", "content", "measures", "prize_plan"):
        clerk.fill(f"#id_{field}", f"Nội dung {field}")
    clerk.select_option("#id_participant_units", [str(units["school"].pk)])
    submit(clerk, "button[name=save]")
    clerk.select_option("#id_entry", str(catalogue["LDTT"].pk))
    clerk.fill("#id_text", "Hoàn thành tốt nhiệm vụ năm học")
    submit(clerk, "button[name=add_criterion]")
    submit(clerk, "button[name=launch]")
    assert Movement.objects.get(pk=movement.pk).status == "launched"
    screenshot(clerk, "emulation-1-movement")

    # --- The unit registers, the head approves, the Board receives ------------------------------
    clerk.goto("/thi-dua/dang-ky/")
    submit(clerk, "button[name=start]")
    registration = Registration.objects.get(unit=units["education"], year=year)
    clerk.select_option("#l-subject", f"p:{nominee.pk}")
    clerk.select_option("#l-entry", str(catalogue["CSTDCS"].pk))
    submit(clerk, "button[name=add_line]")
    submit(clerk, "button[name=request_approval]")
    head = open_page("head")
    head.goto(f"/thi-dua/dang-ky/{registration.pk}/")
    submit(head, "button[name=approve]")
    officer = open_page("officer")
    officer.goto(f"/thi-dua/dang-ky/{registration.pk}/")
    submit(officer, "button[name=receive]")
    registration.refresh_from_db()
    assert registration.status == "received" and registration.lines.count() == 1
    screenshot(officer, "emulation-2-registration")

    # --- The block scores: criteria by the head's unit, every member scores, the head aggregates --
    clerk.goto(f"/thi-dua/cum-khoi/{block.pk}/")
    for name, max_points in (("Nhiệm vụ chính trị", "60"), ("Công tác TĐKT", "40")):
        clerk.fill("#k-name", name)
        clerk.fill("#k-max", max_points)
        submit(clerk, "#score-sheet form:has(#k-name) button[type=submit]")
    criteria = list(block.criteria.order_by("order"))
    members = {"clerk": units["education"], "outsider": units["health"], "ha_clerk": units["home_affairs"]}
    given = {"education": 50, "health": 55, "home_affairs": 45}
    pages = {"clerk": clerk, "outsider": open_page("outsider"), "ha_clerk": open_page("ha_clerk")}
    for username, own in members.items():
        page = pages[username]
        page.goto(f"/thi-dua/cum-khoi/{block.pk}/")
        for c in criteria:
            for key, unit in units.items():
                if unit not in members.values():
                    continue
                points = min(given[key], int(c.max_points) - 1)
                page.fill(f'input[name="points-{c.pk}-{unit.pk}"]', str(points))
                if unit == own:
                    page.fill(f'textarea[name="evidence-{c.pk}-{unit.pk}"]', "Báo cáo tự chấm kèm minh chứng")
        submit(page, "button[name=save_scores]")
    submit(clerk, "button[name=aggregate]")
    assert GroupResult.objects.filter(group=block).order_by("rank").first().unit == units["health"]
    assert clerk.locator("#ranking").count() == 1
    screenshot(clerk, "emulation-3-ranking")

    # --- Suy tôn: the head's unit opens the ballot, every member votes, the votes are counted -----
    clerk.fill("#b-on", f"{year}-12-15")
    clerk.fill("#b-merit", "1")
    submit(clerk, "button[name=open_ballot]")
    clerk.wait_for_url(re.compile(r"/thi-dua/suy-ton/\d+/$"))
    ballot_url = clerk.url
    for username, merit in (("clerk", units["home_affairs"]), ("outsider", units["home_affairs"]),
                            ("ha_clerk", units["education"])):
        page = pages[username]
        page.goto(ballot_url)
        page.check(f'input[name=flag][value="{units["health"].pk}"]')
        page.check(f'input[name=merit][value="{merit.pk}"]')
        submit(page, "button[name=cast]")
    clerk.goto(ballot_url)
    submit(clerk, "button[name=count]")
    assert clerk.locator("#ballot-tally").count() == 1
    screenshot(clerk, "emulation-4-ballot")
    submit(clerk, "button[name=propose]")
    code = clerk.locator("#proposal-dossier").inner_text()
    dossier = Dossier.objects.get(unit=units["education"], year=year, title__contains="Khối các sở")
    assert dossier.code in code
    assert sorted(n.entry.code for n in dossier.nominations.all()) == ["BK_TINH", "CO_TINH"]
    clerk.goto(f"/ho-so/{dossier.pk}/")
    assert "Sở Y tế" in clerk.content()
    screenshot(clerk, "emulation-5-dossier")


def test_board_announces_groups_and_clerk_finds_an_exemplar_by_name(open_page, people, units, nominee, block):
    """The Board copies last year's groups, edits one and records its decision from the page; a
    clerk registers an exemplar by typing part of the person's name (htmx), not a record number."""
    year = date.today().year
    officer = open_page("officer")
    officer.goto(f"/thi-dua/cum-khoi/?year={year + 1}")
    submit(officer, "button[name=copy]")   # the confirmation is accepted by the fixture
    copy = EmulationGroup.objects.get(name="Khối các sở", year=year + 1)
    # No turn order was set, so the turn follows the names: after education comes home affairs.
    assert copy.memberships.get(role="head").unit == units["home_affairs"]
    officer.goto(f"/thi-dua/cum-khoi/{copy.pk}/sua/")
    officer.fill("#g-doc", "12/QĐ-UBND")
    officer.fill("#g-on", f"{year + 1}-01-15")
    officer.select_option('select[name="unit-2"]', "")   # drop the third member (health)
    submit(officer, "button[name=save]")
    officer.wait_for_url(re.compile(rf"/thi-dua/cum-khoi/{copy.pk}/$"))
    assert copy.memberships.count() == 2 and f"15/01/{year + 1}" in officer.content()
    screenshot(officer, "emulation-6-group-announced")

    clerk = open_page("clerk")
    clerk.goto("/thi-dua/dien-hinh/moi/")
    clerk.select_option("#x-kind", "person")
    clerk.select_option("#x-unit", str(units["school"].pk))
    clerk.fill("#x-person-q", "nguyen thi dao")
    clerk.locator(f'#x-person option[value="{nominee.pk}"]').wait_for(state="attached")
    clerk.select_option("#x-person", str(nominee.pk))
    clerk.fill("#x-by", "Công đoàn trường")
    clerk.fill("#x-on", f"{year}-03-01")
    clerk.fill("#x-ach", "Giáo viên dạy giỏi cấp tỉnh")
    submit(clerk, "form:has(#x-kind) button.primary")
    clerk.wait_for_url(re.compile(r"/thi-dua/dien-hinh/\d+/$"))
    assert "Nguyễn Thị Đào" in clerk.content()
    screenshot(clerk, "emulation-7-exemplar")
