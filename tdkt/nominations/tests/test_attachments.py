"""An attachment's file disappears only when its removal is committed."""

import pytest

from tdkt.conftest import pdf
from tdkt.core.errors import DomainError
from tdkt.nominations import services


@pytest.mark.django_db
def test_the_file_is_deleted_once_the_removal_commits(make_dossier, people, django_capture_on_commit_callbacks):
    dossier = make_dossier()
    attachment = services.add_attachment(dossier, actor=people["clerk"], kind="khac", uploaded=pdf("extra.pdf"))
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.remove_attachment(attachment, actor=people["clerk"])
    assert storage.exists(name), "the file must survive until the transaction commits"
    for callback in callbacks:
        callback()
    assert not storage.exists(name)


@pytest.mark.django_db
def test_a_refused_removal_keeps_the_file(submitted_dossier, people):
    attachment = submitted_dossier.attachments.first()
    with pytest.raises(DomainError):
        services.remove_attachment(attachment, actor=people["clerk"])  # no longer editable
    assert attachment.file.storage.exists(attachment.file.name)
