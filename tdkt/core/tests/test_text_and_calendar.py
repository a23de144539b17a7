from datetime import date

import pytest

from tdkt.core.calendar import add_working_days, working_days_between
from tdkt.core.models import Holiday
from tdkt.core.text import fold, fold_many, tidy_many


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


def _fold_by_definition(text):
    """fold spelled out one character at a time: the keys stored in the database (search_name)
    were made this way, so the fast fold must give exactly the same keys."""
    import unicodedata
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    kept = [ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"]
    return " ".join("".join(kept).split()).lower()


VIETNAMESE_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
                      "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ")


@pytest.mark.parametrize("text", [
    VIETNAMESE_LETTERS, " ".join(VIETNAMESE_LETTERS),
    "Nguyễn\u00a0Thị\tĐào\n", "Søren Ærø", "Straße", "李小龍 Lý Tiểu Long", "e\u1dc0 a\u20d7",  # marks outside U+03xx
    "H'Mông – Ê Đê", "  ", "\u2003Đức\u2003",
])
def test_fold_gives_the_same_keys_as_its_definition(text):
    assert fold(text) == _fold_by_definition(text)


TRICKY = ["Nguyễn Thị Đào", " Lò  Thị\tLan ", "", "ĐỨC", "İSTANBUL", "ΟΔΟΣ", "ΟΔΟΣ ΑΒ", "a\u00a0b", "x\u2003",
          "H'Mông", "Søren", "e\u0301\u0323", "\u0323e", "Trần\nVăn", "  ", "A B C", "NGUYỄN VĂN A 00017"]


@pytest.mark.parametrize("texts", [
    TRICKY,
    ["Nguyễn Thị Đào", " Lò  Thị\tLan ", "", "ĐỨC", "İSTANBUL", "e\u0301\u0323", "Trần\nVăn"],   # all ASCII once folded
    ["Nguyễn Văn A", "Trần Thị Bình", "Lê Đức Cúc"],                          # nothing to tidy
    ["Nguyễn Văn A ", "Trần  Thị Bình"], [" Lò"], ["Lò "], ["a\x1fb"], ["a\x0bb", "c"],   # spaces to collapse
    ["Lò\u00a0Thị", "An"], ["An", "Bình\u3000"], ["x", " ", "y"], ["x", "", "y"],
    ["a\x00b", "c"],                                                            # the separator inside a cell
    ["ΟΔΟΣ", "ΑΒ"], ["Σ", "Σ"], ["İ"], [""], [],
])
def test_folding_and_tidying_a_whole_column_equal_doing_it_cell_by_cell(texts):
    assert fold_many(texts) == [fold(text) for text in texts]
    assert tidy_many(texts) == [" ".join(text.split()) for text in texts]


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
