"""Importing a nominee list into a dossier: matching, preview, choices, one-transaction confirm,
idempotence, access; through the real services and the pages."""

import datetime as dt
import io

import pytest
import python_calamine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.core.spreadsheets import SheetError
from tdkt.core.tests.test_spreadsheets import FILES, xlsx
from tdkt.nominations import imports, services
from tdkt.nominations.models import ImportBatch, Nomination, TimelineEvent
from tdkt.organizations.models import Person

pytestmark = pytest.mark.django_db

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Chức vụ, đơn vị công tác", "Hình thức khen thưởng",
          "Tóm tắt thành tích"]


@pytest.fixture
def dossier(people, catalogue):
    clerk = people["clerk"]
    return services.create_dossier(actor=clerk, unit=clerk.unit, title="Khen thưởng năm học", kind="annual",
                                   year=2025)


@pytest.fixture
def registered(units):
    """People already in the database: one to match by birth date, one by ID, two namesakes."""
    return {
        "dao": Person.objects.create(full_name="Nguyễn Thị Đào", birth_date=dt.date(1980, 5, 17), unit=units["school"]),
        "by_id": Person.objects.create(full_name="Hà Văn Sơn", national_id="020080000111", unit=units["school"]),
        "lan_1": Person.objects.create(full_name="Lò Thị Lan", birth_year=1970, unit=units["school"]),
        "lan_2": Person.objects.create(full_name="Lò Thị Lan", birth_year=1991, unit=units["education"]),
        "far": Person.objects.create(full_name="Phùng Văn Xa", birth_date=dt.date(1975, 1, 1), unit=units["health"]),
    }


def sheet(*rows):
    return xlsx([["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"], HEADER, *rows])


ROWS = [
    [1, "Nguyen Thi Dao", dt.date(1980, 5, 17), None, "Giáo viên", "Lao động tiên tiến", "Hoàn thành tốt"],   # line 3
    [2, "Ha Van Son (ten cu)", "01/01/1980", 20080000111, "Kế toán", "LĐTT", "Hoàn thành tốt"],             # 4: by ID
    [3, "Lò Thị Lan", None, None, "Giáo viên", "Lao động tiên tiến", "Tốt"],                                  # 5: uncertain
    [4, "Mới Văn Tinh", "17/13/1990", None, "Nhân viên", "Lao động tiên tiến", "Tốt"],                       # 6: bad date
    [5, "Mới Thị Một", "02/03/1992", None, "Nhân viên", "Huân chương Mặt Trời", "Tốt"],                     # 7: unknown award
    [6, "Mới Thị Hai", 1993, None, "Nhân viên", "Lao động tiên tiến", "=cmd|' /C calc'!A0"],               # 8: new
    [7, "Nguyễn Thị Đào", "17/05/1980", None, "Giáo viên", "Lao dong tien tien", "Lặp lại"],               # 9: duplicate of 3
    [8, "Phùng Văn Xa", "01/01/1975", None, "Bác sĩ", "Lao động tiên tiến", "Tốt"],                          # 10: out of scope
    [9, "Mới Văn Ba", "03/04/1985", None, "Nhân viên", "Lao động tiên tiến", ""],                            # 11: no summary
]


def start(dossier, clerk, data=None, name="ds.xlsx", **kwargs):
    return imports.start_import(dossier, actor=clerk, data=data or sheet(*ROWS), filename=name, **kwargs)


def by_line(preview):
    return {row.line: row for row in preview.rows}


def test_columns_are_matched_and_every_row_checked_without_saving(dossier, people, registered):
    clerk = people["clerk"]
    people_before, nominations_before = Person.objects.count(), Nomination.objects.count()
    batch = start(dossier, clerk)
    assert batch.mapping == ["", "full_name", "birth_date", "national_id", "position_text", "entry",
                             "achievement_summary"]
    assert batch.header_line == 2
    rows = by_line(imports.check_batch(batch, actor=clerk))
    assert rows[3].status == "matched" and rows[3].person == registered["dao"] and rows[3].valid
    assert rows[4].person == registered["by_id"] and rows[4].warnings["national_id"]  # leading zero restored
    assert rows[4].warnings["full_name"]           # the record's name differs
    assert rows[5].status == "uncertain" and set(rows[5].candidates) == {registered["lan_1"], registered["lan_2"]}
    assert not rows[5].valid
    assert rows[6].errors["birth_date"]
    assert rows[7].errors["entry"]
    assert rows[8].status == "new" and rows[8].valid and rows[8].birth.year == 1993
    assert rows[9].status == "duplicate" and rows[9].errors[imports.ROW]
    assert rows[10].errors["full_name"]            # a person of another unit's scope
    assert rows[11].errors["achievement_summary"]
    assert Person.objects.count() == people_before and Nomination.objects.count() == nominations_before


def test_confirm_saves_valid_rows_once_and_a_second_import_creates_nothing(dossier, people, registered):
    clerk = people["clerk"]
    batch = start(dossier, clerk)
    imports.set_choices(batch, {"5": f"person:{registered['lan_1'].pk}"})
    result = imports.confirm_batch(batch, actor=clerk)
    assert result.added == 4 and result.new_people == 1
    subjects = set(dossier.nominations.values_list("person__full_name", flat=True))
    assert subjects == {"Nguyễn Thị Đào", "Hà Văn Sơn", "Lò Thị Lan", "Mới Thị Hai"}
    assert dossier.nominations.get(person=registered["lan_1"])
    new = Person.objects.get(full_name="Mới Thị Hai")
    assert new.search_name == "moi thi hai" and new.birth_year == 1993 and new.unit == dossier.unit
    assert sorted(line for line, _why in result.skipped) == [6, 7, 9, 10, 11]
    assert TimelineEvent.objects.filter(dossier=dossier, event_type="nomination.imported").count() == 1
    batch.refresh_from_db()
    assert batch.state == "confirmed"

    people_count, nominations_count = Person.objects.count(), Nomination.objects.count()
    again = start(dossier, clerk)
    assert imports.earlier_import(again) == batch
    imports.set_choices(again, {"5": f"person:{registered['lan_1'].pk}"})
    rows = by_line(imports.check_batch(again, actor=clerk))
    assert {line for line, row in rows.items() if row.status == "present"} == {3, 4, 5, 8}
    second = imports.confirm_batch(again, actor=clerk)
    assert second.added == 0
    assert (Person.objects.count(), Nomination.objects.count()) == (people_count, nominations_count)


def test_the_same_new_person_on_two_lines_is_registered_once(dossier, people, catalogue):
    clerk = people["clerk"]
    data = sheet([1, "Mới Văn Đôi", "01/02/1990", None, "", "Lao động tiên tiến", "a"],
                 [2, "Moi Van Doi", "01/02/1990", None, "", "Chiến sĩ thi đua cơ sở", "b"])
    result = imports.import_file(dossier, actor=clerk, data=data, filename="doi.xlsx")
    assert result.added == 2 and result.new_people == 1


def test_a_failure_while_saving_leaves_nothing(dossier, people, monkeypatch):
    clerk = people["clerk"]
    batch = start(dossier, clerk, sheet([1, "Mới Văn Một", 1990, None, "", "LĐTT", "a"]))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # The last write of the confirmation fails: the people and nominations written before it go too.
    monkeypatch.setattr(TimelineEvent.objects, "create", broken)
    with pytest.raises(RuntimeError):
        imports.confirm_batch(batch, actor=clerk)
    assert not Person.objects.filter(full_name="Mới Văn Một").exists()
    assert not dossier.nominations.exists()
    batch.refresh_from_db()
    assert batch.state == "preview"


def test_a_batch_read_back_from_the_database_checks_like_the_uploaded_one(dossier, people, registered):
    """The preview and confirm pages load the kept batch: dates, numbers and text come back as
    the file gave them, so every line reads and is judged the same."""
    clerk = people["clerk"]
    batch = start(dossier, clerk)
    stored = ImportBatch.objects.get(pk=batch.pk)
    assert stored.rows == [list(pair) for pair in batch.rows]
    assert [type(cell) for _line, cells in stored.rows for cell in cells] == [
        type(cell) for _line, cells in batch.rows for cell in cells]

    def seen(preview):
        return [(row.line, row.status, row.values, row.errors, row.warnings, row.birth) for row in preview.rows]

    assert seen(imports.check_batch(stored, actor=clerk)) == seen(imports.check_batch(batch, actor=clerk))


def test_a_message_belongs_to_its_line_alone(dossier, people, registered):
    """Lines without messages share one empty mapping: the first message gives a line its own."""
    clerk = people["clerk"]
    rows = by_line(imports.check_batch(start(dossier, clerk), actor=clerk))
    assert rows[6].errors["birth_date"] and not rows[3].errors and not rows[8].errors
    assert imports.NO_MESSAGES == {}
    with pytest.raises(TypeError):
        rows[3].errors["full_name"] = ["x"]


def test_new_people_never_take_the_id_of_a_deleted_person(dossier, people, catalogue):
    """Ids of new people follow the table's counter (AUTOINCREMENT, sequence), not the largest id
    left: a deleted person's id, which old records may still name, is not given to someone else."""
    clerk = people["clerk"]
    gone = Person.objects.create(full_name="Người Đã Xoá", unit=clerk.unit)
    gone_id = gone.pk
    gone.delete()
    imports.import_file(dossier, actor=clerk, data=sheet([1, "Mới Văn Sau", 1990, None, "", "LĐTT", "a"]),
                        filename="sau.xlsx")
    assert Person.objects.get(full_name="Mới Văn Sau").pk > gone_id


def test_an_import_recorded_by_django_saves_the_same(dossier, people, registered):
    """When Django records queries (DEBUG, a test counting them) the bulk inserts go through its
    cursor and are recorded; otherwise straight to the driver. Both save the same."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    clerk = people["clerk"]
    batch = start(dossier, clerk)
    imports.set_choices(batch, {"5": f"person:{registered['lan_1'].pk}"})
    with CaptureQueriesContext(connection) as captured:
        result = imports.confirm_batch(batch, actor=clerk)
    assert result.added == 4 and result.new_people == 1
    inserts = [query["sql"] for query in captured.captured_queries if query["sql"].startswith("INSERT INTO")]
    assert any("nominations_nomination" in sql for sql in inserts)
    assert any("organizations_person" in sql for sql in inserts)
    assert set(dossier.nominations.values_list("person__full_name", flat=True)) == {
        "Nguyễn Thị Đào", "Hà Văn Sơn", "Lò Thị Lan", "Mới Thị Hai"}


def test_changing_a_column_match_is_kept(dossier, people, catalogue):
    clerk = people["clerk"]
    data = xlsx([["Họ và tên", "Ghi chú", "Danh hiệu"], ["Mới Văn Một", "Tốt lắm", "LĐTT"]])
    batch = start(dossier, clerk, data)
    assert by_line(imports.check_batch(batch, actor=clerk))[2].errors["achievement_summary"]
    imports.set_mapping(batch, ["full_name", "achievement_summary", "entry"])
    batch.refresh_from_db()
    row = by_line(imports.check_batch(batch, actor=clerk))[2]
    assert row.valid and row.values["achievement_summary"] == "Tốt lắm"


def test_defaults_for_rows_without_award_or_summary(dossier, people, catalogue):
    clerk = people["clerk"]
    data = xlsx([["Họ và tên", "Năm sinh"], ["Mới Văn Một", 1990]])
    batch = start(dossier, clerk, data, options={"entry": "LDTT", "summary": "Hoàn thành tốt nhiệm vụ"})
    row = by_line(imports.check_batch(batch, actor=clerk))[2]
    assert row.valid and row.entry.code == "LDTT"


@pytest.mark.parametrize("name", ["nominees.xls", "nominees.ods", "nominees.docx"])
def test_other_formats_import(dossier, people, catalogue, name):
    clerk = people["clerk"]
    batch = start(dossier, clerk, (FILES / name).read_bytes(), name, options={"summary": "Hoàn thành tốt"})
    preview = imports.check_batch(batch, actor=clerk)
    assert preview.valid_rows, [(r.line, r.errors) for r in preview.rows]
    if name == "nominees.docx":
        rows = preview.rows
        assert rows[0].gender == "male" and rows[0].birth.year == 1982
        assert rows[1].gender == "female" and rows[1].birth.day == dt.date(1990, 4, 12)


def test_access_is_that_of_adding_a_nominee(dossier, people, submitted_dossier):
    with pytest.raises(Exception):
        start(dossier, people["outsider"])
    with pytest.raises(Exception):
        start(dossier, people["head"])
    with pytest.raises(Exception):
        start(submitted_dossier, people["clerk"])


def test_bad_files_change_nothing(dossier, people, catalogue):
    for data, name, code in [((FILES / "encrypted.xlsx").read_bytes(), "a.xlsx", "encrypted"),
                             (b"garbage", "a.xlsx", "corrupted"), (b"x", "a.pdf", "wrong_type"),
                             (xlsx([["Họ và tên", "Năm sinh"]]), "a.xlsx", "empty")]:
        with pytest.raises(SheetError) as caught:
            start(dossier, people["clerk"], data, name)
        assert caught.value.code == code
    assert not ImportBatch.objects.exists()


# --- The pages ----------------------------------------------------------------------------

def upload(client, dossier, data, name="ds.xlsx", **extra):
    return client.post(reverse("nominations:import_upload", args=[dossier.pk]),
                       {"file": SimpleUploadedFile(name, data), **extra})


def test_pages_upload_preview_choose_confirm(client, dossier, people, registered):
    client.force_login(people["clerk"])
    response = upload(client, dossier, sheet(*ROWS))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/nhap-danh-sach/{batch.pk}/")
    page = client.get(response.url)
    assert page.status_code == 200 and page.context["valid_count"] == 3 and page.context["uncertain_count"] == 1
    assert not dossier.nominations.exists()
    # The choice is kept on the batch, across re-renders.
    client.post(response.url, {f"choice-5": f"person:{registered['lan_2'].pk}"})
    batch.refresh_from_db()
    assert batch.choices == {"5": f"person:{registered['lan_2'].pk}"}
    assert client.get(response.url).context["valid_count"] == 4
    done = client.post(reverse("nominations:import_confirm", args=[dossier.pk, batch.pk]))
    assert done.status_code == 302
    assert dossier.nominations.count() == 4
    assert client.get(done.url).status_code == 200


def test_page_remapping_and_filters(client, dossier, people, registered):
    client.force_login(people["clerk"])
    upload(client, dossier, sheet(*ROWS))
    batch = ImportBatch.objects.get()
    url = reverse("nominations:import_preview", args=[dossier.pk, batch.pk])
    mapping = {f"col-{i}": name for i, name in enumerate(batch.mapping)}
    mapping["col-5"] = ""   # the award column is no longer imported
    client.post(url, {"mapping": "1", **mapping})
    batch.refresh_from_db()
    assert batch.mapping[5] == ""
    page = client.get(url + "?show=problems")
    assert page.context["valid_count"] == 0
    assert len(page.context["page_obj"].object_list) == 9


def test_page_refuses_bad_file_with_a_message(client, dossier, people):
    client.force_login(people["clerk"])
    response = upload(client, dossier, (FILES / "truncated.xlsx").read_bytes())
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()


def test_pages_scope(client, dossier, people):
    client.force_login(people["outsider"])
    assert client.get(reverse("nominations:import_upload", args=[dossier.pk])).status_code == 404
    client.force_login(people["head"])
    assert client.get(reverse("nominations:import_upload", args=[dossier.pk])).status_code == 403
    client.force_login(people["clerk"])
    upload(client, dossier, sheet(*ROWS[:1]))
    batch = ImportBatch.objects.get()
    client.force_login(people["outsider"])
    assert client.post(reverse("nominations:import_confirm", args=[dossier.pk, batch.pk])).status_code == 404
    assert not dossier.nominations.exists()


def test_blank_template(client, dossier, people):
    client.force_login(people["clerk"])
    response = client.get(reverse("nominations:import_template", args=[dossier.pk]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    rows = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert rows[0][1] == "Họ và tên" and rows[1][1] == "Nguyễn Thị Đào"
    # The template imports as it is.
    batch = start(dossier, people["clerk"], data, "mau.xlsx")
    assert all(name for name in batch.mapping[1:])


def test_phase_times_are_recorded_only_when_asked(dossier, people, catalogue, monkeypatch):
    clerk = people["clerk"]
    imports.import_file(dossier, actor=clerk, data=sheet([1, "Mới Văn Một", 1990, None, "", "LĐTT", "a"]),
                        filename="a.xlsx")
    assert imports.PHASE_TIMES is None
    monkeypatch.setattr(imports, "PHASE_TIMES", {})
    imports.import_file(dossier, actor=clerk, data=sheet([1, "Mới Văn Hai", 1991, None, "", "LĐTT", "b"]),
                        filename="b.xlsx")
    assert {"read", "header", "batch keep", "check", "match people", "save people", "save nominations",
            "batch clear"} <= set(imports.PHASE_TIMES)
    assert all(wall >= 0 and cpu >= 0 for wall, cpu in imports.PHASE_TIMES.values())


def test_repeated_birth_cells_are_parsed_once_but_each_line_gets_its_own_result(dossier, people, catalogue):
    clerk = people["clerk"]
    batch = start(dossier, clerk, sheet([1, "Mới Văn Một", "31/02/1990", None, "", "LĐTT", "a"],
                                        [2, "Mới Văn Hai", "31/02/1990", None, "", "LĐTT", "b"],
                                        [3, "Mới Văn Ba", True, None, "", "LĐTT", "c"],
                                        [4, "Mới Văn Bốn", 1, None, "", "LĐTT", "d"]))
    rows = by_line(imports.check_batch(batch, actor=clerk))
    assert rows[3].errors["birth_date"] == rows[4].errors["birth_date"]
    assert rows[3].errors["birth_date"] is not rows[4].errors["birth_date"]
    assert rows[5].errors["birth_date"] != rows[6].errors["birth_date"]   # True is not the serial number 1
