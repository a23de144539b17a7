"""The read side the eligibility rules and plans use, and the rule that statuses change only
through the services."""

import re
from datetime import date
from pathlib import Path

import pytest

from tdkt.emulation import groups, queries, services
from tdkt.emulation import registration as reg
from tdkt.organizations.models import Collective

pytestmark = pytest.mark.django_db
APP = Path(__file__).resolve().parents[1]


def test_registered_titles_counts_only_sent_registrations(people, units, catalogue, nominee):
    team = Collective.objects.create(name="Tổ Văn", unit=units["school"])
    registration = reg.start_registration(actor=people["clerk"], unit=units["education"], year=2026)
    reg.add_registration_line(registration, actor=people["clerk"], subject=nominee, entry=catalogue["CSTDCS"])
    reg.add_registration_line(registration, actor=people["clerk"], subject=team, entry=catalogue["TTLDTT"])
    assert queries.registered_titles(2026, person_ids=[nominee.pk]) == set()
    reg.apply_registration_transition(registration, "request_approval", actor=people["clerk"])
    reg.apply_registration_transition(registration, "approve", actor=people["head"])
    assert queries.registered_titles(2026, person_ids=[nominee.pk], collective_ids=[team.pk]) == {
        ("person", nominee.pk, "CSTDCS"), ("collective", team.pk, "TTLDTT")}


def test_cluster_ranks_and_conferences(cluster, people, ha_clerk, units):
    criterion = groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10)
    actors = {units["education"]: people["clerk"], units["health"]: people["outsider"], units["home_affairs"]: ha_clerk}
    for scorer, actor in actors.items():
        for scored in actors:
            groups.record_score(criterion, actor=actor, scored_unit=scored, evidence="Báo cáo",
                                points=9 if scored == units["health"] else 7)
    groups.aggregate_scores(cluster, actor=people["clerk"])
    assert queries.cluster_ranks(2026, [units["health"].pk, units["education"].pk]) == {
        units["health"].pk: 1, units["education"].pk: 2}
    services.record_conference(actor=people["officer"], kind="ceremony", name="Lễ tôn vinh doanh nghiệp",
                               organiser=units["province"], held_on=date(2026, 5, 1))
    assert [c.name for c in queries.conferences_between(date(2026, 1, 1), date(2026, 12, 31))] == [
        "Lễ tôn vinh doanh nghiệp"]


def test_statuses_are_written_only_by_the_services():
    """Movement, Registration, Exemplar and ballot statuses change in one place each."""
    writers = {"status": {"services.py", "registration.py", "groups.py"}, "stage": {"services.py"}}
    pattern = re.compile(r"\.(status|stage)\s*=(?!=)")
    for path in APP.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for match in pattern.finditer(path.read_text()):
            assert path.name in writers[match.group(1)], f"{path.name} writes .{match.group(1)}"
