"""Long id lists go to the database as one parameter (json_each on SQLite, unnest on PostgreSQL):
the rows must be exactly those of a plain IN list, on both databases."""

import pytest

from tdkt.organizations.models import Person, YearlyRating
from tdkt.organizations.queries import id_values, person_facts

pytestmark = pytest.mark.django_db


def test_a_long_id_list_selects_the_same_rows_as_a_plain_list(units):
    people = Person.objects.bulk_create(
        [Person(full_name=f"Người {i}", search_name=f"nguoi {i}", unit=units["school"]) for i in range(160)])
    wanted = [person.pk for person in people[::2]] + [10**9]  # 80 real ids and one that matches nothing
    wanted = wanted + [person.pk for person in people[1:60:2]]  # > 100 ids in all
    assert len(wanted) > 100
    via_parameter = set(Person.objects.filter(pk__in=id_values(wanted)).values_list("pk", flat=True))
    plain = set(Person.objects.filter(pk__in=list(wanted)).values_list("pk", flat=True))
    assert via_parameter == plain and len(plain) == 110


def test_person_facts_for_many_people_reads_every_rating(units):
    people = Person.objects.bulk_create(
        [Person(full_name=f"Giáo viên {i}", search_name=f"giao vien {i}", unit=units["school"]) for i in range(130)])
    YearlyRating.objects.bulk_create([YearlyRating(person=person, year=2024, rating="excellent") for person in people])
    facts = person_facts([person.pk for person in people])
    assert len(facts) == 130
    assert all(fact["ratings"] == {"2024": "excellent"} for fact in facts.values())
