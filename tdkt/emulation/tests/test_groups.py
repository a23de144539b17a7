from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.accounts.models import Role, User
from tdkt.conftest import PASSWORD, pdf
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.emulation import groups
from tdkt.emulation.models import Ballot, BallotChoice, BallotVoter, GroupMembership
from tdkt.nominations.cluster_proposals import make_proposal_dossier
from tdkt.nominations.models import Dossier

pytestmark = pytest.mark.django_db


def test_rotation_proposes_the_next_head_and_election_records_it(cluster, people, units):
    head, deputy = groups.proposed_officers(cluster)
    assert (head, deputy) == (units["health"], units["home_affairs"])
    with pytest.raises(PermissionDenied):
        groups.elect_officers(cluster, actor=people["outsider"], head=head, deputy=deputy)
    groups.elect_officers(cluster, actor=people["officer"], head=head, deputy=deputy)
    roles = dict(cluster.memberships.values_list("unit__code", "role"))
    assert roles == {"so-y-te": "head", "so-noi-vu": "deputy", "so-gddt": "member"}
    with pytest.raises(DomainError):
        groups.elect_officers(cluster, actor=people["officer"], head=head, deputy=head)


def test_covenant_is_stored_with_its_document(cluster, people, units):
    with pytest.raises(PermissionDenied):   # only the head's unit or the Board
        groups.record_covenant(cluster, actor=people["outsider"], signed_on=date(2026, 2, 1), uploaded=pdf(),
                               signatories=[units["health"]])
    covenant = groups.record_covenant(cluster, actor=people["clerk"], signed_on=date(2026, 2, 1),
                                      uploaded=pdf("giao-uoc.pdf"), signatories=groups.member_units(cluster))
    assert covenant.signatories.count() == 3 and covenant.document.read().startswith(b"%PDF")
    with pytest.raises(DomainError):
        groups.record_covenant(cluster, actor=people["clerk"], signed_on=date(2026, 2, 1), uploaded=pdf(),
                               signatories=[units["health"]])


def _score_all(cluster, people, ha_clerk, units, criteria):
    clerks = {"so-gddt": people["clerk"], "so-y-te": people["outsider"], "so-noi-vu": ha_clerk}
    # Points given by scorer → scored, the same on each criterion (scaled to its maximum).
    table = {("so-gddt", "so-y-te"): 8, ("so-gddt", "so-noi-vu"): 6, ("so-y-te", "so-gddt"): 9,
             ("so-y-te", "so-noi-vu"): 7, ("so-noi-vu", "so-gddt"): 7, ("so-noi-vu", "so-y-te"): 9}
    by_code = {u.code: u for u in groups.member_units(cluster)}
    for c in criteria:
        for code, clerk in clerks.items():
            groups.record_score(c, actor=clerk, scored_unit=by_code[code], points=10, evidence="Báo cáo tự chấm")
        for (scorer, scored), points in table.items():
            groups.record_score(c, actor=clerks[scorer], scored_unit=by_code[scored], points=points)


def test_scoring_aggregation_and_ranking(cluster, people, ha_clerk, units):
    c1 = groups.add_score_criterion(cluster, actor=people["clerk"], name="Thực hiện nhiệm vụ chính trị", max_points=10,
                                    weight=2)
    c2 = groups.add_score_criterion(cluster, actor=people["clerk"], name="Công tác TĐKT", max_points=10, weight=1)
    with pytest.raises(DomainError) as refused:   # self-score without evidence
        groups.record_score(c1, actor=people["clerk"], scored_unit=units["education"], points=9)
    assert refused.value.field == "evidence"
    with pytest.raises(DomainError):               # above the maximum
        groups.record_score(c1, actor=people["clerk"], scored_unit=units["health"], points=11)
    with pytest.raises(PermissionDenied):          # not a member
        groups.record_score(c1, actor=people["officer"], scored_unit=units["health"], points=5)
    with pytest.raises(DomainError):               # incomplete
        groups.aggregate_scores(cluster, actor=people["clerk"])
    _score_all(cluster, people, ha_clerk, units, [c1, c2])
    with pytest.raises(PermissionDenied):          # only the head's unit aggregates
        groups.aggregate_scores(cluster, actor=people["outsider"])
    results = groups.aggregate_scores(cluster, actor=people["clerk"])
    # Cross means: education (9+7)/2 = 8, health (8+9)/2 = 8.5, home affairs (6+7)/2 = 6.5; × (2 + 1).
    totals = {r.unit.code: (r.total, r.rank) for r in results}
    assert totals == {"so-y-te": (Decimal("25.50"), 1), "so-gddt": (Decimal("24.00"), 2),
                      "so-noi-vu": (Decimal("19.50"), 3)}
    health = next(r for r in results if r.unit.code == "so-y-te")
    assert health.contributions == {str(c1.pk): "17.00", str(c2.pk): "8.50"}
    with pytest.raises(DomainError):               # the sheet is closed
        groups.record_score(c1, actor=people["clerk"], scored_unit=units["health"], points=1)


@pytest.fixture
def scored(cluster, people, ha_clerk, units):
    c = groups.add_score_criterion(cluster, actor=people["clerk"], name="Kết quả chung", max_points=10)
    _score_all(cluster, people, ha_clerk, units, [c])
    groups.aggregate_scores(cluster, actor=people["clerk"])
    return cluster


def test_ballot_count_and_proposal_dossier(scored, people, ha_clerk, units, catalogue):
    round_ = groups.open_ballot(scored, actor=people["clerk"], held_on=date(2026, 12, 15), flag_seats=1, merit_seats=1)
    groups.cast_ballot(round_, actor=people["clerk"], flag_units=[units["health"]], merit_units=[units["home_affairs"]])
    with pytest.raises(DomainError):
        groups.cast_ballot(round_, actor=people["head"], flag_units=[units["health"]], merit_units=[])
    with pytest.raises(PermissionDenied):
        groups.cast_ballot(round_, actor=people["officer"], flag_units=[units["health"]], merit_units=[])
    with pytest.raises(DomainError):   # quorum: 1 of 3
        groups.close_ballot(round_, actor=people["clerk"])
    groups.cast_ballot(round_, actor=people["outsider"], flag_units=[units["health"]],
                       merit_units=[units["home_affairs"]])
    groups.cast_ballot(round_, actor=ha_clerk, flag_units=[units["education"]], merit_units=[units["home_affairs"]])
    round_ = groups.close_ballot(round_, actor=people["clerk"])
    result = groups.proposals(round_)
    assert result["flag"] == [units["health"]] and result["merit"] == [units["home_affairs"]]
    assert "Sở Y tế: 2 / 0" in round_.count_record
    with pytest.raises(PermissionDenied):   # the deputy's clerk cannot submit the cluster's proposals
        make_proposal_dossier(round_, actor=people["outsider"])
    code = make_proposal_dossier(round_, actor=people["clerk"])
    dossier = Dossier.objects.get(code=code)
    assert dossier.unit == units["education"] and dossier.status == "draft"
    assert {(n.collective.represents_unit.code, n.entry.code) for n in dossier.nominations.all()} == {
        ("so-y-te", "CO_TINH"), ("so-noi-vu", "BK_TINH")}
    round_.refresh_from_db()
    assert round_.dossier_code == code
    with pytest.raises(DomainError):
        make_proposal_dossier(round_, actor=people["clerk"])


def test_ballot_secrecy(units, people, client):
    """Eight members vote in a known order; nothing stored or shown links a member to its ballot."""
    from tdkt.emulation.models import EmulationGroup
    from tdkt.organizations.models import Unit

    group = EmulationGroup.objects.create(name="Cụm bí mật", kind="cluster", year=2026, organiser=units["province"])
    members, clerks = [], []
    for i in range(8):
        unit = Unit.objects.create(code=f"xa-{i}", name=f"Xã số {i}", kind="commune", level="commune",
                                   parent=units["province"])
        members.append(unit)
        clerks.append(User.objects.create_user(username=f"c{i}", password=PASSWORD, role=Role.UNIT_CLERK, unit=unit))
        GroupMembership.objects.create(group=group, unit=unit, role="head" if i == 0 else "member")
    round_ = groups.open_ballot(group, actor=clerks[0], held_on=date(2026, 12, 1), flag_seats=1, merit_seats=0)
    for i, clerk in enumerate(clerks):   # member i votes for member (i + 1) % 8
        groups.cast_ballot(round_, actor=clerk, flag_units=[members[(i + 1) % 8]], merit_units=[])
    # No column of the ballot tables names a voter; the voter table has no choice nor time.
    assert {f.name for f in Ballot._meta.get_fields()} == {"id", "round", "choices"}
    assert {f.name for f in BallotChoice._meta.get_fields()} == {"id", "ballot", "unit", "choice"}
    assert {f.name for f in BallotVoter._meta.get_fields()} == {"id", "round", "unit", "has_voted"}
    # Voter rows are in membership order, created before anyone voted.
    assert list(round_.voters.order_by("pk").values_list("unit_id", flat=True)) == [u.pk for u in members]
    # The open ballot page shows who has voted, never what.
    client.force_login(clerks[3])
    page = client.get(reverse("emulation:ballot", args=[round_.pk])).content.decode()
    assert "Xã số 4" in page and "ballot-tally" not in page
    round_ = groups.close_ballot(round_, actor=clerks[0])
    # After counting, the stored order (keys and physical order) does not follow the voting order.
    chosen_in_key_order = [b.choices.get().unit_id for b in Ballot.objects.filter(round=round_).order_by("id")]
    chosen_in_rowid_order = [b.choices.get().unit_id for b in Ballot.objects.filter(round=round_).order_by()]
    voting_order = [members[(i + 1) % 8].pk for i in range(8)]
    assert sorted(chosen_in_key_order) == sorted(voting_order)
    assert chosen_in_key_order != voting_order or chosen_in_rowid_order != voting_order
    # Results and the count record give totals only.
    record = client.get(reverse("emulation:ballot_record", args=[round_.pk])).content.decode()
    for clerk in clerks:
        assert clerk.username not in record
    tally = groups.tally(round_)
    assert all(row["flag"] == 1 for row in tally)


def test_outsider_cannot_open_a_group_page(cluster, people, client, units):
    from tdkt.accounts.models import Role
    other = User.objects.create_user(username="school_clerk", password=PASSWORD, role=Role.UNIT_CLERK,
                                     unit=units["school"])
    client.force_login(other)
    assert client.get(reverse("emulation:group", args=[cluster.pk])).status_code == 404
    client.force_login(people["outsider"])
    assert client.get(reverse("emulation:group", args=[cluster.pk])).status_code == 200


def test_secretariat_enters_paper_score_sheets_and_paper_ballots(cluster, people, ha_clerk, units):
    criterion = groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10)
    with pytest.raises(PermissionDenied):   # only the head's unit is the secretariat
        groups.record_score(criterion, actor=people["outsider"], scored_unit=units["education"], points=5,
                            on_behalf_of=units["home_affairs"])
    score = groups.record_score(criterion, actor=people["clerk"], scored_unit=units["health"], points=8,
                                on_behalf_of=units["home_affairs"])
    assert (score.scorer_unit, score.scored_by) == (units["home_affairs"], people["clerk"])
    round_ = groups.open_ballot(cluster, actor=people["clerk"], held_on=date(2026, 12, 15), merit_seats=1)
    members = groups.member_units(cluster)
    with pytest.raises(DomainError):   # one paper ballot alone would reveal its voter
        groups.record_paper_ballots(round_, actor=people["clerk"], voters=[units["health"]],
                                    ballots=[([units["health"]], [])])
    with pytest.raises(DomainError):   # as many ballots as voters
        groups.record_paper_ballots(round_, actor=people["clerk"], voters=members, ballots=[([units["health"]], [])] * 2)
    groups.record_paper_ballots(round_, actor=people["clerk"], voters=members,
                                ballots=[([units["health"]], [units["education"]])] * 3)
    assert round_.voters.filter(has_voted=True).count() == 3
    with pytest.raises(DomainError):   # nobody votes twice
        groups.cast_ballot(round_, actor=ha_clerk, flag_units=[units["health"]], merit_units=[])
    round_ = groups.close_ballot(round_, actor=people["clerk"])
    assert groups.proposals(round_)["flag"] == [units["health"]]


def test_pages_for_the_secretariat(cluster, people, units, client):
    criterion = groups.add_score_criterion(cluster, actor=people["clerk"], name="Chung", max_points=10)
    client.force_login(people["clerk"])
    home = units["home_affairs"]
    page = client.get(reverse("emulation:group", args=[cluster.pk]), {"as": home.pk}).content.decode()
    assert f'name="on_behalf_of" value="{home.pk}"' in page
    client.post(reverse("emulation:group_score", args=[cluster.pk]), {
        "on_behalf_of": home.pk, f"points-{criterion.pk}-{home.pk}": "7",
        f"evidence-{criterion.pk}-{home.pk}": "Báo cáo", f"points-{criterion.pk}-{units['health'].pk}": "8,5"})
    assert {(s.scorer_unit, s.scored_unit, s.points) for s in criterion.scores.all()} == {
        (home, home, Decimal("7")), (home, units["health"], Decimal("8.5"))}
    client.force_login(people["outsider"])   # a member, not the head: cannot enter others' sheets
    client.post(reverse("emulation:group_score", args=[cluster.pk]), {
        "on_behalf_of": home.pk, f"points-{criterion.pk}-{home.pk}": "1", f"evidence-{criterion.pk}-{home.pk}": "x"})
    assert criterion.scores.get(scorer_unit=home, scored_unit=home).points == Decimal("7")

    client.force_login(people["clerk"])
    round_ = groups.open_ballot(cluster, actor=people["clerk"], held_on=date(2026, 12, 15), merit_seats=1)
    members = groups.member_units(cluster)
    data = {"voters": [u.pk for u in members]}
    for i in range(3):
        data[f"flag-{i}"] = [units["health"].pk]
        data[f"merit-{i}"] = [units["education"].pk]
    client.post(reverse("emulation:ballot_paper", args=[round_.pk]), data)
    assert round_.voters.filter(has_voted=True).count() == 3 and round_.ballots.count() == 3
