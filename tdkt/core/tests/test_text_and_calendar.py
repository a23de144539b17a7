from datetime import date

import pytest

from tdkt.core.calendar import add_working_days, working_days_between
from tdkt.core.models import Holiday
from tdkt.core.text import fold


@pytest.mark.parametrize("raw, folded", [
    ("Nguyễn Thị Đào", "nguyen thi dao"),
    ("ĐÀO  VĂN   ĐỨC", "dao van duc"),
    ("Lương Thị Hường", "luong thi huong"),
    ("H'Mông", "h'mong"),
    ("", ""),
    (None, ""),
])
def test_fold_strips_diacritics_and_maps_d_with_stroke(raw, folded):
    assert fold(raw) == folded


def test_fold_treats_composed_and_decomposed_input_alike():
    composed = "Nguyễn"
    decomposed = "Nguye\u0302\u0303n"
    assert fold(composed) == fold(decomposed) == "nguyen"


@pytest.mark.django_db
def test_working_days_skip_weekends_and_holidays():
    # Friday 29/08/2025; 01/09 (Mon) and 02/09 (Tue) are National Day holidays.
    Holiday.objects.create(on=date(2025, 9, 1), name="Quốc khánh")
    Holiday.objects.create(on=date(2025, 9, 2), name="Quốc khánh")
    assert add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)
    assert add_working_days(date(2025, 8, 29), 5) == date(2025, 9, 9)
    assert working_days_between(date(2025, 8, 29), date(2025, 9, 9)) == 5


@pytest.mark.django_db
def test_a_make_up_saturday_counts_as_a_working_day():
    Holiday.objects.create(on=date(2025, 4, 26), name="Làm bù", is_working_day=True)
    # Friday 25/04/2025 + 1 working day = the make-up Saturday.
    assert add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)


def test_zero_days_is_the_same_day():
    assert add_working_days(date(2025, 1, 1), 0) == date(2025, 1, 1)
