import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.core.errors import DomainError
from tdkt.core.uploads import check_upload


def test_a_real_pdf_is_accepted():
    check_upload(SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.7 ..."))


@pytest.mark.parametrize("name, content, rule", [
    ("virus.exe", b"MZ....", "type_not_accepted"),
    ("empty.pdf", b"", "empty"),
    ("fake.pdf", b"<html>not a pdf</html>", "content_mismatch"),
    ("fake.docx", b"%PDF-1.4", "content_mismatch"),
])
def test_bad_files_are_refused_with_a_message_naming_the_file(name, content, rule):
    with pytest.raises(DomainError) as refused:
        check_upload(SimpleUploadedFile(name, content))
    assert name in str(refused.value)
    assert refused.value.code == rule
    assert refused.value.field == "file"


def test_the_refusal_is_worded_in_vietnamese_by_default():
    with pytest.raises(DomainError) as refused:
        check_upload(SimpleUploadedFile("fake.pdf", b"<html>"))
    assert "không phải là tệp .pdf" in str(refused.value)


def test_oversized_files_are_refused(settings):
    settings.TDKT_UPLOAD_MAX_BYTES = 10
    with pytest.raises(DomainError) as refused:
        check_upload(SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 20))
    assert "big.pdf" in str(refused.value)
    assert refused.value.code == "too_large"
