"""The award tally (reports_award_tally) kept by database triggers equals a plain GROUP BY over
decisions_award after every kind of write: services, bulk_create, updates, deletes."""

from datetime import date

import pytest
from django.db import connection, transaction
from django.db.models import Count, Q

from tdkt.decisions.models import Award
from tdkt.decisions.services import record_decision
from tdkt.organizations.models import Collective, Household
from tdkt.reports import statistics as st, tally
from tdkt.reports.models import AwardTally

pytestmark = pytest.mark.django_db


def grouped() -> dict:
    """What the tally must say, counted here from the awards themselves."""
    rows = (Award.objects.filter(status="valid").order_by().values("year", "entry_id")
            .annotate(p=Count("pk", filter=Q(person__isnull=False)), c=Count("pk", filter=Q(collective__isnull=False)),
                      h=Count("pk", filter=Q(household__isnull=False))))
    return {(r["year"], r["entry_id"]): (r["p"], r["c"], r["h"]) for r in rows}


def tallied() -> dict:
    rows = AwardTally.objects.values_list("year", "entry_id", "persons", "collectives", "households")
    return {(y, e): (p, c, h) for y, e, p, c, h in rows if p or c or h}


def assert_in_step():
    expected = grouped()
    assert expected, "the test world has valid awards"
    assert tallied() == expected
    assert not AwardTally.objects.filter(Q(persons__lt=0) | Q(collectives__lt=0) | Q(households__lt=0)).exists()


def test_triggers_are_installed_by_the_migration():
    assert tally.installed_triggers(connection) == set(tally.TRIGGERS)


def test_services_and_revocation(award_world):
    # award_world grants through record_decision / grant_award and revokes one award with save().
    assert_in_step()
    award = award_world[0]["award"]
    before = tallied()[(award.year, award.entry_id)]
    award.status = "revoked"
    award.save()
    after = tallied().get((award.year, award.entry_id), (0, 0, 0))
    assert after[0] == before[0] - 1  # a person's award: one individual fewer
    assert_in_step()
    award.status = "valid"
    award.save()
    assert tallied()[(award.year, award.entry_id)] == before
    assert_in_step()


def test_unchanged_save_changes_nothing(award_world):
    before = tallied()
    for award in Award.objects.all():
        award.recipient_name = award.recipient_name + " "
        award.save()
    assert tallied() == before


def test_bulk_create(award_world, catalogue, report_units, people):
    decision = record_decision(number="99/QĐ-UBND", issued_on=date(2023, 4, 1), signer_name="Hồ Tiến Thiệu",
                               authority="chu_tich_ubnd_tinh", issuer=report_units["province"])
    collective = Collective.objects.create(name="Tổ số 2", unit=report_units["commune"])
    household = Household.objects.create(head_name="Hộ bà Hoàng Thị Lan", unit=report_units["commune"])
    subjects = [collective, household, collective, household]
    awards = []
    for i, subject in enumerate(subjects, start=1):
        award = Award(decision=decision, entry=catalogue["GIAY_KHEN"], recipient_name=str(subject),
                      unit=report_units["commune"], year=2023, certificate_number=i,
                      status="revoked" if i == 4 else "valid")
        award.set_subject(subject)
        awards.append(award)
    Award.objects.bulk_create(awards)
    assert tallied()[(2023, catalogue["GIAY_KHEN"].pk)] == (0, 2, 1)
    assert_in_step()


def test_queryset_updates_of_status_year_entry_and_subject(award_world, catalogue, report_units):
    Award.objects.filter(year=2024).update(status="revoked")
    assert not any(year == 2024 for year, _entry in tallied())
    assert_in_step()
    Award.objects.filter(year=2024).update(status="valid")
    assert_in_step()
    Award.objects.filter(year=2025, entry=catalogue["BK_TINH"]).update(year=2022)
    assert_in_step()
    Award.objects.filter(year=2022).update(entry=catalogue["GIAY_KHEN"])
    assert_in_step()
    # A subject changed from one kind to another moves the count between columns.
    award = Award.objects.filter(person__isnull=False, status="valid").first()
    collective = Collective.objects.create(name="Tổ số 3", unit=report_units["commune"])
    Award.objects.filter(pk=award.pk).update(person=None, collective=collective)
    assert_in_step()


def test_year_and_entry_changed_with_save(award_world, catalogue):
    award = Award.objects.filter(status="valid", year=2025).first()
    award.year = 2021
    award.entry = catalogue["GIAY_KHEN"]
    award.save()
    one = (int(award.person_id is not None), int(award.collective_id is not None), int(award.household_id is not None))
    assert tallied()[(2021, catalogue["GIAY_KHEN"].pk)] == one
    assert_in_step()


def test_deletes(award_world):
    Award.objects.filter(pk=award_world[0]["award"].pk).delete()
    assert_in_step()
    Award.objects.filter(year=2025, collective__isnull=False).delete()
    assert_in_step()
    Award.objects.all().delete()
    assert grouped() == {} and tallied() == {}


def test_a_rolled_back_write_leaves_the_tally_as_it_was(award_world):
    before = tallied()
    with pytest.raises(RuntimeError), transaction.atomic():
        Award.objects.filter(year=2025).update(status="revoked")
        raise RuntimeError
    assert tallied() == before


def test_install_recounts_and_ensure_installed_restores_lost_triggers(award_world):
    expected = grouped()
    tally.remove(connection)
    Award.objects.filter(year=2024).update(status="revoked")  # not seen: no triggers
    assert tally.installed_triggers(connection) == set()
    assert tally.ensure_installed() is True
    assert tally.installed_triggers(connection) == set(tally.TRIGGERS)
    assert tallied() == grouped() != expected
    assert tally.ensure_installed() is False  # nothing to do when they are there
    Award.objects.filter(year=2024).update(status="valid")
    assert tallied() == grouped() == expected


def test_statistics_read_the_tally_and_agree_with_the_grouped_path(award_world, report_units):
    every_unit = st.Scope(unit=report_units["province"], unit_ids=frozenset(u.pk for u in report_units.values()))
    Award.objects.filter(year=2024).update(year=2023)
    for period in (st.Period(2025), st.Period(2024), st.Period(2023), st.Period(None)):
        assert st.entry_year_counts(st.Scope.province(), period) == st.entry_year_counts(every_unit, period)
    # The province path really reads the tally: a counter changed behind the triggers' back shows.
    row = AwardTally.objects.filter(year=2025).first()
    AwardTally.objects.filter(year=2025, entry_id=row.entry_id).update(persons=row.persons + 1000)
    totals = {r.code: r.counts.total for r in st.awards_by_entry(st.Scope.province(), st.Period(2025), compare=False)}
    assert sum(totals.values()) == len([a for a in award_world if a["year"] == 2025]) + 1000
